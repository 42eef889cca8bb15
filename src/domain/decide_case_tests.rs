//! `decide` over several nights: situations and their steps, the logbook and the watch,
//! erasure, and what the next night keeps.

use super::*;

// ---------------------------------------------------------------------------------------------
// Situations (cases)
// ---------------------------------------------------------------------------------------------

#[test]
fn opening_a_case_from_a_request_links_them() {
    let mut n = NightFixture::with_teams();
    let id = n.receive("blo-landrel-2").unwrap();
    let envs = n
        .run(Command::OpenCase {
            site: "blo-landrel-2".into(),
            category: Category::NeighbourConflict,
            request: Some(id),
        })
        .unwrap();
    assert_eq!(
        events(&envs),
        vec![
            Event::CaseOpened {
                case: CaseId(0),
                site: "blo-landrel-2".into(),
                category: Category::NeighbourConflict,
            },
            Event::CaseLinked {
                case: CaseId(0),
                request: id,
            },
        ]
    );
    assert_eq!(envs[0].seq + 1, envs[1].seq);
    let c = n.case(CaseId(0));
    assert_eq!(c.state, CaseState::Open);
    assert_eq!(c.state_history, vec![(n.now, CaseState::Open)]);
    assert_eq!(c.requests, vec![id]);
    assert_eq!(c.opened_at, n.now);
    assert_eq!(c.opened_night, night("2026-11-30"));
    assert_eq!(c.last_action_at, n.now);
    assert_eq!(n.request(1).case, Some(CaseId(0)));
    assert_eq!(n.state.counters.case, 1);
}

#[test]
fn a_later_call_is_linked_to_the_situation() {
    let mut n = NightFixture::with_teams();
    let case = n.open_case("vil-kennedy-3", None).unwrap();
    assert!(n.case(case).requests.is_empty());
    n.later(30);
    let id = n.receive("vil-kennedy-3").unwrap();
    let envs = n.run(Command::LinkToCase { case, request: id }).unwrap();
    assert_eq!(events(&envs), vec![Event::CaseLinked { case, request: id }]);
    assert_eq!(n.case(case).requests, vec![id]);
    assert_eq!(n.case(case).last_action_at, n.now);
    assert_eq!(n.request(1).case, Some(case));
}

#[test]
fn a_situation_gets_steps_a_watch_state_and_a_follow_up_date() {
    let mut n = NightFixture::with_teams();
    let case = n.open_case("mau-gros-chene-2", None).unwrap();
    n.later(10);
    let envs = n
        .run(Command::RecordCaseStep {
            case,
            level: ResponseLevel::FirmReminder,
            note: Some("Rappel du règlement à la famille Ménard".into()),
        })
        .unwrap();
    assert_eq!(
        events(&envs),
        vec![Event::CaseStepRecorded {
            case,
            level: ResponseLevel::FirmReminder,
            request: None,
            note: Some(PersonalId(0)),
        }]
    );
    let step = &n.case(case).steps[0];
    assert_eq!(step.at, n.now);
    assert_eq!(step.night, night("2026-11-30"));
    assert_eq!(step.level, ResponseLevel::FirmReminder);
    assert_eq!(step.note, Some(PersonalId(0)));
    assert_eq!(n.record(PersonalId(0)).kind, PersonalKind::CaseNote);

    n.later(10);
    let envs = n
        .run(Command::SetCaseState {
            case,
            state: CaseState::Watch,
        })
        .unwrap();
    assert_eq!(
        events(&envs),
        vec![Event::CaseStateChanged {
            case,
            state: CaseState::Watch
        }]
    );
    let c = n.case(case);
    assert_eq!(c.state, CaseState::Watch);
    assert_eq!(
        c.state_history.iter().map(|s| s.1).collect::<Vec<_>>(),
        vec![CaseState::Open, CaseState::Watch]
    );
    assert_eq!(c.state_history[1].0, n.now);

    let date = NaiveDate::from_ymd_opt(2026, 12, 4);
    let envs = n.run(Command::SetFollowUp { case, date }).unwrap();
    assert_eq!(events(&envs), vec![Event::CaseFollowUpSet { case, date }]);
    assert_eq!(n.case(case).next_follow_up, date);
    n.run(Command::SetFollowUp { case, date: None }).unwrap();
    assert_eq!(n.case(case).next_follow_up, None);
    n.assert_journal_never_mentions(&["Ménard", "règlement"]);
}

