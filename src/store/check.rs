//! `check`: replay the whole journal from zero and compare with what the store keeps
//! (the hash chain, the live state from the snapshot, and every view). It streams: a
//! request or situation the replayed state has let go of (finished) and a night two nights
//! back can no longer change, so they are compared and dropped as the replay goes, and the
//! memory stays that of one night's views.

use super::error::Result;
use super::views::{MemViews, decode};
use super::{Store, keys};
use super::{chain, rows};
use crate::domain::event::{Envelope, Event};
use crate::domain::ids::{CaseId, RequestId};
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
    /// Replays the journal into a fresh state and fresh views; `settle` is called after
    /// each night's opening with the views so far (the check compares and drops the final
    /// ones).
    pub(super) fn replay_all(
        &self,
        differences: &mut Vec<String>,
        mut settle: impl FnMut(&State, &mut MemViews, &mut Vec<String>) -> Result<()>,
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
            if matches!(env.event, Event::NightOpened { .. }) {
                settle(&state, &mut views, differences)?;
            }
        }
        Ok((state, views, missing))
    }

    pub fn check(&self) -> Result<CheckReport> {
        let mut diffs = Vec::new();
        let mut seen = Seen::default();
        let (state, mut views, missing) = self.replay_all(&mut diffs, |state, views, diffs| {
            settle(self, state, views, &mut seen, diffs)
        })?;
        if state != *self.state() {
            diffs.push(format!(
                "live state differs from the replay (live at {}, replay at {})",
                self.state().last_seq,
                state.last_seq
            ));
        }
        let nights = seen.nights + views.nights.len() as u64;
        let requests = seen.requests + views.requests.len() as u64;
        let interventions = seen.interventions
            + views
                .requests
                .values()
                .map(|r| r.interventions.len() as u64)
                .sum::<u64>();
        let cases = seen.cases + views.cases.len() as u64;
        // Everything left is final now.
        settle(self, &State::default(), &mut views, &mut seen, &mut diffs)?;
        for (prefix, what, replayed) in [
            (keys::NIGHT_PREFIX, "night", nights),
            (keys::REQUEST_PREFIX, "request", requests),
            (keys::CASE_PREFIX, "case", cases),
        ] {
            let stored = self.views.scan_prefix(prefix).keys().count() as u64;
            if stored > replayed {
                diffs.push(format!(
                    "{} {what} records are stored but not in the journal",
                    stored - replayed
                ));
            }
        }
        self.check_aggregates(&mut diffs)?;
        diffs.truncate(MAX_DIFFERENCES);
        Ok(CheckReport {
            events: state.last_seq,
            nights,
            requests,
            interventions,
            cases,
            personal_records: self.personal_count() as u64,
            personal_missing: missing,
            differences: diffs,
            backups_to_scrub: self.backups_to_scrub()?,
        })
    }
}

/// What the streaming check has compared and dropped.
#[derive(Default)]
struct Seen {
    nights: u64,
    requests: u64,
    interventions: u64,
    cases: u64,
}

/// Compares with the store, and drops, the views that can no longer change: requests and
/// situations the state let go of, nights before the last two.
fn settle(
    store: &Store,
    state: &State,
    views: &mut MemViews,
    seen: &mut Seen,
    diffs: &mut Vec<String>,
) -> Result<()> {
    let live = |id: &u64| state.requests.contains_key(&RequestId(*id));
    for (id, r) in take_finished(&mut views.requests, live) {
        seen.requests += 1;
        seen.interventions += r.interventions.len() as u64;
        compare(store, &keys::request(id), "request", &r, diffs)?;
    }
    let live = |id: &u64| state.cases.contains_key(&CaseId(*id));
    for (id, c) in take_finished(&mut views.cases, live) {
        seen.cases += 1;
        compare(store, &keys::case(id), "case", &c, diffs)?;
    }
    // The last night and the one before (its handover is acknowledged in the next) stay.
    let keep = if state.last_seq == 0 { 0 } else { 2 };
    while views.nights.len() > keep {
        let Some((_, n)) = views.nights.pop_first() else {
            break;
        };
        seen.nights += 1;
        compare(store, &keys::night(n.night), "night", &n, diffs)?;
    }
    Ok(())
}

/// Removes and returns the entries whose id is no longer `live`.
fn take_finished<T>(map: &mut BTreeMap<u64, T>, live: impl Fn(&u64) -> bool) -> Vec<(u64, T)> {
    let done: Vec<u64> = map.keys().filter(|id| !live(id)).copied().collect();
    done.into_iter()
        .filter_map(|id| map.remove(&id).map(|v| (id, v)))
        .collect()
}

/// Compares one replayed view with the stored one.
fn compare<T: DeserializeOwned + PartialEq + Debug>(
    store: &Store,
    key: &[u8],
    what: &str,
    expected: &T,
    diffs: &mut Vec<String>,
) -> Result<()> {
    let name = String::from_utf8_lossy(key).into_owned();
    match store.views.get(key).map_err(|e| store.damage(e))? {
        None => diffs.push(format!("{what} {name:?} is missing from the views")),
        Some(v) => match decode::<T>(&v, what) {
            Err(_) => diffs.push(format!("{what} {name:?} unreadable")),
            Ok(got) if got != *expected => {
                diffs.push(format!("{what} {name:?} differs from the journal"))
            }
            Ok(_) => {}
        },
    }
    Ok(())
}
