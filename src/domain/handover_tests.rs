//! The shift's end: the note, carrying over, closing only once all is decided, the
//! acknowledgment, instructions and their last day.

use super::*;
use crate::domain::handover::Scope;
use crate::domain::ids::InstructionId;
use crate::domain::vocab::InstructionKind;
use chrono::NaiveDate;

fn date(s: &str) -> NaiveDate {
    s.parse().expect("date")
}

#[test]
fn the_note_is_kept_last_one_wins_and_an_empty_one_is_refused() {
    let mut n = NightFixture::with_teams();
    assert_eq!(
        n.refuses(Command::WriteHandover {
            situation: "  ".into(),
            actions: String::new(),
            needs: String::new(),
        }),
        Refusal::EmptyText
    );
    for text in ["Nuit agitée à Maurepas", "Nuit calme"] {
        n.run(Command::WriteHandover {
            situation: text.into(),
            actions: "Rappeler l'astreinte Archipel".into(),
            needs: String::new(),
        })
        .unwrap();
    }
    let note = n.state.open_night().unwrap().note.clone().unwrap();
    assert_eq!(note.situation, "Nuit calme");
    assert_eq!(note.by.as_deref(), Some("nadia-b"));
    n.set_clock("2026-12-01T02:00:00+01:00");
    n.close().unwrap();
    let h = n.state.handover.clone().unwrap();
    assert_eq!(h.note.map(|n| n.situation).as_deref(), Some("Nuit calme"));
}

#[test]
fn every_open_request_is_carried_over_or_closed_before_the_night_closes() {
    let mut n = NightFixture::with_teams();
    n.receive("vil-kennedy-1").unwrap();
    n.receive("vil-kennedy-2").unwrap();
    n.receive("vil-kennedy-3").unwrap();
    let (a, b, c) = (n.id(1), n.id(2), n.id(3));
    n.run(Command::Dispatch {
        request: c,
        team: "E1".into(),
    })
    .unwrap();
    assert_eq!(
        n.refuses(Command::CarryOver { request: c }),
        Refusal::RequestHasTeam {
            request: 3,
            team: "E1".into()
        },
        "a team is on it: recall or clear first"
    );
    n.run(Command::Recall { team: "E1".into() }).unwrap();
    n.run(Command::Cancel { request: b }).unwrap();
    assert_eq!(
        n.refuses(Command::CarryOver { request: b }),
        Refusal::RequestClosed { request: 2 }
    );
    assert_eq!(
        n.refuses(Command::CloseNight),
        Refusal::UndecidedRequests { count: 2 }
    );
    n.run(Command::CarryOver { request: a }).unwrap();
    assert_eq!(
        n.refuses(Command::CloseNight),
        Refusal::UndecidedRequests { count: 1 }
    );
    n.run(Command::CarryOver { request: c }).unwrap();
    n.close().unwrap();
    assert_eq!(n.state.handover.as_ref().unwrap().carried_over, vec![a, c]);

    // The next night: they are there, and must be decided again before it closes.
    n.set_clock("2026-12-01T21:00:00+01:00");
    n.open("yannick-l").unwrap();
    assert_eq!(n.state.requests[&a].carried_over, vec![night("2026-11-30")]);
    assert_eq!(
        n.refuses(Command::CloseNight),
        Refusal::UndecidedRequests { count: 2 }
    );
    n.run(Command::Dismiss {
        request: a,
        reason: DismissReason::ALL[0],
    })
    .unwrap();
    n.run(Command::CarryOver { request: c }).unwrap();
    n.close().unwrap();
    assert_eq!(
        n.state.requests[&c].carried_over,
        vec![night("2026-11-30"), night("2026-12-01")]
    );
}

