//! Commands that come from another desk or a team's phone: their origin is stamped on the
//! envelopes, and their sender's id is kept (in the same transaction) so that a command
//! retried after a lost answer is executed once — the retry is answered with what the first
//! execution wrote.

use super::error::{Result, StoreError};
use super::views::{decode, encode};
use super::{Store, keys};
use crate::domain::event::Origin;
use crate::domain::ids::PersonalId;
use crate::domain::{Command, Written};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// What a command id wrote: its envelopes' sequences and the personal records it made.
#[derive(Serialize, Deserialize)]
struct Done {
    first: u64,
    last: u64,
    personal: Vec<PersonalId>,
}

/// The key of a command id: hashed, so an id of any length or bytes makes a fixed key, and
/// kept apart from the views a rebuild rewrites (`cmd/`).
fn key(id: &str) -> Vec<u8> {
    [keys::COMMAND_PREFIX, &Sha256::digest(id.as_bytes())[..]].concat()
}

impl Store {
    /// Like `commit`, with `origin` on every envelope. When `origin.id` was committed
    /// before, nothing is executed again: the answer is what that commit wrote.
    pub fn commit_from(
        &mut self,
        commands: &[Command],
        at: DateTime<Utc>,
        origin: &Origin,
    ) -> Result<Written> {
        let key = origin.id.as_deref().map(key);
        if let Some(k) = &key
            && let Some(bytes) = self
                .views
                .get(k)
                .map_err(|e| StoreError::Read(e.to_string()))?
        {
            let done: Done = decode(&bytes, "command id")?;
            return self.written_again(&done);
        }
        let mut tx = self.begin()?;
        tx.origin = Some(origin.clone());
        let mut envelopes = Vec::new();
        for cmd in commands {
            envelopes.extend(tx.execute(cmd, at)?);
        }
        let personal = tx.personal().to_vec();
        if let (Some(k), Some(first), Some(last)) = (key, envelopes.first(), envelopes.last()) {
            let done = Done {
                first: first.seq,
                last: last.seq,
                personal: personal.iter().map(|p| p.id).collect(),
            };
            tx.meta.insert(k, Some(encode(&done)?));
        }
        tx.commit()?;
        Ok(Written {
            envelopes,
            personal,
        })
    }

    /// A retried command's answer, read back from the journal (a personal record erased
    /// since is left out, as it is everywhere).
    fn written_again(&self, done: &Done) -> Result<Written> {
        let envelopes = self
            .envelopes(done.first, done.last)
            .collect::<Result<Vec<_>>>()?;
        let mut personal = Vec::new();
        for id in &done.personal {
            personal.extend(self.personal_record(*id)?);
        }
        Ok(Written {
            envelopes,
            personal,
        })
    }
}
