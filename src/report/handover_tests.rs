use super::*;
use crate::domain::Command;
use crate::domain::command::{CaseLink, Clearance, NewRequest};
use crate::domain::execute;
use crate::domain::handover::Scope;
use crate::domain::reference::Territory;
use crate::domain::views::project;
use crate::domain::vocab::{Category, InstructionKind, Outcome, Source};
use crate::store::views::MemViews;

fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s)
        .map(|d| d.with_timezone(&Utc))
        .expect("instant")
}

/// Runs commands through the pure domain, keeping the envelopes and the views.
struct Night {
    territory: Territory,
    state: State,
    views: MemViews,
    events: Vec<Envelope>,
}

impl Night {
    fn new() -> Night {
        Night {
            territory: crate::territory::rennes().expect("Rennes"),
            state: State::default(),
            views: MemViews::default(),
            events: Vec::new(),
        }
    }

    fn run(&mut self, when: &str, cmd: Command) {
        let (envs, _) = execute(&mut self.state, &self.territory, &cmd, at(when))
            .unwrap_or_else(|r| panic!("{cmd:?} refused: {r}"));
        for e in &envs {
            let Ok(()) = project(&mut self.views, &self.state, e);
        }
        self.events.extend(envs);
    }

    fn receive(&mut self, when: &str, site: &str, priority: Priority) -> RequestId {
        let id = RequestId(self.state.counters.request);
        self.run(
            when,
            Command::ReceiveRequest(NewRequest {
                address: None,
                entrance: None,
                source: Source::Resident,
                site: site.into(),
                category: Category::Noise,
                priority,
                caller_name: None,
                callback: None,
                description: None,
            }),
        );
        id
    }

    /// Monday's record (an acknowledgment the next evening starts Tuesday's).
    fn record(&self) -> NightRecord {
        let monday: ServiceNight = "2026-11-30".parse().expect("night");
        self.views
            .nights
            .get(&monday)
            .cloned()
            .expect("Monday's record")
    }
}

/// Monday 30 November 2026: E1 sent to Kennedy, on site 21:20, silent until 22:05 (45 min:
/// red past 2×20), cleared with a relay to the landlord's on-call; E2 still out at the end
/// is recalled; two requests stay open, one carried over.
fn monday() -> (Night, RequestId, RequestId) {
    let mut n = Night::new();
    n.run(
        "2026-11-30T21:00:00+01:00",
        Command::OpenNight {
            coordinator: "claire-m".into(),
        },
    );
    for (team, a, b) in [
        ("E1", "samir-k", "gwenaelle-p"),
        ("E2", "aicha-d", "loic-m"),
    ] {
        n.run(
            "2026-11-30T21:01:00+01:00",
            Command::ComposeTeam {
                team: team.into(),
                members: vec![a.into(), b.into()],
                equipment: None,
            },
        );
    }
    let r1 = n.receive("2026-11-30T21:05:00+01:00", "vil-kennedy-1", Priority::P2);
    n.run(
        "2026-11-30T21:10:00+01:00",
        Command::Dispatch {
            request: r1,
            team: "E1".into(),
        },
    );
    n.run(
        "2026-11-30T21:20:00+01:00",
        Command::Arrive { team: "E1".into() },
    );
    n.run(
        "2026-11-30T22:05:00+01:00",
        Command::RecordContact { team: "E1".into() },
    );
    n.run(
        "2026-11-30T22:15:00+01:00",
        Command::Clear(Clearance {
            team: "E1".into(),
            level: ResponseLevel::Relay,
            outcome: Outcome::Relayed,
            relays: vec!["astreinte-archipel".into()],
            referrals: vec![],
            note: None,
            case: CaseLink::New,
        }),
    );
    let waiting = n.receive(
        "2026-11-30T23:30:00+01:00",
        "mau-gros-chene-1",
        Priority::P3,
    );
    let urgent = n.receive("2026-12-01T00:40:00+01:00", "blo-triangle-3", Priority::P1);
    n.run(
        "2026-12-01T00:45:00+01:00",
        Command::AddInstruction {
            kind: InstructionKind::WatchPoint,
            scope: Scope::District("maurepas".into()),
            text: "Regroupements près des halls".into(),
            until: Some("2026-12-05".parse().expect("date")),
        },
    );
    n.run(
        "2026-12-01T01:50:00+01:00",
        Command::CarryOver { request: waiting },
    );
    (n, waiting, urgent)
}

#[test]
fn open_requests_come_most_urgent_first_with_what_is_still_to_decide() {
    let (n, waiting, urgent) = monday();
    let h = build(
        &n.state,
        &n.record(),
        &n.events,
        at("2026-12-01T01:55:00+01:00"),
        20,
    );
    assert!(h.open);
    let ids: Vec<RequestId> = h.requests.iter().map(|r| r.id).collect();
    assert_eq!(ids, vec![urgent, waiting], "P1 before P3");
    assert_eq!(h.requests[0].age_minutes, 75);
    assert!(!h.requests[0].decided);
    assert!(h.requests[1].decided, "carried over");
    assert_eq!(h.undecided(), 1);
    assert_eq!(h.teams.len(), 2, "both teams still on duty");
}

