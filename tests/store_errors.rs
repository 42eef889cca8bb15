//! What goes wrong around the store, and must end in a sentence rather than a stack dump:
//! a second instance, damaged files, an unusable data directory; and the data directory's
//! permissions.

mod common;

use common::{Out, copy_dir, data_dir, demo, overwrite, run};
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use vigie::store::{Store, StoreError};

fn rennes() -> vigie::domain::reference::Territory {
    vigie::territory::rennes().expect("the embedded territory loads")
}

fn open(dir: &Path) -> Result<Store, StoreError> {
    Store::open(dir, rennes())
}

#[test]
fn second_instance_is_refused() {
    let (_t, data) = data_dir();
    let first = match open(&data) {
        Ok(s) => s,
        Err(e) => panic!("first open: {e}"),
    };

    // Another process: a read command asks the owner through its socket (this one has
    // none: it says so); a command that needs the store to itself says who holds it.
    for args in [&["check"][..], &["log"]] {
        let out = run(&data, args);
        out.assert_failed();
        assert!(
            out.stderr.contains("ne répond pas sur son canal"),
            "{out:#?}"
        );
    }
    let out = run(&data, &["demo", "--nights", "1"]);
    out.assert_failed();
    assert!(
        out.stderr
            .contains("Une console Vigie (ou `vigie serve`) tient ce dossier de données"),
        "{out:#?}"
    );
    assert!(out.stderr.contains(&data.display().to_string()), "{out:#?}");
    assert!(!out.stderr.contains("déjà ouverte"), "{out:#?}");
    let en = run(&data, &["--lang", "en", "demo", "--nights", "1"]);
    en.assert_failed();
    assert!(
        en.stderr
            .contains("A Vigie console (or `vigie serve`) holds this data directory"),
        "{en:#?}"
    );

    // The same process.
    match open(&data) {
        Err(StoreError::Locked(dir)) => assert_eq!(dir, data),
        Err(e) => panic!("expected Locked, got {e:?}"),
        Ok(_) => panic!("a second Store opened on the same directory"),
    }

    // Once the first is closed, the directory is free again.
    drop(first);
    run(&data, &["check"]).assert_ok();
    let again = open(&data);
    assert!(again.is_ok(), "{:?}", again.err());
}

/// A store with a few demo nights, to be copied and damaged.
fn template(dir: &Path) -> std::path::PathBuf {
    let data = dir.join("template");
    demo(&data, 4, 11, "2026-11-27");
    run(&data, &["check"]).assert_ok();
    data
}

/// Does a damaged store say so clearly? A clean run is accepted (sled survived the damage),
/// a failure must be a sentence about the damage or the data directory. Never a panic.
fn assert_clear(out: &Out, data: &Path) {
    out.assert_no_panic();
    if out.ok() {
        return;
    }
    assert!(
        out.stderr.contains("endommagées") || out.stderr.contains(&data.display().to_string()),
        "a failure on a damaged store must say the data is damaged or where it is: {out:#?}"
    );
}

/// A failure at least says something (and never panics).
fn assert_said_something(out: &Out) {
    out.assert_no_panic();
    assert!(
        out.ok() || out.stderr.trim_start().starts_with("vigie: "),
        "a failure without a message: {out:#?}"
    );
}

/// Damages a copy of the template with `damage`, then runs `check`, `log` and the bare
/// command on it; `strict`: every failure must be a clear message (`assert_clear`).
/// Returns the output of `check`.
fn damaged(
    template: &Path,
    scratch: &Path,
    name: &str,
    strict: bool,
    damage: impl FnOnce(&Path),
) -> Out {
    let data = scratch.join(name);
    copy_dir(template, &data);
    damage(&data.join("store"));
    let check = run(&data, &["check"]);
    for args in [
        &["check"][..],
        &["log"],
        &[],
        &["log", "--night", "2026-11-24"],
    ] {
        let out = run(&data, args);
        if strict {
            assert_clear(&out, &data);
        } else {
            assert_said_something(&out);
        }
    }
    check
}