#[test]
fn clearing_into_a_new_situation_opens_it_links_the_request_and_records_the_step() {
    let mut n = NightFixture::with_teams();
    let id = n
        .receive_new(NewRequest {
            category: Category::FamilyTension,
            ..call("blo-triangle-4")
        })
        .unwrap();
    n.dispatch("E2", 1).unwrap();
    n.arrive("E2").unwrap();
    n.later(25);
    let envs = n
        .clear(Clearance {
            case: CaseLink::New,
            ..clearance("E2", ResponseLevel::Mediation, Outcome::MediationToContinue)
        })
        .unwrap();
    assert_eq!(
        events(&envs),
        vec![
            Event::InterventionCleared {
                intervention: InterventionId(0),
                request: id,
                team: "E2".into(),
                level: ResponseLevel::Mediation,
                outcome: Outcome::MediationToContinue,
                relays: vec![],
                referrals: vec![],
                note: None,
            },
            Event::CaseOpened {
                case: CaseId(0),
                site: "blo-triangle-4".into(),
                category: Category::FamilyTension,
            },
            Event::CaseLinked {
                case: CaseId(0),
                request: id,
            },
            Event::CaseStepRecorded {
                case: CaseId(0),
                level: ResponseLevel::Mediation,
                request: Some(id),
                note: None,
            },
        ]
    );
    let c = n.case(CaseId(0));
    assert_eq!(c.state, CaseState::Open);
    assert_eq!(c.requests, vec![id]);
    assert_eq!(c.steps.len(), 1);
    assert_eq!(c.steps[0].request, Some(id));
    assert_eq!(n.request(1).case, Some(CaseId(0)));
    assert_eq!(n.request(1).status, RequestStatus::Cleared);
}

#[test]
fn clearing_a_request_already_in_the_situation_only_records_the_step() {
    let mut n = NightFixture::with_teams();
    let id = n.receive("mau-gayeulles-3").unwrap();
    let case = n.open_case("mau-gayeulles-3", Some(1)).unwrap();
    n.dispatch("E1", 1).unwrap();
    n.arrive("E1").unwrap();
    let envs = n
        .clear(Clearance {
            case: CaseLink::Existing(case),
            ..clearance("E1", ResponseLevel::Presence, Outcome::NobodyThere)
        })
        .unwrap();
    let kinds: Vec<&str> = envs.iter().map(|e| e.event.kind()).collect();
    assert_eq!(kinds, vec!["intervention_cleared", "case_step_recorded"]);
    assert_eq!(n.case(case).requests, vec![id]);
    assert_eq!(n.case(case).steps.len(), 1);
}

// ---------------------------------------------------------------------------------------------
// Logbook, watch, erasure
// ---------------------------------------------------------------------------------------------

#[test]
fn a_logbook_entry_is_a_personal_record_the_journal_only_points_at() {
    let mut n = NightFixture::with_teams();
    let envs = n
        .run(Command::AddLogEntry {
            text: "  Appel de M. Lebrun pour remercier l'équipe ".into(),
        })
        .unwrap();
    assert_eq!(
        events(&envs),
        vec![Event::LogEntryAdded {
            personal: PersonalId(0)
        }]
    );
    let rec = n.record(PersonalId(0));
    assert_eq!(rec.kind, PersonalKind::LogEntry);
    assert_eq!(
        rec.text.as_deref(),
        Some("Appel de M. Lebrun pour remercier l'équipe")
    );
    assert_eq!(n.state.counters.personal, 1);
    n.assert_journal_never_mentions(&["Lebrun", "remercier"]);
}

