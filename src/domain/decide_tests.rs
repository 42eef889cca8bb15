//! The rules, told as a coordinator's night: open, compose the teams, take the calls, send,
//! arrive, clear, hand over. Every command's success and every refusal a command can give.

use super::*;
use crate::domain::calendar::Hours;
use crate::domain::ids::InterventionId;
use crate::domain::personal::MAX_NAME;
use crate::domain::state::Case;
use crate::i18n::Lang;
use crate::i18n::refusal::refusal as words;
use chrono::{Duration, NaiveDate};

// ---------------------------------------------------------------------------------------------
// The fixture: a state, the Rennes territory, a clock the test moves, and what was written.
// ---------------------------------------------------------------------------------------------

/// Monday 30 November 2026, 21:05 in Rennes.
const MONDAY_2105: &str = "2026-11-30T21:05:00+01:00";

fn utc(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s)
        .map(|d| d.with_timezone(&Utc))
        .expect("test instant")
}

fn night(s: &str) -> ServiceNight {
    s.parse().expect("test date")
}

/// A resident's call about noise, P3, with no personal data.
fn call(site: &str) -> NewRequest {
    NewRequest {
        address: None,
        entrance: None,
        source: Source::Resident,
        site: site.into(),
        category: Category::Noise,
        priority: Priority::P3,
        caller_name: None,
        callback: None,
        description: None,
    }
}

/// A clearance without relay, referral, note or case.
fn clearance(team: &str, level: ResponseLevel, outcome: Outcome) -> Clearance {
    Clearance {
        team: team.into(),
        level,
        outcome,
        relays: Vec::new(),
        referrals: Vec::new(),
        note: None,
        case: CaseLink::None,
    }
}

fn events(envs: &[Envelope]) -> Vec<Event> {
    envs.iter().map(|e| e.event.clone()).collect()
}

struct NightFixture {
    territory: Territory,
    state: State,
    now: DateTime<Utc>,
    journal: Vec<Envelope>,
    personal: Vec<PersonalRecord>,
}

impl NightFixture {
    /// Nothing open yet; the clock reads `local`.
    fn at(local: &str) -> NightFixture {
        NightFixture {
            territory: crate::territory::rennes().expect("the Rennes territory loads"),
            state: State::default(),
            now: utc(local),
            journal: Vec::new(),
            personal: Vec::new(),
        }
    }

    /// The night opened by Nadia at `local`.
    fn opened_at(local: &str) -> NightFixture {
        let mut n = NightFixture::at(local);
        n.open("nadia-b").expect("the night opens");
        n
    }

    /// Monday's night, opened at 21:05, with E1 (Samir, Gwenaëlle) and E2 (Thomas, Aïcha).
    fn with_teams() -> NightFixture {
        let mut n = NightFixture::opened_at(MONDAY_2105);
        n.compose("E1", &["samir-k", "gwenaelle-p"]).expect("E1");
        n.compose("E2", &["thomas-r", "aicha-d"]).expect("E2");
        n.later(5);
        n
    }

    fn set_clock(&mut self, local: &str) {
        self.now = utc(local);
    }

    fn later(&mut self, minutes: i64) {
        self.now += Duration::minutes(minutes);
    }

    /// Executes a command at the fixture's clock, keeping the envelopes and records.
    fn run(&mut self, cmd: Command) -> Result<Vec<Envelope>, Refusal> {
        let (envs, personal) = execute(&mut self.state, &self.territory, &cmd, self.now)?;
        self.journal.extend(envs.iter().cloned());
        self.personal.extend(personal);
        Ok(envs)
    }

