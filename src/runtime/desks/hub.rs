//! The owner's core: the process that opened the store holds it here, executes every desk's
//! commands (its own console's, other consoles', the teams' phones') through
//! `Store::commit_from`, and publishes each commit, in the journal's order, to whoever
//! listens. Who holds the desk (may write) is decided here too.

use crate::domain::command::Command;
use crate::domain::event::Origin;
use crate::domain::{State, Written};
use crate::store::{Store, StoreError};
use chrono::{DateTime, Utc};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};
use tokio::sync::broadcast;

/// How many publications a slow listener may fall behind before it must start again.
const BACKLOG: usize = 4096;

/// What the owner publishes, in order.
#[derive(Debug, Clone)]
pub enum Published {
    /// A commit, with where it came from.
    Commit { written: Written, origin: Origin },
    /// The desk changed hands (`None`: nobody holds it).
    Holder(Option<String>),
}

/// Why a submission was not executed.
#[derive(Debug, thiserror::Error)]
pub enum SubmitError {
    /// A desk that does not hold the desk (`holder` does, if anyone).
    #[error("this desk does not hold the desk (held by {holder:?})")]
    ReadOnly { holder: Option<String> },
    #[error("{0}")]
    Store(StoreError),
}

#[derive(Default)]
struct Desks {
    holder: Option<String>,
    /// Desks present, with how many connections each has, and whether read-only for good.
    present: HashMap<String, (usize, bool)>,
}

pub struct Hub {
    store: Mutex<Store>,
    desks: Mutex<Desks>,
    tx: broadcast::Sender<Arc<Published>>,
    /// The owner's desk name (a console's, or `serve`).
    name: String,
}

/// A command that hands the desk over (`:releve`) or opens the night: it takes the desk.
fn takes_desk(commands: &[Command]) -> bool {
    commands.iter().any(|c| {
        matches!(
            c,
            Command::ChangeCoordinator { .. } | Command::OpenNight { .. }
        )
    })
}

impl Hub {
    pub fn new(store: Store, name: &str) -> Arc<Hub> {
        let (tx, _) = broadcast::channel(BACKLOG);
        Arc::new(Hub {
            store: Mutex::new(store),
            desks: Mutex::new(Desks::default()),
            tx,
            name: name.to_string(),
        })
    }

    /// The owner's desk name.
    pub fn name(&self) -> &str {
        &self.name
    }

    fn store(&self) -> MutexGuard<'_, Store> {
        // A panic while holding the store leaves it as the last commit left it (a commit is
        // one transaction): go on with it.
        self.store.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn desks(&self) -> MutexGuard<'_, Desks> {
        self.desks.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Executes `commands` for `origin` at `now`, durably, and publishes what they wrote
    /// before answering (so every listener has it before the sender hears back). A desk
    /// that does not hold the desk is refused, unless it takes it (`:releve`, opening the
    /// night) and is not read-only for good. A team's phone is not a desk.
    pub fn submit(
        &self,
        commands: &[Command],
        origin: &Origin,
        now: DateTime<Utc>,
    ) -> Result<Written, SubmitError> {
        let mut store = self.store();
        let takes = match &origin.desk {
            // A team's phone is not a desk, even when a desk relays it.
            _ if origin.team.is_some() => false,
            None => false,
            Some(desk) => {
                let d = self.desks();
                let for_good = d.present.get(desk).is_some_and(|p| p.1);
                let holds = d.holder.as_deref() == Some(desk.as_str());
                if !holds && (for_good || !takes_desk(commands)) {
                    return Err(SubmitError::ReadOnly {
                        holder: d.holder.clone(),
                    });
                }
                !holds
            }
        };
        let written = store
            .commit_from(commands, now, origin)
            .map_err(SubmitError::Store)?;
        let _ = self.tx.send(Arc::new(Published::Commit {
            written: written.clone(),
            origin: origin.clone(),
        }));
        if takes {
            self.set_holder(origin.desk.clone());
        }
        Ok(written)
    }

    /// Every publication from now on, in order.
    pub fn subscribe(&self) -> broadcast::Receiver<Arc<Published>> {
        self.tx.subscribe()
    }

    /// Reads the store (its state, territory, journal) while no commit runs.
    pub fn with_store<R>(&self, f: impl FnOnce(&Store) -> R) -> R {
        f(&self.store())
    }

    /// The store for what only the owner does (the demo's world, a backup's job).
    pub fn with_store_mut<R>(&self, f: impl FnOnce(&mut Store) -> R) -> R {
        f(&mut self.store())
    }

    /// A copy of the live state.
    pub fn state(&self) -> State {
        self.store().state().clone()
    }

    /// Who holds the desk.
    pub fn holder(&self) -> Option<String> {
        self.desks().holder.clone()
    }

    /// A desk arrives. It takes the desk when nobody holds it and it may write, or when it
    /// held it before its owner went (`holding`). Answers whether it holds it.
    pub fn join(&self, desk: &str, read_only: bool, holding: bool) -> bool {
        let mut d = self.desks();
        let entry = d.present.entry(desk.to_string()).or_insert((0, read_only));
        entry.0 += 1;
        entry.1 = read_only;
        let take = !read_only && (d.holder.is_none() || holding);
        if take && d.holder.as_deref() != Some(desk) {
            drop(d);
            self.set_holder(Some(desk.to_string()));
            return true;
        }
        d.holder.as_deref() == Some(desk)
    }

    /// A desk's connection ended. The desk is free when its holder has no connection left.
    pub fn leave(&self, desk: &str) {
        let mut d = self.desks();
        let gone = match d.present.get_mut(desk) {
            Some(entry) => {
                entry.0 = entry.0.saturating_sub(1);
                entry.0 == 0
            }
            None => true,
        };
        if gone {
            d.present.remove(desk);
            if d.holder.as_deref() == Some(desk) {
                drop(d);
                self.set_holder(None);
            }
        }
    }

    /// The desks present, by name.
    pub fn present(&self) -> Vec<String> {
        let mut v: Vec<String> = self.desks().present.keys().cloned().collect();
        v.sort();
        v
    }

    fn set_holder(&self, holder: Option<String>) {
        let mut d = self.desks();
        if d.holder == holder {
            return;
        }
        d.holder = holder.clone();
        let _ = self.tx.send(Arc::new(Published::Holder(holder)));
    }
}
