//! Refusals about requests, situations, observations and erasure; and the suspected
//! defects kept as the behaviour a coordinator needs.

use super::*;

#[test]
fn a_request_must_exist_and_be_open_to_be_handled() {
    let mut n = NightFixture::with_teams();
    let ghost = RequestId(42);
    for cmd in [
        Command::Dispatch {
            request: ghost,
            team: "E1".into(),
        },
        Command::Relay {
            request: ghost,
            partner: "police-17".into(),
            note: None,
        },
        Command::Dismiss {
            request: ghost,
            reason: DismissReason::Unfounded,
        },
        Command::Cancel { request: ghost },
        Command::CorrectRequest(Correction {
            entrance: None,
            request: ghost,
            source: Some(Source::City),
            site: None,
            category: None,
            priority: None,
        }),
        Command::OpenCase {
            site: "mau-gros-chene-1".into(),
            category: Category::Noise,
            request: Some(ghost),
        },
    ] {
        assert_eq!(n.refuses(cmd.clone()), Refusal::UnknownRequest, "{cmd:?}");
    }
    let case = n.open_case("mau-gros-chene-1", None).unwrap();
    assert_eq!(
        n.refuses(Command::LinkToCase {
            case,
            request: ghost
        }),
        Refusal::UnknownRequest
    );

    let id = n.receive("mau-gros-chene-1").unwrap();
    n.run(Command::Cancel { request: id }).unwrap();
    let closed = || Refusal::RequestClosed { request: 1 };
    for cmd in [
        Command::Dispatch {
            request: id,
            team: "E1".into(),
        },
        Command::Relay {
            request: id,
            partner: "police-17".into(),
            note: None,
        },
        Command::Dismiss {
            request: id,
            reason: DismissReason::Duplicate,
        },
        Command::Cancel { request: id },
    ] {
        assert_eq!(n.refuses(cmd.clone()), closed(), "{cmd:?}");
    }
}

#[test]
fn a_request_with_a_team_on_it_must_be_recalled_first() {
    let mut n = NightFixture::with_teams();
    let id = n.receive("vil-harpe-1").unwrap();
    n.dispatch("E1", 1).unwrap();
    let has_team = || Refusal::RequestHasTeam {
        request: 1,
        team: "E1".into(),
    };
    for cmd in [
        Command::Dispatch {
            request: id,
            team: "E2".into(),
        },
        Command::Relay {
            request: id,
            partner: "police-17".into(),
            note: None,
        },
        Command::Dismiss {
            request: id,
            reason: DismissReason::Duplicate,
        },
        Command::Cancel { request: id },
    ] {
        assert_eq!(n.refuses(cmd.clone()), has_team(), "{cmd:?}");
    }
}

#[test]
fn a_call_form_checks_the_phone_the_name_and_the_length_of_texts() {
    let mut n = NightFixture::with_teams();
    assert_eq!(
        n.refuses(Command::ReceiveRequest(NewRequest {
            callback: Some(" 06 39 98 12 3 ".into()),
            ..call("mau-gros-chene-1")
        })),
        Refusal::InvalidPhone {
            input: "06 39 98 12 3".into()
        }
    );
    assert_eq!(
        n.refuses(Command::ReceiveRequest(NewRequest {
            caller_name: Some("é".repeat(MAX_NAME + 1)),
            ..call("mau-gros-chene-1")
        })),
        Refusal::NameTooLong { max: MAX_NAME }
    );
    // Exactly the limit is fine (counted in characters, not bytes).
    n.receive_new(NewRequest {
        caller_name: Some("é".repeat(MAX_NAME)),
        ..call("mau-gros-chene-1")
    })
    .unwrap();
    let long = "ô".repeat(MAX_TEXT + 1);
    assert_eq!(
        n.refuses(Command::ReceiveRequest(NewRequest {
            description: Some(long.clone()),
            ..call("mau-gros-chene-1")
        })),
        Refusal::TextTooLong { max: MAX_TEXT }
    );
    assert_eq!(
        n.refuses(Command::AddLogEntry { text: long.clone() }),
        Refusal::TextTooLong { max: MAX_TEXT }
    );
    assert_eq!(
        n.refuses(Command::AddLogEntry {
            text: "  \t ".into()
        }),
        Refusal::EmptyText
    );
    let id = n.id(1);
    assert_eq!(
        n.refuses(Command::Relay {
            request: id,
            partner: "police-17".into(),
            note: Some(long.clone()),
        }),
        Refusal::TextTooLong { max: MAX_TEXT }
    );
    let case = n.open_case("mau-gros-chene-1", None).unwrap();
    assert_eq!(
        n.refuses(Command::RecordCaseStep {
            case,
            level: ResponseLevel::Mediation,
            note: Some(long.clone()),
        }),
        Refusal::TextTooLong { max: MAX_TEXT }
    );
    assert_eq!(
        n.refuses(Command::RecordObservation(NewObservation {
            kind: ObservationKind::Other,
            site: Some("mau-gros-chene-1".into()),
            district: None,
            team: None,
            note: Some(long.clone()),
            entrance: None,
            address: None,
            request: None,
        })),
        Refusal::TextTooLong { max: MAX_TEXT }
    );
    n.dispatch("E1", 1).unwrap();
    n.arrive("E1").unwrap();
    assert_eq!(
        n.refuses(Command::Clear(Clearance {
            note: Some(long),
            ..clearance("E1", ResponseLevel::Presence, Outcome::Calmed)
        })),
        Refusal::TextTooLong { max: MAX_TEXT }
    );
}

