//! What the handover adds from the watch, the relays and the plan: the relays still
//! awaited (engaged, not arrived) with their last step, the observations new tonight with
//! where they stand, and the night's plan (planned, done, not done).

use super::plan::{PlanSummary, summary};
use crate::domain::event::{Envelope, Event};
use crate::domain::ids::{ObservationId, RequestId};
use crate::domain::state::State;
use crate::domain::vocab::ObservationKind;
use crate::domain::watch::{RelayStep, WatchStatus};
use chrono::{DateTime, Utc};

/// A relay engaged this night and not arrived.
#[derive(Debug, Clone, PartialEq)]
pub struct AwaitedRelay {
    pub at: DateTime<Utc>,
    pub partner: String,
    pub request: Option<u32>,
    /// The last step recorded (none: engaged, not heard from since).
    pub last: Option<(DateTime<Utc>, RelayStep)>,
}

/// An observation recorded this night, with where it stands now.
#[derive(Debug, Clone, PartialEq)]
pub struct NightObservation {
    pub id: ObservationId,
    pub kind: ObservationKind,
    pub site: Option<String>,
    pub district: Option<String>,
    pub commissioner: String,
    /// `None`: settled and gone from the state since.
    pub status: Option<WatchStatus>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct DeskHandover {
    pub awaited: Vec<AwaitedRelay>,
    pub observations: Vec<NightObservation>,
    /// Every observation not yet transmitted (of any night).
    pub to_transmit: usize,
    pub plan: PlanSummary,
}

pub fn build(
    state: &State,
    events: &[&Envelope],
    number: &dyn Fn(RequestId) -> Option<u32>,
) -> DeskHandover {
    let observations = events
        .iter()
        .filter_map(|e| match &e.event {
            Event::ObservationRecorded {
                id: Some(id),
                observation,
                site,
                district,
                commissioner,
                ..
            } => Some(NightObservation {
                id: *id,
                kind: *observation,
                site: site.clone(),
                district: district.clone(),
                commissioner: commissioner.clone().unwrap_or_default(),
                status: state.observations.get(id).map(|o| o.status()),
            }),
            _ => None,
        })
        .collect();
    DeskHandover {
        awaited: awaited(events, number),
        observations,
        to_transmit: state
            .observations
            .values()
            .filter(|o| o.status() == WatchStatus::ToTransmit)
            .count(),
        plan: summary(events),
    }
}

/// Relays engaged in these events (called, named at a clearance, handed a request) that
/// have no arrival among them.
fn awaited(events: &[&Envelope], number: &dyn Fn(RequestId) -> Option<u32>) -> Vec<AwaitedRelay> {
    let mut engaged: Vec<(RequestId, AwaitedRelay, bool)> = Vec::new();
    let mut engage = |request: RequestId, partner: &str, at| {
        if !engaged
            .iter()
            .any(|(r, a, _)| *r == request && a.partner == partner)
        {
            let relay = AwaitedRelay {
                at,
                partner: partner.to_string(),
                request: number(request),
                last: None,
            };
            engaged.push((request, relay, false));
        }
    };
    for e in events {
        match &e.event {
            Event::InterventionCleared {
                request, relays, ..
            } => relays.iter().for_each(|p| engage(*request, p, e.at)),
            Event::RequestRelayed {
                request, partner, ..
            } => engage(*request, partner, e.at),
            Event::RelayFollowed {
                request,
                partner,
                step: RelayStep::Called,
            } => engage(*request, partner, e.at),
            _ => {}
        }
    }
    for e in events {
        if let Event::RelayFollowed {
            request,
            partner,
            step,
        } = &e.event
            && let Some((_, a, arrived)) = engaged
                .iter_mut()
                .find(|(r, a, _)| r == request && a.partner == *partner)
        {
            a.last = Some((e.at, *step));
            *arrived |= *step == RelayStep::Arrived;
        }
    }
    engaged
        .into_iter()
        .filter(|(_, _, arrived)| !arrived)
        .map(|(_, a, _)| a)
        .collect()
}
