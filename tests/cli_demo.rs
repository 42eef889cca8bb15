//! `vigie --demo`: it never writes into a real store, and `--speed` says what it accepts.
//! (The live night itself is tested in `src/demo/live_tests.rs` and by hand in a terminal.)

mod common;

use common::{data_dir, run};
use std::process::{Command, Stdio};

#[test]
fn a_demo_refuses_a_real_store_and_writes_nothing_there() {
    let (_tmp, data) = data_dir();
    // A real store: the console opened once.
    run(&data, &[]).assert_ok();
    let before = std::fs::read_dir(&data).unwrap().count();
    for lang in ["fr", "en"] {
        let out = run(&data, &["--demo", "--lang", lang]);
        out.assert_failed();
        let said = if lang == "fr" {
            "n'est pas un dossier de démo"
        } else {
            "is not a demo directory"
        };
        assert!(out.stderr.contains(said), "{out:#?}");
    }
    assert!(!data.join("demo").exists());
    assert_eq!(std::fs::read_dir(&data).unwrap().count(), before);
}

#[test]
fn a_demo_marks_its_own_directory_and_comes_back_to_it() {
    let (_tmp, data) = data_dir();
    // Without a terminal the demo says where it is and stops before playing.
    let out = run(&data, &["--demo"]);
    out.assert_ok();
    assert!(out.stdout.contains("Dossier de démo"), "{out:#?}");
    assert!(data.join("demo").is_file());
    run(&data, &["--demo"]).assert_ok();
    // The reports read the demo store with --demo too.
    run(&data, &["--demo", "check"]).assert_ok();
}

#[test]
fn a_speed_out_of_range_or_without_demo_is_refused_in_words() {
    let (_tmp, data) = data_dir();
    for speed in ["0", "601", "vite"] {
        let out = run(&data, &["--demo", "--speed", speed]);
        assert_eq!(out.code, Some(2), "{out:#?}");
        assert!(out.stderr.contains("1 à 600"), "{out:#?}");
    }
    let out = run(&data, &["--speed", "60"]);
    assert_eq!(out.code, Some(2), "{out:#?}");
    assert!(out.stderr.contains("--demo"), "{out:#?}");
    assert!(!data.exists(), "nothing was created");
    run(&data, &["--demo", "--speed", "600"]).assert_ok();
}

#[test]
fn a_demo_never_goes_to_the_real_store_named_by_vigie_data() {
    let (tmp, real) = data_dir();
    run(&real, &[]).assert_ok();
    let home = tmp.path().join("xdg");
    let out = Command::new(common::bin())
        .arg("--demo")
        .env("VIGIE_DATA", &real)
        .env("XDG_DATA_HOME", &home)
        .env("VIGIE_CONFIG", "/nonexistent/vigie-tests/config.toml")
        .env_remove("VIGIE_LANG")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("vigie-demo"), "{stdout}");
    assert!(home.join("vigie-demo").join("demo").is_file());
    assert!(!real.join("demo").exists());
}
