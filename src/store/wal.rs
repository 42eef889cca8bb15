//! The witness, `store/journal.wal`: the one file a commit waits for. A commit appends one
//! line (its events, the personal records they point at, the hash of its last event) and
//! fdatasyncs it; that is the single device round trip of a command. sled is written
//! afterwards without waiting: a checkpoint (sled's flush, fsync) then rewrites the file to
//! a single head line (last sequence and hash). The file is independent of sled's `db`, so
//! a journal that lost or changed events is found at open (docs/journal.md, Sync protocol).
//!
//! Each line is `<crc32, 8 hex digits> <JSON>\n`. A last line without its `\n` is a commit
//! that was never acknowledged (cut by a crash) and is ignored; any other unreadable line
//! is damage.

use super::chain::{self, Hash};
use super::error::{Damage, Result, StoreError, write_error};
use crate::domain::event::Envelope;
use crate::domain::personal::PersonalRecord;
use serde::{Deserialize, Serialize};
use std::fs::{File, OpenOptions};
use std::os::unix::fs::FileExt;
use std::path::Path;

pub const FILE: &str = "journal.wal";

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
enum Record {
    Head {
        seq: u64,
        hash: String,
    },
    Commit {
        envelopes: Vec<Envelope>,
        #[serde(default)]
        personal: Vec<PersonalRecord>,
        hash: String,
    },
}

/// The journal's end: its last sequence and the hash of that event.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Head {
    pub seq: u64,
    pub hash: Hash,
}

/// One acknowledged commit not yet checkpointed into sled.
#[derive(Debug, Clone)]
pub struct Commit {
    pub envelopes: Vec<Envelope>,
    pub personal: Vec<PersonalRecord>,
    /// The hash of the last envelope.
    pub hash: Hash,
}

impl Commit {
    pub fn last_seq(&self) -> u64 {
        self.envelopes.last().map_or(0, |e| e.seq)
    }
}

/// What the witness says.
#[derive(Debug)]
pub struct Witness {
    pub head: Head,
    pub commits: Vec<Commit>,
    /// Bytes of whole lines (a torn last line is cut off at the next append).
    pub len: u64,
}

impl Witness {
    /// The last sequence the witness knows.
    pub fn last_seq(&self) -> u64 {
        self.commits.last().map_or(self.head.seq, Commit::last_seq)
    }
}

fn damaged(dir: &Path, line: usize) -> StoreError {
    StoreError::Damaged {
        path: dir.to_path_buf(),
        damage: Damage::Witness { line },
        backup: None,
    }
}

fn line(record: &Record) -> Result<Vec<u8>> {
    let json = serde_json::to_vec(record).map_err(|e| StoreError::Write(e.to_string()))?;
    let mut out = format!("{:08x} ", crc32fast::hash(&json)).into_bytes();
    out.extend_from_slice(&json);
    out.push(b'\n');
    Ok(out)
}

fn parse(text: &[u8]) -> Option<Record> {
    let (crc, json) = (text.get(..8)?, text.get(9..)?);
    let crc = u32::from_str_radix(std::str::from_utf8(crc).ok()?, 16).ok()?;
    if text.get(8) != Some(&b' ') || crc32fast::hash(json) != crc {
        return None;
    }
    serde_json::from_slice(json).ok()
}

/// Reads the witness of the store in `db_dir`; `None` when there is none.
pub fn read(db_dir: &Path) -> Result<Option<Witness>> {
    let path = db_dir.join(FILE);
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(StoreError::Read(format!("{}: {e}", path.display()))),
    };
    let mut head = None;
    let mut commits = Vec::new();
    let mut len = 0u64;
    let mut rest = &bytes[..];
    let mut number = 0;
    while let Some(end) = rest.iter().position(|b| *b == b'\n') {
        number += 1;
        let record = parse(&rest[..end]).ok_or_else(|| damaged(db_dir, number))?;
        match (record, head.is_some()) {
            (Record::Head { seq, hash }, false) => {
                let hash = chain::from_hex(&hash).ok_or_else(|| damaged(db_dir, number))?;
                head = Some(Head { seq, hash });
            }
            (
                Record::Commit {
                    envelopes,
                    personal,
                    hash,
                },
                true,
            ) => {
                let hash = chain::from_hex(&hash).ok_or_else(|| damaged(db_dir, number))?;
                commits.push(Commit {
                    envelopes,
                    personal,
                    hash,
                });
            }
            _ => return Err(damaged(db_dir, number)),
        }
        len += end as u64 + 1;
        rest = &rest[end + 1..];
    }
    match head {
        Some(head) => Ok(Some(Witness { head, commits, len })),
        None => Err(damaged(db_dir, 1)),
    }
}

/// The witness file, open for appending commits.
pub struct Wal {
    /// `None` until a new (or migrated) store writes its first head.
    file: Option<File>,
    len: u64,
    commits: usize,
}

impl Wal {
    /// Opens the witness for appending after its `len` bytes of whole lines.
    pub fn open(db_dir: &Path, witness: &Witness) -> Result<Wal> {
        let path = db_dir.join(FILE);
        let file = OpenOptions::new()
            .write(true)
            .open(&path)
            .map_err(write_error)?;
        // A torn last line (a commit cut by a crash, never acknowledged) goes.
        if file.metadata().map_err(write_error)?.len() > witness.len {
            file.set_len(witness.len).map_err(write_error)?;
        }
        Ok(Wal {
            file: Some(file),
            len: witness.len,
            commits: witness.commits.len(),
        })
    }

    /// The witness of a store that has none yet: `reset` writes it.
    pub fn unwritten() -> Wal {
        Wal {
            file: None,
            len: 0,
            commits: 0,
        }
    }

    /// Replaces the witness by a single head line, atomically (temporary file, fsync,
    /// rename, fsync of the directory). Called once sled holds everything, durably.
    pub fn reset(db_dir: &Path, head: Head) -> Result<Wal> {
        let path = db_dir.join(FILE);
        let bytes = line(&Record::Head {
            seq: head.seq,
            hash: chain::to_hex(&head.hash),
        })?;
        crate::atomic_file::write(&path, &bytes).map_err(write_error)?;
        let file = OpenOptions::new()
            .write(true)
            .open(&path)
            .map_err(write_error)?;
        Ok(Wal {
            file: Some(file),
            len: bytes.len() as u64,
            commits: 0,
        })
    }

    /// Appends a commit and makes it durable. On failure the file is cut back to where it
    /// was, so that nothing half-written stays in front of the next commit.
    pub fn append(&mut self, commit: &Commit) -> Result<()> {
        let bytes = line(&Record::Commit {
            envelopes: commit.envelopes.clone(),
            personal: commit.personal.clone(),
            hash: chain::to_hex(&commit.hash),
        })?;
        let Some(file) = &self.file else {
            return Err(StoreError::Write("the witness is not written yet".into()));
        };
        let written = file
            .write_all_at(&bytes, self.len)
            .and_then(|()| file.sync_data());
        if let Err(e) = written {
            // Best effort: a later open ignores a torn last line anyway.
            let _ = file.set_len(self.len);
            return Err(write_error(e));
        }
        self.len += bytes.len() as u64;
        self.commits += 1;
        Ok(())
    }

    /// Commits appended since the last checkpoint.
    pub fn pending(&self) -> usize {
        self.commits
    }

    /// Size of the file in bytes.
    pub fn len(&self) -> u64 {
        self.len
    }
}
