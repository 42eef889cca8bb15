//! Commands from another desk or a phone: their origin is in the journal, and a command
//! retried with the same id (its answer was lost) is executed once.

use chrono::{TimeZone, Utc};
use vigie::domain::calendar::ServiceNight;
use vigie::domain::{Command, Origin};
use vigie::store::Store;

fn open(dir: &std::path::Path) -> Store {
    let territory = vigie::territory::rennes().expect("the embedded territory loads");
    Store::open(dir, territory).expect("the store opens")
}

fn phone(id: &str) -> Origin {
    Origin {
        desk: None,
        team: Some("E1".into()),
        id: Some(id.into()),
    }
}

fn compose() -> Command {
    Command::ComposeTeam {
        team: "E1".into(),
        members: vec!["samir-k".into(), "loic-m".into()],
        equipment: None,
    }
}

#[test]
fn a_retried_id_is_executed_once_and_answered_with_the_same_envelopes() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let night = ServiceNight::of(Utc.with_ymd_and_hms(2026, 3, 3, 21, 0, 0).unwrap());
    let at = night.early_start();
    let mut store = open(dir.path());
    let desk = Origin {
        desk: Some("poste-2".into()),
        team: None,
        id: Some("d-1".into()),
    };
    let open_night = Command::OpenNight {
        coordinator: "nadia-b".into(),
    };
    let first = store
        .commit_from(std::slice::from_ref(&open_night), at, &desk)
        .unwrap();
    assert_eq!(first.envelopes.len(), 1);
    assert_eq!(first.envelopes[0].origin.as_ref(), Some(&desk));
    // The answer was lost: the same id again is not a second night opened (which the
    // domain would refuse) but the first answer.
    let again = store.commit_from(&[open_night], at, &desk).unwrap();
    assert_eq!(again.envelopes, first.envelopes);
    assert_eq!(store.state().last_seq, 1);

    let team = store.commit_from(&[compose()], at, &phone("p-1")).unwrap();
    let seq = store.state().last_seq;
    drop(store);
    // After a restart (a new owner took the store), the id is still known.
    let mut store = open(dir.path());
    let retried = store.commit_from(&[compose()], at, &phone("p-1")).unwrap();
    assert_eq!(retried.envelopes, team.envelopes);
    assert_eq!(store.state().last_seq, seq);
    // Another id is another command: the domain decides (a team composed twice is refused).
    assert!(store.commit_from(&[compose()], at, &phone("p-2")).is_err());
    // The journal keeps the origin, and `check` finds nothing wrong with the ids kept.
    let stored: Vec<_> = store.envelopes(1, seq).collect::<Result<_, _>>().unwrap();
    assert_eq!(stored[0].origin.as_ref(), Some(&desk));
    assert_eq!(
        stored[1].origin.as_ref().and_then(|o| o.team.as_deref()),
        Some("E1")
    );
    let report = store.check().expect("check runs");
    assert!(report.is_ok(), "{:?}", report.differences);
}

#[test]
fn a_refused_command_keeps_no_id_and_the_console_s_own_commits_have_no_origin() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let at = Utc.with_ymd_and_hms(2026, 3, 3, 21, 0, 0).unwrap();
    let mut store = open(dir.path());
    // No night open: composing a team is refused, and the id stays free.
    assert!(store.commit_from(&[compose()], at, &phone("p-9")).is_err());
    let open_night = Command::OpenNight {
        coordinator: "nadia-b".into(),
    };
    let own = store.commit(&[open_night], at).unwrap();
    assert_eq!(own.envelopes[0].origin, None);
    let later = store.commit_from(&[compose()], at, &phone("p-9")).unwrap();
    assert_eq!(later.envelopes.len(), 1);
}
