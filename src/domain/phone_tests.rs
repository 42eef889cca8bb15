//! Requests seen and ended from the desk: settled by phone, callbacks, reinforcements,
//! entrances, and numbers that stay unique when requests are carried into a night.

use super::*;
use crate::domain::facts::{Ending, Facts, NightFacts, OpenCases};
use std::collections::BTreeMap;

fn settle_cmd(request: RequestId, outcome: PhoneOutcome, partner: Option<&str>) -> Command {
    Command::SettleByPhone {
        request,
        outcome,
        partner: partner.map(str::to_string),
        note: None,
    }
}

#[test]
fn a_call_settled_by_phone_ends_settled_not_cancelled_and_keeps_the_partner() {
    let mut n = NightFixture::with_teams();
    let info = n.receive("mau-gros-chene-1").expect("call");
    let oriented = n.receive("vil-harpe-1").expect("call");
    n.run(settle_cmd(info, PhoneOutcome::Information, None))
        .expect("information given");
    n.run(Command::SettleByPhone {
        request: oriented,
        outcome: PhoneOutcome::Oriented,
        partner: Some("cdas-maurepas".into()),
        note: Some("Orientée vers la permanence du mardi".into()),
    })
    .map_err(|e| words(&e, Lang::Fr))
    .expect("oriented");
    let r = &n.state.requests[&info];
    assert_eq!(r.status, RequestStatus::Settled);
    assert!(r.status.is_terminal());
    let o = &n.state.requests[&oriented];
    assert_eq!(
        o.settled.as_ref().and_then(|s| s.partner.as_deref()),
        Some("cdas-maurepas")
    );
    // The note is personal data: a record, never in the journal.
    n.assert_journal_never_mentions(&["permanence du mardi"]);
    assert_eq!(n.personal.len(), 1);
}

#[test]
fn settling_by_phone_is_refused_without_partner_with_a_team_on_it_or_when_closed() {
    let mut n = NightFixture::with_teams();
    let r = n.receive("mau-gros-chene-1").expect("call");
    assert_eq!(
        n.refuses(settle_cmd(r, PhoneOutcome::Oriented, None)),
        Refusal::ReferralMissing
    );
    assert!(matches!(
        n.refuses(settle_cmd(r, PhoneOutcome::Oriented, Some("nobody"))),
        Refusal::UnknownPartner { .. }
    ));
    n.dispatch("E1", 1).expect("dispatch");
    assert!(matches!(
        n.refuses(settle_cmd(r, PhoneOutcome::Information, None)),
        Refusal::RequestHasTeam { .. }
    ));
    n.recall("E1").expect("recall");
    n.run(settle_cmd(r, PhoneOutcome::Information, None))
        .expect("settled");
    assert_eq!(
        n.refuses(settle_cmd(r, PhoneOutcome::Information, None)),
        Refusal::RequestClosed { request: 1 }
    );
}

#[test]
fn a_callback_is_asked_for_made_with_who_and_when_and_a_no_answer_leaves_it_to_do() {
    let mut n = NightFixture::with_teams();
    let r = n.receive("mau-gros-chene-1").expect("call");
    let due = n.now + Duration::minutes(30);
    n.run(Command::ScheduleCallback { request: r, due })
        .expect("scheduled");
    assert_eq!(
        n.state.requests[&r].pending_callback().map(|c| c.due),
        Some(due)
    );
    n.later(31);
    n.run(Command::RecordCallback {
        request: r,
        outcome: CallbackOutcome::NoAnswer,
    })
    .expect("no answer");
    assert!(n.state.requests[&r].pending_callback().is_some());
    n.later(10);
    n.run(Command::RecordCallback {
        request: r,
        outcome: CallbackOutcome::Reached,
    })
    .expect("reached");
    let req = &n.state.requests[&r];
    assert!(req.pending_callback().is_none());
    let last = req.callbacks[0].attempts.last().expect("an attempt");
    assert_eq!(last.by.as_deref(), Some("nadia-b"));
    assert_eq!(last.at, n.now);
    assert_eq!(
        n.refuses(Command::RecordCallback {
            request: r,
            outcome: CallbackOutcome::Reached,
        }),
        Refusal::NoCallbackDue { request: 1 }
    );
    let past = n.now - Duration::minutes(30);
    assert_eq!(
        n.refuses(Command::ScheduleCallback {
            request: r,
            due: past
        }),
        Refusal::CallbackInPast
    );
}