/// Deterministic garbage.
fn garbage(len: usize, seed: u64) -> Vec<u8> {
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x as u8
        })
        .collect()
}

#[test]
fn truncated_or_emptied_db_is_reported_as_damaged() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let template = template(tmp.path());
    let db_len = std::fs::metadata(template.join("store/db"))
        .expect("db")
        .len();
    for (name, len) in [
        ("truncated-100k", 100_000),
        ("truncated-4k", 4096),
        ("truncated-half", db_len / 2),
        ("emptied", 0),
    ] {
        let check = damaged(&template, tmp.path(), name, true, |store| {
            let f = std::fs::OpenOptions::new()
                .write(true)
                .open(store.join("db"))
                .expect("db");
            f.set_len(len).expect("truncate");
        });
        assert_clear(&check, &tmp.path().join(name));
        if !check.ok() {
            assert!(check.stderr.contains("Rien n'a été modifié"), "{check:#?}");
        }
    }
    // At least the emptied one cannot pass for a sound store with four nights.
    let out = run(&tmp.path().join("emptied"), &["check"]);
    assert!(
        !out.ok() || common::check_count(&out.stdout, "nuits") != 4,
        "{out:#?}"
    );
}

#[test]
fn garbage_in_conf_or_snapshot_never_panics() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let template = template(tmp.path());
    let check = damaged(&template, tmp.path(), "conf", true, |store| {
        std::fs::write(store.join("conf"), garbage(62, 1)).expect("conf");
    });
    assert_clear(&check, &tmp.path().join("conf"));
    let check = damaged(&template, tmp.path(), "conf-text", true, |store| {
        std::fs::write(store.join("conf"), "segment_size: lots\n").expect("conf");
    });
    assert_clear(&check, &tmp.path().join("conf-text"));
    let check = damaged(&template, tmp.path(), "snap", true, |store| {
        for entry in std::fs::read_dir(store).expect("store dir") {
            let path = entry.expect("entry").path();
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if name.starts_with("snap.") {
                let len = std::fs::metadata(&path).expect("snap").len() as usize;
                std::fs::write(&path, garbage(len, 2)).expect("snap");
            }
        }
    });
    assert_clear(&check, &tmp.path().join("snap"));
    let check = damaged(&template, tmp.path(), "db-removed", true, |store| {
        std::fs::remove_file(store.join("db")).expect("remove db");
    });
    assert_clear(&check, &tmp.path().join("db-removed"));
}

/// Offsets spread over the db file, a page of garbage at each.
fn offsets(db_len: u64) -> Vec<u64> {
    (0..16).map(|i| db_len * i / 16 + 1234 * i).collect()
}

#[test]
fn garbage_inside_the_db_never_panics() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let template = template(tmp.path());
    let db_len = std::fs::metadata(template.join("store/db"))
        .expect("db")
        .len();
    let mut failed = 0;
    for (i, offset) in offsets(db_len).into_iter().enumerate() {
        let name = format!("garbage-{offset}");
        let check = damaged(&template, tmp.path(), &name, false, |store| {
            overwrite(&store.join("db"), offset, &garbage(4096, i as u64 + 10));
        });
        if !check.ok() {
            failed += 1;
        }
        // Whatever happened, a later command does not panic either.
        let again = run(&tmp.path().join(&name), &["check"]);
        again.assert_no_panic();
    }
    eprintln!("{failed} of 16 damaged copies refused by check");
}

