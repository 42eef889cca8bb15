//! A group of commands committed together: decided one after the other against a working
//! copy of the state, written in one sled transaction, made durable once.

use super::error::{Result, StoreError};
use super::views::{Overlay, encode};
use super::{SNAPSHOT_EVERY, Snapshot, Store, keys, rows, wal};
use crate::domain::event::{Envelope, Event, Origin};
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
    /// The period reports' facts this group changes (`aggregates.rs`).
    aggregates: super::aggregates::Pending,
    /// Extra metadata to write with this commit (import markers, command ids).
    pub(super) meta: BTreeMap<Vec<u8>, Option<Vec<u8>>>,
    /// Stamped on every envelope of this group (`Store::commit_from`).
    pub(super) origin: Option<Origin>,
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
            origin: None,
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
        let mut envs = stamp(&self.state, decision.events, at);
        for env in &mut envs {
            env.origin.clone_from(&self.origin);
        }
        for env in &envs {
            self.push(env.clone())?;
        }
        if matches!(cmd, Command::CloseNight)
            && let Some(days) = self.store.retention_days
        {
            // The retention period, applied by itself at each close, in the same commit.
            let personal = self.store.expired(&self.state, at, days)?;
            if !personal.is_empty() {
                let purge = Event::PersonalPurged { personal, days };
                for mut env in stamp(&self.state, vec![purge], at) {
                    env.origin.clone_from(&self.origin);
                    self.push(env.clone())?;
                    envs.push(env);
                }
            }
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
        let erased: &[PersonalId] = match &env.event {
            Event::PersonalErased { personal, .. } => std::slice::from_ref(personal),
            Event::PersonalPurged { personal, .. } => personal,
            _ => &[],
        };
        if !erased.is_empty() {
            self.personal.retain(|p| !erased.contains(&p.id));
            self.erased.extend_from_slice(erased);
            // The backups still hold them: the scrub is owed until it has run (`scrub.rs`).
            self.meta.insert(
                keys::META_SCRUB.to_vec(),
                Some(env.seq.to_be_bytes().to_vec()),
            );
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

    /// Makes the group durable: its line in the witness is fsynced, then sled is written
    /// (without waiting for the disk; a checkpoint does that later). Only then does the
    /// store's live state move forward.
    pub fn commit(self) -> Result<u64> {
        self.finish(true)
    }

    /// Writes straight into sled and checkpoints (imports, replays, repairs): the witness
    /// is rewritten to the new head instead of holding the events.
    pub(super) fn commit_direct(self) -> Result<u64> {
        self.finish(false)
    }

    fn finish(self, witnessed: bool) -> Result<u64> {
        let Tx {
            store,
            state,
            envelopes,
            personal,
            erased,
            views,
            aggregates,
            meta,
            origin: _,
        } = self;
        if envelopes.is_empty() && meta.is_empty() {
            return Ok(state.last_seq);
        }
        let mut head = store.head;
        let mut journal_rows = Vec::with_capacity(envelopes.len());
        for env in &envelopes {
            let (hash, row) = rows::encode(env, &head);
            head = hash;
            journal_rows.push((keys::seq(env.seq), row));
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
        let snapshot = snapshot_due(store, &state, &envelopes);
        if snapshot {
            let snap = Snapshot {
                seq: state.last_seq,
                state: state.clone(),
            };
            view_rows.push((keys::META_SNAPSHOT.to_vec(), Some(encode(&snap)?)));
        }
        if witnessed && !envelopes.is_empty() {
            let line = wal::Commit {
                envelopes,
                personal,
                hash: head,
            };
            // The durability point: from here the commit survives a crash or power loss.
            store.wal.append(&line)?;
        }
        let rows = Rows {
            journal: journal_rows,
            personal: personal_rows,
            erased: &erased,
            views: view_rows,
        };
        let facts = aggregates.rows(state.last_seq, &store.territory.id)?;
        if let Err(e) = rows.write(store).and_then(|_| store.write_facts(&facts)) {
            // What the witness holds is replayed at the next open.
            store.poisoned = true;
            return Err(e);
        }
        if snapshot {
            store.snapshot_seq = state.last_seq;
        }
        store.state = state;
        store.head = head;
        let due = !erased.is_empty()
            || store.wal.pending() >= CHECKPOINT_EVERY
            || store.wal.len() >= CHECKPOINT_BYTES;
        if !witnessed {
            store.checkpoint()?;
        } else if due {
            // The commit is durable already; a failed checkpoint stops later writes
            // (`poisoned`) and the witness keeps everything for the next open.
            let _ = store.checkpoint();
        }
        Ok(store.state.last_seq)
    }
}

/// A snapshot at each night's opening and close, and at least every `SNAPSHOT_EVERY` events.
fn snapshot_due(store: &Store, state: &State, envelopes: &[Envelope]) -> bool {
    let marks_night = envelopes.iter().any(|e| {
        matches!(
            e.event,
            Event::NightOpened { .. } | Event::NightClosed { .. }
        )
    });
    marks_night || state.last_seq >= store.snapshot_seq + SNAPSHOT_EVERY
}

/// What one commit writes into sled, in one transaction over the three trees.
struct Rows<'a> {
    journal: Vec<([u8; 8], Vec<u8>)>,
    personal: Vec<([u8; 8], Vec<u8>)>,
    erased: &'a [PersonalId],
    views: Vec<(Vec<u8>, Option<Vec<u8>>)>,
}

impl Rows<'_> {
    fn write(&self, store: &Store) -> Result<()> {
        let trees = (&store.journal, &store.personal, &store.views);
        let written = trees.transaction(|(j, p, v)| {
            for (k, val) in &self.journal {
                j.insert(&k[..], val.as_slice())?;
            }
            for (k, val) in &self.personal {
                p.insert(&k[..], val.as_slice())?;
            }
            for id in self.erased {
                p.remove(&keys::seq(id.0)[..])?;
            }
            for (k, val) in &self.views {
                match val {
                    Some(val) => v.insert(k.as_slice(), val.as_slice())?,
                    None => v.remove(k.as_slice())?,
                };
            }
            Ok::<(), ConflictableTransactionError<()>>(())
        });
        written.map_err(|e| match e {
            sled::transaction::TransactionError::Storage(e) => StoreError::from(e),
            sled::transaction::TransactionError::Abort(()) => {
                StoreError::Write("the database refused the write; restart Vigie".into())
            }
        })
    }
}

/// The witness is checkpointed after this many commits, or bytes (and after an erasure,
/// so that an erased record does not stay in it).
const CHECKPOINT_EVERY: usize = 1024;
const CHECKPOINT_BYTES: u64 = 8 << 20;
