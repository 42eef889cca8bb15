//! The watch, the relays' follow-up and the night's plan, told as a night: an observation
//! routed and followed to its end, a relay called and arrived, the standing plan adopted
//! and its points passed; and every refusal on the way.

use super::*;
use crate::domain::ids::{ObservationId, PlanItemId};
use crate::domain::plan::{NewPlanItem, PlanCommand, PlanKind, PlanOrigin, PlanPlace, Window};
use crate::domain::watch::{
    Channel, RelayStep, WatchCommand, WatchEnding, WatchRefusal, WatchStatus,
};
use chrono::NaiveTime;

fn seen(kind: ObservationKind, site: Option<&str>) -> NewObservation {
    NewObservation {
        kind,
        site: site.map(str::to_string),
        district: None,
        team: None,
        note: None,
        entrance: None,
        address: None,
        request: None,
    }
}

fn observe(n: &mut NightFixture, o: NewObservation) -> ObservationId {
    let envs = n.run(Command::RecordObservation(o)).expect("observation");
    match &envs[0].event {
        Event::ObservationRecorded { id: Some(id), .. } => *id,
        other => panic!("expected an observation, got {other:?}"),
    }
}

fn watch(n: &mut NightFixture, w: WatchCommand) -> Result<Vec<Envelope>, Refusal> {
    n.run(Command::Watch(w))
}

fn refused(n: &mut NightFixture, w: WatchCommand) -> WatchRefusal {
    match n.refuses(Command::Watch(w)) {
        Refusal::Watch(w) => w,
        other => panic!("expected a watch refusal, got {other:?}"),
    }
}

fn time(s: &str) -> NaiveTime {
    NaiveTime::parse_from_str(s, "%H:%M").expect("test time")
}

/// Replaying the journal from nothing gives the live state.
fn assert_replays(n: &NightFixture) {
    let mut replayed = State::default();
    for env in &n.journal {
        replayed.apply(env);
    }
    assert_eq!(replayed, n.state);
}

#[test]
fn an_observation_is_routed_to_the_sites_landlord_else_the_city_and_followed_to_its_end() {
    let mut n = NightFixture::with_teams();
    let lift = observe(
        &mut n,
        NewObservation {
            entrance: Some("Hall B".into()),
            team: Some("E1".into()),
            ..seen(ObservationKind::Lift, Some("mau-gros-chene-1"))
        },
    );
    let street = observe(
        &mut n,
        NewObservation {
            district: Some("maurepas".into()),
            address: Some("12 rue de Fougères".into()),
            ..seen(ObservationKind::Bulky, None)
        },
    );
    assert_eq!(n.state.observations[&lift].commissioner, "archipel");
    assert_eq!(
        n.state.observations[&lift].entrance.as_deref(),
        Some("Hall B")
    );
    assert_eq!(n.state.observations[&street].commissioner, "ville");
    assert_eq!(
        n.state.observations[&lift].status(),
        WatchStatus::ToTransmit
    );

    // Answered before it went out: refused.
    let ack = |o| WatchCommand::Acknowledge {
        observation: o,
        answer: Some("Gardien, M. Le Goff : technicien prévenu".into()),
    };
    assert_eq!(
        refused(&mut n, ack(lift)),
        WatchRefusal::NotTransmitted { id: lift }
    );
    n.later(60);
    let envs = watch(
        &mut n,
        WatchCommand::Transmit {
            observations: vec![lift, street, lift],
            channel: Channel::NightReport,
        },
    )
    .expect("transmit");
    assert_eq!(
        events(&envs),
        vec![Event::ObservationTransmitted {
            observations: vec![lift, street],
            channel: Channel::NightReport,
        }]
    );
    // A second report sends nothing new.
    let again = WatchCommand::Transmit {
        observations: vec![lift],
        channel: Channel::Export,
    };
    assert_eq!(refused(&mut n, again), WatchRefusal::NothingToTransmit);

    let envs = watch(&mut n, ack(lift)).expect("acknowledged");
    let Event::ObservationAcknowledged {
        answer: Some(p), ..
    } = envs[0].event
    else {
        panic!("an answer record")
    };
    assert!(
        n.record(p)
            .text
            .as_deref()
            .is_some_and(|t| t.contains("Le Goff"))
    );
    n.assert_journal_never_mentions(&["Le Goff"]);
    assert_eq!(
        refused(&mut n, ack(lift)),
        WatchRefusal::AlreadyAcknowledged { id: lift }
    );
    assert_eq!(
        n.state.observations[&lift].status(),
        WatchStatus::Acknowledged
    );

    let settle = |o, ending| WatchCommand::Settle {
        observation: o,
        ending,
    };
    watch(&mut n, settle(lift, WatchEnding::Resolved)).expect("resolved");
    watch(&mut n, settle(street, WatchEnding::NoFollowUp)).expect("no follow-up");
    assert_eq!(n.state.observations[&lift].status(), WatchStatus::Resolved);
    assert_eq!(
        refused(&mut n, settle(lift, WatchEnding::NoFollowUp)),
        WatchRefusal::ObservationSettled { id: lift }
    );
    assert_replays(&n);
}