    /// Runs a command that must be refused; checks that nothing changed and nothing was written.
    fn refuses(&mut self, cmd: Command) -> Refusal {
        let before = self.state.clone();
        let (journal, personal) = (self.journal.len(), self.personal.len());
        let decided = decide(&self.state, &self.territory, &cmd, self.now);
        let err = match self.run(cmd.clone()) {
            Ok(envs) => panic!("{cmd:?} should be refused, it wrote {envs:?}"),
            Err(e) => e,
        };
        assert_eq!(decided, Err(err.clone()), "decide and execute agree");
        assert_eq!(self.state, before, "a refused command changes nothing");
        assert_eq!(
            self.journal.len(),
            journal,
            "a refused command writes no event"
        );
        assert_eq!(self.personal.len(), personal, "nor any personal record");
        err
    }

    fn journal_len(&self) -> usize {
        self.journal.len()
    }

    /// The whole journal as the store would write it.
    fn journal_json(&self) -> String {
        serde_json::to_string(&self.journal).expect("events serialise")
    }

    fn assert_journal_never_mentions(&self, needles: &[&str]) {
        let json = self.journal_json();
        for needle in needles {
            assert!(
                !json.contains(needle),
                "personal text {needle:?} leaked into the journal: {json}"
            );
        }
    }

    // --- the coordinator's gestures -----------------------------------------------------------

    fn open(&mut self, coordinator: &str) -> Result<Vec<Envelope>, Refusal> {
        self.run(Command::OpenNight {
            coordinator: coordinator.into(),
        })
    }

    fn close(&mut self) -> Result<Vec<Envelope>, Refusal> {
        self.run(Command::CloseNight)
    }

    fn compose(&mut self, team: &str, members: &[&str]) -> Result<Vec<Envelope>, Refusal> {
        self.run(compose_cmd(team, members))
    }

    fn set_status(&mut self, team: &str, status: TeamStatus) -> Result<Vec<Envelope>, Refusal> {
        self.run(Command::SetTeamStatus {
            team: team.into(),
            status,
            position: None,
        })
    }

    /// Takes a call; returns the new request's id.
    fn receive(&mut self, site: &str) -> Result<RequestId, Refusal> {
        self.receive_new(call(site))
    }

    fn receive_new(&mut self, new: NewRequest) -> Result<RequestId, Refusal> {
        let envs = self.run(Command::ReceiveRequest(new))?;
        match envs.first().map(|e| &e.event) {
            Some(Event::RequestReceived { request, .. }) => Ok(*request),
            other => panic!("expected a received request, got {other:?}"),
        }
    }

    /// The id of request `number` of the night (or an open one carried over).
    fn id(&self, number: u32) -> RequestId {
        self.state
            .request_by_number(number)
            .unwrap_or_else(|| panic!("no request {number}"))
            .id
    }

    fn dispatch(&mut self, team: &str, number: u32) -> Result<Vec<Envelope>, Refusal> {
        let request = self.id(number);
        self.run(Command::Dispatch {
            request,
            team: team.into(),
        })
    }

    fn arrive(&mut self, team: &str) -> Result<Vec<Envelope>, Refusal> {
        self.run(Command::Arrive { team: team.into() })
    }

    fn recall(&mut self, team: &str) -> Result<Vec<Envelope>, Refusal> {
        self.run(Command::Recall { team: team.into() })
    }

    fn clear(&mut self, c: Clearance) -> Result<Vec<Envelope>, Refusal> {
        self.run(Command::Clear(c))
    }

    /// Dispatch, arrive and clear as calmed, with the given case link.
    fn settle(&mut self, team: &str, number: u32, case: CaseLink) {
        self.dispatch(team, number).expect("dispatch");
        self.later(10);
        self.arrive(team).expect("arrive");
        self.later(15);
        self.clear(Clearance {
            case,
            ..clearance(team, ResponseLevel::Mediation, Outcome::Calmed)
        })
        .expect("clear");
    }

    fn open_case(&mut self, site: &str, number: Option<u32>) -> Result<CaseId, Refusal> {
        let request = number.map(|n| self.id(n));
        let envs = self.run(Command::OpenCase {
            site: site.into(),
            category: Category::NeighbourConflict,
            request,
        })?;
        match envs.first().map(|e| &e.event) {
            Some(Event::CaseOpened { case, .. }) => Ok(*case),
            other => panic!("expected an opened case, got {other:?}"),
        }
    }

