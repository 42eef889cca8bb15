//! The command line, run as a user would: `vigie --data <temp>/data …`, in French unless
//! `--lang en` is given. Demo determinism, the main courante, export and import (all or
//! nothing), territory errors, export ranges.

mod common;

use common::{check_count, data_dir, demo, export, run, without_exported_at};
use std::path::Path;

const UNTIL: &str = "2026-11-27";

/// A store with the reference demo: 5 nights (Monday 23 → Friday 27 November 2026), seed 7.
fn demo_store(data: &Path) {
    demo(data, 5, 7, UNTIL);
}

fn event_lines(export: &str) -> Vec<serde_json::Value> {
    export
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("export line is JSON"))
        .filter(|v| v["type"] == "event")
        .collect()
}

#[test]
fn demo_is_deterministic_for_a_seed() {
    let (_a, data_a) = data_dir();
    let (_b, data_b) = data_dir();
    let (_c, data_c) = data_dir();
    demo_store(&data_a);
    demo_store(&data_b);
    demo(&data_c, 5, 8, UNTIL);

    let ja = export(&data_a, &["--anonymised"]);
    let jb = export(&data_b, &["--anonymised"]);
    let jc = export(&data_c, &["--anonymised"]);
    assert!(ja.lines().count() > 400, "a 5-night demo is big");
    assert_eq!(
        without_exported_at(&ja),
        without_exported_at(&jb),
        "same seed, same journal"
    );
    assert_ne!(
        without_exported_at(&ja),
        without_exported_at(&jc),
        "another seed, another journal"
    );
    // The full export (with personal records) is deterministic too.
    assert_eq!(
        without_exported_at(&export(&data_a, &[])),
        without_exported_at(&export(&data_b, &[]))
    );

    let check = run(&data_a, &["check"]);
    check.assert_ok();
    let events = check_count(&check.stdout, "événements");
    assert_eq!(events as usize, event_lines(&ja).len());
    assert_eq!(check_count(&check.stdout, "nuits"), 5);
    assert!(check_count(&check.stdout, "sollicitations") > 0);
    assert!(check_count(&check.stdout, "interventions") > 0);
    assert!(check_count(&check.stdout, "données personnelles") > 0);
    assert!(
        check.stdout.contains("Vérification réussie"),
        "{}",
        check.stdout
    );
}

#[test]
fn log_prints_a_night_in_french_and_in_english() {
    let (_t, data) = data_dir();
    demo_store(&data);

    let fr = run(&data, &["log", "--night", "2026-11-25"]);
    fr.assert_ok();
    let mut lines = fr.stdout.lines();
    let title = lines.next().expect("a title");
    assert!(title.starts_with("Nuit du "), "{title}");
    assert!(title.contains("25 novembre 2026"), "{title}");
    assert!(
        lines.clone().count() > 20,
        "the night's lines follow:\n{}",
        fr.stdout
    );
    assert!(fr.stdout.contains("ouverte par"), "{}", fr.stdout);

    let en = run(&data, &["--lang", "en", "log", "--night", "2026-11-25"]);
    en.assert_ok();
    let title = en.stdout.lines().next().expect("a title");
    assert!(title.starts_with("Night of "), "{title}");
    assert!(title.contains("25 November 2026"), "{title}");
    assert_eq!(fr.stdout.lines().count(), en.stdout.lines().count());

    // VIGIE_LANG is honoured too (set explicitly here).
    let out = std::process::Command::new(common::bin())
        .args(["--data".as_ref(), data.as_os_str()])
        .args(["log", "--night", "2026-11-25"])
        .env("VIGIE_LANG", "en")
        .env_remove("VIGIE_DATA")
        .output()
        .expect("run vigie");
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("Night of "));

    // Without --night: the last night recorded.
    let last = run(&data, &["log"]);
    last.assert_ok();
    assert!(
        last.stdout.starts_with("Nuit du vendredi 27 novembre 2026"),
        "{}",
        last.stdout
    );

    // A night the store does not know.
    let none = run(&data, &["log", "--night", "2026-10-01"]);
    none.assert_ok();
    assert!(none.stdout.contains("Rien n'a été enregistré"), "{none:#?}");
}