#[test]
fn an_observation_place_must_hold_together() {
    let mut n = NightFixture::with_teams();
    let wrong_hall = NewObservation {
        entrance: Some("Hall Z".into()),
        ..seen(ObservationKind::Door, Some("mau-gros-chene-1"))
    };
    assert!(matches!(
        n.refuses(Command::RecordObservation(wrong_hall)),
        Refusal::Watch(WatchRefusal::UnknownEntrance { .. })
    ));
    let loose_address = NewObservation {
        address: Some("12 rue de Fougères".into()),
        site: Some("mau-gros-chene-1".into()),
        ..seen(ObservationKind::Squat, None)
    };
    assert_eq!(
        n.refuses(Command::RecordObservation(loose_address)),
        Refusal::Watch(WatchRefusal::AddressWithoutDistrict)
    );
    let no_request = NewObservation {
        request: Some(RequestId(99)),
        ..seen(ObservationKind::Gathering, Some("mau-gros-chene-1"))
    };
    assert_eq!(
        n.refuses(Command::RecordObservation(no_request)),
        Refusal::UnknownRequest
    );
    let unknown = WatchCommand::Settle {
        observation: ObservationId(7),
        ending: WatchEnding::Resolved,
    };
    assert_eq!(
        refused(&mut n, unknown),
        WatchRefusal::UnknownObservation {
            id: ObservationId(7)
        }
    );
}

#[test]
fn an_observation_linked_to_a_request_keeps_the_link_and_leaves_the_state_once_settled() {
    let mut n = NightFixture::with_teams();
    let r = n.receive("vil-kennedy-3").expect("call");
    let o = observe(
        &mut n,
        NewObservation {
            request: Some(r),
            ..seen(ObservationKind::HallOccupation, Some("vil-kennedy-3"))
        },
    );
    assert_eq!(n.state.observations[&o].request, Some(r));
    assert_eq!(n.state.observations[&o].commissioner, "espacil");
    n.run(Command::Cancel { request: r }).expect("cancel");
    watch(
        &mut n,
        WatchCommand::Settle {
            observation: o,
            ending: WatchEnding::NoFollowUp,
        },
    )
    .expect("settled");
    n.close().expect("close");
    n.set_clock("2026-12-01T21:00:00+01:00");
    n.open("nadia-b").expect("next night");
    assert!(n.state.observations.is_empty(), "settled ones leave");
    assert_eq!(n.state.counters.observation, 2, "ids go on (from 1)");
}

