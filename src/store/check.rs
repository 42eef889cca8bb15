//! `check`: replay the whole journal from zero and compare with what the store keeps
//! (the live state from the snapshot, and every view).

use super::error::Result;
use super::views::{MemViews, decode};
use super::{Store, keys};
use super::{chain, rows};
use crate::domain::event::Envelope;
use crate::domain::state::State;
use crate::domain::views::project;
use serde::de::DeserializeOwned;
use std::collections::BTreeMap;
use std::fmt::Debug;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct CheckReport {
    pub events: u64,
    pub nights: u64,
    pub requests: u64,
    pub interventions: u64,
    pub cases: u64,
    pub personal_records: u64,
    /// References to personal records that are no longer there (erased or expired).
    pub personal_missing: u64,
    /// Every disagreement found; empty means the store is sound.
    pub differences: Vec<String>,
    /// Backups that may still hold erased records: an erasure's scrub is owed.
    pub backups_to_scrub: Vec<std::path::PathBuf>,
}

impl CheckReport {
    pub fn is_ok(&self) -> bool {
        self.differences.is_empty() && self.backups_to_scrub.is_empty()
    }
}

/// Keeps the report readable on a badly damaged store.
const MAX_DIFFERENCES: usize = 50;

impl Store {
    /// Replays the journal into a fresh state and fresh views.
    pub(super) fn replay_all(
        &self,
        differences: &mut Vec<String>,
    ) -> Result<(State, MemViews, u64)> {
        let mut state = State::default();
        let mut views = MemViews::default();
        let mut missing = 0;
        let mut prev = chain::ZERO;
        for item in self.journal.iter() {
            let (k, v) = item.map_err(|e| self.damage(e))?;
            let env: Envelope = match rows::envelope(&self.dir, &v) {
                Ok(env) => env,
                Err(_) => {
                    differences.push(format!(
                        "journal entry {:?} does not read",
                        keys::decode_seq(&k)
                    ));
                    continue;
                }
            };
            if !rows::follows(&prev, &v) {
                differences.push(format!(
                    "event {}: its hash does not follow the chain (changed or reordered)",
                    env.seq
                ));
            }
            prev = rows::hash(&v).unwrap_or(chain::ZERO);
            if env.seq != state.last_seq + 1 || keys::decode_seq(&k) != Some(env.seq) {
                differences.push(format!(
                    "journal sequence: expected {}, found {}",
                    state.last_seq + 1,
                    env.seq
                ));
            }
            for id in env.event.personal_refs() {
                if !self
                    .personal
                    .contains_key(keys::seq(id.0))
                    .map_err(|e| self.damage(e))?
                {
                    missing += 1;
                }
            }
            state.apply(&env);
            let Ok(()) = project(&mut views, &state, &env);
        }
        Ok((state, views, missing))
    }

    pub fn check(&self) -> Result<CheckReport> {
        let mut diffs = Vec::new();
        let (state, views, missing) = self.replay_all(&mut diffs)?;
        if state != *self.state() {
            diffs.push(format!(
                "live state differs from the replay (live at {}, replay at {})",
                self.state().last_seq,
                state.last_seq
            ));
        }
        compare(
            self,
            keys::NIGHT_PREFIX,
            "night",
            &views
                .nights
                .values()
                .map(|n| (keys::night(n.night), n.clone()))
                .collect(),
            &mut diffs,
        )?;
        compare(
            self,
            keys::REQUEST_PREFIX,
            "request",
            &views
                .requests
                .iter()
                .map(|(id, r)| (keys::request(*id), r.clone()))
                .collect(),
            &mut diffs,
        )?;
        compare(
            self,
            keys::CASE_PREFIX,
            "case",
            &views
                .cases
                .iter()
                .map(|(id, c)| (keys::case(*id), c.clone()))
                .collect(),
            &mut diffs,
        )?;
        diffs.truncate(MAX_DIFFERENCES);
        Ok(CheckReport {
            events: state.last_seq,
            nights: views.nights.len() as u64,
            requests: views.requests.len() as u64,
            interventions: views
                .requests
                .values()
                .map(|r| r.interventions.len() as u64)
                .sum(),
            cases: views.cases.len() as u64,
            personal_records: self.personal_count() as u64,
            personal_missing: missing,
            differences: diffs,
            backups_to_scrub: self.backups_to_scrub()?,
        })
    }
}

/// Compares one kind of stored view with its replayed counterpart.
fn compare<T: DeserializeOwned + PartialEq + Debug>(
    store: &Store,
    prefix: &[u8],
    what: &str,
    expected: &BTreeMap<Vec<u8>, T>,
    diffs: &mut Vec<String>,
) -> Result<()> {
    let mut matched = 0;
    for item in store.views.scan_prefix(prefix) {
        let (k, v) = item.map_err(|e| store.damage(e))?;
        let name = String::from_utf8_lossy(&k).into_owned();
        match (expected.get(k.as_ref()), decode::<T>(&v, what)) {
            (None, _) => diffs.push(format!("{what} {name:?} is stored but not in the journal")),
            (Some(_), Err(e)) => diffs.push(format!("{what} {name:?} unreadable: {e}")),
            (Some(exp), Ok(got)) if *exp != got => {
                diffs.push(format!("{what} {name:?} differs from the journal"))
            }
            _ => matched += 1,
        }
    }
    let missing = expected.len().saturating_sub(matched);
    if missing > 0 {
        diffs.push(format!(
            "{missing} {what} records of the journal are missing or wrong in the views"
        ));
    }
    Ok(())
}
