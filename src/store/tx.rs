//! A group of commands committed together: decided one after the other against a working
//! copy of the state, written in one sled transaction, made durable once.

use super::error::{Result, StoreError};
use super::views::{Overlay, encode};
use super::{SNAPSHOT_EVERY, Snapshot, Store, keys};
use crate::domain::event::{Envelope, Event};
use crate::domain::ids::PersonalId;
use crate::domain::personal::PersonalRecord;
use crate::domain::state::State;
use crate::domain::views::project;
use crate::domain::{Command, decide, stamp};
use chrono::{DateTime, Utc};
use sled::Transactional;
use sled::transaction::ConflictableTransactionError;
use std::collections::BTreeMap;

pub struct Tx<'s> {
    store: &'s mut Store,
    state: State,
    envelopes: Vec<Envelope>,
    personal: Vec<PersonalRecord>,
    erased: Vec<PersonalId>,
    views: Overlay,
    aggregates: super::aggregates::Pending,
    /// Extra metadata to write with this commit (import markers).
    pub(super) meta: BTreeMap<Vec<u8>, Option<Vec<u8>>>,
}

impl<'s> Tx<'s> {
    pub(super) fn new(store: &'s mut Store) -> Tx<'s> {
        let views = Overlay {
            tree: store.views.clone(),
            pending: BTreeMap::new(),
        };
        let aggregates = super::aggregates::Pending::new(&store.aggregates);
        Tx {
            state: store.state.clone(),
            store,
            envelopes: Vec::new(),
            personal: Vec::new(),
            erased: Vec::new(),
            views,
            aggregates,
            meta: BTreeMap::new(),
        }
    }

    /// The state as it will be once this group is committed.
    pub fn state(&self) -> &State {
        &self.state
    }

    pub fn territory(&self) -> &crate::domain::reference::Territory {
        &self.store.territory
    }

    /// The personal records this group will write.
    pub fn personal(&self) -> &[PersonalRecord] {
        &self.personal
    }

    pub fn len(&self) -> usize {
        self.envelopes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.envelopes.is_empty()
    }

    /// Decides a command against the working state; a refusal leaves the group as it was.
    pub fn execute(&mut self, cmd: &Command, at: DateTime<Utc>) -> Result<Vec<Envelope>> {
        let decision = decide(&self.state, &self.store.territory, cmd, at)?;
        self.personal.extend(decision.personal);
        let envs = stamp(&self.state, decision.events, at);
        for env in &envs {
            self.push(env.clone())?;
        }
        Ok(envs)
    }

    /// Appends an already-stamped envelope (import). Its sequence must follow.
    pub(super) fn push(&mut self, env: Envelope) -> Result<()> {
        if env.seq != self.state.last_seq + 1 {
            return Err(StoreError::Write(format!(
                "sequence {} does not follow {}",
                env.seq, self.state.last_seq
            )));
        }
        self.state.apply(&env);
        project(&mut self.views, &self.state, &env)?;
        crate::domain::facts::project(&mut self.aggregates, &self.state, &env)?;
        if let Event::PersonalErased { personal, .. } = &env.event {
            self.personal.retain(|p| p.id != *personal);
            self.erased.push(*personal);
        }
        if let Event::PersonalPurged { personal, .. } = &env.event {
            self.personal
                .retain(|p| personal.binary_search(&p.id).is_err());
            self.erased.extend(personal.iter().copied());
        }
        self.envelopes.push(env);
        Ok(())
    }

    pub(super) fn push_personal(&mut self, record: PersonalRecord) {
        self.personal.push(record);
    }

    /// Writes everything in one transaction, then flushes and fsyncs. Only then does the
    /// store's live state move forward.
    pub fn commit(self) -> Result<u64> {
        let Tx {
            store,
            state,
            envelopes,
            personal,
            erased,
            views,
            aggregates,
            meta,
        } = self;
        if envelopes.is_empty() && meta.is_empty() {
            return Ok(state.last_seq);
        }
        let mut journal_rows = Vec::with_capacity(envelopes.len());
        for env in &envelopes {
            journal_rows.push((keys::seq(env.seq), encode(env)?));
        }
        let mut personal_rows = Vec::with_capacity(personal.len());
        for p in &personal {
            personal_rows.push((keys::seq(p.id.0), encode(p)?));
        }
        let mut view_rows: Vec<(Vec<u8>, Option<Vec<u8>>)> = views
            .pending
            .into_iter()
            .map(|(k, v)| (k, Some(v)))
            .collect();
        view_rows.extend(meta);
        let marks_night = envelopes.iter().any(|e| {
            matches!(
                e.event,
                Event::NightOpened { .. } | Event::NightClosed { .. }
            )
        });
        let snapshot = marks_night || state.last_seq >= store.snapshot_seq + SNAPSHOT_EVERY;
        if snapshot {
            let snap = Snapshot {
                seq: state.last_seq,
                state: state.clone(),
            };
            view_rows.push((keys::META_SNAPSHOT.to_vec(), Some(encode(&snap)?)));
        }

        let aggregate_rows = aggregates.rows(state.last_seq)?;
        let trees = (
            &store.journal,
            &store.personal,
            &store.views,
            &store.aggregates,
        );
        let written = trees.transaction(|(j, p, v, a)| {
            for (k, val) in &journal_rows {
                j.insert(&k[..], val.as_slice())?;
            }
            for (k, val) in &personal_rows {
                p.insert(&k[..], val.as_slice())?;
            }
            for id in &erased {
                p.remove(&keys::seq(id.0)[..])?;
            }
            for (k, val) in &view_rows {
                match val {
                    Some(val) => v.insert(k.as_slice(), val.as_slice())?,
                    None => v.remove(k.as_slice())?,
                };
            }
            for (k, val) in &aggregate_rows {
                a.insert(k.as_slice(), val.as_slice())?;
            }
            Ok::<(), ConflictableTransactionError<()>>(())
        });
        if let Err(e) = written {
            return Err(StoreError::Write(format!("{e:?}")));
        }
        store.durable(snapshot)?;
        if snapshot {
            store.snapshot_seq = state.last_seq;
        }
        store.state = state;
        Ok(store.state.last_seq)
    }
}
