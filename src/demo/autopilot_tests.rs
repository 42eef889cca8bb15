//! The demo's coordinator works a whole live night alone: every call is sent a team and
//! cleared, quiet teams are called, and the night is handed over and closed at its end —
//! every gesture one the rules accept.

use super::*;
use crate::demo::live::LiveNight;
use crate::demo::live::tests::{opened, utc};
use crate::domain::execute;
use crate::domain::vocab::RequestStatus;

#[derive(Debug, Default)]
struct Played {
    gestures: Vec<Command>,
    refused: Vec<Command>,
}

fn play(seed: u64) -> (Played, State) {
    let t = crate::territory::rennes().expect("Rennes");
    let start = utc("2026-11-30T21:03:00+01:00");
    let mut state = opened(&t, start);
    let mut world = LiveNight::new(seed, start);
    let mut pilot = Autopilot::new(seed);
    let mut played = Played::default();
    let thresholds = |s: TeamStatus| match s {
        TeamStatus::EnRoute | TeamStatus::OnSite => Some(20),
        TeamStatus::ActivePresence => Some(30),
        _ => None,
    };
    let mut now = start;
    while state.open_night().is_some() && now < start + Duration::hours(7) {
        // The world's moves refused because the coordinator moved first are skipped, as
        // the runtime does.
        for cmd in world.due(&state, &t, now) {
            let _ = execute(&mut state, &t, &cmd, now);
        }
        let seen = Seen {
            territory: &t,
            done: world.reported(),
            check_in: &thresholds,
        };
        for cmd in pilot.due(&state, &seen, now) {
            match execute(&mut state, &t, &cmd, now) {
                Ok(_) => played.gestures.push(cmd),
                Err(_) => played.refused.push(cmd),
            }
        }
        now += Duration::seconds(15);
    }
    (played, state)
}

#[test]
fn alone_at_the_desk_it_sends_follows_clears_and_closes_the_night() {
    for seed in [1, 2, 3] {
        let (played, state) = play(seed);
        assert!(played.refused.is_empty(), "{seed}: {:?}", played.refused);
        let count = |f: fn(&Command) -> bool| played.gestures.iter().filter(|c| f(c)).count();
        let sent = count(|c| matches!(c, Command::Dispatch { .. }));
        let cleared = count(|c| matches!(c, Command::Clear(_)));
        assert!(
            sent >= 8 && cleared >= 8,
            "{seed}: {sent} sent, {cleared} cleared"
        );
        assert!(count(|c| matches!(c, Command::CloseNight)) == 1, "{seed}");
        assert!(state.open_night().is_none(), "{seed}: closed at the end");
        // Nothing left waiting or on site; what was still open went on to the next night.
        assert!(state.requests.values().all(|r| r.status.is_terminal()
            || r.status == RequestStatus::Received && !r.carried_over.is_empty()));
    }
}

#[test]
fn it_calls_a_team_gone_quiet_and_the_same_seed_plays_the_same_gestures() {
    let (a, _) = play(4);
    let (b, _) = play(4);
    assert_eq!(a.gestures, b.gestures);
    assert!(
        a.gestures
            .iter()
            .any(|c| matches!(c, Command::RecordContact { .. })),
        "a quiet team is called"
    );
}
