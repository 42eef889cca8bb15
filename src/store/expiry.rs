//! The retention period: which personal records have been kept long enough. A record goes
//! `days` after its request's last activity (its own creation for the records of no live
//! request). Records are numbered in the order they were made, so the scan stops at the
//! first one too young.

use super::Store;
use super::error::Result;
use crate::domain::event::Event;
use crate::domain::ids::PersonalId;
use crate::domain::personal::PersonalRecord;
use crate::domain::stamp;
use crate::domain::state::State;
use chrono::{DateTime, Duration, Utc};
use std::collections::HashMap;

/// The last activity of the records that live requests and situations point at.
fn activity(state: &State, now: DateTime<Utc>) -> HashMap<PersonalId, DateTime<Utc>> {
    let mut last = HashMap::new();
    for r in state.requests.values() {
        let at = r.closed_at.unwrap_or(now);
        let notes = r.interventions.iter().filter_map(|i| i.note);
        for id in r.personal.into_iter().chain(notes) {
            last.insert(id, at);
        }
    }
    for c in state.cases.values() {
        for id in c.steps.iter().filter_map(|s| s.note) {
            last.insert(id, c.last_action_at);
        }
    }
    last
}

impl Store {
    /// The records whose retention period of `days` has passed at `now`.
    pub(super) fn expired(
        &self,
        state: &State,
        now: DateTime<Utc>,
        days: u32,
    ) -> Result<Vec<PersonalId>> {
        let limit = now - Duration::days(i64::from(days));
        let active = activity(state, now);
        let mut out = Vec::new();
        for item in self.personal.iter() {
            let rec: PersonalRecord = self.row(item, "personal")?;
            if rec.created_at >= limit {
                break;
            }
            if active.get(&rec.id).is_none_or(|at| *at < limit) {
                out.push(rec.id);
            }
        }
        Ok(out)
    }
}

impl Store {
    /// Erases now every record past a retention period of `days`, in one commit and one
    /// event; returns how many.
    pub fn purge(&mut self, days: u32, now: DateTime<Utc>) -> Result<usize> {
        let personal = self.expired(&self.state, now, days)?;
        let n = personal.len();
        if n > 0 {
            let mut tx = self.begin()?;
            let purge = Event::PersonalPurged { personal, days };
            for env in stamp(tx.state(), vec![purge], now) {
                tx.push(env)?;
            }
            tx.commit()?;
        }
        Ok(n)
    }
}