    // --- what the board shows -------------------------------------------------------------------

    fn team(&self, call_sign: &str) -> &Team {
        self.state
            .teams
            .get(call_sign)
            .unwrap_or_else(|| panic!("no team {call_sign}"))
    }

    fn request(&self, number: u32) -> &Request {
        &self.state.requests[&self.id(number)]
    }

    fn case(&self, id: CaseId) -> &Case {
        &self.state.cases[&id]
    }

    fn record(&self, id: PersonalId) -> &PersonalRecord {
        self.personal
            .iter()
            .find(|p| p.id == id)
            .unwrap_or_else(|| panic!("no personal record {id}"))
    }
}

fn compose_cmd(team: &str, members: &[&str]) -> Command {
    Command::ComposeTeam {
        team: team.into(),
        members: members.iter().map(|m| m.to_string()).collect(),
        equipment: None,
    }
}

fn statuses(team: &Team) -> Vec<TeamStatus> {
    team.history.iter().map(|c| c.status).collect()
}

// ---------------------------------------------------------------------------------------------
// The night itself
// ---------------------------------------------------------------------------------------------

#[test]
fn opening_the_night_names_it_after_the_evening_and_records_the_coordinator() {
    let mut n = NightFixture::at(MONDAY_2105);
    let envs = n.open("nadia-b").unwrap();
    assert_eq!(
        events(&envs),
        vec![Event::NightOpened {
            night: night("2026-11-30"),
            coordinator: "nadia-b".into(),
        }]
    );
    let env = &envs[0];
    assert_eq!(env.seq, 1);
    assert_eq!(env.v, SCHEMA_VERSION);
    assert_eq!(env.at, utc(MONDAY_2105));
    assert_eq!(env.night, night("2026-11-30"));
    assert_eq!(env.hours, Hours::Regular);
    assert_eq!(env.coordinator.as_deref(), Some("nadia-b"));

    let open = n.state.open_night().expect("open night");
    assert_eq!(open.night, night("2026-11-30"));
    assert_eq!(open.opened_at, utc(MONDAY_2105));
    assert_eq!(open.closed_at, None);
    assert_eq!(open.coordinator, "nadia-b");
    assert_eq!(
        open.coordinators,
        vec![(utc(MONDAY_2105), "nadia-b".to_string())]
    );
    assert_eq!(open.received, 0);
    assert_eq!(n.state.last_seq, 1);
}

#[test]
fn a_second_coordinator_takes_the_console_and_signs_what_follows() {
    let mut n = NightFixture::opened_at(MONDAY_2105);
    n.later(60);
    let envs = n
        .run(Command::ChangeCoordinator {
            coordinator: "yannick-l".into(),
        })
        .unwrap();
    assert_eq!(
        events(&envs),
        vec![Event::CoordinatorChanged {
            coordinator: "yannick-l".into()
        }]
    );
    // The change itself is signed by the one who handed over.
    assert_eq!(envs[0].coordinator.as_deref(), Some("nadia-b"));
    let open = n.state.open_night().unwrap();
    assert_eq!(open.coordinator, "yannick-l");
    assert_eq!(
        open.coordinators,
        vec![
            (utc(MONDAY_2105), "nadia-b".to_string()),
            (utc("2026-11-30T22:05:00+01:00"), "yannick-l".to_string()),
        ]
    );
    n.receive("mau-gros-chene-1").unwrap();
    assert_eq!(
        n.journal.last().unwrap().coordinator.as_deref(),
        Some("yannick-l")
    );
}

