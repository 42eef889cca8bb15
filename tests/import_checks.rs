//! `vigie journal import` refuses, whole and with the line, what `decide` would have refused
//! when the events were made, what the format does not allow, and a file that cannot be
//! proved complete; a version-2 file still imports, with a notice.

mod common;

use common::{check_count, demo, export, run};
use serde_json::Value;
use std::path::Path;

/// The lines of a five-night demo's export.
fn journal(dir: &Path) -> Vec<String> {
    let data = dir.join("source");
    demo(&data, 6, 11, "2026-11-27");
    export(&data, &[]).lines().map(str::to_string).collect()
}

/// Index of the first event line of `kind`.
fn first(lines: &[String], kind: &str) -> usize {
    lines
        .iter()
        .position(|l| l.contains(&format!("\"kind\":\"{kind}\"")))
        .unwrap_or_else(|| panic!("no {kind} event"))
}

/// Rewrites line `i` through its JSON value.
fn edit(lines: &mut [String], i: usize, f: impl FnOnce(&mut Value)) {
    let mut v: Value = serde_json::from_str(&lines[i]).expect("JSON line");
    f(&mut v);
    lines[i] = v.to_string();
}

/// Imports `bytes` into a new store; it must be refused with every needle, and the store
/// must hold nothing.
#[track_caller]
fn refused(dir: &Path, name: &str, bytes: &[u8], needles: &[&str]) {
    let file = dir.join(format!("{name}.jsonl"));
    std::fs::write(&file, bytes).expect("write");
    let target = dir.join(format!("target-{name}"));
    let out = run(
        &target,
        &["journal", "import", file.to_str().expect("utf-8")],
    );
    out.assert_failed();
    assert_eq!(out.code, Some(1), "{name}: {out:#?}");
    for n in needles.iter().chain(&["Rien n'a été importé"]) {
        assert!(out.stderr.contains(n), "{name}: says {n:?}: {out:#?}");
    }
    let check = run(&target, &["check"]);
    check.assert_ok();
    assert_eq!(check_count(&check.stdout, "événements"), 0, "{name}");
    assert_eq!(
        check_count(&check.stdout, "données personnelles"),
        0,
        "{name}"
    );
}

fn text(lines: &[String]) -> Vec<u8> {
    let mut t = lines.join("\n");
    t.push('\n');
    t.into_bytes()
}

/// A change to one line's JSON.
type Change = Box<dyn Fn(&mut Value)>;

#[test]
fn references_the_territory_and_earlier_events_do_not_have_are_refused() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let lines = journal(tmp.path());
    let cases: Vec<(&str, &str, Change, &str)> = vec![
        (
            "site",
            "request_received",
            Box::new(|v| v["event"]["site"] = "nulle-part".into()),
            "« nulle-part » inconnu",
        ),
        (
            "team",
            "team_arrived",
            Box::new(|v| v["event"]["team"] = "E99".into()),
            "team E99",
        ),
        (
            "request",
            "request_assigned",
            Box::new(|v| v["event"]["request"] = 99_999.into()),
            "request 99999",
        ),
        (
            "coordinator",
            "night_opened",
            Box::new(|v| v["event"]["coordinator"] = "personne".into()),
            "« personne » inconnu",
        ),
        (
            "mediator",
            "team_composed",
            Box::new(|v| v["event"]["members"] = serde_json::json!(["fantome-x"])),
            "« fantome-x » inconnu",
        ),
        (
            "entrance",
            "request_received",
            Box::new(|v| v["event"]["entrance"] = "Hall Z".into()),
            "entrance « Hall Z » inconnu",
        ),
        (
            "settled-partner",
            "request_settled",
            Box::new(|v| v["event"]["partner"] = "nulle-part".into()),
            "partner « nulle-part » inconnu",
        ),
        (
            "callback",
            "callback_made",
            Box::new(|v| v["event"]["request"] = 99_999.into()),
            "request 99999",
        ),
        (
            "free-address-district",
            "request_received",
            Box::new(|v| {
                v["event"]["site"] = "".into();
                v["event"]["district"] = "atlantide".into();
            }),
            "district « atlantide » inconnu",
        ),
        (
            "night-2020",
            "night_closed",
            Box::new(|v| v["event"]["night"] = "2020-03-02".into()),
            "la nuit du 2020-03-02 est close pendant la nuit du 2026-",
        ),
        (
            "commissioner",
            "observation_recorded",
            Box::new(|v| v["event"]["commissioner"] = "personne".into()),
            "« personne » inconnu",
        ),
        (
            "observation",
            "observation_transmitted",
            Box::new(|v| v["event"]["observations"] = serde_json::json!([99_999])),
            "observation 99999",
        ),
        (
            "partner",
            "relay_followed",
            Box::new(|v| v["event"]["partner"] = "nulle".into()),
            "« nulle » inconnu",
        ),
        (
            "window",
            "plan_item_added",
            Box::new(|v| v["event"]["window"]["to"] = v["event"]["window"]["from"].clone()),
            "étape manquante, déjà faite ou vide",
        ),
        (
            "plan-item",
            "plan_item_passed",
            Box::new(|v| v["event"]["item"] = 99_999.into()),
            "plan item 99999",
        ),
    ];
    for (name, kind, change, says) in cases {
        let mut bad = lines.clone();
        let i = first(&bad, kind);
        edit(&mut bad, i, change);
        let line = format!("Ligne {} ", i + 1);
        refused(tmp.path(), name, &text(&bad), &[&line, says]);
    }
}