#[test]
fn the_handover_is_acknowledged_once_by_a_known_coordinator() {
    let mut n = NightFixture::at(MONDAY_2105);
    assert_eq!(
        n.refuses(Command::AcknowledgeHandover {
            coordinator: "yannick-l".into()
        }),
        Refusal::NoHandover
    );
    n.open("nadia-b").unwrap();
    n.set_clock("2026-12-01T01:50:00+01:00");
    n.close().unwrap();
    n.set_clock("2026-12-01T20:40:00+01:00");
    assert_eq!(
        n.refuses(Command::AcknowledgeHandover {
            coordinator: "personne".into()
        }),
        Refusal::UnknownCoordinator {
            id: "personne".into()
        }
    );
    let envs = n
        .run(Command::AcknowledgeHandover {
            coordinator: "yannick-l".into(),
        })
        .unwrap();
    assert_eq!(
        envs[0].event,
        Event::HandoverAcknowledged {
            night: night("2026-11-30"),
            coordinator: "yannick-l".into()
        }
    );
    let ack = n.state.handover.clone().unwrap().acknowledged.unwrap();
    assert_eq!(ack.coordinator, "yannick-l");
    assert_eq!(
        n.refuses(Command::AcknowledgeHandover {
            coordinator: "claire-m".into()
        }),
        Refusal::HandoverAcknowledged {
            by: "yannick-l".into()
        },
        "recorded once"
    );
}

#[test]
fn instructions_have_a_scope_a_last_day_and_leave_once_expired() {
    let mut n = NightFixture::with_teams();
    let add = |kind, scope, until| Command::AddInstruction {
        kind,
        scope,
        text: "Hall B en travaux : passer par le parking".into(),
        until,
    };
    assert_eq!(
        n.refuses(add(InstructionKind::Temporary, Scope::Territory, None)),
        Refusal::NeedsLastDay
    );
    assert_eq!(
        n.refuses(add(
            InstructionKind::Temporary,
            Scope::Territory,
            Some(date("2026-11-29"))
        )),
        Refusal::DateInPast {
            date: date("2026-11-29")
        }
    );
    assert_eq!(
        n.refuses(add(
            InstructionKind::WatchPoint,
            Scope::Site("nulle-part".into()),
            None
        )),
        Refusal::UnknownSite {
            id: "nulle-part".into()
        }
    );
    n.run(add(
        InstructionKind::Temporary,
        Scope::Site("vil-kennedy-1".into()),
        Some(date("2026-12-01")),
    ))
    .unwrap();
    n.run(add(
        InstructionKind::WatchPoint,
        Scope::District("maurepas".into()),
        None,
    ))
    .unwrap();
    n.run(add(InstructionKind::Standing, Scope::Territory, None))
        .unwrap();
    let (temporary, watch, standing) = (InstructionId(0), InstructionId(1), InstructionId(2));
    assert!(n.state.instructions[&temporary].active_on(date("2026-12-01")));
    assert!(!n.state.instructions[&temporary].active_on(date("2026-12-02")));
    n.run(Command::ExtendInstruction {
        instruction: temporary,
        until: Some(date("2026-12-02")),
    })
    .unwrap();
    assert_eq!(
        n.refuses(Command::ExtendInstruction {
            instruction: temporary,
            until: None
        }),
        Refusal::NeedsLastDay
    );
    n.run(Command::EndInstruction { instruction: watch })
        .unwrap();
    assert_eq!(
        n.refuses(Command::EndInstruction { instruction: watch }),
        Refusal::UnknownInstruction { id: watch }
    );

    // Tuesday's night keeps the temporary one (last day Wednesday 2) and the standing one.
    n.set_clock("2026-12-01T02:00:00+01:00");
    n.close().unwrap();
    n.set_clock("2026-12-01T21:00:00+01:00");
    n.open("yannick-l").unwrap();
    let ids: Vec<_> = n.state.instructions.keys().copied().collect();
    assert_eq!(ids, vec![temporary, standing], "the ended watch point left");
    n.set_clock("2026-12-02T02:00:00+01:00");
    n.close().unwrap();
    n.set_clock("2026-12-02T21:00:00+01:00");
    n.open("claire-m").unwrap();
    assert!(
        n.state.instructions.contains_key(&temporary),
        "its last day"
    );
    n.set_clock("2026-12-03T02:00:00+01:00");
    n.close().unwrap();
    n.set_clock("2026-12-03T21:00:00+01:00");
    n.open("nadia-b").unwrap();
    let ids: Vec<_> = n.state.instructions.keys().copied().collect();
    assert_eq!(ids, vec![standing], "expired after its last day");
}
