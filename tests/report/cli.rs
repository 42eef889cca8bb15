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

#[test]
fn report_period_writes_one_file_per_commissioner_and_explains_what_is_wrong() {
    let (_tmp, data) = super::period_nights::autumn().into_data_dir();
    let dir = data.parent().expect("tmp").join("rapports");
    let path = dir.to_string_lossy().into_owned();
    let out = run(
        &data,
        &["report", "period", "--month", "2026-10", "--out", &path],
    );
    out.assert_ok();
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("the directory")
        .map(|e| {
            e.expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "aiguillon",
            "archipel",
            "departement",
            "espacil",
            "neotoa",
            "service",
            "ville"
        ]
        .map(|c| format!("rapport-2026-10-{c}.html"))
    );
    // One report on standard output, in English CSV (commas).
    let out = run(
        &data,
        &[
            "--lang",
            "en",
            "report",
            "period",
            "--quarter",
            "2026-Q4",
            "--commissioner",
            "archipel",
            "--format",
            "csv",
        ],
    );
    out.assert_ok();
    assert!(
        out.stdout
            .starts_with("\u{feff}report,Activity report — Archipel Habitat — 2026-Q4"),
        "{out:?}"
    );
    // Several reports need a directory; an unknown commissioner lists the known ones.
    let out = run(&data, &["report", "period", "--year", "2026"]);
    out.assert_failed();
    assert!(out.stderr.contains("--out DOSSIER"), "{out:?}");
    let out = run(
        &data,
        &[
            "report",
            "period",
            "--year",
            "2026",
            "--commissioner",
            "nulle",
        ],
    );
    out.assert_failed();
    assert!(
        out.stderr.contains("commanditaire inconnu « nulle »")
            && out.stderr.contains("departement"),
        "{out:?}"
    );
    let out = run(&data, &["report", "period", "--quarter", "2026-Q5"]);
    out.assert_failed();
    assert!(out.stderr.contains("période illisible"), "{out:?}");
}

#[test]
fn action_add_records_an_action_the_period_report_counts() {
    let (_tmp, data) = super::common::data_dir();
    let out = run(
        &data,
        &[
            "action",
            "add",
            "--kind",
            "information-action",
            "--date",
            "2026-11-12",
            "--district",
            "villejean",
            "--partner",
            "ccas-rennes",
            "--note",
            "Stand au marché",
        ],
    );
    out.assert_ok();
    assert!(
        out.stdout
            .contains("Action enregistrée : 2026-11-12, action d'information"),
        "{out:?}"
    );
    let out = run(
        &data,
        &["action", "add", "--kind", "apero", "--date", "2026-11-12"],
    );
    out.assert_failed();
    assert!(out.stderr.contains("type d'action inconnu"), "{out:?}");
    let out = run(
        &data,
        &[
            "--lang",
            "en",
            "action",
            "add",
            "--kind",
            "territory-project",
            "--date",
            "2999-01-01",
        ],
    );
    out.assert_failed();
    assert!(out.stderr.contains("has not come yet"), "{out:?}");
    let out = run(
        &data,
        &[
            "action",
            "add",
            "--kind",
            "partner-meeting",
            "--date",
            "2026-11-12",
            "--site",
            "nulle-part",
        ],
    );
    out.assert_failed();
    let out = run(
        &data,
        &[
            "report",
            "period",
            "--month",
            "2026-11",
            "--commissioner",
            "service",
            "--format",
            "json",
        ],
    );
    out.assert_ok();
    let v: serde_json::Value = serde_json::from_str(&out.stdout).expect("json");
    assert_eq!(v["totals"]["actions"], 1);
    assert!(
        !out.stdout.contains("Stand au marché"),
        "the note is personal data"
    );
}
