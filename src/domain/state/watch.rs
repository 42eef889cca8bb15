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
