//! Files derived from the journal that a command may read instead of opening the whole
//! store (whose open grows with history): each is stamped with the journal head it was
//! made at and counts only while the witness still says that head. A stale, torn or
//! foreign file is simply not used — the caller builds again from the store.

use super::error::Result;
use super::{Store, chain, durable, wal};
use std::path::{Path, PathBuf};

const DIR: &str = "derived";

fn path(dir: &Path, name: &str) -> PathBuf {
    dir.join(DIR).join(name)
}

/// The stamp: journal sequence, head hash and territory, on the file's first line.
fn stamp(seq: u64, hash: &chain::Hash, territory: &str) -> String {
    format!(
        "vigie-derived 1 {seq} {} {territory}\n",
        chain::to_hex(hash)
    )
}

/// The body of `<data>/derived/<name>` if it was made at the journal's present head for
/// this territory; `None` otherwise, and when another process holds the store (it may be
/// writing: the caller goes the long way, which says so if it must).
pub fn read_current(dir: &Path, name: &str, territory: &str) -> Result<Option<Vec<u8>>> {
    let Ok(_lock) = durable::lock(dir) else {
        return Ok(None);
    };
    let Some(witness) = wal::read(&dir.join("store"))? else {
        return Ok(None);
    };
    let hash = witness.commits.last().map_or(witness.head.hash, |c| c.hash);
    let expected = stamp(witness.last_seq(), &hash, territory);
    let Ok(bytes) = std::fs::read(path(dir, name)) else {
        return Ok(None);
    };
    Ok(bytes.strip_prefix(expected.as_bytes()).map(<[u8]>::to_vec))
}

impl Store {
    /// Writes `<data>/derived/<name>` stamped with the present head (whole or not at all).
    pub fn write_derived(&self, name: &str, body: &[u8]) -> std::io::Result<()> {
        let dir = self.dir().join(DIR);
        std::fs::create_dir_all(&dir)?;
        let mut bytes = stamp(self.state().last_seq, &self.head, &self.territory().id).into_bytes();
        bytes.extend_from_slice(body);
        crate::atomic_file::write(&path(self.dir(), name), &bytes)
    }
}
