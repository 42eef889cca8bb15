//! Damage to the store's files must be found, never absorbed: flipped bytes, zeroed blocks,
//! truncation and deletion of each file, at several offsets (in what was written before the
//! last opening and in what was written after it). Each one is either harmless (`check`
//! passes and the journal is exactly the one written) or refused by the opening and by
//! `check` with a message that says the data is damaged and names the backup to restore.
//! The opening reads the witness, sled's recovery and the journal after the last snapshot:
//! damage it finds stops every command, and nothing is written afterwards. Damage deeper in
//! the history (an old view or event that the opening does not read) is found by `check`
//! and by any command that reads it; read commands never write.

mod common;

use common::{Out, copy_dir, demo, export, overwrite, run, without_exported_at};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use vigie::store::{Store, StoreError};

/// A store with backups, then one more night written in a later opening (so that the `db`
/// holds a part written since the store was last opened).
fn template(dir: &Path) -> (PathBuf, String) {
    let data = dir.join("template");
    demo(&data, 4, 11, "2026-11-26");
    demo(&data, 1, 12, "2026-11-27");
    run(&data, &["check"]).assert_ok();
    let journal = without_exported_at(&export(&data, &[]));
    (data, journal)
}

/// Every file of the data directory, with its bytes.
fn files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("read dir") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.file_name().is_some_and(|n| n != "vigie.lock") {
                out.insert(path.clone(), std::fs::read(&path).expect("read"));
            }
        }
    }
    out
}

fn flip(path: &Path, offset: u64) {
    let byte = std::fs::read(path).expect("read")[offset as usize];
    overwrite(path, offset, &[byte ^ 0x5a]);
}

fn truncate(path: &Path, len: u64) {
    let f = std::fs::OpenOptions::new()
        .write(true)
        .open(path)
        .expect("open");
    f.set_len(len).expect("truncate");
}

/// The failure says the data is damaged, that nothing was changed, and what to restore.
#[track_caller]
fn assert_damage_said(out: &Out, name: &str) {
    out.assert_failed();
    assert_eq!(out.code, Some(1), "{name}: damage exits 1: {out:#?}");
    for needle in ["endommagées", "Rien n'a été modifié", "vigie restore"] {
        assert!(
            out.stderr.contains(needle),
            "{name}: says {needle:?}: {out:#?}"
        );
    }
    assert!(
        out.stderr.contains("backups/vigie-2026-11-"),
        "{name}: names the backup to restore: {out:#?}"
    );
}

/// Damages a copy with `damage`; returns whether it was found.
fn case(
    template: &Path,
    journal: &str,
    scratch: &Path,
    name: &str,
    damage: impl FnOnce(&Path),
) -> bool {
    let data = scratch.join(name);
    copy_dir(template, &data);
    damage(&data.join("store"));
    let check = run(&data, &["check"]);
    check.assert_no_panic();
    if check.ok() {
        // Harmless damage (a part sled no longer uses): the journal is whole.
        assert_eq!(
            without_exported_at(&export(&data, &[])),
            journal,
            "{name}: check passed but the journal is not the one written"
        );
        return false;
    }
    assert_damage_said(&check, name);
    let after = files(&data);
    // Read commands write nothing.
    for args in [&["check"][..], &["journal", "export"]] {
        run(&data, args).assert_no_panic();
    }
    assert!(
        files(&data) == after,
        "{name}: a read command changed a file"
    );
    let opened = Store::open(&data, vigie::territory::rennes().expect("territory"));
    match opened {
        Err(StoreError::Damaged { .. }) => {}
        Err(e) => panic!("{name}: expected Damaged, got {e:?}"),
        // Deep in the history: the in-process check finds it too.
        Ok(store) => {
            let report = store.check();
            assert!(
                report.as_ref().map_or(true, |r| !r.is_ok()),
                "{name}: the opening passed and so did check: {report:?}"
            );
            return true;
        }
    }
    // Refused at the opening: no command writes anything afterwards.
    for args in [
        &["check"][..],
        &["log"],
        &[],
        &["demo", "--nights", "1", "--until", "2026-11-28"],
        &["personal", "purge", "--older-than", "1"],
    ] {
        let out = run(&data, args);
        assert_damage_said(&out, &format!("{name} {args:?}"));
    }
    assert!(
        files(&data) == after,
        "{name}: a file changed after the damage was found"
    );
    true
}

