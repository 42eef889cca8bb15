//! `vigie report night` without a date — the last closed night for the commissioners, as
//! asked the morning after — answers from a copy made at the journal's head, and the long
//! way as soon as the journal has moved on.

mod common;

use std::path::Path;

fn copies(data: &Path) -> Vec<std::path::PathBuf> {
    match std::fs::read_dir(data.join("derived")) {
        Ok(dir) => dir.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(_) => Vec::new(),
    }
}

fn night(data: &Path, args: &[&str]) -> String {
    let mut all = vec!["report", "night"];
    all.extend_from_slice(args);
    let out = common::run(data, &all);
    out.assert_ok();
    out.stdout
}

#[test]
fn the_copy_answers_while_the_journal_stays_and_is_left_once_it_moves() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let data = dir.path();
    common::demo(data, 3, 7, "2026-03-06");
    let long_way = night(data, &[]);
    assert!(
        long_way.contains("2026-03-06") || long_way.contains("6 mars"),
        "{long_way}"
    );
    let kept = copies(data);
    assert_eq!(kept.len(), 1, "one copy kept: {kept:?}");
    let copy = kept[0].clone();
    // Byte for byte what the long way printed.
    assert_eq!(night(data, &[]), long_way);
    let dated = night(data, &["2026-03-06"]);
    assert_eq!(dated, long_way, "the same night asked by its date");

    // The copy is what answers: a changed body (its stamp kept) shows.
    let text = std::fs::read_to_string(&copy).expect("the copy reads");
    let stamp = text.lines().next().expect("a stamp line");
    std::fs::write(&copy, format!("{stamp}\nCOPIE\n")).expect("the copy is rewritten");
    assert_eq!(night(data, &[]), "COPIE\n");
    // Another format, language or version is another copy; the service's own version
    // and a file written out never come from one.
    assert_ne!(night(data, &["--format", "csv"]), "COPIE\n");
    assert_ne!(night(data, &["--internal"]), "COPIE\n");
    assert!(
        copies(data).len() >= 2,
        "the CSV has its copy: {:?}",
        copies(data)
    );

    // A night more in the journal: the copy is stale and the new last night is reported.
    common::demo(data, 1, 8, "2026-03-07");
    let moved = night(data, &[]);
    assert_ne!(moved, "COPIE\n");
    assert_eq!(moved, night(data, &["2026-03-07"]));
    common::run(data, &["check"]).assert_ok();
}
