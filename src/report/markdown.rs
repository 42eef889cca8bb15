//! The night report in Markdown: a title, which version it is, then one table per section.

use super::night::NightReport;
use super::tables::{Durations, Table, heading, tables};
use crate::i18n::Lang;

/// Text that reads as itself in any Markdown viewer and cannot break the table: HTML's
/// `& < >` as entities (no tag, no autolink survives), the inline syntax (`* _ [ ] ` ~ |`
/// and the backslash) escaped, line breaks as `<br>`.
pub fn cell(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, line) in s.lines().enumerate() {
        if i > 0 {
            out.push_str("<br>");
        }
        for c in line.chars() {
            match c {
                '&' => out.push_str("&amp;"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' => {
                    out.push('\\');
                    out.push(c);
                }
                _ => out.push(c),
            }
        }
    }
    out
}

fn table(out: &mut String, t: &Table, lang: Lang) {
    out.push_str(&format!("\n## {}\n\n", cell(&t.title)));
    if t.id == "handover" {
        // The note reads as prose.
        for row in &t.rows {
            let text = row.get(1).map(String::as_str).unwrap_or("");
            let text = if text.trim().is_empty() { "—" } else { text };
            let colon = lang.pick(" :", ":");
            out.push_str(&format!("**{}**{colon} {}\n\n", row[0], cell(text)));
        }
    } else if t.rows.is_empty() {
        out.push_str(lang.pick("— aucune\n", "— none\n"));
    } else {
        let heads: Vec<String> = t.headers.iter().map(|h| cell(h)).collect();
        out.push_str(&format!("| {} |\n", heads.join(" | ")));
        // Counts and durations align right: every column after the first that holds numbers.
        let rule: Vec<&str> = (0..t.headers.len())
            .map(|c| {
                let numeric = c > 0
                    && t.rows.iter().all(|r| {
                        r.get(c).is_some_and(|v| {
                            v.chars().next().is_some_and(|ch| ch.is_ascii_digit())
                                || v == "—"
                                || v.starts_with('<')
                        })
                    });
                if numeric { "---:" } else { "---" }
            })
            .collect();
        out.push_str(&format!("|{}|\n", rule.join("|")));
        for r in &t.rows {
            let cells: Vec<String> = r.iter().map(|c| cell(c)).collect();
            out.push_str(&format!("| {} |\n", cells.join(" | ")));
        }
    }
    if let Some(f) = &t.footnote {
        out.push_str(&format!("\n_{}_\n", cell(f)));
    }
}

pub fn render(r: &NightReport, lang: Lang) -> String {
    let (title, lines) = heading(r, lang);
    document(&title, &lines, &tables(r, lang, Durations::Words), lang)
}

/// A title, lines under it, then one `##` section per table (night and period reports).
pub fn document(title: &str, lines: &[String], tables: &[Table], lang: Lang) -> String {
    let mut out = format!("# {}\n\n", cell(title));
    for l in lines {
        out.push_str(&format!("{}  \n", cell(l)));
    }
    for t in tables {
        table(&mut out, t, lang);
    }
    out
}