#[test]
fn closing_the_night_stamps_it_and_the_console_waits_for_the_next() {
    let mut n = NightFixture::opened_at(MONDAY_2105);
    n.set_clock("2026-12-01T02:10:00+01:00");
    let envs = n.close().unwrap();
    assert_eq!(
        events(&envs),
        vec![Event::NightClosed {
            night: night("2026-11-30")
        }]
    );
    assert_eq!(envs[0].coordinator.as_deref(), Some("nadia-b"));
    assert_eq!(envs[0].night, night("2026-11-30"));
    assert_eq!(envs[0].hours, Hours::Outside);
    let closed = n.state.night.as_ref().unwrap();
    assert_eq!(closed.closed_at, Some(utc("2026-12-01T02:10:00+01:00")));
    assert!(n.state.open_night().is_none());
}

#[test]
fn an_early_team_at_1945_is_early_and_a_call_at_0230_is_outside_hours_of_the_same_night() {
    let mut n = NightFixture::at("2026-11-30T19:45:00+01:00");
    let opened = n.open("claire-m").unwrap();
    assert_eq!(opened[0].hours, Hours::Early);
    assert_eq!(opened[0].night, night("2026-11-30"));

    n.set_clock("2026-11-30T23:10:00+01:00");
    n.receive("blo-triangle-1").unwrap();
    assert_eq!(n.journal.last().unwrap().hours, Hours::Regular);

    n.set_clock("2026-12-01T02:30:00+01:00");
    n.receive("blo-triangle-2").unwrap();
    let late = n.journal.last().unwrap();
    assert_eq!(late.hours, Hours::Outside);
    assert_eq!(late.night, night("2026-11-30"));
    assert_eq!(late.at, utc("2026-12-01T01:30:00Z"));
    assert_eq!(n.request(2).night, night("2026-11-30"));
    assert_eq!(n.request(2).number, 2);
}

#[test]
fn a_sunday_evening_is_recorded_but_outside_service_hours() {
    let mut n = NightFixture::at("2026-11-29T21:30:00+01:00");
    let envs = n.open("nadia-b").unwrap();
    assert_eq!(envs[0].night, night("2026-11-29"));
    assert_eq!(envs[0].hours, Hours::Outside);
}

// ---------------------------------------------------------------------------------------------
// Teams
// ---------------------------------------------------------------------------------------------

#[test]
fn composing_a_team_starts_it_available_at_base() {
    let mut n = NightFixture::opened_at(MONDAY_2105);
    let envs = n
        .run(Command::ComposeTeam {
            team: " E1 ".into(),
            members: vec!["samir-k".into(), "gwenaelle-p".into(), "thomas-r".into()],
            equipment: Some("  Kangoo 2, téléphone 3 ".into()),
        })
        .unwrap();
    assert_eq!(
        events(&envs),
        vec![Event::TeamComposed {
            team: "E1".into(),
            members: vec!["samir-k".into(), "gwenaelle-p".into(), "thomas-r".into()],
            equipment: Some("Kangoo 2, téléphone 3".into()),
        }]
    );
    let e1 = n.team("E1");
    assert_eq!(e1.call_sign, "E1");
    assert_eq!(e1.status(), TeamStatus::Available);
    assert_eq!(e1.status_since(), Some(utc(MONDAY_2105)));
    assert_eq!(e1.history.len(), 1);
    assert_eq!(e1.position, Position::Base);
    assert_eq!(e1.position_at, utc(MONDAY_2105));
    assert_eq!(e1.last_contact, utc(MONDAY_2105));
    assert_eq!(e1.assignment, None);
}

#[test]
fn active_presence_is_a_new_status_in_the_history_not_an_overwrite() {
    let mut n = NightFixture::with_teams();
    let envs = n
        .run(Command::SetTeamStatus {
            team: "E1".into(),
            status: TeamStatus::ActivePresence,
            position: Some(Position::District("maurepas".into())),
        })
        .unwrap();
    assert_eq!(
        events(&envs),
        vec![Event::TeamStatusChanged {
            team: "E1".into(),
            status: TeamStatus::ActivePresence,
            position: Some(Position::District("maurepas".into())),
        }]
    );
    let e1 = n.team("E1");
    assert_eq!(
        statuses(e1),
        vec![TeamStatus::Available, TeamStatus::ActivePresence]
    );
    assert_eq!(e1.history[0].at, utc(MONDAY_2105));
    assert_eq!(e1.history[1].at, n.now);
    assert_eq!(e1.position, Position::District("maurepas".into()));
    assert_eq!(e1.position_at, n.now);
    assert_eq!(e1.last_contact, n.now);

    // A break without a position keeps where the team was.
    n.later(30);
    n.set_status("E1", TeamStatus::Break).unwrap();
    let e1 = n.team("E1");
    assert_eq!(e1.status(), TeamStatus::Break);
    assert_eq!(e1.history.len(), 3);
    assert_eq!(e1.position, Position::District("maurepas".into()));
}