#[test]
fn check_in_gaps_and_relays_of_the_night_are_listed() {
    let (n, _, _) = monday();
    let h = build(
        &n.state,
        &n.record(),
        &n.events,
        at("2026-12-01T01:55:00+01:00"),
        20,
    );
    assert_eq!(
        h.alerts,
        vec![CheckInAlert {
            team: "E1".into(),
            from: at("2026-11-30T21:20:00+01:00"),
            minutes: 45,
            red: true,
        }],
        "21:20 → 22:05 without contact; 22:05 → 22:15 is short"
    );
    assert_eq!(h.relays.len(), 1);
    assert_eq!(h.relays[0].partner, "astreinte-archipel");
    assert_eq!(h.relays[0].request, Some(1));
    assert_eq!(h.cases.len(), 1, "the relay opened a situation");
    assert_eq!(h.instructions.len(), 1);
}

#[test]
fn a_check_in_that_reports_something_ends_a_gap_like_a_plain_one() {
    let mut n = Night::new();
    n.run(
        "2026-11-30T21:00:00+01:00",
        Command::OpenNight {
            coordinator: "claire-m".into(),
        },
    );
    n.run(
        "2026-11-30T21:00:00+01:00",
        Command::ComposeTeam {
            team: "E1".into(),
            members: vec!["samir-k".into(), "gwenaelle-p".into()],
            equipment: None,
        },
    );
    let r = n.receive("2026-11-30T21:05:00+01:00", "vil-kennedy-1", Priority::P2);
    let e1 = || "E1".to_string();
    n.run(
        "2026-11-30T21:06:00+01:00",
        Command::Dispatch {
            request: r,
            team: e1(),
        },
    );
    n.run("2026-11-30T21:10:00+01:00", Command::Arrive { team: e1() });
    let word = crate::domain::safety::CheckInWord::Incident;
    n.run(
        "2026-11-30T21:25:00+01:00",
        Command::CheckIn { team: e1(), word },
    );
    let h = build(
        &n.state,
        &n.record(),
        &n.events,
        at("2026-11-30T21:40:00+01:00"),
        20,
    );
    assert!(h.alerts.is_empty(), "heard from at 21:25: {:?}", h.alerts);
}

#[test]
fn after_the_close_the_note_and_the_acknowledgment_come_from_the_night_record() {
    let (mut n, _, urgent) = monday();
    n.run(
        "2026-12-01T01:56:00+01:00",
        Command::CarryOver { request: urgent },
    );
    n.run(
        "2026-12-01T01:57:00+01:00",
        Command::WriteHandover {
            situation: "Nuit chargée à Villejean".into(),
            actions: "Astreinte Archipel prévenue".into(),
            needs: "Rappeler le bailleur pour le hall B".into(),
        },
    );
    n.run(
        "2026-12-01T01:58:00+01:00",
        Command::SetTeamStatus {
            team: "E1".into(),
            status: TeamStatus::OffDuty,
            position: Some(Position::Base),
        },
    );
    n.run("2026-12-01T02:00:00+01:00", Command::CloseNight);
    let record = n.record();
    let h = build(
        &n.state,
        &record,
        &n.events,
        at("2026-12-01T20:50:00+01:00"),
        20,
    );
    assert!(!h.open);
    assert_eq!(h.undecided(), 0, "all carried over");
    assert_eq!(
        h.note.as_ref().map(|x| x.needs.as_str()),
        Some("Rappeler le bailleur pour le hall B")
    );
    assert_eq!(h.acknowledged, None);
    let teams: Vec<&str> = h.teams.iter().map(|t| t.call_sign.as_str()).collect();
    assert_eq!(teams, vec!["E2"], "E1 went off duty; E2 never did");
    assert_eq!(
        h.requests[0].age_minutes,
        20 * 60 + 10,
        "ages go on after the close"
    );

    n.run(
        "2026-12-01T20:52:00+01:00",
        Command::AcknowledgeHandover {
            coordinator: "yannick-l".into(),
        },
    );
    let h = build(
        &n.state,
        &n.record(),
        &n.events,
        at("2026-12-01T20:53:00+01:00"),
        20,
    );
    assert_eq!(
        h.acknowledged.map(|a| a.coordinator).as_deref(),
        Some("yannick-l")
    );
}

#[test]
fn an_expired_instruction_is_not_shown() {
    let (n, _, _) = monday();
    let later = build(
        &n.state,
        &n.record(),
        &n.events,
        at("2026-12-06T21:00:00+01:00"),
        20,
    );
    assert!(later.instructions.is_empty(), "its last day was 5 December");
}
