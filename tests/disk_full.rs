//! A full disk, on a small tmpfs: the command says « disque plein » and exits 4, nothing
//! acknowledged is lost, and the store opens and passes its check once space is freed.
//! Mounting needs root (CI runs as root); where it is not permitted the test says so and
//! stops.

mod common;

use common::{check_count, run};
use std::io::Write;
use std::path::Path;
use std::process::Command;

struct Mount(std::path::PathBuf);

impl Drop for Mount {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

fn mount_tmpfs(dir: &Path, size: &str) -> Option<Mount> {
    std::fs::create_dir_all(dir).ok()?;
    let status = Command::new("mount")
        .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
        .arg(dir)
        .stderr(std::process::Stdio::null())
        .status()
        .ok()?;
    status.success().then(|| Mount(dir.to_path_buf()))
}

/// Fills the file system of `dir` until a write fails.
fn fill(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("filler");
    let mut f = std::fs::File::create(&path).expect("filler");
    let block = vec![0x55u8; 64 << 10];
    while f.write_all(&block).is_ok() {}
    let small = [0x55u8; 512];
    while f.write_all(&small).is_ok() {}
    let _ = f.sync_all();
    path
}

#[test]
fn a_full_disk_is_said_and_loses_nothing() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mnt = tmp.path().join("small");
    let Some(_mount) = mount_tmpfs(&mnt, "24m") else {
        eprintln!(
            "note: cannot mount a tmpfs here (not root, or not permitted): disk-full test skipped"
        );
        return;
    };
    let data = mnt.join("data");
    common::demo(&data, 3, 4, "2026-11-25");
    let before = common::export(&data, &[]);
    let events = check_count(&run(&data, &["check"]).stdout, "événements");
    let filler = fill(&mnt);

    // Writing commands fail with the words of a full disk, and exit 4.
    let mut said = 0;
    for args in [
        &["demo", "--nights", "3", "--until", "2026-11-30"][..],
        &["backup"],
    ] {
        let out = run(&data, args);
        out.assert_no_panic();
        if out.ok() {
            continue;
        }
        if args[0] == "demo" {
            assert_eq!(out.code, Some(4), "{args:?}: {out:#?}");
            assert!(out.stderr.contains("Disque plein"), "{args:?}: {out:#?}");
            assert!(!out.stderr.contains("endommagées"), "not damage: {out:#?}");
        } else {
            assert!(
                out.stderr.contains("espace disque") || out.stderr.contains("Disque plein"),
                "{out:#?}"
            );
        }
        said += 1;
    }
    assert!(said > 0, "nothing failed on a full disk");

    // Space freed: the store opens, passes its check, and holds every acknowledged event.
    std::fs::remove_file(&filler).expect("free the space");
    let check = run(&data, &["check"]);
    check.assert_ok();
    let after = check_count(&check.stdout, "événements");
    assert!(after >= events, "{after} events after, {events} before");
    let now = common::export(&data, &[]);
    let body = |s: &str| -> Vec<String> {
        s.lines()
            .filter(|l| l.starts_with("{\"type\":\"event\""))
            .map(str::to_string)
            .collect()
    };
    let (b, a) = (body(&before), body(&now));
    assert_eq!(
        &a[..b.len()],
        &b[..],
        "the events written before are all there"
    );
    // And it writes again.
    common::demo(&data, 1, 4, "2026-11-30");
}