#[test]
fn a_position_update_moves_the_team_without_touching_its_status() {
    let mut n = NightFixture::with_teams();
    let envs = n
        .run(Command::UpdatePosition {
            team: "E2".into(),
            position: Position::Site("vil-kennedy-1".into()),
        })
        .unwrap();
    assert_eq!(
        events(&envs),
        vec![Event::TeamPositionUpdated {
            team: "E2".into(),
            position: Position::Site("vil-kennedy-1".into()),
        }]
    );
    let e2 = n.team("E2");
    assert_eq!(e2.position, Position::Site("vil-kennedy-1".into()));
    assert_eq!(e2.position_at, n.now);
    assert_eq!(e2.last_contact, n.now);
    assert_eq!(statuses(e2), vec![TeamStatus::Available]);
}

#[test]
fn a_safety_check_in_only_refreshes_the_last_contact() {
    let mut n = NightFixture::with_teams();
    n.later(40);
    let before = n.team("E1").clone();
    let envs = n.run(Command::RecordContact { team: "E1".into() }).unwrap();
    assert_eq!(
        events(&envs),
        vec![Event::TeamContacted { team: "E1".into() }]
    );
    let e1 = n.team("E1");
    assert_eq!(e1.last_contact, n.now);
    assert_eq!(e1.history, before.history);
    assert_eq!(e1.position, before.position);
    assert_eq!(e1.position_at, before.position_at);
}

#[test]
fn an_off_duty_team_frees_its_mediators_for_another_team() {
    let mut n = NightFixture::with_teams();
    n.set_status("E1", TeamStatus::OffDuty).unwrap();
    n.compose("E3", &["samir-k", "ines-h"]).unwrap();
    assert_eq!(n.team("E3").members, vec!["samir-k", "ines-h"]);
}

// ---------------------------------------------------------------------------------------------
// Requests
// ---------------------------------------------------------------------------------------------

#[test]
fn a_residents_call_is_numbered_in_the_night_and_its_personal_data_stays_out_of_the_journal() {
    let mut n = NightFixture::with_teams();
    let id = n
        .receive_new(NewRequest {
            address: None,
            entrance: None,
            source: Source::Resident,
            site: "mau-gros-chene-3".into(),
            category: Category::NeighbourConflict,
            priority: Priority::P2,
            caller_name: Some("  Mme Zélie Quimper ".into()),
            callback: Some("+33 6.39.98.12-34".into()),
            description: Some(" Cris et coups dans l'escalier B depuis une heure ".into()),
        })
        .unwrap();
    let env = n.journal.last().unwrap().clone();
    assert_eq!(
        env.event,
        Event::RequestReceived {
            district: None,
            entrance: None,
            request: RequestId(0),
            number: 1,
            source: Source::Resident,
            site: "mau-gros-chene-3".into(),
            category: Category::NeighbourConflict,
            priority: Priority::P2,
            personal: Some(PersonalId(0)),
        }
    );
    assert_eq!(id, RequestId(0));

    let r = n.request(1);
    assert_eq!(r.id, RequestId(0));
    assert_eq!(r.status, RequestStatus::Received);
    assert_eq!(r.received_at, n.now);
    assert_eq!(r.night, night("2026-11-30"));
    assert_eq!(r.personal, Some(PersonalId(0)));
    assert_eq!(r.team, None);
    assert_eq!(r.dispatched_at, None);
    assert_eq!(n.state.open_night().unwrap().received, 1);
    assert_eq!(n.state.counters.request, 1);
    assert_eq!(n.state.counters.personal, 1);

    let rec = n.record(PersonalId(0));
    assert_eq!(rec.kind, PersonalKind::Request);
    assert_eq!(rec.created_at, n.now);
    assert_eq!(rec.night, night("2026-11-30"));
    assert_eq!(rec.caller_name.as_deref(), Some("Mme Zélie Quimper"));
    assert_eq!(rec.callback.as_deref(), Some("06 39 98 12 34"));
    assert_eq!(
        rec.text.as_deref(),
        Some("Cris et coups dans l'escalier B depuis une heure")
    );

    // The second call of the night is number 2.
    n.later(3);
    let second = n.receive("blo-landrel-1").unwrap();
    assert_eq!(second, RequestId(1));
    assert_eq!(n.request(2).id, RequestId(1));
    assert_eq!(n.state.open_night().unwrap().received, 2);

    n.assert_journal_never_mentions(&[
        "Zélie",
        "Quimper",
        "06 39 98 12 34",
        "39.98",
        "0639981234",
        "escalier B",
        "Cris et coups",
    ]);
}

