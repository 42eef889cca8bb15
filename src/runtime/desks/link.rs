//! A `Link` is what a desk (a console, the phones' server) works through: the owner's hub
//! in this process, or a connection to the owner in another. Both submit, publish in the
//! journal's order, and show the state.

use super::client::{Remote, Sent};
use super::hub::{Hub, Published, SubmitError};
use super::protocol::Refused;
use crate::domain::event::Origin;
use crate::domain::reference::Territory;
use crate::domain::refusal::Refusal;
use crate::domain::{Command, State, Written};
use crate::i18n::{Lang, store::store_error};
use crate::store::StoreError;
use chrono::{DateTime, Utc};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::broadcast;

/// How long a client waits for the owner's answer before saying so.
pub const ANSWER_WAIT: Duration = Duration::from_secs(10);

#[derive(Clone)]
pub enum Link {
    /// This process owns the store. `Lang`: the words of a store failure.
    Owner(Arc<Hub>, Lang),
    /// Another process does.
    Client(Arc<Remote>),
}

/// Why a submission through a link wrote nothing (or may not have).
#[derive(Debug, Clone, PartialEq)]
pub enum LinkError {
    Rules(Refusal),
    ReadOnly {
        holder: Option<String>,
    },
    Store(String),
    /// The owner went before answering: retry with the same id once reconnected.
    Gone,
    /// The owner did not answer in time.
    Timeout,
}

impl From<Refused> for LinkError {
    fn from(r: Refused) -> LinkError {
        match r {
            Refused::Rules { refusal } => LinkError::Rules(refusal),
            Refused::ReadOnly { holder } => LinkError::ReadOnly { holder },
            Refused::Store { words } => LinkError::Store(words),
        }
    }
}

impl Link {
    /// Executes `commands` for `origin` (whose `id` makes a retry harmless), durably;
    /// answers with what they wrote.
    pub fn submit(
        &self,
        commands: &[Command],
        origin: &Origin,
        now: DateTime<Utc>,
    ) -> Result<Written, LinkError> {
        match self {
            Link::Owner(hub, lang) => hub.submit(commands, origin, now).map_err(|e| match e {
                SubmitError::ReadOnly { holder } => LinkError::ReadOnly { holder },
                SubmitError::Store(StoreError::Refused(r)) => LinkError::Rules(r),
                SubmitError::Store(e) => LinkError::Store(store_error(&e, *lang)),
            }),
            Link::Client(remote) => {
                let id = origin.id.clone().unwrap_or_else(|| new_id("link"));
                let team = origin.team.as_deref();
                match remote.submit_for(&id, team, commands, now, ANSWER_WAIT) {
                    Sent::Answered(a) => a.map_err(LinkError::from),
                    Sent::Gone => Err(LinkError::Gone),
                    Sent::Timeout => Err(LinkError::Timeout),
                }
            }
        }
    }

    /// Every commit (and change of holder) from now on, in the journal's order. Closed
    /// when a client's connection ends.
    pub fn subscribe(&self) -> broadcast::Receiver<Arc<Published>> {
        match self {
            Link::Owner(hub, _) => hub.subscribe(),
            Link::Client(remote) => remote.subscribe(),
        }
    }

    /// Reads the live state and the territory.
    pub fn with_state<R>(&self, f: impl FnOnce(&State, &Territory) -> R) -> R {
        match self {
            Link::Owner(hub, _) => hub.with_store(|s| f(s.state(), s.territory())),
            Link::Client(remote) => remote.with_state(f),
        }
    }

    pub fn is_owner(&self) -> bool {
        matches!(self, Link::Owner(..))
    }
}

/// A command id no other desk makes: the desk, this process, the time, a counter.
pub fn new_id(desk: &str) -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let t = Utc::now().timestamp_micros();
    let id = format!("{desk}-{}-{t:x}-{n}", std::process::id());
    // The store keeps ids of at most 64 characters: the unique end is kept.
    let count = id.chars().count();
    id.chars().skip(count.saturating_sub(64)).collect()
}
