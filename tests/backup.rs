//! Backups and restore through the real binary: a demo's closes write backups; a backup
//! restores into a new directory that passes the check and exports the same journal; the
//! retention rule; damaged files are refused and leave nothing behind.

mod common;

use common::{data_dir, demo, export, run, without_exported_at};
use flate2::Compression;
use flate2::read::GzDecoder;
use flate2::write::GzEncoder;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

const UNTIL: &str = "2026-11-28";

fn backups(data: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(data.join("backups"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn gunzip(path: &Path) -> String {
    let mut text = String::new();
    GzDecoder::new(std::fs::File::open(path).unwrap())
        .read_to_string(&mut text)
        .unwrap();
    text
}

fn gzip(text: &str) -> Vec<u8> {
    let mut enc = GzEncoder::new(Vec::new(), Compression::default());
    enc.write_all(text.as_bytes()).unwrap();
    enc.finish().unwrap()
}

/// A demo store of 40 nights (its closes write backups) in a fresh temporary directory.
fn demo_store() -> (tempfile::TempDir, PathBuf) {
    let (tmp, data) = data_dir();
    demo(&data, 40, 7, UNTIL);
    (tmp, data)
}

#[test]
fn a_backup_restores_into_a_store_that_passes_the_check_with_the_same_journal() {
    let (tmp, data) = demo_store();
    let names = backups(&data);
    // 40 nights: the last 30 closes are kept (the months before are already among them).
    assert_eq!(names.len(), 30, "{names:?}");
    assert_eq!(names.last().unwrap(), "vigie-2026-11-28.jsonl.gz");
    assert!(names.iter().all(|n| !n.ends_with(".tmp")));
    let newest = data.join("backups/vigie-2026-11-28.jsonl.gz");
    let restored = tmp.path().join("restored");
    let out = run(&restored, &["restore", newest.to_str().unwrap()]);
    out.assert_ok();
    assert!(out.stdout.contains("Restauration réussie"), "{out:#?}");
    let check = run(&restored, &["check"]);
    check.assert_ok();
    assert_eq!(
        common::check_count(&check.stdout, "événements"),
        common::check_count(&run(&data, &["check"]).stdout, "événements")
    );
    assert_eq!(
        common::check_count(&check.stdout, "données personnelles"),
        common::check_count(&run(&data, &["check"]).stdout, "données personnelles")
    );
    let original = without_exported_at(&export(&data, &[]));
    let copy = without_exported_at(&export(&restored, &[]));
    assert_eq!(original.lines().count(), copy.lines().count());
    for (a, b) in original.lines().zip(copy.lines()) {
        assert_eq!(a, b);
    }
    // The backup itself is the export, with personal records.
    let inside = without_exported_at(&gunzip(&newest));
    assert_eq!(inside.trim_end(), original.trim_end());
    assert!(inside.contains("\"type\":\"personal\""));
}

#[test]
fn an_older_backup_restores_the_journal_as_it_was_at_that_close() {
    let (tmp, data) = demo_store();
    let older = data.join("backups").join(&backups(&data)[0]);
    let restored = tmp.path().join("restored");
    run(&restored, &["restore", older.to_str().unwrap()]).assert_ok();
    let all = export(&data, &[]);
    let part = export(&restored, &[]);
    let events = |s: &str| {
        s.lines()
            .filter(|l| l.contains("\"type\":\"event\""))
            .count()
    };
    assert!(events(&part) < events(&all));
    assert!(part.contains("\"kind\":\"night_closed\""));
}

#[test]
fn retention_keeps_the_newest_thirty_and_one_backup_a_month() {
    let (_tmp, data) = data_dir();
    demo(&data, 3, 3, UNTIL);
    let dir = data.join("backups");
    // 70 older backups, one a day from August 1st to October 9th (content unread by the rule).
    let mut day = chrono::NaiveDate::from_ymd_opt(2026, 8, 1).unwrap();
    for _ in 0..70 {
        std::fs::write(dir.join(format!("vigie-{day}.jsonl.gz")), b"old").unwrap();
        day = day.succ_opt().unwrap();
    }
    std::fs::write(dir.join("notes.txt"), b"not a backup").unwrap();
    let out = run(&data, &["backup"]);
    out.assert_ok();
    assert!(out.stdout.contains("Sauvegarde écrite"), "{out:#?}");
    let names = backups(&data);
    let mut expected = vec!["notes.txt".to_string(), "vigie-2026-08-31.jsonl.gz".into()];
    let mut day = chrono::NaiveDate::from_ymd_opt(2026, 9, 14).unwrap();
    while day <= chrono::NaiveDate::from_ymd_opt(2026, 10, 9).unwrap() {
        expected.push(format!("vigie-{day}.jsonl.gz"));
        day = day.succ_opt().unwrap();
    }
    for n in [
        "vigie-2026-11-26.jsonl.gz",
        "vigie-2026-11-27.jsonl.gz",
        "vigie-2026-11-28.jsonl.gz",
        // The manual backup of the same night takes the next number.
        "vigie-2026-11-28-2.jsonl.gz",
    ] {
        expected.push(n.into());
    }
    expected.sort();
    assert_eq!(names, expected);
    // 30 newest + August's newest, and the file that is not a backup.
    assert_eq!(names.len(), 30 + 1 + 1);
}

#[test]
fn no_temporary_file_is_left_and_a_stale_one_is_removed() {
    let (_tmp, data) = data_dir();
    demo(&data, 2, 3, UNTIL);
    let stale = data.join("backups/vigie-2026-11-28.jsonl.gz.tmp");
    std::fs::write(&stale, b"half a backup").unwrap();
    run(&data, &["backup"]).assert_ok();
    assert!(!stale.exists());
    assert!(backups(&data).iter().all(|n| !n.ends_with(".tmp")));
    let list = run(&data, &["backup", "--list"]);
    list.assert_ok();
    assert_eq!(list.stdout.lines().count(), 3, "{list:#?}");
}

/// Restoring `file` into a fresh directory fails with a message naming the file and saying
/// `what`; the directory is not left behind.
#[track_caller]
fn refused(tmp: &Path, file: &Path, what: &[&str]) {
    let target = tmp.join(format!(
        "restored-{}",
        file.file_name().unwrap().to_string_lossy()
    ));
    let out = run(&target, &["restore", file.to_str().unwrap()]);
    out.assert_failed();
    assert!(out.stderr.contains(file.to_str().unwrap()), "{out:#?}");
    assert!(
        what.iter().any(|w| out.stderr.contains(w)),
        "expected one of {what:?}: {out:#?}"
    );
    assert!(!target.exists(), "{} left behind", target.display());
}

#[test]
fn damaged_backups_are_refused_and_leave_nothing_behind() {
    let (tmp, data) = demo_store();
    let good = std::fs::read(data.join("backups/vigie-2026-11-28.jsonl.gz")).unwrap();
    let text = gunzip(&data.join("backups/vigie-2026-11-28.jsonl.gz"));
    let bad = tmp.path().join("bad");
    std::fs::create_dir(&bad).unwrap();

    let truncated = bad.join("truncated.jsonl.gz");
    std::fs::write(&truncated, &good[..good.len() / 2]).unwrap();
    refused(tmp.path(), &truncated, &["endommagé ou tronqué"]);

    let flipped = bad.join("flipped.jsonl.gz");
    let mut bytes = good.clone();
    let middle = bytes.len() / 2;
    for b in &mut bytes[middle..middle + 8] {
        *b ^= 0xff;
    }
    std::fs::write(&flipped, &bytes).unwrap();
    refused(tmp.path(), &flipped, &["endommagé ou tronqué", "illisible"]);

    let plain = bad.join("plain.jsonl");
    std::fs::write(&plain, &text).unwrap();
    refused(tmp.path(), &plain, &["pas un fichier gzip"]);

    let garbage = bad.join("garbage.jsonl.gz");
    let mut lines: Vec<&str> = text.lines().collect();
    lines.insert(4, "{ceci n'est pas du JSON");
    std::fs::write(&garbage, gzip(&(lines.join("\n") + "\n"))).unwrap();
    refused(tmp.path(), &garbage, &["Ligne 5 illisible"]);

    let empty = bad.join("empty.jsonl.gz");
    std::fs::write(&empty, b"").unwrap();
    refused(tmp.path(), &empty, &["pas un fichier gzip"]);

    // An empty directory given by the coordinator stays, empty.
    let given = tmp.path().join("given");
    std::fs::create_dir(&given).unwrap();
    let out = run(&given, &["restore", truncated.to_str().unwrap()]);
    out.assert_failed();
    assert_eq!(std::fs::read_dir(&given).unwrap().count(), 0);
}

#[test]
fn restore_refuses_a_directory_that_is_not_empty() {
    let (tmp, data) = demo_store();
    let newest = data.join("backups/vigie-2026-11-28.jsonl.gz");
    let out = run(&data, &["restore", newest.to_str().unwrap()]);
    out.assert_failed();
    assert!(out.stderr.contains("n'est pas vide"), "{out:#?}");
    let other = tmp.path().join("other");
    std::fs::create_dir(&other).unwrap();
    std::fs::write(other.join("keep.txt"), b"mine").unwrap();
    run(&other, &["restore", newest.to_str().unwrap()]).assert_failed();
    assert_eq!(std::fs::read(other.join("keep.txt")).unwrap(), b"mine");
    assert_eq!(std::fs::read_dir(&other).unwrap().count(), 1);
    // The original store is untouched.
    run(&data, &["check"]).assert_ok();
}

#[test]
fn erasing_a_personal_record_rewrites_the_backups_without_it() {
    let (_tmp, data) = demo_store();
    let newest = data.join("backups/vigie-2026-11-28.jsonl.gz");
    let text = gunzip(&newest);
    let line = text
        .lines()
        .find(|l| l.starts_with("{\"type\":\"personal\""))
        .expect("a personal record in the backup");
    let id = serde_json::from_str::<serde_json::Value>(line).unwrap()["id"]
        .as_u64()
        .unwrap();
    let holding: Vec<String> = backups(&data)
        .into_iter()
        .filter(|n| gunzip(&data.join("backups").join(n)).contains(line))
        .collect();
    assert!(!holding.is_empty());
    let out = run(&data, &["personal", "erase", &id.to_string()]);
    out.assert_ok();
    assert!(
        out.stdout
            .contains(&format!("{} réécrite(s)", holding.len())),
        "{out:#?}"
    );
    for n in backups(&data) {
        let after = gunzip(&data.join("backups").join(&n));
        assert!(!after.contains(line), "{n} still holds the record");
        assert!(!n.ends_with(".tmp"));
    }
    // A rewritten backup still restores.
    let restored = data.parent().unwrap().join("restored");
    run(&restored, &["restore", newest.to_str().unwrap()]).assert_ok();
}