#[test]
fn a_call_with_blank_personal_fields_creates_no_personal_record() {
    let mut n = NightFixture::with_teams();
    n.receive_new(NewRequest {
        caller_name: Some("   ".into()),
        callback: Some("".into()),
        description: Some(" \n ".into()),
        ..call("vil-harpe-1")
    })
    .unwrap();
    assert!(matches!(
        n.journal.last().unwrap().event,
        Event::RequestReceived { personal: None, .. }
    ));
    assert!(n.personal.is_empty());
    assert_eq!(n.state.counters.personal, 0);
}

#[test]
fn correcting_a_request_records_only_what_changed() {
    let mut n = NightFixture::with_teams();
    n.receive("mau-gayeulles-1").unwrap();
    let id = n.id(1);
    let envs = n
        .run(Command::CorrectRequest(Correction {
            entrance: None,
            request: id,
            source: Some(Source::Resident), // unchanged: left out of the event
            site: Some("mau-gayeulles-2".into()),
            category: Some(Category::HallOccupation),
            priority: Some(Priority::P3), // unchanged
        }))
        .unwrap();
    assert_eq!(
        events(&envs),
        vec![Event::RequestCorrected {
            entrance: None,
            request: id,
            source: None,
            site: Some("mau-gayeulles-2".into()),
            category: Some(Category::HallOccupation),
            priority: None,
        }]
    );
    let r = n.request(1);
    assert_eq!(r.site, "mau-gayeulles-2");
    assert_eq!(r.category, Category::HallOccupation);
    assert_eq!(r.priority, Priority::P3);
    assert_eq!(r.corrections, 1);
}

#[test]
fn dispatching_assigns_the_request_and_sets_the_team_en_route_in_one_fact() {
    let mut n = NightFixture::with_teams();
    let id = n.receive("blo-poterie-1").unwrap();
    n.later(2);
    let envs = n.dispatch("E2", 1).unwrap();
    assert_eq!(
        events(&envs),
        vec![Event::RequestAssigned {
            request: id,
            team: "E2".into(),
            intervention: InterventionId(0),
        }]
    );
    let r = n.request(1);
    assert_eq!(r.status, RequestStatus::EnRoute);
    assert_eq!(r.team.as_deref(), Some("E2"));
    assert_eq!(r.dispatched_at, Some(n.now));
    assert_eq!(r.interventions.len(), 1);
    let i = &r.interventions[0];
    assert_eq!(i.id, InterventionId(0));
    assert_eq!(i.team, "E2");
    assert_eq!(i.members, vec!["thomas-r", "aicha-d"]);
    assert_eq!(i.dispatched_at, n.now);
    let e2 = n.team("E2");
    assert_eq!(
        statuses(e2),
        vec![TeamStatus::Available, TeamStatus::EnRoute]
    );
    assert_eq!(e2.status_since(), Some(n.now));
    assert_eq!(e2.assignment, Some((id, InterventionId(0))));
    assert_eq!(n.state.counters.intervention, 1);
}