/// sled reports a damaged page met while reading (not while opening) as a read error, and
/// the store passes it on as `StoreError::Read`: "Lecture des données impossible (Read
/// corrupted data at file offset Some(Inline(…)) backtrace ())" — no data directory, no word
/// of damage, no way out, and sled's debug text.
#[test]
fn garbage_inside_the_db_is_reported_as_damaged() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let template = template(tmp.path());
    let db_len = std::fs::metadata(template.join("store/db"))
        .expect("db")
        .len();
    for (i, offset) in offsets(db_len).into_iter().enumerate() {
        let name = format!("garbage-{offset}");
        let check = damaged(&template, tmp.path(), &name, true, |store| {
            overwrite(&store.join("db"), offset, &garbage(4096, i as u64 + 10));
        });
        assert_clear(&check, &tmp.path().join(&name));
    }
}

#[test]
fn data_path_that_is_a_file_is_a_message() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let file = tmp.path().join("not-a-dir");
    std::fs::write(&file, "I am a file").expect("file");
    for args in [&["check"][..], &["log"], &[]] {
        let out = run(&file, args);
        out.assert_failed();
        assert!(out.stderr.contains(&file.display().to_string()), "{out:#?}");
        assert!(out.stderr.contains("inutilisable"), "{out:#?}");
    }
    // Below a file: the directory cannot be created.
    let below = file.join("data");
    let out = run(&below, &["check"]);
    out.assert_failed();
    assert!(
        out.stderr.contains(&below.display().to_string()),
        "{out:#?}"
    );
    assert_eq!(
        std::fs::read_to_string(&file).expect("file"),
        "I am a file",
        "the file is left alone"
    );
    // In-process: a DataDir error naming the path.
    match open(&file) {
        Err(StoreError::DataDir { path, .. }) => assert_eq!(path, file),
        Err(e) => panic!("expected DataDir, got {e:?}"),
        Ok(_) => panic!("opened a store on a file"),
    }
}

#[test]
fn unreadable_data_dir_is_a_message() {
    let tmp = tempfile::tempdir().expect("tempdir");
    if !common::permissions_are_enforced(tmp.path()) {
        eprintln!(
            "note: running as root (a mode-000 directory is readable): unreadable-directory case skipped"
        );
        return;
    }
    let data = tmp.path().join("locked-out");
    std::fs::create_dir(&data).expect("dir");
    std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    let out = run(&data, &["check"]);
    std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o700)).expect("chmod back");
    out.assert_failed();
    assert!(out.stderr.contains(&data.display().to_string()), "{out:#?}");

    // A store whose files became read-only: opening or writing fails with a sentence.
    let (_u, data) = data_dir();
    demo(&data, 1, 1, "2026-11-27");
    let store = data.join("store");
    std::fs::set_permissions(&store, std::fs::Permissions::from_mode(0o500)).expect("chmod");
    for f in ["db", "conf"] {
        std::fs::set_permissions(store.join(f), std::fs::Permissions::from_mode(0o400))
            .expect("chmod");
    }
    let out = run(&data, &["check"]);
    for f in ["db", "conf"] {
        std::fs::set_permissions(store.join(f), std::fs::Permissions::from_mode(0o600))
            .expect("chmod back");
    }
    std::fs::set_permissions(&store, std::fs::Permissions::from_mode(0o700)).expect("chmod back");
    assert_clear(&out, &data);
}

#[test]
fn new_data_dir_is_private() {
    let tmp = tempfile::tempdir().expect("tempdir");
    // Created by the binary (the console without a terminal), nested.
    let data = tmp.path().join("a/b/data");
    run(&data, &[]).assert_ok();
    let mode = std::fs::metadata(&data)
        .expect("data dir")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o700, "mode {mode:o}");
    // Created in-process.
    let data = tmp.path().join("in-process");
    drop(open(&data).map_err(|e| e.to_string()).expect("open"));
    let mode = std::fs::metadata(&data)
        .expect("data dir")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o700, "mode {mode:o}");
    // A demo's store keeps it.
    let data = tmp.path().join("demo");
    demo(&data, 1, 1, "2026-11-27");
    let mode = std::fs::metadata(&data)
        .expect("data dir")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o700, "mode {mode:o}");
}
