//! The service night itself: who opened it, who held the console, when it closed.

use super::State;
use crate::domain::calendar::ServiceNight;
use crate::domain::event::{Envelope, Event};
use crate::domain::handover::{HandoverNote, PendingHandover};
use crate::domain::ids::RequestId;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

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
    /// A night just opened by `coordinator`: nothing received, nothing handed over yet.
    pub fn opened(night: ServiceNight, at: DateTime<Utc>, coordinator: &str) -> Self {
        NightState {
            night,
            opened_at: at,
            closed_at: None,
            coordinator: coordinator.to_string(),
            coordinators: vec![(at, coordinator.to_string())],
            received: 0,
            note: None,
            carried_over: Vec::new(),
        }
    }

    pub fn is_open(&self) -> bool {
        self.closed_at.is_none()
    }
}

/// Applies the night's own events; `State::apply` routes the others elsewhere.
pub(super) fn apply(state: &mut State, env: &Envelope) {
    let at = env.at;
    match &env.event {
        Event::NightOpened { night, coordinator } => {
            state.evict_finished();
            let mut opened = NightState::opened(*night, at, coordinator);
            // Tonight's numbers follow those of the requests carried in: one number, one
            // request, in the night's lists and reports.
            opened.received = state.requests.values().map(|r| r.number).max().unwrap_or(0);
            state.night = Some(opened);
        }
        Event::CoordinatorChanged { coordinator } => {
            if let Some(n) = state.night.as_mut() {
                n.coordinator = coordinator.clone();
                n.coordinators.push((at, coordinator.clone()));
            }
        }
        Event::NightClosed { .. } => {
            if let Some(n) = state.night.as_mut() {
                n.closed_at = Some(at);
                state.handover = Some(PendingHandover {
                    night: n.night,
                    closed_at: at,
                    note: n.note.clone(),
                    carried_over: n.carried_over.clone(),
                    acknowledged: None,
                });
            }
        }
        _ => {}
    }
}
