use super::*;
use crate::domain::vocab::TeamStatus;

fn utc(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

fn store(dir: &std::path::Path) -> Store {
    Store::open(dir, crate::territory::rennes().unwrap()).unwrap()
}

#[test]
fn a_new_demo_store_gets_a_history_and_tonight_opened_with_three_teams() {
    let tmp = tempfile::tempdir().unwrap();
    let mut s = store(tmp.path());
    let sunday = utc("2026-11-29T23:09:00+01:00");
    let mut seen = 0;
    let p = prepare_with(&mut s, sunday, 1, 3, |n| seen = n).unwrap();
    assert_eq!(p.start, utc("2026-11-30T21:03:00+01:00"));
    assert_eq!((p.simulated, p.continued, seen), (3, false, 3));
    let open = s.state().open_night().unwrap();
    assert_eq!(open.night, ServiceNight("2026-11-30".parse().unwrap()));
    assert_eq!(s.state().teams.len(), 3);
    assert!(
        s.state()
            .teams
            .values()
            .all(|t| t.status() == TeamStatus::Available)
    );
    // The last simulated night's handover was taken on opening.
    assert!(s.state().handover.as_ref().unwrap().acknowledged.is_some());
    let nights: Vec<_> = s.nights().map(|n| n.unwrap().night.to_string()).collect();
    assert_eq!(
        nights,
        ["2026-11-26", "2026-11-27", "2026-11-28", "2026-11-30"]
    );
}

#[test]
fn reopening_continues_the_open_night_without_adding_history() {
    let tmp = tempfile::tempdir().unwrap();
    let now = utc("2026-11-29T23:09:00+01:00");
    let mut s = store(tmp.path());
    prepare_with(&mut s, now, 1, 2, |_| {}).unwrap();
    let at = utc("2026-11-30T22:40:00+01:00");
    s.execute(&Command::RecordContact { team: "E1".into() }, at)
        .unwrap();
    let seq = s.last_seq();
    drop(s);
    let mut s = store(tmp.path());
    // Days later in real time: the open night goes on from its last event.
    let p = prepare_with(&mut s, now + Duration::days(3), 1, 2, |_| {}).unwrap();
    assert!(p.continued);
    assert_eq!(p.start, at + Duration::seconds(30));
    assert_eq!(s.last_seq(), seq);
}

#[test]
fn after_tonight_is_closed_the_next_night_is_played_without_simulating_again() {
    let tmp = tempfile::tempdir().unwrap();
    let now = utc("2026-11-29T23:09:00+01:00");
    let mut s = store(tmp.path());
    prepare_with(&mut s, now, 1, 2, |_| {}).unwrap();
    let close = utc("2026-12-01T02:10:00+01:00");
    for cmd in shift::end(s.state()) {
        s.execute(&cmd, close).unwrap();
    }
    s.execute(&Command::CloseNight, close).unwrap();
    let p = prepare_with(&mut s, now, 1, 2, |_| {}).unwrap();
    assert_eq!((p.simulated, p.continued), (0, false));
    assert_eq!(p.start, utc("2026-12-01T21:03:00+01:00"));
    assert_eq!(s.nights().count(), 4);
}
