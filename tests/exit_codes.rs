//! The exit codes, one class of failure at a time (README, `vigie --help`): 0 success,
//! 1 differences or damage found (or a command refused), 2 usage, 3 the store cannot be
//! opened (missing, locked, permissions, another territory), 4 disk full (`disk_full.rs`).

mod common;

use common::{copy_dir, data_dir, demo, run};
use std::path::Path;

#[track_caller]
fn code(out: &common::Out, expected: i32, what: &str) {
    out.assert_no_panic();
    assert_eq!(out.code, Some(expected), "{what}: {out:#?}");
}

#[test]
fn each_class_of_failure_has_its_code() {
    let (tmp, data) = data_dir();
    // 3: a read command on a missing store.
    code(&run(&data, &["check"]), 3, "missing store");
    demo(&data, 2, 3, "2026-11-27");
    code(&run(&data, &["check"]), 0, "sound store");

    // 2: usage, and a settings file named but missing.
    code(
        &run(&data, &["journal", "frobnicate"]),
        2,
        "unknown subcommand",
    );
    let missing = tmp.path().join("nowhere.toml");
    let out = run(
        &data,
        &["--config", missing.to_str().expect("utf-8"), "check"],
    );
    code(&out, 2, "missing --config");
    assert!(out.stderr.contains("n'existe pas"), "{out:#?}");
    let out = common::run_raw(&["restore".into(), "x.jsonl.gz".into()]);
    code(&out, 2, "restore without --data");

    // 3: another territory (the same files under another name).
    let other = tmp.path().join("nantes");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/rennes"),
        &other,
    );
    let t = std::fs::read_to_string(other.join("territory.toml")).expect("territory.toml");
    std::fs::write(
        other.join("territory.toml"),
        t.replacen("id = \"rennes\"", "id = \"nantes\"", 1),
    )
    .expect("write");
    let out = run(
        &data,
        &["--territory", other.to_str().expect("utf-8"), "check"],
    );
    code(&out, 3, "another territory");
    assert!(
        out.stderr.contains("« rennes »") && out.stderr.contains("« nantes »"),
        "{out:#?}"
    );
    let out = run(
        &data,
        &[
            "--territory",
            other.to_str().expect("utf-8"),
            "demo",
            "--nights",
            "1",
        ],
    );
    code(&out, 3, "another territory, writing");

    // 3: locked by another process.
    let store = vigie::store::Store::open(&data, vigie::territory::rennes().expect("rennes"))
        .map_err(|e| e.to_string())
        .expect("open");
    code(&run(&data, &["check"]), 3, "locked");
    drop(store);

    // 1: a refused command, and damage.
    code(
        &run(&data, &["personal", "erase", "999999"]),
        1,
        "unknown record",
    );
    let wal = data.join("store/journal.wal");
    std::fs::remove_file(&wal).expect("remove the witness");
    code(&run(&data, &["check"]), 1, "damage");
}

#[test]
fn help_documents_the_exit_codes_and_the_manual_and_completions_print() {
    let (_t, data) = data_dir();
    let help = run(&data, &["--help"]);
    code(&help, 0, "help");
    assert!(
        help.stdout.contains("4 disque plein / disk full"),
        "{help:#?}"
    );
    let man = run(&data, &["man"]);
    code(&man, 0, "man");
    assert!(
        man.stdout.starts_with(".ie") || man.stdout.contains(".TH vigie"),
        "{}",
        &man.stdout[..200.min(man.stdout.len())]
    );
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let out = run(&data, &["completions", shell]);
        code(&out, 0, shell);
        assert!(out.stdout.contains("vigie"), "{shell}");
        assert!(out.stdout.contains("journal"), "{shell}: subcommands");
    }
    assert!(!data.exists(), "help, man and completions create no store");
}