#[test]
fn empty_store_log_and_console_without_terminal() {
    let (_t, data) = data_dir();
    // Read commands never create a store.
    for args in [
        &["log"][..],
        &["check"],
        &["journal", "export"],
        &["backup", "--list"],
    ] {
        let out = run(&data, args);
        out.assert_failed();
        assert_eq!(out.code, Some(3), "{args:?}: {out:#?}");
        assert!(out.stderr.contains("Aucune donnée Vigie"), "{out:#?}");
        assert!(!data.exists(), "{args:?} created {}", data.display());
    }

    let bare = run(&data, &[]);
    bare.assert_ok();
    let log = run(&data, &["log"]);
    log.assert_ok();
    assert!(
        log.stdout.contains("Aucune nuit enregistrée"),
        "{}",
        log.stdout
    );
    let en = run(&data, &["--lang", "en", "log"]);
    en.assert_ok();
    assert!(en.stdout.contains("No night recorded"), "{}", en.stdout);

    assert!(
        bare.stdout.contains("La console a besoin d'un terminal"),
        "{}",
        bare.stdout
    );
    assert!(
        bare.stdout.contains(&data.display().to_string()),
        "says where the data is: {}",
        bare.stdout
    );
    assert!(bare.stdout.contains("événements : 0"), "{}", bare.stdout);

    let check = run(&data, &["check"]);
    check.assert_ok();
    assert_eq!(check_count(&check.stdout, "événements"), 0);
}

#[test]
fn export_import_round_trip_and_second_import_refused() {
    let (_t, source) = data_dir();
    let (_u, target) = data_dir();
    demo_store(&source);
    let file = _u.path().join("journal.jsonl");
    run(
        &source,
        &["journal", "export", "--out", file.to_str().expect("utf-8")],
    )
    .assert_ok();
    let full = std::fs::read_to_string(&file).expect("export file");
    assert_eq!(
        without_exported_at(&full),
        without_exported_at(&export(&source, &[])),
        "--out writes what stdout shows"
    );

    let import = run(
        &target,
        &["journal", "import", file.to_str().expect("utf-8")],
    );
    import.assert_ok();
    assert!(import.stdout.contains("Importé"), "{import:#?}");
    let check = run(&target, &["check"]);
    check.assert_ok();
    let source_check = run(&source, &["check"]);
    assert_eq!(
        check.stdout.lines().take(7).collect::<Vec<_>>(),
        source_check.stdout.lines().take(7).collect::<Vec<_>>(),
        "same counts after the import"
    );
    let after = export(&target, &[]);
    assert_eq!(without_exported_at(&after), without_exported_at(&full));

    // The same file again: refused, in French, and nothing changes.
    let again = run(
        &target,
        &["journal", "import", file.to_str().expect("utf-8")],
    );
    again.assert_failed();
    assert!(again.stderr.contains("a déjà été importé"), "{again:#?}");
    assert!(again.stderr.contains("Ligne 2"), "{again:#?}");
    assert_eq!(
        without_exported_at(&export(&target, &[])),
        without_exported_at(&full)
    );
    let again_en = run(
        &target,
        &[
            "--lang",
            "en",
            "journal",
            "import",
            file.to_str().expect("utf-8"),
        ],
    );
    again_en.assert_failed();
    assert!(
        again_en.stderr.contains("already imported"),
        "{again_en:#?}"
    );
}

#[test]
fn anonymised_export_has_no_personal_data() {
    let (_t, data) = data_dir();
    demo_store(&data);
    let full = export(&data, &[]);
    let anon = export(&data, &["--anonymised"]);

    let personal: Vec<serde_json::Value> = full
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("JSON"))
        .filter(|v| v["type"] == "personal")
        .collect();
    let names: Vec<&str> = personal
        .iter()
        .filter_map(|p| p["caller_name"].as_str())
        .collect();
    let phones: Vec<&str> = personal
        .iter()
        .filter_map(|p| p["callback"].as_str())
        .collect();
    let texts: Vec<&str> = personal.iter().filter_map(|p| p["text"].as_str()).collect();
    assert!(!names.is_empty(), "the demo invents callers");
    assert!(!phones.is_empty(), "the demo invents callback numbers");
    assert!(full.contains("06 39 98"), "the demo's invented numbers");

    assert!(
        anon.lines()
            .next()
            .expect("header")
            .contains("\"anonymised\":true")
    );
    assert!(!anon.contains("\"type\":\"personal\""));
    assert!(!anon.contains("06 39 98"));
    assert!(!anon.contains("caller_name"));
    // The personal field (the journal's callback events keep no number: their kinds may
    // say « callback »).
    assert!(!anon.contains("\"callback\":"));
    for n in &names {
        assert!(!anon.contains(&format!("\"{n}\"")), "name {n} leaked");
    }
    for p in &phones {
        assert!(!anon.contains(p), "number {p} leaked");
    }
    for t in &texts {
        assert!(!anon.contains(&format!("\"{t}\"")), "text {t} leaked");
    }
    // Same events, only the personal lines left out.
    let full_events: Vec<&str> = full
        .lines()
        .skip(1)
        .filter(|l| !l.contains("\"type\":\"personal\""))
        .collect();
    assert_eq!(full_events, anon.lines().skip(1).collect::<Vec<_>>());
}

