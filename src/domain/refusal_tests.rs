//! Refusals of the night, the teams and the order of an intervention, and of places and
//! partners outside the territory: each writes nothing (checked by `refuses`).

use super::*;

// ---------------------------------------------------------------------------------------------
// Refusals: each writes nothing and leaves the state as it was (checked by `refuses`).
// ---------------------------------------------------------------------------------------------

#[test]
fn nothing_can_be_done_before_the_night_is_open() {
    let mut n = NightFixture::at(MONDAY_2105);
    let cmds = vec![
        Command::ChangeCoordinator {
            coordinator: "claire-m".into(),
        },
        Command::CloseNight,
        compose_cmd("E1", &["samir-k", "gwenaelle-p"]),
        Command::SetTeamStatus {
            team: "E1".into(),
            status: TeamStatus::Break,
            position: None,
        },
        Command::UpdatePosition {
            team: "E1".into(),
            position: Position::Base,
        },
        Command::RecordContact { team: "E1".into() },
        Command::ReceiveRequest(call("mau-gros-chene-1")),
        Command::CorrectRequest(Correction {
            entrance: None,
            request: RequestId(0),
            source: Some(Source::Police),
            site: None,
            category: None,
            priority: None,
        }),
        Command::Dispatch {
            request: RequestId(0),
            team: "E1".into(),
        },
        Command::Arrive { team: "E1".into() },
        Command::Recall { team: "E1".into() },
        Command::Clear(clearance("E1", ResponseLevel::Presence, Outcome::Calmed)),
        Command::Relay {
            request: RequestId(0),
            partner: "police-17".into(),
            note: None,
        },
        Command::Dismiss {
            request: RequestId(0),
            reason: DismissReason::Unreachable,
        },
        Command::Cancel {
            request: RequestId(0),
        },
        Command::OpenCase {
            site: "mau-gros-chene-1".into(),
            category: Category::Noise,
            request: None,
        },
        Command::LinkToCase {
            case: CaseId(0),
            request: RequestId(0),
        },
        Command::RecordCaseStep {
            case: CaseId(0),
            level: ResponseLevel::Presence,
            note: None,
        },
        Command::SetCaseState {
            case: CaseId(0),
            state: CaseState::Watch,
        },
        Command::SetFollowUp {
            case: CaseId(0),
            date: None,
        },
        Command::AddLogEntry {
            text: "note".into(),
        },
        Command::RecordObservation(NewObservation {
            kind: ObservationKind::Door,
            site: Some("mau-gros-chene-1".into()),
            district: None,
            team: None,
            note: None,
            entrance: None,
            address: None,
            request: None,
        }),
    ];
    for cmd in cmds {
        assert_eq!(n.refuses(cmd.clone()), Refusal::NoNightOpen, "{cmd:?}");
    }
    // And once the night is closed, the same.
    n.open("nadia-b").unwrap();
    n.close().unwrap();
    assert_eq!(n.refuses(Command::CloseNight), Refusal::NoNightOpen);
    assert_eq!(
        n.refuses(Command::ReceiveRequest(call("mau-gros-chene-1"))),
        Refusal::NoNightOpen
    );
    assert_eq!(n.journal_len(), 2);
}

#[test]
fn a_night_opens_once_and_only_after_the_previous_one_is_closed() {
    let mut n = NightFixture::opened_at(MONDAY_2105);
    n.later(30);
    assert_eq!(
        n.refuses(Command::OpenNight {
            coordinator: "claire-m".into()
        }),
        Refusal::NightAlreadyOpen {
            night: night("2026-11-30")
        }
    );
    // Tuesday evening, Monday's night was never closed.
    n.set_clock("2026-12-01T21:00:00+01:00");
    assert_eq!(
        n.refuses(Command::OpenNight {
            coordinator: "claire-m".into()
        }),
        Refusal::PreviousNightOpen {
            night: night("2026-11-30")
        }
    );
    n.set_clock("2026-12-01T01:00:00+01:00");
    n.close().unwrap();
    n.set_clock("2026-12-01T01:30:00+01:00");
    assert_eq!(
        n.refuses(Command::OpenNight {
            coordinator: "nadia-b".into()
        }),
        Refusal::NightAlreadyClosed {
            night: night("2026-11-30")
        }
    );
    n.set_clock("2026-12-01T21:00:00+01:00");
    assert_eq!(
        n.refuses(Command::OpenNight {
            coordinator: "jean-x".into()
        }),
        Refusal::UnknownCoordinator {
            id: "jean-x".into()
        }
    );
    n.open("claire-m").unwrap();
}