#[test]
fn a_closed_request_with_a_callback_to_make_stays_for_the_next_night() {
    let mut n = NightFixture::with_teams();
    let r = n.receive("mau-gros-chene-1").expect("call");
    let kept = n.receive("vil-harpe-1").expect("call");
    for id in [r, kept] {
        n.run(settle_cmd(id, PhoneOutcome::Information, None))
            .expect("settled");
    }
    let due = n.now + Duration::minutes(20);
    n.run(Command::ScheduleCallback { request: kept, due })
        .expect("scheduled");
    n.close().expect("closed");
    n.set_clock("2026-12-01T21:02:00+01:00");
    n.open("nadia-b").expect("next night");
    assert!(!n.state.requests.contains_key(&r), "finished: evicted");
    assert!(n.state.requests.contains_key(&kept), "a callback to make");
    n.run(Command::RecordCallback {
        request: kept,
        outcome: CallbackOutcome::MessageLeft,
    })
    .expect("called back the next night");
}

#[test]
fn a_reinforcement_joins_a_request_under_way_and_the_request_ends_with_its_last_team() {
    let mut n = NightFixture::with_teams();
    let r = n.receive("mau-gros-chene-1").expect("call");
    assert_eq!(
        n.refuses(Command::Reinforce {
            request: r,
            team: "E2".into()
        }),
        Refusal::NothingToReinforce { request: 1 }
    );
    n.dispatch("E1", 1).expect("dispatch");
    n.later(5);
    n.arrive("E1").expect("arrive");
    n.run(Command::Reinforce {
        request: r,
        team: "E2".into(),
    })
    .expect("reinforcement");
    let req = &n.state.requests[&r];
    assert_eq!(req.teams_on(), vec!["E1", "E2"]);
    assert_eq!(req.status, RequestStatus::OnSite, "the first team is there");
    assert_eq!(req.team.as_deref(), Some("E1"));
    assert_eq!(n.state.teams["E2"].status(), TeamStatus::EnRoute);
    // The same team twice is refused as busy.
    assert!(matches!(
        n.refuses(Command::Reinforce {
            request: r,
            team: "E2".into()
        }),
        Refusal::TeamBusy { .. }
    ));

    // The first team clears: the reinforcement still holds the request, en route.
    n.later(10);
    n.clear(clearance("E1", ResponseLevel::Mediation, Outcome::Calmed))
        .expect("E1 clears");
    let req = &n.state.requests[&r];
    assert_eq!(req.status, RequestStatus::EnRoute);
    assert_eq!(req.team.as_deref(), Some("E2"));
    assert_eq!(n.state.teams["E1"].status(), TeamStatus::Available);

    n.arrive("E2").expect("E2 arrives");
    n.clear(clearance("E2", ResponseLevel::Mediation, Outcome::Calmed))
        .expect("E2 clears");
    let req = &n.state.requests[&r];
    assert_eq!(req.status, RequestStatus::Cleared);
    assert_eq!(req.team, None);
    assert!(req.teams_on().is_empty());
    assert_eq!(req.interventions.len(), 2);
}

#[test]
fn recalling_the_first_team_leaves_the_reinforcement_in_charge() {
    let mut n = NightFixture::with_teams();
    let r = n.receive("mau-gros-chene-1").expect("call");
    n.dispatch("E1", 1).expect("dispatch");
    n.run(Command::Reinforce {
        request: r,
        team: "E2".into(),
    })
    .expect("reinforcement");
    n.arrive("E2").expect("E2 first there");
    n.recall("E1").expect("recall E1");
    let req = &n.state.requests[&r];
    assert_eq!(req.team.as_deref(), Some("E2"));
    assert_eq!(req.status, RequestStatus::OnSite);
    n.recall("E2").expect("recall E2");
    let req = &n.state.requests[&r];
    assert_eq!(req.status, RequestStatus::Received, "waits again");
    assert_eq!(req.team, None);
}

/// Facts in memory, to see what the period reports would count.
#[derive(Default)]
pub(super) struct MemFacts(pub(super) BTreeMap<ServiceNight, NightFacts>);

impl Facts for MemFacts {
    type Error = ();
    fn facts(&mut self, night: ServiceNight) -> Result<NightFacts, ()> {
        Ok(self.0.get(&night).cloned().unwrap_or_default())
    }
    fn put_facts(&mut self, night: ServiceNight, facts: NightFacts) -> Result<(), ()> {
        self.0.insert(night, facts);
        Ok(())
    }
    fn put_open_cases(&mut self, _: ServiceNight, _: OpenCases) -> Result<(), ()> {
        Ok(())
    }
}

