//! Golden files for the Markdown and CSV outputs, in French and English. Compared byte for
//! byte; `VIGIE_BLESS=1 cargo test --test report` rewrites them (then read the diff).

use super::nights::{clock_change, monday_and_tuesday};
use std::path::PathBuf;
use vigie::i18n::Lang;
use vigie::report::csv::{self, Separator};
use vigie::report::markdown;
use vigie::report::redact::Redaction;

pub fn golden_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name)
}

#[track_caller]
pub fn check(name: &str, actual: &str) {
    let path = golden_path(name);
    if std::env::var_os("VIGIE_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().expect("dir")).expect("golden dir");
        std::fs::write(&path, actual).expect("write golden");
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; write it with VIGIE_BLESS=1 cargo test --test report",
            path.display()
        )
    });
    if expected != actual {
        let line = expected
            .split('\n')
            .zip(actual.split('\n'))
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| expected.split('\n').count().min(actual.split('\n').count()));
        panic!(
            "{name} differs from the golden file at line {}:\n  golden: {:?}\n  actual: {:?}\n\
             (VIGIE_BLESS=1 rewrites it)",
            line + 1,
            expected.split('\n').nth(line),
            actual.split('\n').nth(line),
        );
    }
}

#[test]
fn markdown_and_csv_of_monday_match_the_golden_files() {
    let d = monday_and_tuesday();
    let r = d.report("2026-11-30", Redaction::Commissioner);
    check("night-2026-11-30.fr.md", &markdown::render(&r, Lang::Fr));
    check("night-2026-11-30.en.md", &markdown::render(&r, Lang::En));
    check(
        "night-2026-11-30.fr.csv",
        &csv::render(&r, Lang::Fr, Separator::Semicolon),
    );
    check(
        "night-2026-11-30.en.csv",
        &csv::render(&r, Lang::En, Separator::Comma),
    );
}

#[test]
fn the_clock_change_night_shows_winter_times_with_their_offset() {
    let d = clock_change();
    let r = d.report("2026-10-24", Redaction::Commissioner);
    let md = markdown::render(&r, Lang::Fr);
    check("night-2026-10-24.fr.md", &md);
    check(
        "night-2026-10-24.en.csv",
        &csv::render(&r, Lang::En, Separator::Comma),
    );
    // b2 dispatched 02:10 summer time, on site 02:15 winter time.
    assert!(
        md.contains("| 02:10 | 2 | Résidence des Asturies |"),
        "{md}"
    );
    assert!(md.contains("| 02:15 UTC+1 | 02:40 UTC+1 |"), "{md}");
}

#[test]
fn the_internal_markdown_of_tuesday_matches_its_golden_file() {
    let d = monday_and_tuesday();
    let r = d.report("2026-12-01", Redaction::Internal);
    check(
        "night-2026-12-01.internal.fr.md",
        &markdown::render(&r, Lang::Fr),
    );
}

#[test]
fn csv_starts_with_a_bom_uses_crlf_and_keeps_columns_per_section() {
    let d = monday_and_tuesday();
    let r = d.report("2026-11-30", Redaction::Commissioner);
    for (sep, c, decimal) in [
        (Separator::Semicolon, ';', ','),
        (Separator::Comma, ',', '.'),
    ] {
        let out = csv::render(&r, Lang::Fr, sep);
        assert!(out.starts_with('\u{feff}'));
        assert!(!out.replace("\r\n", "").contains('\n'), "CRLF only");
        // Every row of a section has as many fields as its header.
        for block in out.trim_start_matches('\u{feff}').split("\r\n\r\n").skip(1) {
            let rows: Vec<&str> = block.split("\r\n").filter(|l| !l.is_empty()).collect();
            if rows.len() < 2 {
                continue;
            }
            let width = fields(rows[1], c).len();
            for row in &rows[2..] {
                let n = fields(row, c).len();
                if n == 2 && width != 2 {
                    continue; // a footnote row
                }
                assert_eq!(n, width, "{row}");
            }
        }
        // Durations as decimal minutes with the matching mark: P2's p90 on site, 18 min.
        assert!(
            out.contains(&format!("times{c}P2 prioritaire{c}90e centile (min){c}6{decimal}0{c}18{decimal}0{c}20{decimal}0")),
            "{out}"
        );
    }
}

/// Splits one CSV row (RFC 4180 quotes, no line break inside) into its fields.
pub fn fields(row: &str, sep: char) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut quoted = false;
    let mut chars = row.chars().peekable();
    while let Some(ch) = chars.next() {
        match ch {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                out.last_mut().expect("a field").push('"');
            }
            '"' => quoted = !quoted,
            c if c == sep && !quoted => out.push(String::new()),
            c => out.last_mut().expect("a field").push(c),
        }
    }
    out
}