#[test]
fn damage_to_the_db_is_found_or_harmless() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (template, journal) = template(tmp.path());
    let db = template.join("store/db");
    let len = std::fs::metadata(&db).expect("db").len();
    let mut found = 0;
    let mut total = 0;
    let mut offsets: Vec<u64> = (1..8).map(|i| len * i / 8).collect();
    // The tail: what the last opening wrote.
    offsets.extend([len - 200, len - 5000, len - 20_000]);
    for off in offsets {
        total += 2;
        found += usize::from(case(
            &template,
            &journal,
            tmp.path(),
            &format!("flip-{off}"),
            |s| flip(&s.join("db"), off),
        ));
        let zeros = vec![0u8; 64 << 10];
        let at = off.saturating_sub(32 << 10);
        found += usize::from(case(
            &template,
            &journal,
            tmp.path(),
            &format!("zero-{off}"),
            |s| {
                overwrite(
                    &s.join("db"),
                    at,
                    &zeros[..(len - at).min(64 << 10) as usize],
                )
            },
        ));
    }
    // Half the file may be segments sled no longer uses; a cut to 4 KiB or to nothing
    // cannot be harmless.
    for (name, cut, must) in [
        ("half", len / 2, false),
        ("4k", 4096, true),
        ("empty", 0, true),
    ] {
        total += 1;
        let found_here = case(
            &template,
            &journal,
            tmp.path(),
            &format!("cut-{name}"),
            |s| truncate(&s.join("db"), cut),
        );
        assert!(found_here || !must, "a db cut to {cut} bytes must be found");
        found += usize::from(found_here);
    }
    assert!(
        case(&template, &journal, tmp.path(), "db-deleted", |s| {
            std::fs::remove_file(s.join("db")).expect("remove db")
        }),
        "a deleted db must be found"
    );
    eprintln!(
        "{found} of {} damaged copies found, the others harmless",
        total + 1
    );
    assert!(
        found * 3 >= total,
        "a third at least of the damage touches live data"
    );
}

#[test]
fn damage_to_the_witness_and_sled_files_is_found_or_harmless() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (template, journal) = template(tmp.path());
    let wal = template.join("store/journal.wal");
    let wal_len = std::fs::metadata(&wal).expect("witness").len();
    assert!(
        case(&template, &journal, tmp.path(), "wal-deleted", |s| {
            std::fs::remove_file(s.join("journal.wal")).expect("remove")
        }),
        "a deleted witness must be found"
    );
    assert!(
        case(&template, &journal, tmp.path(), "wal-flipped", |s| flip(
            &s.join("journal.wal"),
            20
        )),
        "a changed witness must be found"
    );
    assert!(
        case(&template, &journal, tmp.path(), "wal-cut", |s| truncate(
            &s.join("journal.wal"),
            wal_len / 2
        )),
        "a cut witness must be found"
    );
    // An older witness (the template's, before its last night) against the newer journal.
    let older = tmp.path().join("older");
    demo(&older, 4, 11, "2026-11-26");
    let old_wal = std::fs::read(older.join("store/journal.wal")).expect("old witness");
    assert!(
        case(&template, &journal, tmp.path(), "wal-older", |s| {
            std::fs::write(s.join("journal.wal"), &old_wal).expect("write")
        }),
        "an older witness must be found"
    );
    for name in ["conf", "snap"] {
        case(
            &template,
            &journal,
            tmp.path(),
            &format!("{name}-deleted"),
            |s| {
                for entry in std::fs::read_dir(s).expect("store") {
                    let path = entry.expect("entry").path();
                    if path
                        .file_name()
                        .is_some_and(|n| n.to_string_lossy().starts_with(name))
                    {
                        std::fs::remove_file(&path).expect("remove");
                    }
                }
            },
        );
    }
}

/// The case of the issue: the db of an older store whose journal went further, as after a
/// flipped byte that makes sled drop the rest of its log. The message says where the
/// journal stops and how many events the latest backup holds.
#[test]
fn a_shorter_journal_says_where_it_stops_and_what_the_backup_holds() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (template, _) = template(tmp.path());
    let older = tmp.path().join("older");
    demo(&older, 4, 11, "2026-11-26");
    let data = tmp.path().join("swapped");
    copy_dir(&template, &data);
    for f in ["db", "conf"] {
        std::fs::copy(older.join("store").join(f), data.join("store").join(f)).expect("copy");
    }
    for entry in std::fs::read_dir(data.join("store")).expect("store") {
        let path = entry.expect("entry").path();
        if path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with("snap."))
        {
            std::fs::remove_file(&path).expect("remove snap");
        }
    }
    let out = run(&data, &["check"]);
    assert_damage_said(&out, "swapped");
    assert!(
        out.stderr.contains("le journal s'arrête à l'événement"),
        "{out:#?}"
    );
    assert!(
        out.stderr.contains("la dernière sauvegarde en a"),
        "{out:#?}"
    );
    let en = run(&data, &["--lang", "en", "check"]);
    assert!(en.stderr.contains("the journal stops at event"), "{en:#?}");
}
