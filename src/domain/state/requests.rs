//! Requests (sollicitations): what came in, and how it ended without a visit, if it did.

use super::State;
use super::interventions::Intervention;
use crate::domain::calendar::ServiceNight;
use crate::domain::event::{Envelope, Event};
use crate::domain::ids::{CaseId, PersonalId, RequestId};
use crate::domain::vocab::{Category, DismissReason, Priority, RequestStatus, Source};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

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
    /// The site's entrance (hall), if known.
    #[serde(default)]
    pub entrance: Option<String>,
    /// Settled on the phone without a team, and how.
    #[serde(default)]
    pub settled: Option<super::phone::Settlement>,
    /// Callbacks asked for, in order; the last may still be to make.
    #[serde(default)]
    pub callbacks: Vec<super::phone::Callback>,
    /// A free address's district (`site` is then empty; the address is in `personal`).
    #[serde(default)]
    pub district: Option<String>,
}

impl Request {
    /// The request a `RequestReceived` envelope brings in, waiting for a team; `None` for
    /// any other event. (Its seven facts are the event's own, so they are read from it.)
    pub fn received(env: &Envelope) -> Option<Self> {
        let Event::RequestReceived {
            request,
            number,
            source,
            site,
            category,
            priority,
            personal,
            entrance,
            district,
        } = &env.event
        else {
            return None;
        };
        Some(Request {
            id: *request,
            number: *number,
            night: env.night,
            source: *source,
            site: site.clone(),
            category: *category,
            priority: *priority,
            personal: *personal,
            status: RequestStatus::Received,
            received_at: env.at,
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
            entrance: entrance.clone(),
            settled: None,
            callbacks: Vec::new(),
            district: district.clone(),
        })
    }

    /// Ends it with a terminal status (cleared, relayed, dismissed, cancelled).
    pub(super) fn close(&mut self, at: DateTime<Utc>, status: RequestStatus) {
        self.status = status;
        self.closed_at = Some(at);
    }
}

/// Applies the events about a request alone; those of a team's visit are in
/// `interventions`, its link to a situation in `cases`.
pub(super) fn apply(state: &mut State, env: &Envelope) {
    let at = env.at;
    match &env.event {
        Event::RequestReceived {
            request, number, ..
        } => {
            state.counters.request = state.counters.request.max(request.0 + 1);
            if let Some(n) = state.night.as_mut() {
                n.received = n.received.max(*number);
            }
            if let Some(r) = Request::received(env) {
                state.requests.insert(*request, r);
            }
        }
        Event::RequestCorrected {
            request,
            source,
            site,
            category,
            priority,
            entrance,
        } => {
            if let Some(r) = state.requests.get_mut(request) {
                // A new site without a new entrance has none known.
                if site.is_some() || entrance.is_some() {
                    r.entrance = entrance.clone();
                }
                if let Some(s) = source {
                    r.source = *s;
                }
                if let Some(s) = site {
                    r.site = s.clone();
                    // A site from the list now: no longer a free address.
                    r.district = None;
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
        Event::RequestRelayed {
            request, partner, ..
        } => {
            if let Some(r) = state.requests.get_mut(request) {
                r.close(at, RequestStatus::Relayed);
                r.relayed_to = Some(partner.clone());
            }
        }
        Event::RequestDismissed { request, reason } => {
            if let Some(r) = state.requests.get_mut(request) {
                r.close(at, RequestStatus::Dismissed);
                r.dismissed = Some(*reason);
            }
        }
        Event::RequestCancelled { request } => {
            if let Some(r) = state.requests.get_mut(request) {
                r.close(at, RequestStatus::Cancelled);
            }
        }
        _ => {}
    }
}

impl Request {
    /// The teams on it now (the first sent first).
    pub fn teams_on(&self) -> Vec<&str> {
        let on = self.interventions.iter().filter(|i| i.is_under_way());
        on.map(|i| i.team.as_str()).collect()
    }

    /// After a team left: the first team still on it leads, its status follows that team
    /// (on site if it arrived). False when no team is left.
    pub(super) fn follow_teams(&mut self) -> bool {
        let lead = self.interventions.iter().find(|i| i.is_under_way());
        let next = lead.map(|i| (i.team.clone(), i.on_site_at.is_some()));
        self.team = next.as_ref().map(|(t, _)| t.clone());
        match next {
            Some((_, true)) => self.status = RequestStatus::OnSite,
            Some((_, false)) => self.status = RequestStatus::EnRoute,
            None => {}
        }
        next.is_some()
    }
}

impl Request {
    /// The callback still to make, if any.
    pub fn pending_callback(&self) -> Option<&super::phone::Callback> {
        self.callbacks.last().filter(|c| c.is_pending())
    }
}