/// Import refusals: the file named, the line named, nothing written.
mod import_atomicity {
    use super::*;

    /// A journal of 400+ lines, and its lines.
    fn big_journal(dir: &Path) -> (std::path::PathBuf, Vec<String>) {
        let data = dir.join("source");
        demo_store(&data);
        let text = export(&data, &[]);
        let lines: Vec<String> = text.lines().map(str::to_string).collect();
        assert!(lines.len() > 400, "{} lines", lines.len());
        (data, lines)
    }

    fn write(path: &Path, lines: &[String]) {
        let mut text = lines.join("\n");
        text.push('\n');
        std::fs::write(path, text).expect("write journal");
    }

    /// The target store: empty (its counts are 0) or pre-populated (its export is kept).
    enum Target {
        Empty,
        Populated(String),
    }

    fn assert_untouched(target: &Path, before: &Target) {
        match before {
            Target::Empty => {
                let check = run(target, &["check"]);
                check.assert_ok();
                assert_eq!(check_count(&check.stdout, "événements"), 0);
                assert_eq!(check_count(&check.stdout, "données personnelles"), 0);
            }
            Target::Populated(export_before) => {
                let check = run(target, &["check"]);
                check.assert_ok();
                assert_eq!(
                    without_exported_at(&export(target, &[])),
                    without_exported_at(export_before),
                    "the pre-populated store changed"
                );
            }
        }
    }

    /// Runs the import of `lines` into `target`, expects a refusal naming the file and the
    /// `needles`, and checks nothing was written.
    fn refused(target: &Path, file: &Path, lines: &[String], before: Target, needles: &[String]) {
        write(file, lines);
        let out = run(
            target,
            &["journal", "import", file.to_str().expect("utf-8")],
        );
        out.assert_failed();
        assert!(
            out.stderr.contains(&file.display().to_string()),
            "names the file: {out:#?}"
        );
        for n in needles {
            assert!(out.stderr.contains(n.as_str()), "mentions {n:?}: {out:#?}");
        }
        assert!(out.stderr.contains("Rien n'a été importé"), "{out:#?}");
        assert_untouched(target, &before);
    }

    /// The index (0-based) of an event line past the middle whose next line is an event too.
    fn middle_event(lines: &[String], contains: &str) -> usize {
        (lines.len() / 2..lines.len() - 1)
            .find(|&i| {
                lines[i].contains("\"type\":\"event\"")
                    && lines[i].contains(contains)
                    && lines[i + 1].contains("\"type\":\"event\"")
            })
            .expect("such a line")
    }

    fn seq_of(line: &str) -> u64 {
        let v: serde_json::Value = serde_json::from_str(line).expect("JSON");
        v["seq"].as_u64().expect("seq")
    }