#[test]
fn arriving_puts_the_team_and_the_request_on_site() {
    let mut n = NightFixture::with_teams();
    let id = n.receive("blo-poterie-2").unwrap();
    n.dispatch("E1", 1).unwrap();
    n.later(12);
    let envs = n.arrive("E1").unwrap();
    assert_eq!(
        events(&envs),
        vec![Event::TeamArrived {
            team: "E1".into(),
            request: id,
            intervention: InterventionId(0),
        }]
    );
    let r = n.request(1);
    assert_eq!(r.status, RequestStatus::OnSite);
    assert_eq!(r.on_site_at, Some(n.now));
    assert_eq!(r.interventions[0].on_site_at, Some(n.now));
    let e1 = n.team("E1");
    assert_eq!(
        statuses(e1),
        vec![
            TeamStatus::Available,
            TeamStatus::EnRoute,
            TeamStatus::OnSite
        ]
    );
    assert_eq!(e1.position, Position::Site("blo-poterie-2".into()));
    assert_eq!(e1.position_at, n.now);
}

#[test]
fn recalling_undoes_the_dispatch_and_a_new_dispatch_is_a_new_intervention() {
    let mut n = NightFixture::with_teams();
    let id = n.receive("vil-kennedy-2").unwrap();
    n.dispatch("E1", 1).unwrap();
    let first_dispatch = n.now;
    n.later(4);
    let envs = n.recall("E1").unwrap();
    assert_eq!(
        events(&envs),
        vec![Event::TeamRecalled {
            team: "E1".into(),
            request: id,
            intervention: InterventionId(0),
        }]
    );
    let r = n.request(1);
    assert_eq!(r.status, RequestStatus::Received);
    assert_eq!(r.team, None);
    assert_eq!(r.interventions[0].recalled_at, Some(n.now));
    let e1 = n.team("E1");
    assert_eq!(e1.status(), TeamStatus::Available);
    assert_eq!(e1.assignment, None);
    assert_eq!(e1.history.len(), 3);

    n.later(1);
    n.dispatch("E2", 1).unwrap();
    let r = n.request(1);
    assert_eq!(r.interventions.len(), 2);
    assert_eq!(r.interventions[1].id, InterventionId(1));
    assert_eq!(r.interventions[1].team, "E2");
    assert_eq!(
        r.dispatched_at,
        Some(first_dispatch),
        "first dispatch is kept"
    );
    assert_eq!(n.state.counters.intervention, 2);
}