#[test]
fn a_correction_that_changes_nothing_is_refused() {
    let mut n = NightFixture::with_teams();
    let id = n.receive("vil-kennedy-1").unwrap();
    for c in [
        Correction {
            entrance: None,
            request: id,
            source: None,
            site: None,
            category: None,
            priority: None,
        },
        Correction {
            entrance: None,
            request: id,
            source: Some(Source::Resident),
            site: Some("vil-kennedy-1".into()),
            category: Some(Category::Noise),
            priority: Some(Priority::P3),
        },
    ] {
        assert_eq!(
            n.refuses(Command::CorrectRequest(c)),
            Refusal::NothingToCorrect
        );
    }
}

#[test]
fn a_relay_outcome_or_level_needs_a_relay() {
    let mut n = NightFixture::with_teams();
    n.receive("blo-triangle-2").unwrap();
    n.dispatch("E1", 1).unwrap();
    n.arrive("E1").unwrap();
    for (level, outcome) in [
        (ResponseLevel::Mediation, Outcome::Relayed),
        (ResponseLevel::Relay, Outcome::Calmed),
    ] {
        assert_eq!(
            n.refuses(Command::Clear(Clearance {
                referrals: vec!["cdas-le-blosne".into()],
                ..clearance("E1", level, outcome)
            })),
            Refusal::RelayMissing,
            "{level:?} {outcome:?}"
        );
    }
}

#[test]
fn a_closed_or_unknown_situation_takes_nothing_more() {
    let mut n = NightFixture::with_teams();
    let id = n.receive("mau-bellangerais-2").unwrap();
    let ghost = CaseId(7);
    let unknown = Refusal::UnknownCase { case: ghost };
    for cmd in [
        Command::LinkToCase {
            case: ghost,
            request: id,
        },
        Command::RecordCaseStep {
            case: ghost,
            level: ResponseLevel::Presence,
            note: None,
        },
        Command::SetCaseState {
            case: ghost,
            state: CaseState::Closed,
        },
        Command::SetFollowUp {
            case: ghost,
            date: None,
        },
    ] {
        assert_eq!(n.refuses(cmd.clone()), unknown, "{cmd:?}");
    }

    let case = n.open_case("mau-bellangerais-2", None).unwrap();
    assert_eq!(
        n.refuses(Command::SetCaseState {
            case,
            state: CaseState::Open
        }),
        Refusal::CaseAlreadyInState {
            case,
            state: CaseState::Open
        }
    );
    n.run(Command::SetCaseState {
        case,
        state: CaseState::Closed,
    })
    .unwrap();
    let closed = Refusal::CaseClosed { case };
    for cmd in [
        Command::LinkToCase { case, request: id },
        Command::RecordCaseStep {
            case,
            level: ResponseLevel::Presence,
            note: None,
        },
        Command::SetCaseState {
            case,
            state: CaseState::Open,
        },
        Command::SetFollowUp { case, date: None },
    ] {
        assert_eq!(n.refuses(cmd.clone()), closed, "{cmd:?}");
    }
    n.dispatch("E1", 1).unwrap();
    n.arrive("E1").unwrap();
    assert_eq!(
        n.refuses(Command::Clear(Clearance {
            case: CaseLink::Existing(case),
            ..clearance("E1", ResponseLevel::Presence, Outcome::Calmed)
        })),
        closed
    );
    assert_eq!(
        n.refuses(Command::Clear(Clearance {
            case: CaseLink::Existing(ghost),
            ..clearance("E1", ResponseLevel::Presence, Outcome::Calmed)
        })),
        unknown
    );
}