#[test]
fn the_facts_count_a_phone_settlement_as_settled_and_a_reinforced_request_once_ended() {
    let mut n = NightFixture::with_teams();
    let phone = n.receive("mau-gros-chene-1").expect("call");
    let visit = n.receive("vil-harpe-1").expect("call");
    n.run(settle_cmd(phone, PhoneOutcome::Information, None))
        .expect("settled");
    n.dispatch("E1", 2).expect("dispatch");
    n.run(Command::Reinforce {
        request: visit,
        team: "E2".into(),
    })
    .expect("reinforce");
    n.arrive("E1").expect("arrive");
    n.clear(clearance("E1", ResponseLevel::Mediation, Outcome::Calmed))
        .expect("E1 clears");
    // Replay into facts after each envelope, as the store does at commit.
    let mut replayed = State::default();
    let mut facts = MemFacts::default();
    let project = |st: &mut State, f: &mut MemFacts, envs: &[Envelope]| {
        for env in envs {
            st.apply(env);
            crate::domain::facts::project(f, st, env).expect("facts");
        }
    };
    project(&mut replayed, &mut facts, &n.journal);
    let tonight = night("2026-11-30");
    let ended = |f: &MemFacts, id: RequestId| {
        f.0[&tonight]
            .requests
            .iter()
            .find(|r| r.id == id)
            .and_then(|r| r.ended)
    };
    assert_eq!(ended(&facts, phone), Some((tonight, Ending::Settled)));
    assert_eq!(ended(&facts, visit), None, "E2 is still on it");
    let before = n.journal.len();
    n.arrive("E2").expect("arrive");
    n.clear(clearance("E2", ResponseLevel::Mediation, Outcome::Calmed))
        .expect("E2 clears");
    let rest = n.journal[before..].to_vec();
    project(&mut replayed, &mut facts, &rest);
    assert_eq!(ended(&facts, visit), Some((tonight, Ending::Cleared)));
    assert_eq!(facts.0[&tonight].interventions.len(), 2);
    assert_eq!(facts.0[&tonight].clearances.len(), 2);
    assert_eq!(replayed, n.state, "replay gives the live state");
}

#[test]
fn an_entrance_must_be_one_of_the_sites_and_a_correction_can_change_it() {
    let mut n = NightFixture::with_teams();
    let wrong = NewRequest {
        entrance: Some("Hall Z".into()),
        ..call("mau-gros-chene-1")
    };
    assert!(matches!(
        n.refuses(Command::ReceiveRequest(wrong)),
        Refusal::UnknownEntrance { .. }
    ));
    let r = n
        .receive_new(NewRequest {
            entrance: Some("Hall A".into()),
            ..call("mau-gros-chene-1")
        })
        .expect("with its hall");
    assert_eq!(n.state.requests[&r].entrance.as_deref(), Some("Hall A"));
    n.run(Command::CorrectRequest(Correction {
        request: r,
        source: None,
        site: None,
        category: None,
        priority: None,
        entrance: Some("Hall B".into()),
    }))
    .expect("corrected hall");
    assert_eq!(n.state.requests[&r].entrance.as_deref(), Some("Hall B"));
    // Another site: the old hall does not follow.
    n.run(Command::CorrectRequest(Correction {
        request: r,
        source: None,
        site: Some("vil-harpe-1".into()),
        category: None,
        priority: None,
        entrance: None,
    }))
    .expect("corrected site");
    assert_eq!(n.state.requests[&r].entrance, None);
}

#[test]
fn a_request_carried_into_the_next_night_keeps_a_number_no_new_request_takes() {
    let mut n = NightFixture::with_teams();
    for site in ["mau-gros-chene-1", "vil-harpe-1", "mau-gros-chene-1"] {
        n.receive(site).expect("call");
    }
    let carried = n.id(3);
    for number in [1, 2] {
        let id = n.id(number);
        n.run(Command::Cancel { request: id }).expect("closed");
    }
    n.run(Command::CarryOver { request: carried })
        .expect("carried");
    n.close().expect("closed");
    n.set_clock("2026-12-01T21:02:00+01:00");
    n.open("nadia-b").expect("next night");
    let first = n.receive("vil-harpe-1").expect("tonight's first call");
    let numbers: Vec<u32> = n.state.requests.values().map(|r| r.number).collect();
    assert_eq!(numbers, vec![3, 4]);
    assert_eq!(n.state.requests[&first].number, 4);
    assert_eq!(n.state.request_by_number(3).map(|r| r.id), Some(carried));
}