    #[test]
    fn malformed_line_into_an_empty_store() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let (_, mut lines) = big_journal(tmp.path());
        let i = lines.len() / 2;
        lines[i] = r#"{"type":"event","v":1,"seq":"#.to_string();
        let target = tmp.path().join("target");
        refused(
            &target,
            &tmp.path().join("bad.jsonl"),
            &lines,
            Target::Empty,
            &[format!("Ligne {} illisible", i + 1)],
        );
    }

    #[test]
    fn unknown_kind_into_an_empty_store() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let (_, mut lines) = big_journal(tmp.path());
        let i = middle_event(&lines, "\"kind\":\"team_contacted\"");
        lines[i] = lines[i].replace("\"kind\":\"team_contacted\"", "\"kind\":\"teleported\"");
        let target = tmp.path().join("target");
        refused(
            &target,
            &tmp.path().join("bad.jsonl"),
            &lines,
            Target::Empty,
            &[format!("Ligne {} ", i + 1), "teleported".to_string()],
        );
    }

    #[test]
    fn gap_into_an_empty_store() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let (_, mut lines) = big_journal(tmp.path());
        let i = middle_event(&lines, "");
        let missing = seq_of(&lines[i]);
        lines.remove(i);
        let target = tmp.path().join("target");
        refused(
            &target,
            &tmp.path().join("bad.jsonl"),
            &lines,
            Target::Empty,
            &[
                format!("Ligne {} ", i + 1),
                format!("séquence {} au lieu de {missing}", missing + 1),
            ],
        );
    }

    #[test]
    fn header_missing_or_empty_file() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let (_, lines) = big_journal(tmp.path());
        let target = tmp.path().join("target");
        refused(
            &target,
            &tmp.path().join("no-header.jsonl"),
            &lines[1..],
            Target::Empty,
            &["Ligne 1".to_string()],
        );
        refused(
            &target,
            &tmp.path().join("only-header.jsonl"),
            &lines[..1],
            Target::Empty,
            &["aucun événement".to_string()],
        );
    }

    /// A store holding the two nights before the demo's, and a journal that continues it:
    /// the demo's five nights exported with `--from`.
    fn older_store_and_continuation(dir: &Path) -> (std::path::PathBuf, Vec<String>) {
        let older = dir.join("older");
        demo(&older, 2, 3, "2026-11-20");
        let newer = dir.join("newer");
        demo(&newer, 2, 3, "2026-11-20");
        demo_store(&newer);
        let text = export(&newer, &["--from", "2026-11-21"]);
        let lines: Vec<String> = text.lines().map(str::to_string).collect();
        assert!(lines.len() > 400, "{} lines", lines.len());
        (older, lines)
    }

    #[test]
    fn continuation_imports_into_an_older_store() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let (older, lines) = older_store_and_continuation(tmp.path());
        let file = tmp.path().join("continuation.jsonl");
        write(&file, &lines);
        run(
            &older,
            &["journal", "import", file.to_str().expect("utf-8")],
        )
        .assert_ok();
        run(&older, &["check"]).assert_ok();
        assert_eq!(
            without_exported_at(&export(&older, &[])),
            without_exported_at(&export(&tmp.path().join("newer"), &[])),
            "older + continuation = the whole journal"
        );
    }

    #[test]
    fn refusals_leave_a_populated_store_untouched() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let (older, lines) = older_store_and_continuation(tmp.path());
        let before = export(&older, &[]);
        let file = tmp.path().join("bad.jsonl");

        let mut malformed = lines.clone();
        let i = malformed.len() / 2;
        malformed[i] = "{not json".to_string();
        refused(
            &older,
            &file,
            &malformed,
            Target::Populated(before.clone()),
            &[format!("Ligne {} illisible", i + 1)],
        );

        let mut unknown = lines.clone();
        let i = middle_event(&unknown, "\"kind\":\"team_contacted\"");
        unknown[i] = unknown[i].replace("\"kind\":\"team_contacted\"", "\"kind\":\"teleported\"");
        refused(
            &older,
            &file,
            &unknown,
            Target::Populated(before.clone()),
            &[format!("Ligne {} ", i + 1), "« teleported »".to_string()],
        );

        let mut gap = lines.clone();
        let i = middle_event(&gap, "");
        let missing = seq_of(&gap[i]);
        gap.remove(i);
        refused(
            &older,
            &file,
            &gap,
            Target::Populated(before.clone()),
            &[
                format!("Ligne {} ", i + 1),
                format!("séquence {} au lieu de {missing}", missing + 1),
            ],
        );

        // The last event broken: everything before it was valid, still nothing is written.
        let mut last = lines.clone();
        let n = last.len() - 1;
        last[n - 1] = last[n - 1].replace("\"seq\":", "\"seq\":\"x\",\"y\":");
        refused(
            &older,
            &file,
            &last,
            Target::Populated(before.clone()),
            &[format!("Ligne {n} ")],
        );

        // The whole journal of the newer store starts at 1: already there.
        let whole = export(&tmp.path().join("newer"), &[]);
        let whole: Vec<String> = whole.lines().map(str::to_string).collect();
        refused(
            &older,
            &file,
            &whole,
            Target::Populated(before),
            &["a déjà été importé".to_string()],
        );
    }
}

