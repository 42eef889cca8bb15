//! The watch's events applied: observations followed until settled (across nights), and
//! the night's relay steps (they leave with the night, like its teams).

use super::State;
use crate::domain::event::{Envelope, Event};
use crate::domain::ids::RequestId;
use crate::domain::watch::{Observation, RelayStep};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// One step of a relay's follow-up in the current night.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RelayFollow {
    pub at: DateTime<Utc>,
    pub request: RequestId,
    pub partner: String,
    pub step: RelayStep,
}

pub(super) fn apply(state: &mut State, env: &Envelope) {
    let at = env.at;
    match &env.event {
        Event::ObservationRecorded {
            observation,
            site,
            district,
            team,
            note,
            id: Some(id),
            entrance,
            address,
            request,
            commissioner,
        } => {
            state.counters.observation = state.counters.observation.max(id.0 + 1);
            state.observations.insert(
                *id,
                Observation {
                    id: *id,
                    night: env.night,
                    kind: *observation,
                    site: site.clone(),
                    district: district.clone(),
                    entrance: entrance.clone(),
                    address: address.clone(),
                    request: *request,
                    team: team.clone(),
                    note: *note,
                    commissioner: commissioner.clone().unwrap_or_default(),
                    recorded_at: at,
                    transmitted_at: None,
                    acknowledged_at: None,
                    answer: None,
                    settled: None,
                },
            );
        }
        Event::ObservationTransmitted { observations, .. } => {
            for id in observations {
                if let Some(o) = state.observations.get_mut(id) {
                    o.transmitted_at = Some(at);
                }
            }
        }
        Event::ObservationAcknowledged {
            observation,
            answer,
        } => {
            if let Some(o) = state.observations.get_mut(observation) {
                o.acknowledged_at = Some(at);
                o.answer = *answer;
            }
        }
        Event::ObservationSettled {
            observation,
            ending,
        } => {
            if let Some(o) = state.observations.get_mut(observation) {
                o.settled = Some((at, *ending));
            }
        }
        Event::RelayFollowed {
            request,
            partner,
            step,
        } => state.relay_steps.push(RelayFollow {
            at,
            request: *request,
            partner: partner.clone(),
            step: *step,
        }),
        _ => {}
    }
}

/// A partner engaged on a request this night, with its follow-up so far.
#[derive(Debug, Clone, PartialEq)]
pub struct EngagedRelay {
    pub request: RequestId,
    pub partner: String,
    /// When it was engaged (called, named at the clearance, handed the request).
    pub at: DateTime<Utc>,
    pub steps: Vec<(DateTime<Utc>, RelayStep)>,
}

impl EngagedRelay {
    pub fn arrived(&self) -> bool {
        self.steps.iter().any(|(_, s)| *s == RelayStep::Arrived)
    }

    /// The last step recorded, if any.
    pub fn last(&self) -> Option<(DateTime<Utc>, RelayStep)> {
        self.steps.last().copied()
    }
}

impl State {
    /// The relays engaged on the requests in the state, in the order they were engaged.
    pub fn relays_engaged(&self) -> Vec<EngagedRelay> {
        let mut out: Vec<EngagedRelay> = Vec::new();
        let mut engage = |request: RequestId, partner: &str, at: DateTime<Utc>| {
            if !out
                .iter()
                .any(|e| e.request == request && e.partner == partner)
            {
                out.push(EngagedRelay {
                    request,
                    partner: partner.to_string(),
                    at,
                    steps: Vec::new(),
                });
            }
        };
        for s in self
            .relay_steps
            .iter()
            .filter(|s| s.step == RelayStep::Called)
        {
            engage(s.request, &s.partner, s.at);
        }
        for r in self.requests.values() {
            for i in &r.interventions {
                let at = i.cleared_at.unwrap_or(i.dispatched_at);
                for p in &i.relays {
                    engage(r.id, p, at);
                }
            }
            if let (Some(p), Some(at)) = (&r.relayed_to, r.closed_at) {
                engage(r.id, p, at);
            }
        }
        for s in &self.relay_steps {
            if let Some(e) = out
                .iter_mut()
                .find(|e| e.request == s.request && e.partner == s.partner)
            {
                e.steps.push((s.at, s.step));
            }
        }
        out.sort_by_key(|e| e.at);
        out
    }
}
