//! `vigie report night` as a person runs it.

use super::common::run;
use super::golden::golden_path;
use super::nights::{CALLBACK, CARRIED_NOTE, monday_and_tuesday};

#[test]
fn the_command_prints_writes_and_explains_a_missing_night() {
    let (_tmp, data) = monday_and_tuesday().into_data_dir();
    let golden = |n: &str| std::fs::read_to_string(golden_path(n)).expect("golden file");

    // The binary prints the same Markdown as the golden file.
    let out = run(&data, &["report", "night", "2026-11-30"]);
    out.assert_ok();
    assert_eq!(out.stdout, golden("night-2026-11-30.fr.md"));
    let out = run(
        &data,
        &[
            "--lang",
            "en",
            "report",
            "night",
            "2026-11-30",
            "--format",
            "csv",
            "--separator",
            "comma",
        ],
    );
    out.assert_ok();
    assert_eq!(out.stdout, golden("night-2026-11-30.en.csv"));

    // Without a date: the last closed night (Tuesday's).
    let out = run(&data, &["report", "night", "--format", "json"]);
    out.assert_ok();
    let v: serde_json::Value = serde_json::from_str(&out.stdout).expect("json");
    assert_eq!(v["night"], "2026-12-01");

    // --out writes the file (and nothing on standard output).
    let file = data.parent().expect("tmp").join("rapport.csv");
    let out = run(
        &data,
        &[
            "report",
            "night",
            "2026-12-01",
            "--format",
            "csv",
            "--internal",
            "--out",
        ],
    );
    out.assert_failed();
    let path = file.to_string_lossy().into_owned();
    let out = run(
        &data,
        &[
            "report",
            "night",
            "2026-12-01",
            "--format",
            "csv",
            "--internal",
            "--out",
            &path,
        ],
    );
    out.assert_ok();
    assert!(out.stdout.is_empty());
    let written = std::fs::read_to_string(&file).expect("the report file");
    assert!(written.starts_with('\u{feff}'));
    assert!(written.contains(CARRIED_NOTE));
    assert!(!written.contains(CALLBACK));

    // A night that does not exist: a clear message with the nights around it.
    let out = run(&data, &["report", "night", "2026-11-25"]);
    out.assert_failed();
    assert!(
        out.stderr.contains(
            "aucune nuit du 2026-11-25 dans le journal. Nuits proches : 2026-11-30, 2026-12-01"
        ),
        "{out:?}"
    );
    let out = run(&data, &["--lang", "en", "report", "night", "2026-11-25"]);
    assert!(
        out.stderr.contains("Nearby nights: 2026-11-30, 2026-12-01"),
        "{out:?}"
    );
}

#[test]
fn an_empty_store_says_there_is_no_report() {
    let (_tmp, data) = super::common::data_dir();
    // Read commands never create a store: the console (without a terminal) makes it.
    run(&data, &[]).assert_ok();
    let out = run(&data, &["report", "night"]);
    out.assert_failed();
    assert!(out.stderr.contains("aucune nuit enregistrée"), "{out:?}");
}