#[test]
fn broken_territory_file_names_file_line_and_field() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let territory = tmp.path().join("territory");
    common::copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/rennes"),
        &territory,
    );
    let sites = territory.join("sites.toml");
    let text = std::fs::read_to_string(&sites).expect("sites.toml");
    // The second site's position, with a word where a number belongs.
    let good = "at = { lat = 48.127, lon = -1.6612 }";
    let line = text
        .lines()
        .position(|l| l == good)
        .expect("the second site's position")
        + 1;
    std::fs::write(
        &sites,
        text.replacen(good, "at = { lat = \"north\", lon = -1.6612 }", 1),
    )
    .expect("write sites.toml");

    let data = tmp.path().join("data");
    let t = territory.to_str().expect("utf-8");
    for (lang, word) in [("fr", "ligne"), ("en", "line")] {
        for cmd in [&["check"][..], &["log"], &[]] {
            let mut args = vec!["--lang", lang, "--territory", t];
            args.extend_from_slice(cmd);
            let out = run(&data, &args);
            out.assert_failed();
            assert!(out.stderr.contains("sites.toml"), "{out:#?}");
            assert!(
                out.stderr.contains(&format!("{word} {line}")),
                "line {line}: {out:#?}"
            );
            assert!(out.stderr.contains("sites[1].at.lat"), "{out:#?}");
        }
    }

    // The unchanged copy loads (the bare console creates the store, check reads it).
    std::fs::write(&sites, &text).expect("restore sites.toml");
    run(&data, &["--territory", t]).assert_ok();
    run(&data, &["--territory", t, "check"]).assert_ok();
}

#[test]
fn missing_territory_dir_is_a_message() {
    let (tmp, data) = data_dir();
    let missing = tmp.path().join("nowhere");
    let out = run(
        &data,
        &["--territory", missing.to_str().expect("utf-8"), "check"],
    );
    out.assert_failed();
    assert!(
        out.stderr.contains("nowhere") || out.stderr.contains("territory.toml"),
        "{out:#?}"
    );
}

#[test]
fn export_of_one_night_holds_only_that_night() {
    let (_t, data) = data_dir();
    demo_store(&data);
    let whole = event_lines(&export(&data, &[]));
    for night in ["2026-11-23", "2026-11-25", "2026-11-27"] {
        let text = export(&data, &["--from", night, "--to", night]);
        let header: serde_json::Value =
            serde_json::from_str(text.lines().next().expect("header")).expect("JSON");
        assert_eq!(header["from_night"], night);
        assert_eq!(header["to_night"], night);
        let events = event_lines(&text);
        assert!(!events.is_empty(), "night {night} has events");
        for e in &events {
            assert_eq!(e["night"], night, "{e}");
        }
        let expected = whole.iter().filter(|e| e["night"] == night).count();
        assert_eq!(events.len(), expected, "every event of {night}");
        // Personal lines come only for events of that night.
        for l in text.lines().filter(|l| l.contains("\"type\":\"personal\"")) {
            let p: serde_json::Value = serde_json::from_str(l).expect("JSON");
            assert_eq!(p["night"], night, "{l}");
        }
    }
    // A range of two nights, and a range with no night at all.
    let two = event_lines(&export(
        &data,
        &["--from", "2026-11-24", "--to", "2026-11-25"],
    ));
    assert!(
        two.iter()
            .all(|e| e["night"] == "2026-11-24" || e["night"] == "2026-11-25")
    );
    assert_eq!(
        two.len(),
        whole
            .iter()
            .filter(|e| e["night"] == "2026-11-24" || e["night"] == "2026-11-25")
            .count()
    );
    let none = export(&data, &["--from", "2026-11-28", "--to", "2026-11-29"]);
    assert!(event_lines(&none).is_empty());
}

#[test]
fn the_settings_file_sets_the_language_and_a_wrong_one_is_refused_with_its_line() {
    let (tmp, data) = data_dir();
    demo_store(&data);
    let settings = tmp.path().join("config.toml");
    std::fs::write(&settings, "lang = \"en\"\n").expect("write settings");
    let config = settings.to_str().expect("utf-8 path");
    let out = run(&data, &["--config", config, "log"]);
    out.assert_ok();
    assert!(out.stdout.contains("Night of"), "{}", out.stdout);
    let out = run(&data, &["--config", config, "--lang", "fr", "log"]);
    assert!(out.stdout.contains("Nuit du"), "--lang wins over the file");

    std::fs::write(&settings, "lang = \"fr\"\n[thresholds]\np1 = -5\n").expect("write");
    let out = run(&data, &["--config", config, "log"]);
    assert_eq!(out.code, Some(2), "{out:#?}");
    assert!(
        out.stderr
            .contains("ligne 3 [p1] : un nombre de minutes entre 0 et 720"),
        "{}",
        out.stderr
    );
    out.assert_no_panic();
}
