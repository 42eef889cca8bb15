//! What the night's own events say about each request and intervention. The report reads
//! times, states and outcomes from here, never from the views' latest values, so a night's
//! report stays the same after later nights (a request carried over and cleared the next
//! night is still "open" in this one, and its later dispatch counts in no response time).

use super::Closure;
use crate::domain::event::{Envelope, Event};
use crate::domain::ids::{InterventionId, PersonalId, RequestId};
use crate::domain::vocab::{Outcome, ResponseLevel};
use crate::report::night::InterventionState;
use chrono::{DateTime, Utc};
use std::collections::BTreeMap;

#[derive(Debug, Clone)]
pub(crate) struct RequestTrace {
    pub received: Option<DateTime<Utc>>,
    /// First dispatch and first arrival in this night.
    pub dispatched: Option<DateTime<Utc>>,
    pub on_site: Option<DateTime<Utc>>,
    pub end: Closure,
    /// The last outcome recorded in this night.
    pub outcome: Option<Outcome>,
}

#[derive(Debug, Clone)]
pub(crate) struct InterventionTrace {
    pub id: InterventionId,
    pub request: RequestId,
    pub team: String,
    pub dispatched: DateTime<Utc>,
    pub on_site: Option<DateTime<Utc>>,
    pub ended: Option<DateTime<Utc>>,
    pub state: InterventionState,
    pub level: Option<ResponseLevel>,
    pub outcome: Option<Outcome>,
    pub note: Option<PersonalId>,
}

#[derive(Debug, Default)]
pub(crate) struct Trace {
    /// Requests received this night, in order.
    pub received: Vec<RequestId>,
    pub requests: BTreeMap<RequestId, RequestTrace>,
    pub interventions: Vec<InterventionTrace>,
}

impl Trace {
    /// `events`: the night's envelopes in sequence order.
    pub fn of(events: &[&Envelope]) -> Trace {
        let mut t = Trace::default();
        for e in events {
            let at = e.at;
            match &e.event {
                Event::RequestReceived { request, .. } => {
                    t.received.push(*request);
                    t.request(*request).received = Some(at);
                }
                Event::RequestAssigned {
                    request,
                    team,
                    intervention,
                } => {
                    t.request(*request).dispatched.get_or_insert(at);
                    t.interventions.push(InterventionTrace {
                        id: *intervention,
                        request: *request,
                        team: team.clone(),
                        dispatched: at,
                        on_site: None,
                        ended: None,
                        state: InterventionState::UnderWay,
                        level: None,
                        outcome: None,
                        note: None,
                    });
                }
                Event::TeamArrived {
                    request,
                    intervention,
                    ..
                } => {
                    t.request(*request).on_site.get_or_insert(at);
                    if let Some(i) = t.intervention(*intervention) {
                        i.on_site = Some(at);
                    }
                }
                Event::TeamRecalled { intervention, .. } => {
                    if let Some(i) = t.intervention(*intervention) {
                        i.ended = Some(at);
                        i.state = InterventionState::Recalled;
                    }
                }
                Event::InterventionCleared {
                    intervention,
                    request,
                    level,
                    outcome,
                    note,
                    ..
                } => {
                    if let Some(i) = t.intervention(*intervention) {
                        i.ended = Some(at);
                        i.state = InterventionState::Cleared;
                        i.level = Some(*level);
                        i.outcome = Some(*outcome);
                        i.note = *note;
                    }
                    // With a reinforcement, the request ends with its last team.
                    let under_way = t
                        .interventions
                        .iter()
                        .any(|i| i.request == *request && i.state == InterventionState::UnderWay);
                    let r = t.request(*request);
                    r.outcome = Some(*outcome);
                    if !under_way {
                        r.end = Closure::Cleared;
                    }
                }
                Event::RequestRelayed { request, .. } => t.request(*request).end = Closure::Relayed,
                Event::RequestDismissed { request, .. } => {
                    t.request(*request).end = Closure::Dismissed
                }
                Event::RequestCancelled { request } => t.request(*request).end = Closure::Cancelled,
                Event::RequestSettled { request, .. } => t.request(*request).end = Closure::Settled,
                _ => {}
            }
        }
        t
    }

    fn request(&mut self, id: RequestId) -> &mut RequestTrace {
        self.requests.entry(id).or_insert(RequestTrace {
            received: None,
            dispatched: None,
            on_site: None,
            end: Closure::Open,
            outcome: None,
        })
    }

    fn intervention(&mut self, id: InterventionId) -> Option<&mut InterventionTrace> {
        self.interventions.iter_mut().rev().find(|i| i.id == id)
    }

    pub fn end(&self, id: RequestId) -> Closure {
        self.requests.get(&id).map_or(Closure::Open, |r| r.end)
    }
}