#[test]
fn clearing_closes_the_request_frees_the_team_and_keeps_the_note_aside() {
    let mut n = NightFixture::with_teams();
    let id = n.receive("bre-champs-manceaux-1").unwrap();
    n.dispatch("E1", 1).unwrap();
    n.later(10);
    n.arrive("E1").unwrap();
    n.later(20);
    let envs = n
        .clear(Clearance {
            relays: vec!["astreinte-archipel".into()],
            referrals: vec!["cdas-le-blosne".into()],
            note: Some("  M. Dorval refuse d'ouvrir, voisine inquiète ".into()),
            ..clearance("E1", ResponseLevel::Relay, Outcome::Relayed)
        })
        .unwrap();
    assert_eq!(
        events(&envs),
        vec![Event::InterventionCleared {
            intervention: InterventionId(0),
            request: id,
            team: "E1".into(),
            level: ResponseLevel::Relay,
            outcome: Outcome::Relayed,
            relays: vec!["astreinte-archipel".into()],
            referrals: vec!["cdas-le-blosne".into()],
            note: Some(PersonalId(0)),
        }]
    );
    let r = n.request(1);
    assert_eq!(r.status, RequestStatus::Cleared);
    assert_eq!(r.closed_at, Some(n.now));
    assert_eq!(r.team, None);
    let i = &r.interventions[0];
    assert_eq!(i.cleared_at, Some(n.now));
    assert_eq!(i.level, Some(ResponseLevel::Relay));
    assert_eq!(i.outcome, Some(Outcome::Relayed));
    assert_eq!(i.relays, vec!["astreinte-archipel"]);
    assert_eq!(i.referrals, vec!["cdas-le-blosne"]);
    assert_eq!(i.note, Some(PersonalId(0)));
    let e1 = n.team("E1");
    assert_eq!(e1.status(), TeamStatus::Available);
    assert_eq!(e1.assignment, None);
    assert_eq!(e1.history.len(), 4);

    let rec = n.record(PersonalId(0));
    assert_eq!(rec.kind, PersonalKind::InterventionNote);
    assert_eq!(
        rec.text.as_deref(),
        Some("M. Dorval refuse d'ouvrir, voisine inquiète")
    );
    assert_eq!(n.state.counters.personal, 1);
    n.assert_journal_never_mentions(&["Dorval", "voisine inquiète"]);
}

#[test]
fn relaying_without_a_visit_hands_the_request_to_a_partner() {
    let mut n = NightFixture::with_teams();
    let id = n.receive("vil-harpe-2").unwrap();
    let envs = n
        .run(Command::Relay {
            request: id,
            partner: "pompiers-18".into(),
            note: Some("Odeur de gaz signalée par Mme Arnoux".into()),
        })
        .unwrap();
    assert_eq!(
        events(&envs),
        vec![Event::RequestRelayed {
            request: id,
            partner: "pompiers-18".into(),
            note: Some(PersonalId(0)),
        }]
    );
    let r = n.request(1);
    assert_eq!(r.status, RequestStatus::Relayed);
    assert_eq!(r.relayed_to.as_deref(), Some("pompiers-18"));
    assert_eq!(r.closed_at, Some(n.now));
    assert_eq!(n.record(PersonalId(0)).kind, PersonalKind::RelayNote);
    n.assert_journal_never_mentions(&["Arnoux", "Odeur de gaz"]);
}

#[test]
fn a_duplicate_is_dismissed_and_a_withdrawn_call_cancelled() {
    let mut n = NightFixture::with_teams();
    let first = n.receive("mau-bellangerais-1").unwrap();
    let second = n.receive("mau-bellangerais-1").unwrap();
    n.later(1);
    let envs = n
        .run(Command::Dismiss {
            request: second,
            reason: DismissReason::Duplicate,
        })
        .unwrap();
    assert_eq!(
        events(&envs),
        vec![Event::RequestDismissed {
            request: second,
            reason: DismissReason::Duplicate,
        }]
    );
    let r = n.request(2);
    assert_eq!(r.status, RequestStatus::Dismissed);
    assert_eq!(r.dismissed, Some(DismissReason::Duplicate));
    assert_eq!(r.closed_at, Some(n.now));

    n.later(5);
    let envs = n.run(Command::Cancel { request: first }).unwrap();
    assert_eq!(
        events(&envs),
        vec![Event::RequestCancelled { request: first }]
    );
    let r = n.request(1);
    assert_eq!(r.status, RequestStatus::Cancelled);
    assert_eq!(r.closed_at, Some(n.now));
}

#[path = "decide_case_tests.rs"]
mod cases;

#[path = "refusal_tests.rs"]
mod refusals;

#[path = "refusal_request_tests.rs"]
mod request_refusals;

#[path = "refusal_words_tests.rs"]
mod refusal_words;

#[path = "handover_tests.rs"]
mod handover;

#[path = "phone_tests.rs"]
mod phone;
#[path = "safety_tests.rs"]
mod safety;
#[path = "decide_watch_tests.rs"]
mod watch;

#[path = "free_address_tests.rs"]
mod free_address;
