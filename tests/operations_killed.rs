//! Operations killed with SIGKILL leave nothing half-made: a restore leaves no store where
//! it was asked for (a new restore then succeeds), and a purge or an erasure cut during the
//! scrub of the backups is reported by `check` and finished by the next `vigie backup`.
//! Each test asserts that at least one kill landed in the middle of the work.

mod common;

use common::{demo, run};
use flate2::read::GzDecoder;
use std::collections::BTreeSet;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Runs `vigie --data DATA ARGS` and SIGKILLs it after `delay`.
fn killed(data: &Path, args: &[&str], delay: Duration) {
    let mut child = Command::new(common::bin())
        .args(["--data".as_ref(), data.as_os_str()])
        .args(args)
        .env_remove("VIGIE_LANG")
        .env_remove("VIGIE_DATA")
        .env("VIGIE_CONFIG", "/nonexistent/vigie-tests/config.toml")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn vigie");
    std::thread::sleep(delay);
    let _ = child.kill();
    child.wait().expect("wait");
}

fn timed(data: &Path, args: &[&str]) -> Duration {
    let started = Instant::now();
    run(data, args).assert_ok();
    started.elapsed()
}

#[test]
fn a_killed_restore_leaves_nothing_and_the_next_one_succeeds() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let source = tmp.path().join("source");
    demo(&source, 40, 9, "2026-11-27");
    let backup = run(&source, &["backup"]);
    backup.assert_ok();
    let list = run(&source, &["backup", "--list"]);
    let file = list
        .stdout
        .lines()
        .last()
        .and_then(|l| l.split_whitespace().last())
        .expect("a backup")
        .to_string();
    let full = timed(&tmp.path().join("timed"), &["restore", &file]);
    let mut mid = 0;
    for k in 1..=6u32 {
        let target = tmp.path().join(format!("target-{k}"));
        killed(&target, &["restore", &file], full * (2 * k - 1) / 12);
        let staging = tmp.path().join(format!(".target-{k}.restoring"));
        if staging.exists() {
            mid += 1;
        }
        if target.exists() {
            // Only a finished restore puts the directory in place: it is whole.
            run(&target, &["check"]).assert_ok();
        } else {
            run(&target, &["restore", &file]).assert_ok();
            assert!(!staging.exists(), "the next restore removed the leftover");
            run(&target, &["check"]).assert_ok();
        }
    }
    assert!(mid > 0, "no kill landed in the middle of a restore");
}

/// Personal record ids in every backup of `data`.
fn ids_in_backups(data: &Path) -> BTreeSet<u64> {
    let mut ids = BTreeSet::new();
    for entry in std::fs::read_dir(data.join("backups")).expect("backups") {
        let path = entry.expect("entry").path();
        if !path.to_string_lossy().ends_with(".jsonl.gz") {
            continue;
        }
        let reader = BufReader::new(GzDecoder::new(std::fs::File::open(&path).expect("open")));
        for line in reader.lines() {
            let line = line.expect("line");
            if line.starts_with("{\"type\":\"personal\"") {
                let v: serde_json::Value = serde_json::from_str(&line).expect("json");
                ids.insert(v["id"].as_u64().expect("id"));
            }
        }
    }
    ids
}

/// Personal record ids the store still has (its export).
fn ids_in_store(data: &Path) -> BTreeSet<u64> {
    common::export(data, &[])
        .lines()
        .filter(|l| l.starts_with("{\"type\":\"personal\""))
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("json");
            v["id"].as_u64().expect("id")
        })
        .collect()
}

/// Kills `args` at several points; after each, either nothing happened or the scrub is
/// owed, reported by check and finished by `vigie backup`.
fn scrub_survives_kills(args: &[&str], name: &str) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let template = tmp.path().join("template");
    demo(&template, 40, 5, "2026-11-27");
    let timing = tmp.path().join("timing");
    common::copy_dir(&template, &timing);
    let full = timed(&timing, args);
    let mut owed = 0;
    for k in 1..=6u32 {
        let data = tmp.path().join(format!("{name}-{k}"));
        common::copy_dir(&template, &data);
        let before = ids_in_store(&data);
        killed(&data, args, full * (2 * k - 1) / 12);
        let after = ids_in_store(&data);
        let check = run(&data, &["check"]);
        let leaked: Vec<u64> = ids_in_backups(&data).difference(&after).copied().collect();
        if after == before {
            // Killed before the erasure's commit: nothing changed.
            check.assert_ok();
            continue;
        }
        if !leaked.is_empty() {
            owed += 1;
            check.assert_failed();
            assert!(check.stdout.contains("SAUVEGARDE À NETTOYER"), "{check:#?}");
        }
        run(&data, &["backup"]).assert_ok();
        run(&data, &["check"]).assert_ok();
        let left: Vec<u64> = ids_in_backups(&data).difference(&after).copied().collect();
        assert!(
            left.is_empty(),
            "{name} {k}: erased records left in backups: {left:?}"
        );
    }
    assert!(
        owed > 0,
        "{name}: no kill landed in the middle of the scrub"
    );
}

#[test]
fn a_killed_purge_is_reported_and_finished() {
    scrub_survives_kills(&["personal", "purge", "--older-than", "1"], "purge");
}

#[test]
fn a_killed_erasure_is_reported_and_finished() {
    scrub_survives_kills(&["personal", "erase", "3"], "erase");
}