#[test]
fn an_observation_feeds_the_watch_with_place_team_and_note() {
    let mut n = NightFixture::with_teams();
    let envs = n
        .run(Command::RecordObservation(NewObservation {
            kind: ObservationKind::Lift,
            site: Some("blo-triangle-5".into()),
            district: Some("le-blosne".into()),
            team: Some("E2".into()),
            note: Some("Ascenseur bloqué, Mme Tanguy coincée 10 min".into()),
            entrance: None,
            address: None,
            request: None,
        }))
        .unwrap();
    assert_eq!(
        events(&envs),
        vec![Event::ObservationRecorded {
            observation: ObservationKind::Lift,
            site: Some("blo-triangle-5".into()),
            district: Some("le-blosne".into()),
            team: Some("E2".into()),
            note: Some(PersonalId(0)),
            id: Some(crate::domain::ids::ObservationId(1)),
            entrance: None,
            address: None,
            request: None,
            commissioner: Some("ville".into()),
        }]
    );
    assert_eq!(n.record(PersonalId(0)).kind, PersonalKind::ObservationNote);
    assert_eq!(n.state.counters.personal, 1);
    // A district alone is enough, and no note means no record.
    n.run(Command::RecordObservation(NewObservation {
        kind: ObservationKind::Gathering,
        site: None,
        district: Some("villejean".into()),
        team: None,
        note: None,
        entrance: None,
        address: None,
        request: None,
    }))
    .unwrap();
    assert_eq!(n.personal.len(), 1);
    n.assert_journal_never_mentions(&["Tanguy", "coincée"]);
}

#[test]
fn erasing_a_personal_record_is_a_fact_and_needs_no_open_night() {
    let mut n = NightFixture::with_teams();
    n.receive_new(NewRequest {
        caller_name: Some("M. Kerhervé".into()),
        ..call("vil-kennedy-4")
    })
    .unwrap();
    let r = n.id(1);
    n.run(Command::CarryOver { request: r }).unwrap();
    n.close().unwrap();
    n.set_clock("2027-01-05T10:00:00+01:00");
    let before = n.state.clone();
    let envs = n
        .run(Command::ErasePersonal {
            personal: PersonalId(0),
            reason: ErasureReason::ResidentRequest,
        })
        .unwrap();
    assert_eq!(
        events(&envs),
        vec![Event::PersonalErased {
            personal: PersonalId(0),
            reason: ErasureReason::ResidentRequest,
        }]
    );
    assert_eq!(envs[0].coordinator, None, "no coordinator on duty");
    // Only the sequence moves: the facts stay as they were.
    let mut expected = before;
    expected.last_seq += 1;
    assert_eq!(n.state, expected);
}

// ---------------------------------------------------------------------------------------------
// From one night to the next
// ---------------------------------------------------------------------------------------------

