//! The teams' safety told as a night: check-ins with their word, a team silent too long
//! going amber, red, escalated — each step once — and heard from again; a status already
//! set writes nothing; an import checks the safety events as `decide` made them.

use super::*;
use crate::domain::ids::PersonalId;
use crate::domain::safety::{CheckInWord, MissedStep};

fn check_in(team: &str, word: CheckInWord) -> Command {
    Command::CheckIn {
        team: team.into(),
        word,
    }
}

fn missed(team: &str, step: MissedStep, minutes: u32) -> Command {
    Command::MissCheckIn {
        team: team.into(),
        step,
        minutes,
    }
}

/// E1 sent to request 1 at Kennedy, and on site since now.
fn e1_on_site() -> NightFixture {
    let mut n = NightFixture::with_teams();
    n.receive("vil-kennedy-1").expect("a call");
    n.dispatch("E1", 1).expect("E1 goes");
    n.later(6);
    n.arrive("E1").expect("E1 arrives");
    n
}

#[test]
fn ras_is_a_plain_contact_and_a_need_or_an_incident_is_reported_until_all_is_clear() {
    let mut n = e1_on_site();
    n.later(12);
    let envs = n.run(check_in("E1", CheckInWord::Ras)).unwrap();
    assert_eq!(
        events(&envs),
        vec![Event::TeamContacted { team: "E1".into() }]
    );

    n.later(5);
    let envs = n.run(check_in("E1", CheckInWord::Incident)).unwrap();
    assert_eq!(
        events(&envs),
        vec![Event::CheckInReported {
            team: "E1".into(),
            word: CheckInWord::Incident
        }]
    );
    let e1 = n.team("E1");
    assert_eq!(e1.last_contact, n.now, "a report is a contact too");
    assert_eq!(
        e1.reported.map(|r| (r.word, r.at)),
        Some((CheckInWord::Incident, n.now))
    );
    let line = crate::i18n::log::describe(&envs[0], &NoLookup(&n.territory), Lang::Fr);
    assert_eq!(line, "Équipe E1 : contact — INCIDENT signalé — alerte");

    // A need for reinforcement replaces it; « RAS » ends it.
    n.later(3);
    n.run(check_in("E1", CheckInWord::Reinforcement)).unwrap();
    assert_eq!(
        n.team("E1").reported.map(|r| r.word),
        Some(CheckInWord::Reinforcement)
    );
    n.later(3);
    n.run(check_in("E1", CheckInWord::Ras)).unwrap();
    assert_eq!(n.team("E1").reported, None);

    // The end of the intervention ends what was reported.
    n.run(check_in("E1", CheckInWord::Incident)).unwrap();
    n.clear(clearance("E1", ResponseLevel::Mediation, Outcome::Calmed))
        .unwrap();
    assert_eq!(n.team("E1").reported, None);
}

#[test]
fn a_silent_team_goes_amber_red_then_escalated_each_step_once_until_heard_from() {
    let mut n = e1_on_site();
    n.later(20);
    let envs = n.run(missed("E1", MissedStep::Amber, 20)).unwrap();
    assert_eq!(
        events(&envs),
        vec![Event::CheckInMissed {
            team: "E1".into(),
            step: MissedStep::Amber,
            minutes: 20
        }]
    );
    assert_eq!(
        n.refuses(missed("E1", MissedStep::Amber, 20)),
        Refusal::CheckInStepRecorded {
            team: "E1".into(),
            step: MissedStep::Amber
        },
        "two desks seeing the same threshold write it once"
    );
    n.later(20);
    n.run(missed("E1", MissedStep::Red, 40)).unwrap();
    n.later(20);
    let envs = n.run(missed("E1", MissedStep::Escalated, 60)).unwrap();
    assert_eq!(n.team("E1").missed, Some(MissedStep::Escalated));
    let line = crate::i18n::log::describe(&envs[0], &NoLookup(&n.territory), Lang::Fr);
    assert_eq!(line, "Équipe E1 : sans contact depuis 60′ — ESCALADE");
    assert_eq!(
        n.refuses(missed("E1", MissedStep::Red, 60)),
        Refusal::CheckInStepRecorded {
            team: "E1".into(),
            step: MissedStep::Red
        },
        "no step back"
    );

    // Heard from: the escalation is over, and the count starts again.
    n.run(check_in("E1", CheckInWord::Ras)).unwrap();
    assert_eq!(n.team("E1").missed, None);
    n.later(21);
    n.run(missed("E1", MissedStep::Amber, 21)).unwrap();
    assert_eq!(n.team("E1").missed, Some(MissedStep::Amber));
}

