//! Read models kept beside the journal: every request, every situation and every night as
//! last known. They serve the log, the exports and the reports without replaying history,
//! and `check` rebuilds them from the journal to prove they agree.

use super::calendar::ServiceNight;
use super::event::{Envelope, Event};
use super::handover::{Acknowledgment, HandoverNote};
use super::ids::{CaseId, RequestId};
use super::state::{Case, Request, State, Team};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// One service night: where its events are in the journal, and who worked it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NightRecord {
    pub night: ServiceNight,
    /// First and last sequence of the events placed in this night (events are appended in
    /// time order, so a night's events lie in this range).
    pub first_seq: u64,
    pub last_seq: u64,
    pub events: u64,
    #[serde(default)]
    pub opened_at: Option<DateTime<Utc>>,
    #[serde(default)]
    pub closed_at: Option<DateTime<Utc>>,
    #[serde(default)]
    pub coordinators: Vec<(DateTime<Utc>, String)>,
    #[serde(default)]
    pub teams: Vec<Team>,
    /// The outgoing coordinator's note (the last one written).
    #[serde(default)]
    pub handover: Option<HandoverNote>,
    /// Requests carried over to the next night.
    #[serde(default)]
    pub carried_over: Vec<RequestId>,
    /// Who took this night's handover.
    #[serde(default)]
    pub acknowledged: Option<Acknowledgment>,
}

impl NightRecord {
    /// The record of a night whose first event is `seq`, before that event is counted.
    pub fn first(night: ServiceNight, seq: u64) -> Self {
        NightRecord {
            night,
            first_seq: seq,
            last_seq: seq,
            events: 0,
            opened_at: None,
            closed_at: None,
            coordinators: Vec::new(),
            teams: Vec::new(),
            handover: None,
            carried_over: Vec::new(),
            acknowledged: None,
        }
    }
}

/// Where views are kept; the store implements it over sled, `check` over memory.
pub trait Views {
    type Error;
    fn night(&mut self, night: ServiceNight) -> Result<Option<NightRecord>, Self::Error>;
    fn put_night(&mut self, record: NightRecord) -> Result<(), Self::Error>;
    fn put_request(&mut self, request: &Request) -> Result<(), Self::Error>;
    fn put_case(&mut self, case: &Case) -> Result<(), Self::Error>;
}

/// Updates the views for one envelope, reading the state just after it was applied.
pub fn project<V: Views>(views: &mut V, state: &State, env: &Envelope) -> Result<(), V::Error> {
    let mut record = views
        .night(env.night)?
        .unwrap_or_else(|| NightRecord::first(env.night, env.seq));
    record.first_seq = record.first_seq.min(env.seq);
    record.last_seq = record.last_seq.max(env.seq);
    record.events += 1;
    if let Some(n) = state.night.as_ref().filter(|n| n.night == env.night) {
        record.opened_at = Some(n.opened_at);
        record.closed_at = n.closed_at;
        record.coordinators = n.coordinators.clone();
        record.teams = state.teams.values().cloned().collect();
        record.handover = n.note.clone();
        record.carried_over = n.carried_over.clone();
    }
    views.put_night(record)?;
    // The acknowledgment belongs to the night handed over, usually the day before.
    if let Event::HandoverAcknowledged { night, .. } = &env.event
        && let Some(mut handed) = views.night(*night)?
    {
        handed.acknowledged = state
            .handover
            .as_ref()
            .filter(|h| h.night == *night)
            .and_then(|h| h.acknowledged.clone());
        views.put_night(handed)?;
    }

    let (requests, cases) = touched(&env.event);
    for id in requests {
        if let Some(r) = state.requests.get(&id) {
            views.put_request(r)?;
        }
    }
    for id in cases {
        if let Some(c) = state.cases.get(&id) {
            views.put_case(c)?;
        }
    }
    Ok(())
}

/// The requests and situations an event changes.
fn touched(event: &Event) -> (Vec<RequestId>, Vec<CaseId>) {
    match event {
        Event::RequestReceived { request, .. }
        | Event::RequestCorrected { request, .. }
        | Event::RequestAssigned { request, .. }
        | Event::TeamArrived { request, .. }
        | Event::TeamRecalled { request, .. }
        | Event::InterventionCleared { request, .. }
        | Event::RequestRelayed { request, .. }
        | Event::RequestDismissed { request, .. }
        | Event::RequestCancelled { request }
        | Event::RequestSettled { request, .. }
        | Event::CallbackScheduled { request, .. }
        | Event::CallbackMade { request, .. }
        | Event::RequestCarriedOver { request } => (vec![*request], vec![]),
        Event::CaseLinked { case, request } => (vec![*request], vec![*case]),
        Event::CaseOpened { case, .. }
        | Event::CaseStepRecorded { case, .. }
        | Event::CaseStateChanged { case, .. }
        | Event::CaseFollowUpSet { case, .. } => (vec![], vec![*case]),
        _ => (vec![], vec![]),
    }
}