#[test]
fn a_relay_is_followed_from_the_call_to_its_arrival() {
    let mut n = NightFixture::with_teams();
    n.receive("mau-gros-chene-1").expect("call");
    let r = n.id(1);
    let follow = |step| WatchCommand::FollowRelay {
        request: r,
        partner: "police-17".into(),
        step,
    };
    assert_eq!(
        refused(&mut n, follow(RelayStep::Arrived)),
        WatchRefusal::RelayNotEngaged {
            request: 1,
            partner: "Police secours".into()
        }
    );
    watch(&mut n, follow(RelayStep::Called)).expect("called");
    assert_eq!(
        refused(&mut n, follow(RelayStep::Called)),
        WatchRefusal::RelayEngaged {
            request: 1,
            partner: "Police secours".into()
        }
    );
    n.later(4);
    watch(&mut n, follow(RelayStep::NoAnswer)).expect("no answer");
    n.later(3);
    watch(&mut n, follow(RelayStep::Answered)).expect("answered");
    n.later(12);
    watch(&mut n, follow(RelayStep::Arrived)).expect("arrived");
    assert_eq!(
        refused(&mut n, follow(RelayStep::Answered)),
        WatchRefusal::RelayArrived {
            request: 1,
            partner: "Police secours".into()
        }
    );
    let steps: Vec<RelayStep> = n.state.relay_steps.iter().map(|s| s.step).collect();
    assert_eq!(
        steps,
        [
            RelayStep::Called,
            RelayStep::NoAnswer,
            RelayStep::Answered,
            RelayStep::Arrived
        ]
    );
    let unknown = WatchCommand::FollowRelay {
        request: r,
        partner: "nobody".into(),
        step: RelayStep::Called,
    };
    assert!(matches!(
        n.refuses(Command::Watch(unknown)),
        Refusal::UnknownPartner { .. }
    ));
    assert_replays(&n);
}

#[test]
fn a_relay_named_at_the_clearance_is_engaged_and_can_be_followed() {
    let mut n = NightFixture::with_teams();
    n.receive("mau-gros-chene-1").expect("call");
    n.dispatch("E1", 1).expect("dispatch");
    n.arrive("E1").expect("arrive");
    n.clear(Clearance {
        relays: vec!["astreinte-archipel".into()],
        ..clearance("E1", ResponseLevel::Relay, Outcome::Relayed)
    })
    .expect("clear");
    let r = n.id(1);
    watch(
        &mut n,
        WatchCommand::FollowRelay {
            request: r,
            partner: "astreinte-archipel".into(),
            step: RelayStep::Answered,
        },
    )
    .expect("a relay of the clearance is engaged");
}

fn add(
    n: &mut NightFixture,
    place: PlanPlace,
    from: &str,
    to: &str,
) -> Result<Vec<Envelope>, Refusal> {
    n.run(Command::Plan(PlanCommand::Add(NewPlanItem {
        kind: PlanKind::TargetedPoint,
        place,
        window: Window {
            from: time(from),
            to: time(to),
        },
        origin: PlanOrigin::Order("neotoa".into()),
    })))
}

#[test]
fn the_standing_plan_of_the_weekday_comes_once_and_points_are_passed_by_teams_there() {
    let mut n = NightFixture::with_teams();
    let envs = n
        .run(Command::Plan(PlanCommand::AdoptStanding))
        .expect("standing plan");
    // Monday in plan.toml: two targeted points and one early visit.
    assert_eq!(envs.len(), 3);
    assert!(
        n.state
            .plan
            .values()
            .all(|i| i.origin == PlanOrigin::Standing)
    );
    assert_eq!(
        n.refuses(Command::Plan(PlanCommand::AdoptStanding)),
        Refusal::Watch(WatchRefusal::PlanAdopted)
    );
    add(
        &mut n,
        PlanPlace::District("brequigny".into()),
        "23:30",
        "01:00",
    )
    .expect("order");
    let order = PlanItemId(4);
    assert_eq!(n.state.plan[&order].window.to, time("01:00"));

    // E1 is at base: not at the point.
    let pass = |item, team: &str| {
        Command::Plan(PlanCommand::Pass {
            item,
            team: team.into(),
        })
    };
    assert_eq!(
        n.refuses(pass(order, "E1")),
        Refusal::Watch(WatchRefusal::TeamNotAtPoint { team: "E1".into() })
    );
    n.run(Command::SetTeamStatus {
        team: "E1".into(),
        status: TeamStatus::ActivePresence,
        position: Some(Position::Site("bre-parc-2".into())),
    })
    .expect("presence");
    n.run(pass(order, "E1"))
        .expect("a site of the district counts");
    assert!(n.state.plan[&order].done());
    assert_eq!(
        crate::domain::plan::PlanTally::of(n.state.plan.values()),
        crate::domain::plan::PlanTally {
            planned: 4,
            done: 1,
            early_planned: 1,
            early_done: 0
        }
    );
    n.run(Command::Plan(PlanCommand::Drop {
        item: PlanItemId(1),
    }))
    .expect("dropped");
    assert_eq!(
        n.refuses(pass(PlanItemId(1), "E1")),
        Refusal::Watch(WatchRefusal::UnknownPlanItem { id: PlanItemId(1) })
    );
    assert_replays(&n);
}

