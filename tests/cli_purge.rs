//! `vigie personal purge` on a store with history: the erasure is one fact (one line of
//! the main courante, not one per record), the records are gone, and `vigie handover`
//! still shows the last night worked, not the day of the purge.

mod common;

use common::{data_dir, demo, export, run};

#[test]
fn a_purge_is_one_fact_and_the_handover_still_shows_the_last_night_worked() {
    let (_tmp, data) = data_dir();
    demo(&data, 3, 7, "2026-11-27");
    let before = export(&data, &[]);
    let records = before
        .lines()
        .filter(|l| l.starts_with("{\"type\":\"personal\""))
        .count();
    assert!(records > 10, "the demo wrote personal records: {records}");

    let out = run(&data, &["personal", "purge", "--older-than", "1"]);
    out.assert_ok();
    // Every record but those of requests still open at the end (kept while active).
    let erased: usize = out
        .stdout
        .split_whitespace()
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("a count: {out:#?}"));
    assert!(erased > 10 && erased <= records, "{out:#?}");
    assert!(out.stdout.contains("donnée(s) personnelle(s)"), "{out:#?}");

    let after = export(&data, &[]);
    let events: Vec<serde_json::Value> = after
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .filter(|v: &serde_json::Value| v["type"] == "event")
        .collect();
    let purged: Vec<&serde_json::Value> = events
        .iter()
        .filter(|v| v["event"]["kind"] == "personal_purged")
        .collect();
    assert_eq!(purged.len(), 1, "one fact for the whole purge");
    assert_eq!(
        purged[0]["event"]["personal"].as_array().map(|a| a.len()),
        Some(erased)
    );
    assert!(
        events
            .iter()
            .all(|v| v["event"]["kind"] != "personal_erased")
    );
    let left = after
        .lines()
        .filter(|l| l.starts_with("{\"type\":\"personal\""))
        .count();
    assert_eq!(left, records - erased, "only the erased records are gone");

    // The purge's own day has one line; the handover is the last night worked.
    let log = run(&data, &["log"]);
    log.assert_ok();
    assert_eq!(
        log.stdout
            .lines()
            .filter(|l| l.contains("Durée de conservation"))
            .count(),
        1,
        "{}",
        log.stdout
    );
    let handover = run(&data, &["handover"]);
    handover.assert_ok();
    assert!(
        handover.stdout.contains("vendredi 27 novembre 2026"),
        "{}",
        handover.stdout
    );

    // Nothing left to purge: nothing written.
    let again = run(&data, &["personal", "purge", "--older-than", "1"]);
    again.assert_ok();
    assert_eq!(export(&data, &[]).lines().count(), after.lines().count());
}
