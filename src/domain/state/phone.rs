//! What the desk settles on the phone: a call ended without a team, and the residents to
//! call back (à rappeler → rappelé, with who, when and what it came to).

use super::State;
use crate::domain::event::{Envelope, Event};
use crate::domain::vocab::{CallbackOutcome, PhoneOutcome, RequestStatus};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// How a call was settled without a team.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settlement {
    pub outcome: PhoneOutcome,
    /// The partner the resident was oriented to.
    #[serde(default)]
    pub partner: Option<String>,
}

/// A resident to call back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Callback {
    pub asked_at: DateTime<Utc>,
    pub due: DateTime<Utc>,
    /// Every call made for it; one that reached the resident or left a message ends it.
    #[serde(default)]
    pub attempts: Vec<CallbackAttempt>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallbackAttempt {
    pub at: DateTime<Utc>,
    /// The coordinator who called.
    #[serde(default)]
    pub by: Option<String>,
    pub outcome: CallbackOutcome,
}

impl Callback {
    /// Still to make: no call reached the resident nor left a message.
    pub fn is_pending(&self) -> bool {
        self.attempts
            .iter()
            .all(|a| a.outcome == CallbackOutcome::NoAnswer)
    }
}

pub(super) fn apply(state: &mut State, env: &Envelope) {
    let at = env.at;
    match &env.event {
        Event::RequestSettled {
            request,
            outcome,
            partner,
            ..
        } => {
            if let Some(r) = state.requests.get_mut(request) {
                r.close(at, RequestStatus::Settled);
                r.settled = Some(Settlement {
                    outcome: *outcome,
                    partner: partner.clone(),
                });
            }
        }
        Event::CallbackScheduled { request, due } => {
            if let Some(r) = state.requests.get_mut(request) {
                match r.callbacks.last_mut().filter(|c| c.is_pending()) {
                    Some(c) => c.due = *due,
                    None => r.callbacks.push(Callback {
                        asked_at: at,
                        due: *due,
                        attempts: Vec::new(),
                    }),
                }
            }
        }
        Event::CallbackMade { request, outcome } => {
            let r = state.requests.get_mut(request);
            if let Some(c) = r.and_then(|r| r.callbacks.last_mut()) {
                c.attempts.push(CallbackAttempt {
                    at,
                    by: env.coordinator.clone(),
                    outcome: *outcome,
                });
            }
        }
        _ => {}
    }
}
