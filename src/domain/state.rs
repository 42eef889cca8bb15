//! The live state: what the rules need to decide. Kept small on purpose: the current night,
//! its teams, the requests of that night and those still open, the situations not closed.
//! Finished items leave it when the next night opens; their history lives in the views.

use super::calendar::ServiceNight;
use super::event::{Envelope, Event};
use super::handover::{HandoverNote, Instruction, PendingHandover};
use super::ids::{CaseId, InstructionId, InterventionId, PersonalId, RequestId};
use super::vocab::*;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct State {
    /// Sequence of the last applied event.
    pub last_seq: u64,
    #[serde(default)]
    pub night: Option<NightState>,
    #[serde(default)]
    pub counters: Counters,
    #[serde(default)]
    pub teams: BTreeMap<String, Team>,
    #[serde(default)]
    pub requests: BTreeMap<RequestId, Request>,
    #[serde(default)]
    pub cases: BTreeMap<CaseId, Case>,
    /// The last closed night's handover.
    #[serde(default)]
    pub handover: Option<PendingHandover>,
    /// Instructions and watch points not ended (expired ones leave when a night opens).
    #[serde(default)]
    pub instructions: BTreeMap<InstructionId, Instruction>,
}

/// The next identifiers to hand out.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Counters {
    pub request: u64,
    pub intervention: u64,
    pub case: u64,
    pub personal: u64,
    #[serde(default)]
    pub instruction: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NightState {
    pub night: ServiceNight,
    pub opened_at: DateTime<Utc>,
    #[serde(default)]
    pub closed_at: Option<DateTime<Utc>>,
    pub coordinator: String,
    /// Every coordinator who held the console, with when they took it.
    pub coordinators: Vec<(DateTime<Utc>, String)>,
    /// Requests received so far in this night (their number in the night).
    pub received: u32,
    #[serde(default)]
    pub note: Option<HandoverNote>,
    /// Requests carried over to the next night, in the order decided.
    #[serde(default)]
    pub carried_over: Vec<RequestId>,
}

