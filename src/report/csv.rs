//! The night report as one CSV file that opens cleanly in a spreadsheet: UTF-8 with a byte
//! order mark (so Excel reads the accents), CRLF line ends, and the sections one below the
//! other, each as a title row, a header row, its rows, then an empty row. The first column
//! always holds the section's stable name, so a filter on it isolates one section.
//! Semicolons for French Excel, where the comma is the decimal separator; durations are
//! decimal minutes written with the matching decimal mark.

use super::night::NightReport;
use super::tables::{Durations, Table, heading, tables};
use crate::i18n::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Separator {
    Comma,
    #[default]
    Semicolon,
}

impl Separator {
    fn char(self) -> char {
        match self {
            Separator::Comma => ',',
            Separator::Semicolon => ';',
        }
    }
    /// The decimal mark a spreadsheet expects with this separator.
    fn decimal(self) -> char {
        match self {
            Separator::Comma => '.',
            Separator::Semicolon => ',',
        }
    }
}

pub const BOM: &str = "\u{feff}";

/// RFC 4180 quoting; a cell a spreadsheet would run as a formula (=, +, -, @, a tab or a
/// carriage return first, spaces aside) is written with a leading apostrophe so it stays
/// text. Numbers we wrote ("-0,5") are not formulas: only text is guarded.
pub fn field(s: &str, sep: Separator) -> String {
    let numeric = s.parse::<f64>().is_ok() || s.replace(',', ".").parse::<f64>().is_ok();
    let s = match s.trim_start_matches(' ').chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') if !numeric => format!("'{s}"),
        _ => s.to_string(),
    };
    let needs = s.contains(sep.char())
        || s.contains('"')
        || s.contains('\n')
        || s.contains('\r')
        || s.starts_with(' ')
        || s.ends_with(' ');
    if needs {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

fn row(out: &mut String, cells: &[String], sep: Separator) {
    let cells: Vec<String> = cells.iter().map(|c| field(c, sep)).collect();
    out.push_str(&cells.join(&sep.char().to_string()));
    out.push_str("\r\n");
}

pub fn render(r: &NightReport, lang: Lang, sep: Separator) -> String {
    let (title, lines) = heading(r, lang);
    let durations = Durations::Minutes {
        decimal: sep.decimal(),
    };
    document(&title, &lines, &tables(r, lang, durations), lang, sep)
}

/// The durations a CSV with this separator writes.
pub fn durations(sep: Separator) -> Durations {
    Durations::Minutes {
        decimal: sep.decimal(),
    }
}

/// The `report` rows, then the tables one below the other (night and period reports).
pub fn document(
    title: &str,
    lines: &[String],
    tables: &[Table],
    lang: Lang,
    sep: Separator,
) -> String {
    let mut out = String::from(BOM);
    let title = title.to_string();
    let section = lang.pick("section", "section").to_string();
    row(&mut out, &["report".into(), title], sep);
    for l in lines {
        row(&mut out, &["report".into(), l.clone()], sep);
    }
    out.push_str("\r\n");
    for t in tables {
        row(&mut out, &[t.id.to_string(), t.title.clone()], sep);
        let mut head = vec![section.clone()];
        head.extend(t.headers.iter().cloned());
        row(&mut out, &head, sep);
        for r in &t.rows {
            let mut cells = vec![t.id.to_string()];
            cells.extend(r.iter().cloned());
            row(&mut out, &cells, sep);
        }
        if let Some(f) = &t.footnote {
            row(&mut out, &[t.id.to_string(), f.clone()], sep);
        }
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_only_when_needed() {
        let semi = Separator::Semicolon;
        assert_eq!(field("Néotoa", semi), "Néotoa");
        assert_eq!(field("a;b", semi), "\"a;b\"");
        assert_eq!(field("a;b", Separator::Comma), "a;b");
        assert_eq!(field("dit \"stop\"", semi), "\"dit \"\"stop\"\"\"");
        assert_eq!(field("deux\nlignes", semi), "\"deux\nlignes\"");
        assert_eq!(field("=1+1", semi), "'=1+1");
    }
}