#[test]
fn only_a_known_coordinator_takes_the_console() {
    let mut n = NightFixture::opened_at(MONDAY_2105);
    assert_eq!(
        n.refuses(Command::ChangeCoordinator {
            coordinator: "samir-k".into()
        }),
        Refusal::UnknownCoordinator {
            id: "samir-k".into()
        },
        "a mediator is not a coordinator"
    );
}

#[test]
fn a_team_is_two_or_three_known_mediators_free_tonight_under_a_new_call_sign() {
    let mut n = NightFixture::with_teams();
    assert_eq!(
        n.refuses(compose_cmd("E3", &["ines-h"])),
        Refusal::TeamSize {
            team: "E3".into(),
            count: 1
        }
    );
    assert_eq!(
        n.refuses(compose_cmd(
            "E3",
            &["ines-h", "lea-t", "moussa-n", "erwan-g"]
        )),
        Refusal::TeamSize {
            team: "E3".into(),
            count: 4
        }
    );
    assert_eq!(
        n.refuses(compose_cmd("E3", &["ines-h", "bob-z"])),
        Refusal::UnknownMediator { id: "bob-z".into() }
    );
    assert_eq!(
        n.refuses(compose_cmd("E3", &["ines-h", "nadia-b"])),
        Refusal::UnknownMediator {
            id: "nadia-b".into()
        },
        "a coordinator is not a mediator"
    );
    assert_eq!(
        n.refuses(compose_cmd("E3", &["ines-h", "aicha-d"])),
        Refusal::MediatorInTeam {
            mediator: "aicha-d".into(),
            team: "E2".into()
        }
    );
    assert_eq!(
        n.refuses(compose_cmd("E3", &["ines-h", "ines-h"])),
        Refusal::MediatorInTeam {
            mediator: "ines-h".into(),
            team: "E3".into()
        }
    );
    assert_eq!(
        n.refuses(compose_cmd("  ", &["ines-h", "lea-t"])),
        Refusal::EmptyCallSign
    );
    assert_eq!(
        n.refuses(compose_cmd(" E2", &["ines-h", "lea-t"])),
        Refusal::TeamExists { team: "E2".into() }
    );
    assert_eq!(
        n.refuses(Command::ComposeTeam {
            team: "E3".into(),
            members: vec!["ines-h".into(), "lea-t".into()],
            equipment: Some("x".repeat(MAX_TEXT + 1)),
        }),
        Refusal::TextTooLong { max: MAX_TEXT }
    );
}

#[test]
fn an_unknown_call_sign_is_refused_everywhere() {
    let mut n = NightFixture::with_teams();
    n.receive("mau-gros-chene-1").unwrap();
    let id = n.id(1);
    let e9 = || Refusal::UnknownTeam { team: "E9".into() };
    let cmds = vec![
        Command::SetTeamStatus {
            team: "E9".into(),
            status: TeamStatus::Break,
            position: None,
        },
        Command::UpdatePosition {
            team: "E9".into(),
            position: Position::Base,
        },
        Command::RecordContact { team: "E9".into() },
        Command::Dispatch {
            request: id,
            team: "E9".into(),
        },
        Command::Arrive { team: "E9".into() },
        Command::Recall { team: "E9".into() },
        Command::Clear(clearance("E9", ResponseLevel::Presence, Outcome::Calmed)),
        Command::RecordObservation(NewObservation {
            kind: ObservationKind::Lighting,
            site: Some("mau-gros-chene-1".into()),
            district: None,
            team: Some("E9".into()),
            note: None,
            entrance: None,
            address: None,
            request: None,
        }),
    ];
    for cmd in cmds {
        assert_eq!(n.refuses(cmd.clone()), e9(), "{cmd:?}");
    }
}

#[test]
fn dispatching_a_busy_team_is_refused_and_writes_nothing() {
    let mut night = NightFixture::with_teams();
    night.receive("mau-gros-chene-1").unwrap();
    night.receive("mau-gros-chene-2").unwrap();
    night.dispatch("E2", 1).unwrap();
    let journal = night.journal_len();
    let second = night.id(2);
    let err = night.refuses(Command::Dispatch {
        request: second,
        team: "E2".into(),
    });
    assert_eq!(
        err,
        Refusal::TeamBusy {
            team: "E2".into(),
            request: 1
        }
    );
    assert_eq!(night.journal_len(), journal);
    // A busy team's status follows its assignment: setting one is refused too.
    assert_eq!(
        night.refuses(Command::SetTeamStatus {
            team: "E2".into(),
            status: TeamStatus::Break,
            position: None,
        }),
        Refusal::TeamBusy {
            team: "E2".into(),
            request: 1
        }
    );
}