#[test]
fn a_missed_check_in_needs_a_team_out_in_the_field_and_silent_that_long() {
    let mut n = NightFixture::with_teams();
    n.later(30);
    assert_eq!(
        n.refuses(missed("E1", MissedStep::Amber, 30)),
        Refusal::TeamNotOut { team: "E1".into() },
        "a team available at base is not expected to call in"
    );
    n.run(Command::SetTeamStatus {
        team: "E1".into(),
        status: TeamStatus::ActivePresence,
        position: Some(Position::District("villejean".into())),
    })
    .unwrap();
    n.later(10);
    assert_eq!(
        n.refuses(missed("E1", MissedStep::Amber, 30)),
        Refusal::TeamHeardSince {
            team: "E1".into(),
            minutes: 10
        }
    );
    n.later(20);
    n.run(missed("E1", MissedStep::Amber, 30)).unwrap();
    assert_eq!(
        n.refuses(missed("E9", MissedStep::Amber, 30)),
        Refusal::UnknownTeam { team: "E9".into() }
    );
    n.set_status("E2", TeamStatus::OffDuty).unwrap();
    assert_eq!(
        n.refuses(check_in("E2", CheckInWord::Incident)),
        Refusal::TeamOffDuty { team: "E2".into() }
    );
}

#[test]
fn a_status_the_team_already_has_writes_nothing_but_a_new_place_for_its_presence_does() {
    let mut n = NightFixture::with_teams();
    assert_eq!(
        n.refuses(Command::SetTeamStatus {
            team: "E1".into(),
            status: TeamStatus::Available,
            position: None,
        }),
        Refusal::AlreadyInStatus {
            team: "E1".into(),
            status: TeamStatus::Available
        }
    );
    let presence = |district: &str| Command::SetTeamStatus {
        team: "E1".into(),
        status: TeamStatus::ActivePresence,
        position: Some(Position::District(district.into())),
    };
    n.run(presence("villejean")).unwrap();
    n.run(presence("maurepas")).unwrap();
    assert!(matches!(
        n.refuses(presence("maurepas")),
        Refusal::AlreadyInStatus { .. }
    ));
}

#[test]
fn a_team_too_small_is_named_and_the_safety_night_replays_to_the_same_state() {
    let mut n = e1_on_site();
    assert_eq!(
        n.refuses(compose_cmd("E3", &["ines-h"])),
        Refusal::TeamSize {
            team: "E3".into(),
            count: 1
        }
    );
    n.later(25);
    n.run(missed("E1", MissedStep::Amber, 25)).unwrap();
    n.run(check_in("E1", CheckInWord::Reinforcement)).unwrap();
    let mut replayed = State::default();
    for env in &n.journal {
        replayed.apply(env);
    }
    assert_eq!(replayed, n.state);
}

/// The log words need names only from the territory here.
struct NoLookup<'a>(&'a Territory);

impl crate::i18n::log::Lookup for NoLookup<'_> {
    fn territory(&self) -> &Territory {
        self.0
    }
    fn request_number(&self, _: RequestId) -> Option<u32> {
        None
    }
    fn personal(&self, _: PersonalId) -> Option<PersonalRecord> {
        None
    }
}

#[test]
fn an_import_checks_the_safety_events_against_the_state_before_them() {
    use crate::domain::validate::{Invalid, check_event};
    let mut n = e1_on_site();
    n.later(25);
    let before = n.state.clone();
    let envs = n.run(missed("E1", MissedStep::Amber, 25)).unwrap();
    let ok = |env: &Envelope| check_event(&before, &n.territory, env, None);
    assert_eq!(ok(&envs[0]), Ok(()));
    let out_of_order = Err(Invalid::OutOfOrder {
        what: "check_in_missed",
        id: "E1".into(),
    });
    let mut longer = envs[0].clone();
    longer.event = Event::CheckInMissed {
        team: "E1".into(),
        step: MissedStep::Amber,
        minutes: 26,
    };
    assert_eq!(ok(&longer), out_of_order, "longer than the silence");
    // Amber again, after amber: the state after it already holds the step.
    let again = check_event(&n.state, &n.territory, &envs[0], None);
    assert_eq!(again, out_of_order, "a step recorded twice");
    let mut unknown = envs[0].clone();
    unknown.event = Event::CheckInReported {
        team: "E9".into(),
        word: CheckInWord::Incident,
    };
    assert!(matches!(ok(&unknown), Err(Invalid::UnknownEarlier { .. })));
    let mut ras = envs[0].clone();
    ras.event = Event::CheckInReported {
        team: "E1".into(),
        word: CheckInWord::Ras,
    };
    assert_eq!(
        ok(&ras),
        Err(Invalid::OutOfOrder {
            what: "check_in_reported",
            id: "E1".into()
        })
    );
    let mut at_base = envs[0].clone();
    at_base.event = Event::CheckInMissed {
        team: "E2".into(),
        step: MissedStep::Amber,
        minutes: 25,
    };
    let at_base = ok(&at_base);
    let not_out = Err(Invalid::OutOfOrder {
        what: "check_in_missed",
        id: "E2".into(),
    });
    assert_eq!(at_base, not_out, "a team at base is not watched");
}