#[test]
fn a_plan_item_needs_a_known_place_a_window_and_a_known_commissioner() {
    let mut n = NightFixture::with_teams();
    assert_eq!(
        add(&mut n, PlanPlace::Site("nowhere".into()), "21:00", "22:00").unwrap_err(),
        Refusal::UnknownSite {
            id: "nowhere".into()
        }
    );
    assert_eq!(
        add(
            &mut n,
            PlanPlace::Site("vil-kennedy-1".into()),
            "23:00",
            "22:00"
        )
        .unwrap_err(),
        Refusal::Watch(WatchRefusal::EmptyWindow)
    );
    let unknown_order = Command::Plan(PlanCommand::Add(NewPlanItem {
        kind: PlanKind::TargetedPoint,
        place: PlanPlace::Site("vil-kennedy-1".into()),
        window: Window {
            from: time("21:00"),
            to: time("22:00"),
        },
        origin: PlanOrigin::Order("someone".into()),
    }));
    assert_eq!(
        n.refuses(unknown_order),
        Refusal::Watch(WatchRefusal::UnknownCommissioner {
            id: "someone".into()
        })
    );
    assert_eq!(n.journal_len(), 3, "open and two teams only");
}

#[test]
fn the_plan_leaves_with_the_night_and_needs_one_open() {
    let mut n = NightFixture::at(MONDAY_2105);
    assert_eq!(
        n.refuses(Command::Plan(PlanCommand::AdoptStanding)),
        Refusal::NoNightOpen
    );
    n.open("nadia-b").expect("open");
    n.run(Command::Plan(PlanCommand::AdoptStanding))
        .expect("plan");
    n.close().expect("close");
    assert_eq!(
        n.state.plan.len(),
        3,
        "the closed night's plan stays for its handover"
    );
    n.set_clock("2026-12-01T21:00:00+01:00");
    n.open("nadia-b").expect("Tuesday");
    assert!(n.state.plan.is_empty());
    n.run(Command::Plan(PlanCommand::AdoptStanding))
        .expect("Tuesday's plan");
    assert!(n.state.plan.keys().all(|k| k.0 >= 4), "ids go on");
}

#[test]
fn every_watch_refusal_reads_in_both_languages() {
    use WatchRefusal::*;
    let all = [
        UnknownObservation {
            id: ObservationId(1),
        },
        ObservationSettled {
            id: ObservationId(1),
        },
        NotTransmitted {
            id: ObservationId(1),
        },
        AlreadyAcknowledged {
            id: ObservationId(1),
        },
        NothingToTransmit,
        UnknownEntrance {
            site: "x".into(),
            entrance: "Hall Z".into(),
        },
        AddressWithoutDistrict,
        RelayNotEngaged {
            request: 2,
            partner: "Police secours".into(),
        },
        RelayEngaged {
            request: 2,
            partner: "Police secours".into(),
        },
        RelayArrived {
            request: 2,
            partner: "Police secours".into(),
        },
        UnknownPlanItem { id: PlanItemId(4) },
        UnknownCommissioner { id: "x".into() },
        PlanAdopted,
        EmptyWindow,
        TeamNotAtPoint { team: "E1".into() },
    ];
    for r in all {
        let fr = words(&Refusal::Watch(r.clone()), Lang::Fr);
        let en = words(&Refusal::Watch(r.clone()), Lang::En);
        assert!(
            !fr.is_empty() && !en.is_empty() && fr != en,
            "{r:?}: {fr} / {en}"
        );
    }
}

