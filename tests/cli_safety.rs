//! `vigie demo` writes the teams' safety as a console would: check-ins that came late (their
//! amber step first) and check-ins that reported a need or an incident, in the journal and
//! in the main courante.

mod common;

use common::{data_dir, demo, export, run};

#[test]
fn simulated_nights_have_late_check_ins_and_check_ins_that_report_something() {
    let (_tmp, data) = data_dir();
    demo(&data, 12, 7, "2026-11-27");
    let journal = export(&data, &[]);
    let kinds: Vec<String> = journal
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("JSON line"))
        .filter(|v| v["type"] == "event")
        .map(|v| v["event"]["kind"].as_str().unwrap_or_default().to_string())
        .collect();
    let count = |k: &str| kinds.iter().filter(|x| *x == k).count();
    assert!(
        count("check_in_missed") >= 3,
        "{}",
        count("check_in_missed")
    );
    assert!(
        count("check_in_reported") >= 2,
        "{}",
        count("check_in_reported")
    );
    assert!(journal.contains("\"step\":\"amber\""));

    let mut lines = String::new();
    for night in [
        "2026-11-23",
        "2026-11-24",
        "2026-11-25",
        "2026-11-26",
        "2026-11-27",
    ] {
        let out = run(&data, &["log", "--night", night]);
        out.assert_ok();
        lines.push_str(&out.stdout);
    }
    assert!(
        lines.contains("sans contact depuis 20′ — alerte orange"),
        "{lines}"
    );
}
