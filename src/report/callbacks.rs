//! Residents still to call back: the board shows those due, the handover lists those not
//! made. No personal data here: the number stays in the request's record, shown only in
//! the request's detail and the main courante.

use crate::domain::calendar::ServiceNight;
use crate::domain::ids::RequestId;
use crate::domain::state::State;
use chrono::{DateTime, Utc};

#[derive(Debug, Clone, PartialEq)]
pub struct CallbackDue {
    pub request: RequestId,
    pub number: u32,
    pub night: ServiceNight,
    pub site: String,
    pub due: DateTime<Utc>,
    /// Calls already tried without an answer.
    pub tries: usize,
}

/// Callbacks not made yet, the earliest due first.
pub fn pending(state: &State) -> Vec<CallbackDue> {
    let mut due: Vec<CallbackDue> = state
        .requests
        .values()
        .filter_map(|r| {
            let c = r.pending_callback()?;
            Some(CallbackDue {
                request: r.id,
                number: r.number,
                night: r.night,
                site: r.site.clone(),
                due: c.due,
                tries: c.attempts.len(),
            })
        })
        .collect();
    due.sort_by_key(|c| (c.due, c.number));
    due
}