#[test]
fn territory_instants_text_and_unknown_fields_are_refused() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let lines = journal(tmp.path());

    let mut other = lines.clone();
    edit(&mut other, 0, |v| v["territory"] = "nantes".into());
    refused(
        tmp.path(),
        "territory",
        &text(&other),
        &["Ligne 1", "« nantes »"],
    );

    let mut back = lines.clone();
    let i = lines.len() / 2;
    let i = (i..)
        .find(|&j| lines[j].contains("\"type\":\"event\""))
        .expect("event");
    edit(&mut back, i, |v| v["at"] = "2026-01-05T20:00:00Z".into());
    let line = format!("Ligne {} ", i + 1);
    refused(tmp.path(), "time-back", &text(&back), &[&line, "antérieur"]);

    let mut long = lines.clone();
    let p = long
        .iter()
        .position(|l| l.contains("\"type\":\"personal\"") && l.contains("\"text\""))
        .expect("a personal record with a text");
    edit(&mut long, p, |v| v["text"] = "x".repeat(5 << 20).into());
    let line = format!("Ligne {} ", p + 1);
    refused(
        tmp.path(),
        "long-text",
        &text(&long),
        &[&line, "dépasse 2000 caractères"],
    );

    let mut unknown = lines.clone();
    let i = first(&unknown, "team_contacted");
    edit(&mut unknown, i, |v| v["event"]["mood"] = "calme".into());
    let line = format!("Ligne {} ", i + 1);
    refused(
        tmp.path(),
        "unknown-field",
        &text(&unknown),
        &[&line, "champ inconnu « event.mood »"],
    );
    let mut top = lines.clone();
    edit(&mut top, 3, |v| v["signed_by"] = "x".into());
    refused(
        tmp.path(),
        "unknown-top",
        &text(&top),
        &["Ligne 4 ", "« signed_by »"],
    );
}

#[test]
fn the_trailer_proves_the_file_whole() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let lines = journal(tmp.path());
    assert!(
        lines
            .last()
            .expect("lines")
            .contains("\"type\":\"trailer\"")
    );

    // Cut at a line boundary: no trailer.
    let cut = &lines[..lines.len() / 2];
    refused(
        tmp.path(),
        "cut",
        &text(cut),
        &["Fichier incomplet", "pas de ligne de fin"],
    );
    // A trailer that disagrees: a count, or a changed event.
    let mut count = lines.clone();
    let n = count.len();
    edit(&mut count, n - 1, |v| v["events"] = 3.into());
    refused(
        tmp.path(),
        "trailer-count",
        &text(&count),
        &[&format!("Ligne {n} "), "ligne de fin"],
    );
    let mut changed = lines.clone();
    let i = first(&changed, "team_contacted");
    edit(&mut changed, i, |v| {
        let other = if v["event"]["team"] == "E2" {
            "E1"
        } else {
            "E2"
        };
        v["event"]["team"] = other.into();
    });
    // The other team exists that night or not: refused at its line or by the trailer.
    let file = tmp.path().join("changed.jsonl");
    std::fs::write(&file, text(&changed)).expect("write");
    let out = run(
        &tmp.path().join("t-changed"),
        &["journal", "import", file.to_str().expect("utf-8")],
    );
    out.assert_failed();
    // After the trailer, nothing.
    let mut after = lines.clone();
    after.push(lines[3].clone());
    refused(
        tmp.path(),
        "after",
        &text(&after),
        &["suivent la ligne de fin"],
    );

    // A version-2 file (no trailer) still imports, with a notice.
    let mut v2 = lines[..n - 1].to_vec();
    edit(&mut v2, 0, |v| v["version"] = 2.into());
    let file = tmp.path().join("v2.jsonl");
    std::fs::write(&file, text(&v2)).expect("write");
    let out = run(
        &tmp.path().join("t-v2"),
        &["journal", "import", file.to_str().expect("utf-8")],
    );
    out.assert_ok();
    assert!(out.stderr.contains("version 2"), "{out:#?}");
    assert!(
        out.stderr.contains("rien ne prouve qu'il soit complet"),
        "{out:#?}"
    );
}

#[test]
fn encodings_each_get_their_own_message() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let lines = journal(tmp.path());
    let good = text(&lines);

    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend_from_slice(&good);
    refused(tmp.path(), "bom", &bom, &["Ligne 1", "BOM"]);

    let crlf = lines.join("\r\n").into_bytes();
    refused(tmp.path(), "crlf", &crlf, &["Ligne 1 ", "CRLF"]);

    let mut bad = lines.clone();
    bad[5] = bad[5].replacen("\"type\"", "\"ty\u{1}pe\"", 1);
    let mut utf8 = text(&bad);
    let at = utf8.iter().position(|b| *b == 1).expect("marker");
    utf8[at] = 0xFF;
    refused(tmp.path(), "utf8", &utf8, &["Ligne 6 ", "UTF-8"]);
    utf8[at] = 0;
    refused(tmp.path(), "nul", &utf8, &["Ligne 6 ", "octet nul"]);
}
