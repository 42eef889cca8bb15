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

/// The console opening on a store whose last handover was taken proposes whoever took it
/// for the next night (not the one who handed over).
#[test]
fn the_next_night_is_proposed_to_whoever_took_the_handover() {
    use chrono::{DateTime, Utc};
    use vigie::domain::Command;
    let at = |s: &str| {
        DateTime::parse_from_rfc3339(s)
            .map(|d| d.with_timezone(&Utc))
            .expect("instant")
    };
    let (_tmp, data) = data_dir();
    let territory = vigie::territory::rennes().expect("Rennes");
    let mut store = vigie::store::Store::open(&data, territory).expect("a new store");
    let night = [
        (
            Command::OpenNight {
                coordinator: "nadia-b".into(),
            },
            "2026-11-30T21:00:00+01:00",
        ),
        (Command::CloseNight, "2026-12-01T02:05:00+01:00"),
        (
            Command::AcknowledgeHandover {
                coordinator: "yannick-l".into(),
            },
            "2026-12-01T20:50:00+01:00",
        ),
    ];
    for (cmd, t) in night {
        store.execute(&cmd, at(t)).expect("accepted");
    }
    let (opening, unread) = vigie::runtime::opening(&store, vigie::i18n::Lang::Fr);
    assert!(unread.is_none());
    assert_eq!(opening.coordinator.as_deref(), Some("yannick-l"));
}