#[test]
fn the_import_checks_take_a_nights_watch_and_refuse_steps_out_of_order() {
    use crate::domain::validate::Invalid;
    use crate::domain::validate_watch::check;
    let mut n = NightFixture::with_teams();
    let lift = observe(
        &mut n,
        seen(ObservationKind::Lift, Some("mau-gros-chene-1")),
    );
    n.later(60);
    let transmit = WatchCommand::Transmit {
        observations: vec![lift],
        channel: Channel::Direct,
    };
    watch(&mut n, transmit).expect("transmit");
    let ack = Event::ObservationAcknowledged {
        observation: lift,
        answer: None,
    };
    let envs = add(
        &mut n,
        PlanPlace::District("maurepas".into()),
        "21:30",
        "22:30",
    );
    let item = match &envs.expect("plan item")[0].event {
        Event::PlanItemAdded { item, .. } => *item,
        other => panic!("expected a plan item, got {other:?}"),
    };
    let mut replayed = State::default();
    for env in &n.journal {
        assert_eq!(
            check(&replayed, &n.territory, &env.event),
            Ok(()),
            "{env:?}"
        );
        replayed.apply(env);
    }
    let recorded = n
        .journal
        .iter()
        .find(|e| matches!(e.event, Event::ObservationRecorded { .. }))
        .expect("recorded")
        .event
        .clone();
    let t = &n.territory;
    let out_of_step = |r: Result<(), Invalid>| matches!(r, Err(Invalid::OutOfStep { .. }));
    assert!(matches!(
        check(&n.state, t, &recorded),
        Err(Invalid::Duplicate { .. })
    ));
    assert_eq!(
        check(&n.state, t, &ack),
        Ok(()),
        "went out: may be answered"
    );
    let mut answered = n.state.clone();
    answered.apply(&Envelope {
        event: ack.clone(),
        ..n.journal[n.journal.len() - 1].clone()
    });
    assert!(out_of_step(check(&answered, t, &ack)), "answered once");
    let unknown = Event::ObservationTransmitted {
        observations: vec![ObservationId(99)],
        channel: Channel::Export,
    };
    assert!(matches!(
        check(&n.state, t, &unknown),
        Err(Invalid::UnknownEarlier { .. })
    ));
    let mut settled = n.state.clone();
    if let Some(o) = settled.observations.get_mut(&lift) {
        o.settled = Some((n.now, WatchEnding::Resolved));
    }
    let settle = Event::ObservationSettled {
        observation: lift,
        ending: WatchEnding::NoFollowUp,
    };
    assert!(out_of_step(check(&settled, t, &settle)), "settled once");
    let mut dropped = n.state.clone();
    if let Some(i) = dropped.plan.get_mut(&item) {
        i.dropped = true;
    }
    let pass = Event::PlanItemPassed {
        item,
        team: "E1".into(),
    };
    assert_eq!(check(&n.state, t, &pass), Ok(()));
    assert!(
        out_of_step(check(&dropped, t, &pass)),
        "not at a dropped point"
    );
    let empty = Event::PlanItemAdded {
        item: PlanItemId(item.0 + 1),
        plan_kind: PlanKind::TargetedPoint,
        place: PlanPlace::Site("mau-gros-chene-1".into()),
        window: Window {
            from: time("22:00"),
            to: time("22:00"),
        },
        origin: PlanOrigin::Order("personne".into()),
    };
    assert!(out_of_step(check(&n.state, t, &empty)), "an empty window");
}