#[test]
fn a_request_belongs_to_one_situation() {
    let mut n = NightFixture::with_teams();
    let id = n.receive("blo-triangle-3").unwrap();
    let first = n.open_case("blo-triangle-3", Some(1)).unwrap();
    let second = n.open_case("blo-triangle-3", None).unwrap();
    let linked = Refusal::AlreadyLinked {
        request: 1,
        case: first,
    };
    assert_eq!(
        n.refuses(Command::LinkToCase {
            case: second,
            request: id
        }),
        linked
    );
    assert_eq!(
        n.refuses(Command::LinkToCase {
            case: first,
            request: id
        }),
        linked
    );
    assert_eq!(
        n.refuses(Command::OpenCase {
            site: "blo-triangle-3".into(),
            category: Category::Noise,
            request: Some(id),
        }),
        linked
    );
    n.dispatch("E1", 1).unwrap();
    n.arrive("E1").unwrap();
    for case in [CaseLink::New, CaseLink::Existing(second)] {
        assert_eq!(
            n.refuses(Command::Clear(Clearance {
                case,
                ..clearance("E1", ResponseLevel::Mediation, Outcome::Calmed)
            })),
            linked,
            "{case:?}"
        );
    }
}

#[test]
fn an_observation_needs_a_place() {
    let mut n = NightFixture::with_teams();
    assert_eq!(
        n.refuses(Command::RecordObservation(NewObservation {
            kind: ObservationKind::IsolatedPerson,
            site: None,
            district: None,
            team: Some("E1".into()),
            note: Some("Personne âgée seule sur un banc".into()),
            entrance: None,
            address: None,
            request: None,
        })),
        Refusal::ObservationWithoutPlace
    );
}

#[test]
fn only_a_record_that_was_handed_out_can_be_erased() {
    let mut n = NightFixture::with_teams();
    assert_eq!(
        n.refuses(Command::ErasePersonal {
            personal: PersonalId(0),
            reason: ErasureReason::Retention,
        }),
        Refusal::UnknownPersonal { id: PersonalId(0) }
    );
    n.run(Command::AddLogEntry {
        text: "Relève à 23h".into(),
    })
    .unwrap();
    assert_eq!(
        n.refuses(Command::ErasePersonal {
            personal: PersonalId(1),
            reason: ErasureReason::Retention,
        }),
        Refusal::UnknownPersonal { id: PersonalId(1) }
    );
}

// ---------------------------------------------------------------------------------------------
// Suspected defects: kept as the behaviour a coordinator needs, ignored until fixed.
// ---------------------------------------------------------------------------------------------

#[test]
fn a_request_left_with_a_team_at_closing_can_still_be_handled_the_next_night() {
    let mut n = NightFixture::with_teams();
    let id = n.receive("mau-gros-chene-1").unwrap();
    n.dispatch("E1", 1).unwrap();
    n.set_clock("2026-12-01T02:00:00+01:00");
    // Either closing is refused while a team is still out (a fine rule too)…
    if n.close().is_err() {
        return;
    }
    // … or the next night must be able to deal with the request. Today it is carried over
    // still naming last night's E1, which is gone: recall, cancel, dismiss, relay and
    // dispatch are all refused, for ever.
    n.set_clock("2026-12-01T21:00:00+01:00");
    n.open("nadia-b").unwrap();
    n.compose("E1", &["samir-k", "gwenaelle-p"]).unwrap();
    assert_eq!(
        n.recall("E1"),
        Err(Refusal::TeamNotAssigned { team: "E1".into() })
    );
    n.run(Command::Cancel { request: id })
        .expect("a carried-over request can be cancelled");
}

#[test]
fn a_mediator_is_never_in_two_teams_on_duty() {
    let mut n = NightFixture::with_teams();
    n.set_status("E1", TeamStatus::OffDuty).unwrap();
    n.compose("E3", &["samir-k", "ines-h"]).unwrap();
    assert_eq!(
        n.refuses(Command::SetTeamStatus {
            team: "E1".into(),
            status: TeamStatus::Available,
            position: None,
        }),
        Refusal::MediatorInTeam {
            mediator: "samir-k".into(),
            team: "E3".into()
        }
    );
}
