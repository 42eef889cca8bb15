//! Journal rows as sled keeps them: the event's chain hash (32 bytes), then its canonical
//! JSON. Reading a row checks nothing; `check` and the open verify the chain.

use super::chain::{self, Hash};
use super::error::{Damage, Result, StoreError};
use crate::domain::event::Envelope;
use std::path::Path;

/// The row of `env` following `prev`, and its hash.
pub fn encode(env: &Envelope, prev: &Hash) -> (Hash, Vec<u8>) {
    let canonical = chain::canonical(env);
    let hash = chain::next(prev, &canonical);
    let mut row = Vec::with_capacity(32 + canonical.len());
    row.extend_from_slice(&hash);
    row.extend_from_slice(&canonical);
    (hash, row)
}

/// The hash a row carries.
pub fn hash(row: &[u8]) -> Option<Hash> {
    row.get(..32)?.try_into().ok()
}

/// Does this row follow `prev` in the chain?
pub fn follows(prev: &Hash, row: &[u8]) -> bool {
    match (hash(row), row.get(32..)) {
        (Some(h), Some(body)) => chain::next(prev, body) == h,
        _ => false,
    }
}

/// The envelope of a row.
pub fn envelope(dir: &Path, row: &[u8]) -> Result<Envelope> {
    row.get(32..)
        .and_then(|body| serde_json::from_slice(body).ok())
        .ok_or_else(|| StoreError::Damaged {
            path: dir.to_path_buf(),
            damage: Damage::Row {
                what: "journal".into(),
            },
            backup: None,
        })
}
