use super::*;
use crate::domain::command::Clearance;
use crate::domain::execute;
use crate::domain::vocab::{Outcome, RequestStatus, ResponseLevel};
use chrono::TimeZone;
use std::time::Duration as Real;

fn territory() -> Territory {
    crate::territory::rennes().unwrap()
}

pub(in crate::demo) fn utc(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

/// A night opened at 21:00 with three teams, as `prepare` does it (the autopilot's tests
/// start from it too).
pub(in crate::demo) fn opened(t: &Territory, start: DateTime<Utc>) -> State {
    let mut state = State::default();
    let at = start - Duration::minutes(3);
    let coordinator = t.coordinators[0].id.clone();
    execute(&mut state, t, &Command::OpenNight { coordinator }, at).unwrap();
    for (i, members) in t.mediators.chunks(3).take(3).enumerate() {
        let cmd = Command::ComposeTeam {
            team: format!("E{}", i + 1),
            members: members.iter().map(|m| m.id.clone()).collect(),
            equipment: None,
        };
        execute(&mut state, t, &cmd, at).unwrap();
    }
    state
}

#[test]
fn the_clock_runs_speed_times_faster_from_its_origin() {
    let origin = utc("2026-11-30T21:03:00+01:00");
    let clock = SpeedClock::new(Instant::now(), origin, 10);
    assert_eq!(clock.at(Real::ZERO), origin);
    assert_eq!(clock.at(Real::from_secs(6)), origin + Duration::minutes(1));
    assert_eq!(
        clock.at(Real::from_millis(1500)),
        origin + Duration::seconds(15)
    );
    assert_eq!(clock.sim_to_real(Duration::minutes(1)), Real::from_secs(6));
    assert_eq!(clock.sim_to_real(Duration::seconds(-5)), Real::ZERO);
    assert!(clock.now() >= origin);
}

#[test]
fn a_zero_speed_is_read_as_one() {
    let origin = utc("2026-11-30T21:03:00+01:00");
    let clock = SpeedClock::new(Instant::now(), origin, 0);
    assert_eq!(clock.speed(), 1);
    assert_eq!(clock.at(Real::from_secs(7)), origin + Duration::seconds(7));
}

#[test]
fn the_demo_plays_the_night_under_way_or_the_next_service_night() {
    // Sunday evening: no service; Monday's night is played.
    let sunday = Utc.with_ymd_and_hms(2026, 11, 29, 22, 9, 0).unwrap();
    assert_eq!(live_start(sunday), utc("2026-11-30T21:03:00+01:00"));
    // 01:00 on Tuesday: Monday's night is still under way.
    assert_eq!(
        live_start(utc("2026-12-01T01:00:00+01:00")),
        utc("2026-11-30T21:03:00+01:00")
    );
    // 10:00 on Tuesday: the coming night.
    assert_eq!(
        live_start(utc("2026-12-01T10:00:00+01:00")),
        utc("2026-12-01T21:03:00+01:00")
    );
    // Saturday 03:00 after the night: Saturday evening (Sunday has none).
    assert_eq!(
        live_night(utc("2026-12-05T03:00:00+01:00")),
        ServiceNight("2026-12-05".parse().unwrap())
    );
}

#[test]
fn the_first_call_comes_within_about_a_minute() {
    let t = territory();
    let start = utc("2026-11-30T21:03:00+01:00");
    let state = opened(&t, start);
    for seed in 0..20 {
        let live = LiveNight::new(seed, start);
        let first = live.next_due(&state).unwrap();
        assert!(
            first > start && first <= start + Duration::seconds(70),
            "{first}"
        );
        let mut live = live;
        assert!(live.due(&state, &t, start).is_empty());
        let cmds = live.due(&state, &t, first);
        assert!(
            matches!(cmds.as_slice(), [Command::ReceiveRequest(_)]),
            "{cmds:?}"
        );
    }
}

#[test]
fn nothing_happens_while_no_night_is_open() {
    let t = territory();
    let start = utc("2026-11-30T21:03:00+01:00");
    let mut live = LiveNight::new(1, start);
    let state = State::default();
    assert_eq!(live.next_due(&state), None);
    assert!(live.due(&state, &t, start + Duration::hours(2)).is_empty());
}

#[test]
fn only_a_dispatched_team_arrives_and_after_a_travel_time() {
    let t = territory();
    let start = utc("2026-11-30T21:03:00+01:00");
    let mut state = opened(&t, start);
    let mut live = LiveNight::new(7, start);
    let first = live.next_due(&state).unwrap();
    for cmd in live.due(&state, &t, first) {
        execute(&mut state, &t, &cmd, first).unwrap();
    }
    let request = *state.requests.keys().next().unwrap();
    let dispatch = Command::Dispatch {
        request,
        team: "E2".into(),
    };
    execute(&mut state, &t, &dispatch, first).unwrap();
    // Step from one due time to the next, taking the calls, until someone arrives.
    let (now, arrivals) = loop {
        let now = live.next_due(&state).unwrap();
        let cmds = live.due(&state, &t, now);
        let arrivals: Vec<Command> = cmds
            .iter()
            .filter(|c| matches!(c, Command::Arrive { .. }))
            .cloned()
            .collect();
        for cmd in &cmds {
            execute(&mut state, &t, cmd, now).unwrap();
        }
        if !arrivals.is_empty() {
            break (now, arrivals);
        }
    };
    assert_eq!(arrivals, [Command::Arrive { team: "E2".into() }]);
    let travel = now - first;
    assert!(travel >= Duration::minutes(4) && travel <= Duration::minutes(15));
    assert_eq!(state.teams["E2"].status(), TeamStatus::OnSite);
}

/// What a live night did: how many of each command the world gave.
#[derive(Debug, Default)]
struct Tally {
    calls: usize,
    arrivals: usize,
    contacts: usize,
    done: usize,
    breaks_over: usize,
    commands: Vec<Command>,
}

/// A whole night minute by minute, with a scripted coordinator who dispatches the waiting
/// requests to free teams, clears a team once it has said it is done and sends one on break.
fn play(seed: u64) -> (Tally, State) {
    let t = territory();
    let start = utc("2026-11-30T21:03:00+01:00");
    let mut state = opened(&t, start);
    let mut live = LiveNight::new(seed, start);
    let mut tally = Tally::default();
    let mut done: Vec<String> = Vec::new();
    let mut now = start;
    let mut paused = false;
    // Calls stop at 02:00; the last visits end well before 05:00.
    while now < start + Duration::hours(8) {
        for cmd in live.due(&state, &t, now) {
            match &cmd {
                Command::ReceiveRequest(_) => tally.calls += 1,
                Command::Arrive { .. } => tally.arrivals += 1,
                Command::RecordContact { .. } | Command::CheckIn { .. } => tally.contacts += 1,
                Command::AddLogEntry { text } => {
                    tally.done += 1;
                    done.push(text.split(' ').next().unwrap().to_string());
                }
                Command::SetTeamStatus { .. } => tally.breaks_over += 1,
                other => panic!("the world does not {other:?}"),
            }
            if let Err(refusal) = execute(&mut state, &t, &cmd, now) {
                panic!("refused at {now}: {cmd:?}: {refusal:?}");
            }
            tally.commands.push(cmd);
        }
        for team in std::mem::take(&mut done) {
            let clear = Command::Clear(Clearance {
                team,
                level: ResponseLevel::Mediation,
                outcome: Outcome::Calmed,
                relays: vec![],
                referrals: vec![],
                note: None,
                case: Default::default(),
            });
            execute(&mut state, &t, &clear, now).unwrap();
        }
        if !paused && now >= start + Duration::hours(2) {
            let pause = Command::SetTeamStatus {
                team: "E3".into(),
                status: TeamStatus::Break,
                position: None,
            };
            // E3 may be out on a call; then the break waits for a later minute.
            paused = execute(&mut state, &t, &pause, now).is_ok();
        }
        let waiting: Vec<_> = state
            .requests
            .values()
            .filter(|r| r.status == RequestStatus::Received)
            .map(|r| r.id)
            .collect();
        for request in waiting {
            let free = state
                .teams
                .values()
                .find(|team| team.assignment.is_none() && team.status() == TeamStatus::Available);
            if let Some(team) = free.map(|team| team.call_sign.clone()) {
                execute(&mut state, &t, &Command::Dispatch { request, team }, now).unwrap();
            }
        }
        now += Duration::minutes(1);
    }
    (tally, state)
}

#[test]
fn a_whole_night_is_accepted_by_the_rules_and_lively() {
    for seed in [1, 2, 3] {
        let (tally, state) = play(seed);
        assert!(
            (10..=32).contains(&tally.calls),
            "{seed}: {} calls",
            tally.calls
        );
        assert!(tally.arrivals >= 5, "{seed}: {tally:?}");
        assert!(
            tally.contacts >= tally.done && tally.done >= 5,
            "{seed}: {tally:?}"
        );
        assert_eq!(tally.breaks_over, 1, "{seed}");
        // Every call was handled: the coordinator kept up, nothing is left on site.
        assert!(state.teams.values().all(|team| team.assignment.is_none()));
    }
}

#[test]
fn the_same_seed_plays_the_same_night_and_another_seed_another() {
    let (a, _) = play(5);
    let (b, _) = play(5);
    let (c, _) = play(6);
    assert_eq!(a.commands, b.commands);
    assert_ne!(a.commands, c.commands);
}

#[test]
fn the_calls_are_busier_from_22_to_midnight_than_after_one() {
    let start = utc("2026-11-30T21:03:00+01:00");
    let (mut busy, mut late) = (0, 0);
    for seed in 0..50 {
        let live = LiveNight::new(seed, start);
        for at in &live.calls {
            let minutes = (*at - start).num_minutes();
            match minutes {
                57..177 => busy += 1,
                237..297 => late += 1,
                _ => {}
            }
        }
    }
    // Two hours against one: more than twice as many calls.
    assert!(busy > 2 * late, "{busy} vs {late}");
}
