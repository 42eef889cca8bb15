//! Shared helpers of the integration tests: run the `vigie` binary on a throw-away data
//! directory (never the real one), with a timeout, and read what it said.

#![allow(dead_code)]

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// How long one run of the binary may take before the test gives up on it.
const TIMEOUT: Duration = Duration::from_secs(120);

/// What one run of the binary did.
#[derive(Debug)]
pub struct Out {
    /// `None` when the process was ended by a signal.
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl Out {
    pub fn ok(&self) -> bool {
        self.code == Some(0)
    }

    /// Panics with everything the binary said, for a readable failure.
    #[track_caller]
    pub fn assert_ok(&self) -> &Self {
        assert!(self.ok(), "expected success, got {self:#?}");
        self.assert_no_panic();
        self
    }

    #[track_caller]
    pub fn assert_failed(&self) -> &Self {
        assert!(
            matches!(self.code, Some(c) if c != 0),
            "expected a clean non-zero exit, got {self:#?}"
        );
        self.assert_no_panic();
        self
    }

    /// No stack dump, no "internal error" sentence of the panic hook, no exit code 70, no
    /// signal.
    #[track_caller]
    pub fn assert_no_panic(&self) -> &Self {
        assert!(self.code.is_some(), "ended by a signal: {self:#?}");
        assert_ne!(self.code, Some(70), "panicked (exit code 70): {self:#?}");
        for needle in [
            "panicked",
            "RUST_BACKTRACE",
            "erreur interne",
            "internal error",
        ] {
            assert!(
                !self.stderr.contains(needle) && !self.stdout.contains(needle),
                "output mentions {needle:?}: {self:#?}"
            );
        }
        self
    }
}

pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_vigie")
}

/// Runs `vigie --data <data> <args>` in French (no `VIGIE_LANG`, no `VIGIE_DATA`, no
/// settings file).
pub fn run(data: &Path, args: &[&str]) -> Out {
    let mut all: Vec<std::ffi::OsString> = vec!["--data".into(), data.into()];
    all.extend(args.iter().map(Into::into));
    run_raw(&all)
}

/// Runs the binary with exactly these arguments (the caller gives `--data`).
pub fn run_raw(args: &[std::ffi::OsString]) -> Out {
    let mut child = Command::new(bin())
        .args(args)
        .env_remove("VIGIE_LANG")
        .env_remove("VIGIE_DATA")
        // Never the settings file of whoever runs the tests.
        .env("VIGIE_CONFIG", "/nonexistent/vigie-tests/config.toml")
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn vigie");
    let mut out = child.stdout.take().expect("stdout");
    let mut err = child.stderr.take().expect("stderr");
    let out_reader = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = out.read_to_end(&mut s);
        s
    });
    let err_reader = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = err.read_to_end(&mut s);
        s
    });
    let deadline = Instant::now() + TIMEOUT;
    let status = loop {
        match child.try_wait().expect("wait vigie") {
            Some(status) => break status,
            None if Instant::now() > deadline => {
                let _ = child.kill();
                let _ = child.wait();
                panic!("vigie {args:?} did not finish in {TIMEOUT:?}");
            }
            None => std::thread::sleep(Duration::from_millis(5)),
        }
    };
    let stdout = String::from_utf8_lossy(&out_reader.join().expect("stdout reader")).into_owned();
    let stderr = String::from_utf8_lossy(&err_reader.join().expect("stderr reader")).into_owned();
    Out {
        code: status.code(),
        stdout,
        stderr,
    }
}

/// `vigie demo --nights N --seed S --until DATE`, which must succeed.
pub fn demo(data: &Path, nights: u32, seed: u64, until: &str) {
    run(
        data,
        &[
            "demo",
            "--nights",
            &nights.to_string(),
            "--seed",
            &seed.to_string(),
            "--until",
            until,
        ],
    )
    .assert_ok();
}

/// The journal export on standard output, which must succeed.
pub fn export(data: &Path, extra: &[&str]) -> String {
    let mut args = vec!["journal", "export"];
    args.extend_from_slice(extra);
    let out = run(data, &args);
    out.assert_ok();
    out.stdout
}

/// The export with the header's `exported_at` value blanked: the only part that may differ
/// between two exports of the same journal.
pub fn without_exported_at(export: &str) -> String {
    let mut lines = export.lines();
    let header = lines.next().expect("a header line");
    assert!(
        header.contains("\"type\":\"header\""),
        "first line is not the header: {header}"
    );
    let mut header: serde_json::Value = serde_json::from_str(header).expect("header is JSON");
    let exported_at = header
        .get_mut("exported_at")
        .expect("header has exported_at");
    *exported_at = serde_json::Value::Null;
    let mut out = header.to_string();
    for l in lines {
        out.push('\n');
        out.push_str(l);
    }
    out
}

/// The number printed by `vigie check` on the row named `label` ("événements", …).
pub fn check_count(check_stdout: &str, label: &str) -> u64 {
    check_stdout
        .lines()
        .find_map(|l| {
            let (name, n) = l.split_once(" : ")?;
            (name.trim() == label).then(|| n.trim().parse().ok())?
        })
        .unwrap_or_else(|| panic!("no row {label:?} in:\n{check_stdout}"))
}

/// A data directory inside a fresh temporary directory (the data directory itself is not
/// created: Vigie creates it).
pub fn data_dir() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let data = tmp.path().join("data");
    (tmp, data)
}

/// Copies a directory tree (a store template for several corruptions).
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create copy");
    for entry in std::fs::read_dir(from).expect("read dir") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("file type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy file");
        }
    }
}

/// Can this process read a directory whose mode is 000? Then it is root (or has
/// CAP_DAC_OVERRIDE) and permission tests mean nothing.
pub fn permissions_are_enforced(scratch: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    let probe = scratch.join("permission-probe");
    std::fs::create_dir_all(&probe).expect("probe dir");
    std::fs::set_permissions(&probe, std::fs::Permissions::from_mode(0o000)).expect("chmod 000");
    let enforced = std::fs::read_dir(&probe).is_err();
    std::fs::set_permissions(&probe, std::fs::Permissions::from_mode(0o700)).expect("chmod 700");
    enforced
}

/// Writes `bytes` over a file at `offset` (damage for the tests).
pub fn overwrite(path: &Path, offset: u64, bytes: &[u8]) {
    use std::io::{Seek, SeekFrom, Write};
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .open(path)
        .expect("open for damage");
    f.seek(SeekFrom::Start(offset)).expect("seek");
    f.write_all(bytes).expect("damage");
}
