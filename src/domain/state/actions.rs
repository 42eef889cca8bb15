//! An action beyond calls in the state: only the personal counter moves (actions live in
//! the views and the aggregates).

use super::State;
use crate::domain::event::{Envelope, Event};

/// Applies an `ActionRecorded`.
pub(super) fn apply(state: &mut State, env: &Envelope) {
    if let Event::ActionRecorded { note: Some(p), .. } = &env.event {
        state.counters.personal = state.counters.personal.max(p.0 + 1);
    }
}
