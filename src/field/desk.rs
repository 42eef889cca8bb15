//! The seam between the field link and whoever holds the store: the owner's hub (or a
//! client's link to it) implements `FieldDesk`; `LocalDesk` is one over a `Store` in this
//! process, for tests and for a headless owner with nothing else to share it with.

use crate::domain::event::Origin;
use crate::domain::ids::PersonalId;
use crate::domain::personal::PersonalRecord;
use crate::domain::reference::Territory;
use crate::domain::{Command, Refusal, State, Written};
use crate::store::{Store, StoreError};
use chrono::{DateTime, Utc};
use std::sync::{Arc, Mutex};
use tokio::sync::broadcast;

/// What the phone pages read: the live state, the territory, a personal record.
pub trait Reading {
    fn state(&self) -> &State;
    fn territory(&self) -> &Territory;
    fn personal(&self, id: PersonalId) -> Option<PersonalRecord>;
}

impl Reading for Store {
    fn state(&self) -> &State {
        Store::state(self)
    }
    fn territory(&self) -> &Territory {
        Store::territory(self)
    }
    fn personal(&self, id: PersonalId) -> Option<PersonalRecord> {
        self.personal_record(id).ok().flatten()
    }
}

/// Why a submission wrote nothing: the domain's refusal (said to the team in words), or a
/// failure of the store (logged for the administrator; the phone only hears « try again »).
#[derive(Debug, Clone, PartialEq)]
pub enum DeskError {
    Refused(Refusal),
    Failed(String),
}

impl From<StoreError> for DeskError {
    fn from(e: StoreError) -> DeskError {
        match e {
            StoreError::Refused(r) => DeskError::Refused(r),
            other => DeskError::Failed(other.to_string()),
        }
    }
}

/// What the field link asks of the store's owner. Object-safe: the server holds an
/// `Arc<dyn FieldDesk>`.
pub trait FieldDesk: Send + Sync + 'static {
    /// Runs `f` over the live state under the owner's lock (keep it short: no I/O).
    fn read(&self, f: &mut dyn FnMut(&dyn Reading));
    /// Executes the commands as the domain does for a desk, all or none, with `origin` on
    /// every envelope; durable (fsynced) before `Ok`. A retried `origin.id` answers what
    /// its first execution wrote, without executing again.
    fn submit(
        &self,
        commands: &[Command],
        origin: &Origin,
        now: DateTime<Utc>,
    ) -> Result<Arc<Written>, DeskError>;
    /// Every commit from now on, whoever made it (the live stream, a night's close).
    fn commits(&self) -> broadcast::Receiver<Arc<Written>>;
}

/// Reads one value out of the desk's live state.
pub fn read_with<R>(desk: &dyn FieldDesk, f: impl FnOnce(&dyn Reading) -> R) -> R {
    let mut f = Some(f);
    let mut out = None;
    desk.read(&mut |r| {
        if let Some(f) = f.take() {
            out = Some(f(r));
        }
    });
    // `read` always calls back once; an implementation that did not is a bug, not input.
    out.unwrap_or_else(|| unreachable!("FieldDesk::read did not call back"))
}

/// A `FieldDesk` over a store in this process, broadcasting every commit it makes.
pub struct LocalDesk {
    store: Mutex<Store>,
    commits: broadcast::Sender<Arc<Written>>,
}

impl LocalDesk {
    pub fn new(store: Store) -> LocalDesk {
        let (commits, _) = broadcast::channel(1024);
        LocalDesk {
            store: Mutex::new(store),
            commits,
        }
    }

    /// A commit made at a desk (the coordinator's console, a test standing for it).
    pub fn commit_at_desk(
        &self,
        commands: &[Command],
        desk: &str,
        now: DateTime<Utc>,
    ) -> Result<Arc<Written>, DeskError> {
        let origin = Origin {
            desk: Some(desk.to_string()),
            ..Origin::default()
        };
        self.submit(commands, &origin, now)
    }

    /// Runs `f` on the store itself (under the lock).
    pub fn with_store<R>(&self, f: impl FnOnce(&mut Store) -> R) -> R {
        let mut store = self.store.lock().unwrap_or_else(|p| p.into_inner());
        f(&mut store)
    }
}

impl FieldDesk for LocalDesk {
    fn read(&self, f: &mut dyn FnMut(&dyn Reading)) {
        let store = self.store.lock().unwrap_or_else(|p| p.into_inner());
        f(&*store);
    }

    fn submit(
        &self,
        commands: &[Command],
        origin: &Origin,
        now: DateTime<Utc>,
    ) -> Result<Arc<Written>, DeskError> {
        let mut store = self.store.lock().unwrap_or_else(|p| p.into_inner());
        let before = store.last_seq();
        let written = Arc::new(store.commit_from(commands, now, origin)?);
        // A retried id answers what was written before: nothing new to tell the others.
        if written.last_seq().is_some_and(|s| s > before) {
            let _ = self.commits.send(written.clone());
        }
        Ok(written)
    }

    fn commits(&self) -> broadcast::Receiver<Arc<Written>> {
        self.commits.subscribe()
    }
}
