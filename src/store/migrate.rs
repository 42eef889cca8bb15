//! Stores of format 2 kept plain JSON journal rows. Opening one rewrites each row with its
//! chain hash, in chunks; each chunk records where it stopped in the same transaction, so
//! a migration cut by a crash goes on from there at the next open.

use super::chain::{self, Hash};
use super::error::{Damage, Result, StoreError};
use super::views::{decode, encode};
use super::wal::Head;
use super::{Store, damaged, keys, rows, unreadable};
use crate::domain::event::Envelope;
use serde::{Deserialize, Serialize};
use sled::Transactional;
use sled::transaction::ConflictableTransactionError;

const META_MIGRATE: &[u8] = b"meta/migrate";
const CHUNK: usize = 8192;

#[derive(Debug, Serialize, Deserialize)]
struct Progress {
    next: u64,
    hash: String,
}

/// Rewrites the rows of a format-2 journal with their chain hashes; returns the head.
pub(super) fn chain_rows(store: &mut Store) -> Result<Head> {
    let dir = store.dir.clone();
    let (mut next, mut prev): (u64, Hash) =
        match store.views.get(META_MIGRATE).map_err(unreadable(&dir))? {
            Some(raw) => {
                let p: Progress = decode(&raw, "migration")?;
                let hash = chain::from_hex(&p.hash).ok_or_else(|| {
                    damaged(
                        &dir,
                        Damage::Row {
                            what: "migration".into(),
                        },
                    )
                })?;
                (p.next, hash)
            }
            None => (1, chain::ZERO),
        };
    loop {
        let mut chunk = Vec::with_capacity(CHUNK);
        for item in store.journal.range(keys::seq(next)..).take(CHUNK) {
            let (k, v) = item.map_err(unreadable(&dir))?;
            let env: Envelope = serde_json::from_slice(&v).map_err(|_| {
                damaged(
                    &dir,
                    Damage::Row {
                        what: "journal".into(),
                    },
                )
            })?;
            if keys::decode_seq(&k) != Some(next) || env.seq != next {
                return Err(damaged(&dir, Damage::Gap { seq: env.seq }));
            }
            let (hash, row) = rows::encode(&env, &prev);
            chunk.push((k, row));
            prev = hash;
            next += 1;
        }
        if chunk.is_empty() {
            break;
        }
        let progress = encode(&Progress {
            next,
            hash: chain::to_hex(&prev),
        })?;
        (&store.journal, &store.views)
            .transaction(|(j, v)| {
                for (k, row) in &chunk {
                    j.insert(k, row.as_slice())?;
                }
                v.insert(META_MIGRATE, progress.as_slice())?;
                Ok::<(), ConflictableTransactionError<()>>(())
            })
            .map_err(|_| StoreError::Write("the journal could not be rewritten".into()))?;
    }
    store.durable(true)?;
    Ok(Head {
        seq: next - 1,
        hash: prev,
    })
}

/// Once the format says 3, the progress marker has no use.
pub(super) fn done(store: &mut Store) -> Result<()> {
    store.views.remove(META_MIGRATE)?;
    store.durable(false)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Command;

    /// A store as format 2 wrote it: plain JSON rows, marker version 2, no witness.
    fn make_format_2(dir: &std::path::Path) -> u64 {
        let mut store =
            Store::open(dir, crate::territory::rennes().expect("rennes")).expect("open");
        let at = "2026-11-30T20:05:00Z".parse().expect("instant");
        let open = Command::OpenNight {
            coordinator: "nadia-b".into(),
        };
        store.execute(&open, at).expect("open the night");
        let rows: Vec<_> = store.journal.iter().map(|r| r.expect("row")).collect();
        for (k, v) in rows {
            store.journal.insert(k, &v[32..]).expect("plain row");
        }
        let f = br#"{"format":"vigie-store","version":2}"#;
        store
            .views
            .insert(keys::META_FORMAT, &f[..])
            .expect("marker");
        store.durable(true).expect("durable");
        let last = store.last_seq();
        store.poisoned = true; // no checkpoint at drop: the witness goes
        drop(store);
        std::fs::remove_file(dir.join("store").join(super::super::wal::FILE)).expect("witness");
        last
    }

    #[test]
    fn a_format_2_store_is_chained_and_witnessed_at_its_first_opening() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let dir = tmp.path().join("data");
        let last = make_format_2(&dir);
        let store = Store::open(&dir, crate::territory::rennes().expect("rennes")).expect("open");
        assert_eq!(store.last_seq(), last);
        let report = store.check().expect("check");
        assert!(report.is_ok(), "{:?}", report.differences);
        assert!(dir.join("store").join(super::super::wal::FILE).exists());
        drop(store);
        let again = Store::open(&dir, crate::territory::rennes().expect("rennes")).expect("reopen");
        assert_eq!(again.last_seq(), last);
    }
}