#[test]
fn en_route_and_on_site_follow_from_dispatch_and_cannot_be_set() {
    let mut n = NightFixture::with_teams();
    for status in [TeamStatus::EnRoute, TeamStatus::OnSite] {
        assert_eq!(
            n.refuses(Command::SetTeamStatus {
                team: "E1".into(),
                status,
                position: None,
            }),
            Refusal::StatusNotSettable { status }
        );
    }
}

#[test]
fn an_off_duty_team_is_not_sent() {
    let mut n = NightFixture::with_teams();
    n.receive("vil-kennedy-5").unwrap();
    n.set_status("E1", TeamStatus::OffDuty).unwrap();
    let id = n.id(1);
    assert_eq!(
        n.refuses(Command::Dispatch {
            request: id,
            team: "E1".into()
        }),
        Refusal::TeamOffDuty { team: "E1".into() }
    );
}

#[test]
fn arrival_recall_and_clearance_follow_the_order_of_the_intervention() {
    let mut n = NightFixture::with_teams();
    let not_assigned = || Refusal::TeamNotAssigned { team: "E1".into() };
    assert_eq!(
        n.refuses(Command::Arrive { team: "E1".into() }),
        not_assigned()
    );
    assert_eq!(
        n.refuses(Command::Recall { team: "E1".into() }),
        not_assigned()
    );
    assert_eq!(
        n.refuses(Command::Clear(clearance(
            "E1",
            ResponseLevel::Presence,
            Outcome::Calmed
        ))),
        not_assigned()
    );
    n.receive("mau-gayeulles-4").unwrap();
    n.dispatch("E1", 1).unwrap();
    assert_eq!(
        n.refuses(Command::Clear(clearance(
            "E1",
            ResponseLevel::Presence,
            Outcome::Calmed
        ))),
        Refusal::TeamNotOnSite { team: "E1".into() }
    );
    n.arrive("E1").unwrap();
    assert_eq!(
        n.refuses(Command::Arrive { team: "E1".into() }),
        Refusal::TeamNotEnRoute { team: "E1".into() }
    );
}

#[test]
fn places_and_partners_come_from_the_territory() {
    let mut n = NightFixture::with_teams();
    assert_eq!(
        n.refuses(Command::ReceiveRequest(call("rue-inconnue"))),
        Refusal::UnknownSite {
            id: "rue-inconnue".into()
        }
    );
    assert_eq!(
        n.refuses(Command::UpdatePosition {
            team: "E1".into(),
            position: Position::Site("rue-inconnue".into()),
        }),
        Refusal::UnknownSite {
            id: "rue-inconnue".into()
        }
    );
    assert_eq!(
        n.refuses(Command::SetTeamStatus {
            team: "E1".into(),
            status: TeamStatus::ActivePresence,
            position: Some(Position::District("centre-ville".into())),
        }),
        Refusal::UnknownDistrict {
            id: "centre-ville".into()
        }
    );
    assert_eq!(
        n.refuses(Command::OpenCase {
            site: "rue-inconnue".into(),
            category: Category::Noise,
            request: None,
        }),
        Refusal::UnknownSite {
            id: "rue-inconnue".into()
        }
    );
    assert_eq!(
        n.refuses(Command::RecordObservation(NewObservation {
            kind: ObservationKind::Cleanliness,
            site: None,
            district: Some("centre-ville".into()),
            team: None,
            note: None,
            entrance: None,
            address: None,
            request: None,
        })),
        Refusal::UnknownDistrict {
            id: "centre-ville".into()
        }
    );
    let id = n.receive("blo-landrel-4").unwrap();
    assert_eq!(
        n.refuses(Command::CorrectRequest(Correction {
            entrance: None,
            request: id,
            source: None,
            site: Some("rue-inconnue".into()),
            category: None,
            priority: None,
        })),
        Refusal::UnknownSite {
            id: "rue-inconnue".into()
        }
    );
    assert_eq!(
        n.refuses(Command::Relay {
            request: id,
            partner: "ghostbusters".into(),
            note: None,
        }),
        Refusal::UnknownPartner {
            id: "ghostbusters".into()
        }
    );
    n.dispatch("E1", 1).unwrap();
    n.arrive("E1").unwrap();
    assert_eq!(
        n.refuses(Command::Clear(Clearance {
            relays: vec!["police-17".into(), "ghostbusters".into()],
            ..clearance("E1", ResponseLevel::Relay, Outcome::Relayed)
        })),
        Refusal::UnknownPartner {
            id: "ghostbusters".into()
        }
    );
    assert_eq!(
        n.refuses(Command::Clear(Clearance {
            referrals: vec!["mairie-annexe".into()],
            ..clearance("E1", ResponseLevel::Referral, Outcome::Referred)
        })),
        Refusal::UnknownPartner {
            id: "mairie-annexe".into()
        }
    );
}