impl NightState {
    pub fn is_open(&self) -> bool {
        self.closed_at.is_none()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusChange {
    pub at: DateTime<Utc>,
    pub status: TeamStatus,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Team {
    pub call_sign: String,
    pub members: Vec<String>,
    #[serde(default)]
    pub equipment: Option<String>,
    /// Never overwritten: the last entry is the current status.
    pub history: Vec<StatusChange>,
    pub position: Position,
    pub position_at: DateTime<Utc>,
    #[serde(default)]
    pub assignment: Option<(RequestId, InterventionId)>,
    pub last_contact: DateTime<Utc>,
}

impl Team {
    pub fn status(&self) -> TeamStatus {
        self.history
            .last()
            .map_or(TeamStatus::Available, |c| c.status)
    }
    pub fn status_since(&self) -> Option<DateTime<Utc>> {
        self.history.last().map(|c| c.at)
    }
    fn set_status(&mut self, at: DateTime<Utc>, status: TeamStatus) {
        self.history.push(StatusChange { at, status });
        self.last_contact = at;
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Intervention {
    pub id: InterventionId,
    pub team: String,
    pub members: Vec<String>,
    pub dispatched_at: DateTime<Utc>,
    #[serde(default)]
    pub on_site_at: Option<DateTime<Utc>>,
    #[serde(default)]
    pub cleared_at: Option<DateTime<Utc>>,
    #[serde(default)]
    pub recalled_at: Option<DateTime<Utc>>,
    #[serde(default)]
    pub level: Option<ResponseLevel>,
    #[serde(default)]
    pub outcome: Option<Outcome>,
    #[serde(default)]
    pub relays: Vec<String>,
    #[serde(default)]
    pub referrals: Vec<String>,
    #[serde(default)]
    pub note: Option<PersonalId>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Request {
    pub id: RequestId,
    /// Its number in the night it came in ("sollicitation 14").
    pub number: u32,
    pub night: ServiceNight,
    pub source: Source,
    pub site: String,
    pub category: Category,
    pub priority: Priority,
    #[serde(default)]
    pub personal: Option<PersonalId>,
    pub status: RequestStatus,
    pub received_at: DateTime<Utc>,
    /// Dispatch: assigning a team sets it en route at the same instant.
    #[serde(default)]
    pub dispatched_at: Option<DateTime<Utc>>,
    #[serde(default)]
    pub on_site_at: Option<DateTime<Utc>>,
    #[serde(default)]
    pub closed_at: Option<DateTime<Utc>>,
    #[serde(default)]
    pub team: Option<String>,
    #[serde(default)]
    pub interventions: Vec<Intervention>,
    #[serde(default)]
    pub case: Option<CaseId>,
    #[serde(default)]
    pub relayed_to: Option<String>,
    #[serde(default)]
    pub dismissed: Option<DismissReason>,
    #[serde(default)]
    pub corrections: u32,
    /// The nights it was carried over from, in order.
    #[serde(default)]
    pub carried_over: Vec<ServiceNight>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseStep {
    pub at: DateTime<Utc>,
    pub night: ServiceNight,
    pub level: ResponseLevel,
    #[serde(default)]
    pub request: Option<RequestId>,
    #[serde(default)]
    pub note: Option<PersonalId>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Case {
    pub id: CaseId,
    pub site: String,
    pub category: Category,
    pub opened_at: DateTime<Utc>,
    pub opened_night: ServiceNight,
    pub state: CaseState,
    pub state_history: Vec<(DateTime<Utc>, CaseState)>,
    #[serde(default)]
    pub requests: Vec<RequestId>,
    #[serde(default)]
    pub steps: Vec<CaseStep>,
    #[serde(default)]
    pub next_follow_up: Option<NaiveDate>,
    pub last_action_at: DateTime<Utc>,
}

impl State {
    /// The open night, if any (opened and not yet closed).
    pub fn open_night(&self) -> Option<&NightState> {
        self.night.as_ref().filter(|n| n.is_open())
    }

    /// Finds a request by its number in the current night (or an open one from earlier).
    pub fn request_by_number(&self, number: u32) -> Option<&Request> {
        let night = self.night.as_ref().map(|n| n.night);
        let mut matching = self.requests.values().filter(|r| r.number == number);
        let first = matching.clone().find(|r| Some(r.night) == night);
        first.or_else(|| matching.next_back())
    }

    /// Applies one event. Events are facts: applying never fails; what a command could not
    /// do was refused before it became an event.
    pub fn apply(&mut self, env: &Envelope) {
        let at = env.at;
        self.last_seq = env.seq;
        match &env.event {
            Event::NightOpened { night, coordinator } => {
                self.evict_finished();
                self.night = Some(NightState {
                    night: *night,
                    opened_at: at,
                    closed_at: None,
                    coordinator: coordinator.clone(),
                    coordinators: vec![(at, coordinator.clone())],
                    received: 0,
                    note: None,
                    carried_over: Vec::new(),
                });
            }
            Event::CoordinatorChanged { coordinator } => {
                if let Some(n) = self.night.as_mut() {
                    n.coordinator = coordinator.clone();
                    n.coordinators.push((at, coordinator.clone()));
                }
            }
            Event::NightClosed { .. } => {
                if let Some(n) = self.night.as_mut() {
                    n.closed_at = Some(at);
                    self.handover = Some(PendingHandover {
                        night: n.night,
                        closed_at: at,
                        note: n.note.clone(),
                        carried_over: n.carried_over.clone(),
                        acknowledged: None,
                    });
                }
            }
            Event::TeamComposed {
                team,
                members,
                equipment,
            } => {
                self.teams.insert(
                    team.clone(),
                    Team {
                        call_sign: team.clone(),
                        members: members.clone(),
                        equipment: equipment.clone(),
                        history: vec![StatusChange {
                            at,
                            status: TeamStatus::Available,
                        }],
                        position: Position::Base,
                        position_at: at,
                        assignment: None,
                        last_contact: at,
                    },
                );
            }
            Event::TeamStatusChanged {
                team,
                status,
                position,
            } => {
                if let Some(t) = self.teams.get_mut(team) {
                    t.set_status(at, *status);
                    if let Some(p) = position {
                        t.position = p.clone();
                        t.position_at = at;
                    }
                }
            }
            Event::TeamPositionUpdated { team, position } => {
                if let Some(t) = self.teams.get_mut(team) {
                    t.position = position.clone();
                    t.position_at = at;
                    t.last_contact = at;
                }
            }
            Event::TeamContacted { team } => {
                if let Some(t) = self.teams.get_mut(team) {
                    t.last_contact = at;
                }
            }
            Event::RequestReceived {
                request,
                number,
                source,
                site,
                category,
                priority,
                personal,
            } => {
                self.counters.request = self.counters.request.max(request.0 + 1);
                if let Some(p) = personal {
                    self.bump_personal(*p);
                }
                if let Some(n) = self.night.as_mut() {
                    n.received = n.received.max(*number);
                }
                self.requests.insert(
                    *request,
                    Request {
                        id: *request,
                        number: *number,
                        night: env.night,
                        source: *source,
                        site: site.clone(),
                        category: *category,
                        priority: *priority,
                        personal: *personal,
                        status: RequestStatus::Received,
                        received_at: at,
                        dispatched_at: None,
                        on_site_at: None,
                        closed_at: None,
                        team: None,
                        interventions: Vec::new(),
                        case: None,
                        relayed_to: None,
                        dismissed: None,
                        corrections: 0,
                        carried_over: Vec::new(),
                    },
                );
            }
            Event::RequestCorrected {
                request,
                source,
                site,
                category,
                priority,
            } => {
                if let Some(r) = self.requests.get_mut(request) {
                    if let Some(s) = source {
                        r.source = *s;
                    }
                    if let Some(s) = site {
                        r.site = s.clone();
                    }
                    if let Some(c) = category {
                        r.category = *c;
                    }
                    if let Some(p) = priority {
                        r.priority = *p;
                    }
                    r.corrections += 1;
                }
            }
            Event::RequestAssigned {
                request,
                team,
                intervention,
            } => {
                self.counters.intervention = self.counters.intervention.max(intervention.0 + 1);
                let members = self
                    .teams
                    .get(team)
                    .map(|t| t.members.clone())
                    .unwrap_or_default();
                if let Some(r) = self.requests.get_mut(request) {
                    r.status = RequestStatus::EnRoute;
                    r.dispatched_at.get_or_insert(at);
                    r.team = Some(team.clone());
                    r.interventions.push(Intervention {
                        id: *intervention,
                        team: team.clone(),
                        members,
                        dispatched_at: at,
                        on_site_at: None,
                        cleared_at: None,
                        recalled_at: None,
                        level: None,
                        outcome: None,
                        relays: Vec::new(),
                        referrals: Vec::new(),
                        note: None,
                    });
                }
                if let Some(t) = self.teams.get_mut(team) {
                    t.set_status(at, TeamStatus::EnRoute);
                    t.assignment = Some((*request, *intervention));
                }
            }
            Event::TeamArrived {
                team,
                request,
                intervention,
            } => {
                let mut site = None;
                if let Some(r) = self.requests.get_mut(request) {
                    r.status = RequestStatus::OnSite;
                    r.on_site_at.get_or_insert(at);
                    site = Some(r.site.clone());
                    if let Some(i) = r.interventions.iter_mut().find(|i| i.id == *intervention) {
                        i.on_site_at = Some(at);
                    }
                }
                if let Some(t) = self.teams.get_mut(team) {
                    t.set_status(at, TeamStatus::OnSite);
                    if let Some(s) = site {
                        t.position = Position::Site(s);
                        t.position_at = at;
                    }
                }
            }
            Event::TeamRecalled {
                team,
                request,
                intervention,
            } => {
                if let Some(r) = self.requests.get_mut(request) {
                    r.status = RequestStatus::Received;
                    r.team = None;
                    if let Some(i) = r.interventions.iter_mut().find(|i| i.id == *intervention) {
                        i.recalled_at = Some(at);
                    }
                }
                if let Some(t) = self.teams.get_mut(team) {
                    t.set_status(at, TeamStatus::Available);
                    t.assignment = None;
                }
            }
            Event::InterventionCleared {
                intervention,
                request,
                team,
                level,
                outcome,
                relays,
                referrals,
                note,
            } => {
                if let Some(p) = note {
                    self.bump_personal(*p);
                }
                if let Some(r) = self.requests.get_mut(request) {
                    r.status = RequestStatus::Cleared;
                    r.closed_at = Some(at);
                    r.team = None;
                    if let Some(i) = r.interventions.iter_mut().find(|i| i.id == *intervention) {
                        i.cleared_at = Some(at);
                        i.level = Some(*level);
                        i.outcome = Some(*outcome);
                        i.relays = relays.clone();
                        i.referrals = referrals.clone();
                        i.note = *note;
                    }
                }
                if let Some(t) = self.teams.get_mut(team) {
                    t.set_status(at, TeamStatus::Available);
                    t.assignment = None;
                }
            }
            Event::RequestRelayed {
                request,
                partner,
                note,
            } => {
                if let Some(p) = note {
                    self.bump_personal(*p);
                }
                if let Some(r) = self.requests.get_mut(request) {
                    r.status = RequestStatus::Relayed;
                    r.closed_at = Some(at);
                    r.relayed_to = Some(partner.clone());
                }
            }
            Event::RequestDismissed { request, reason } => {
                if let Some(r) = self.requests.get_mut(request) {
                    r.status = RequestStatus::Dismissed;
                    r.closed_at = Some(at);
                    r.dismissed = Some(*reason);
                }
            }
            Event::RequestCancelled { request } => {
                if let Some(r) = self.requests.get_mut(request) {
                    r.status = RequestStatus::Cancelled;
                    r.closed_at = Some(at);
                }
            }
            Event::CaseOpened {
                case,
                site,
                category,
            } => {
                self.counters.case = self.counters.case.max(case.0 + 1);
                self.cases.insert(
                    *case,
                    Case {
                        id: *case,
                        site: site.clone(),
                        category: *category,
                        opened_at: at,
                        opened_night: env.night,
                        state: CaseState::Open,
                        state_history: vec![(at, CaseState::Open)],
                        requests: Vec::new(),
                        steps: Vec::new(),
                        next_follow_up: None,
                        last_action_at: at,
                    },
                );
            }
            Event::CaseLinked { case, request } => {
                if let Some(c) = self.cases.get_mut(case) {
                    c.requests.push(*request);
                    c.last_action_at = at;
                }
                if let Some(r) = self.requests.get_mut(request) {
                    r.case = Some(*case);
                }
            }
            Event::CaseStepRecorded {
                case,
                level,
                request,
                note,
            } => {
                if let Some(p) = note {
                    self.bump_personal(*p);
                }
                if let Some(c) = self.cases.get_mut(case) {
                    c.steps.push(CaseStep {
                        at,
                        night: env.night,
                        level: *level,
                        request: *request,
                        note: *note,
                    });
                    c.last_action_at = at;
                }
            }
            Event::CaseStateChanged { case, state } => {
                if let Some(c) = self.cases.get_mut(case) {
                    c.state = *state;
                    c.state_history.push((at, *state));
                    c.last_action_at = at;
                }
            }
            Event::CaseFollowUpSet { case, date } => {
                if let Some(c) = self.cases.get_mut(case) {
                    c.next_follow_up = *date;
                    c.last_action_at = at;
                }
            }
            Event::LogEntryAdded { personal } => self.bump_personal(*personal),
            Event::ObservationRecorded { note, .. } => {
                if let Some(p) = note {
                    self.bump_personal(*p);
                }
            }
            Event::PersonalErased { .. } | Event::PersonalPurged { .. } => {}
            Event::HandoverWritten { .. }
            | Event::RequestCarriedOver { .. }
            | Event::HandoverAcknowledged { .. }
            | Event::InstructionAdded { .. }
            | Event::InstructionExtended { .. }
            | Event::InstructionEnded { .. } => super::handover::apply(self, env),
        }
    }

    fn bump_personal(&mut self, id: PersonalId) {
        self.counters.personal = self.counters.personal.max(id.0 + 1);
    }

    /// Drops what is finished before a new night: last night's teams, closed requests and
    /// closed situations. Their records stay in the views.
    fn evict_finished(&mut self) {
        self.teams.clear();
        self.requests.retain(|_, r| !r.status.is_terminal());
        self.cases.retain(|_, c| c.state != CaseState::Closed);
        if let Some(n) = &self.night {
            // The night that ended is the last day an expired instruction was shown.
            let last_night = n.night.date();
            self.instructions
                .retain(|_, i| i.ended_at.is_none() && i.until.is_none_or(|u| u > last_night));
        }
    }
}