#[test]
fn the_next_night_keeps_open_requests_and_situations_and_forgets_the_rest() {
    let mut n = NightFixture::with_teams();
    // 1 cleared into a new situation, later closed; 2 still waiting; 3 cancelled;
    // 4 cleared into a situation that stays open.
    n.receive("mau-gros-chene-4").unwrap();
    n.receive("mau-gros-chene-5").unwrap();
    n.receive("vil-harpe-3").unwrap();
    n.receive("blo-landrel-3").unwrap();
    n.settle("E1", 1, CaseLink::New);
    n.settle("E2", 4, CaseLink::New);
    let (closed_case, open_case) = (CaseId(0), CaseId(1));
    let waiting = n.id(2);
    let cancelled = n.id(3);
    n.run(Command::Cancel { request: cancelled }).unwrap();
    n.run(Command::SetCaseState {
        case: closed_case,
        state: CaseState::Closed,
    })
    .unwrap();
    n.set_clock("2026-12-01T02:05:00+01:00");
    assert_eq!(
        n.close().unwrap_err(),
        Refusal::UndecidedRequests { count: 1 },
        "the waiting request must be decided first"
    );
    n.run(Command::CarryOver { request: waiting }).unwrap();
    assert_eq!(
        n.run(Command::CarryOver { request: waiting }).unwrap_err(),
        Refusal::AlreadyCarriedOver { request: 2 }
    );
    n.close().unwrap();
    assert_eq!(n.state.requests.len(), 4, "closing evicts nothing yet");
    let handover = n.state.handover.clone().unwrap();
    assert_eq!(handover.carried_over, vec![waiting]);
    assert_eq!(handover.acknowledged, None);

    n.set_clock("2026-12-01T20:55:00+01:00");
    let envs = n.open("yannick-l").unwrap();
    assert_eq!(envs[0].night, night("2026-12-01"));
    assert_eq!(envs[0].hours, Hours::Early);
    assert!(n.state.teams.is_empty(), "last night's teams are gone");
    assert_eq!(
        n.state.requests.keys().copied().collect::<Vec<_>>(),
        vec![waiting],
        "only the waiting request is carried over"
    );
    assert_eq!(
        n.state.cases.keys().copied().collect::<Vec<_>>(),
        vec![open_case]
    );
    let tonight = n.state.open_night().unwrap();
    // Tonight's numbers follow the carried request's (2): one number, one request.
    assert_eq!(tonight.received, 2);
    assert_eq!(tonight.coordinator, "yannick-l");

    // Tonight's first call is number 3, with a new id; the carried request still works.
    n.compose("E1", &["samir-k", "lea-t"]).unwrap();
    let first_tonight = n.receive("blo-triangle-1").unwrap();
    assert_eq!(first_tonight, RequestId(4));
    assert_eq!(n.request(3).id, first_tonight);
    assert_eq!(n.request(2).id, waiting);
    assert_eq!(n.state.requests[&waiting].number, 2);
    assert_eq!(n.state.requests[&waiting].night, night("2026-11-30"));
    n.run(Command::Dispatch {
        request: waiting,
        team: "E1".into(),
    })
    .unwrap();
    assert_eq!(n.state.requests[&waiting].status, RequestStatus::EnRoute);
}

#[test]
fn a_situation_opened_last_night_takes_tonights_intervention() {
    let mut n = NightFixture::with_teams();
    n.receive("blo-poterie-1").unwrap();
    n.settle("E1", 1, CaseLink::New);
    let case = CaseId(0);
    n.set_clock("2026-12-01T02:00:00+01:00");
    n.close().unwrap();

    n.set_clock("2026-12-01T21:10:00+01:00");
    n.open("claire-m").unwrap();
    n.compose("E3", &["fatou-s", "erwan-g", "moussa-n"])
        .unwrap();
    let id = n.receive("blo-poterie-1").unwrap();
    n.dispatch("E3", 1).unwrap();
    n.arrive("E3").unwrap();
    n.later(20);
    let envs = n
        .clear(Clearance {
            case: CaseLink::Existing(case),
            ..clearance("E3", ResponseLevel::FirmReminder, Outcome::Calmed)
        })
        .unwrap();
    assert_eq!(
        events(&envs)[1..],
        [
            Event::CaseLinked { case, request: id },
            Event::CaseStepRecorded {
                case,
                level: ResponseLevel::FirmReminder,
                request: Some(id),
                note: None,
            },
        ]
    );
    let c = n.case(case);
    assert_eq!(c.requests.len(), 2);
    assert_eq!(c.requests[1], id);
    assert_eq!(c.opened_night, night("2026-11-30"));
    assert_eq!(
        c.steps.iter().map(|s| s.night).collect::<Vec<_>>(),
        vec![night("2026-11-30"), night("2026-12-01")]
    );
    assert_eq!(c.last_action_at, n.now);
}
