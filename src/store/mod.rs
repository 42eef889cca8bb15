//! The sled store. The journal is the source of truth; views and a snapshot of the live
//! state sit beside it, written in the same transaction, so opening is instant and `check`
//! can prove them right. A commit is durable before it returns: its line in the witness
//! (`wal.rs`) is fsynced first, sled is checkpointed later (docs/journal.md, Sync protocol).

mod aggregates;
mod backup;
mod backup_files;
pub mod chain;
mod check;
mod check_facts;
mod derived_file;
mod durable;
pub mod error;
mod expiry;
mod export;
mod facts_db;
mod import;
mod import_error;
mod import_lines;
mod keys;
mod migrate;
mod open;
mod origin;
mod restore;
mod retention;
mod rows;
mod scrub;
mod tx;
pub mod views;
mod wal;

pub use backup::{BACKUP_DIR, BackupJob, BackupWritten, apply_retention};
pub use backup_files::list as list_backups;
pub use check::CheckReport;
pub use derived_file::read_current as read_derived;
pub use error::{BackupHint, Damage, Result, StoreError};
pub use export::{ExportRange, ExportSummary, Header, JournalSource, Line, Trailer};
pub use facts_db::FactsView;
pub use import::{ImportError, ImportSummary};
pub use open::with_backup_hint;
pub use restore::{RestoreError, RestoreSummary, restore};
pub use retention::{
    BackupFile, KEEP_MONTHS, KEEP_NEWEST, file_name as backup_file_name, retained,
};
pub use tx::Tx;

use crate::domain::calendar::ServiceNight;
use crate::domain::event::Envelope;
use crate::domain::ids::{PersonalId, RequestId};
use crate::domain::personal::PersonalRecord;
use crate::domain::reference::Territory;
use crate::domain::state::{Case, Request, State};
use crate::domain::views::NightRecord;
use crate::domain::{Command, Written};
use chain::Hash;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use views::decode;

/// A snapshot of the live state is written at least this often (in events).
const SNAPSHOT_EVERY: u64 = 256;
/// sled's page cache: small, because the console reads little history at a time.
const CACHE_BYTES: u64 = 8 << 20;

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Snapshot {
    seq: u64,
    state: State,
}

pub struct Store {
    dir: PathBuf,
    db: sled::Db,
    journal: sled::Tree,
    personal: sled::Tree,
    views: sled::Tree,
    /// The period reports' facts, one record per night, in their own small database
    /// (`aggregates.rs`, `facts_db.rs`).
    aggregates: sled::Tree,
    facts_db: sled::Db,
    facts_syncer: durable::Syncer,
    syncer: durable::Syncer,
    /// The witness: every commit is appended here and fsynced before it returns.
    wal: wal::Wal,
    territory: Territory,
    state: State,
    /// The hash of the journal's last event.
    head: Hash,
    snapshot_seq: u64,
    /// Days a personal record is kept after its request's last activity; erased at each
    /// close of a night (`None`: never by itself).
    retention_days: Option<u32>,
    /// Set when a write failed: what sled holds may differ from the disk, so stop writing.
    poisoned: bool,
    _lock: durable::DirLock,
}

fn damaged(dir: &Path, damage: Damage) -> StoreError {
    StoreError::Damaged {
        path: dir.to_path_buf(),
        damage,
        backup: None,
    }
}

/// A sled read failed: the files are damaged (sled's words stay out of the message).
fn unreadable(dir: &Path) -> impl Fn(sled::Error) -> StoreError + '_ {
    move |e| match e {
        sled::Error::Io(e) if error::is_disk_full(&e) => StoreError::DiskFull,
        _ if durable::disk_full(dir) => StoreError::DiskFull,
        _ => damaged(dir, Damage::Unreadable),
    }
}

/// One row of a tree, decoded; a failure is damage to the store in `dir`.
fn read_row<T: serde::de::DeserializeOwned>(
    dir: &Path,
    item: sled::Result<(sled::IVec, sled::IVec)>,
    what: &str,
) -> Result<T> {
    let (_, v) = item.map_err(unreadable(dir))?;
    decode(&v, what).map_err(|_| damaged(dir, Damage::Row { what: what.into() }))
}

/// One journal row, decoded.
fn read_env(dir: &Path, item: sled::Result<(sled::IVec, sled::IVec)>) -> Result<Envelope> {
    let (_, v) = item.map_err(unreadable(dir))?;
    rows::envelope(dir, &v)
}

impl Store {
    /// flush + fsync: everything sled holds is on the disk when this returns.
    fn durable(&mut self, with_blobs: bool) -> Result<()> {
        let flushed = self.db.flush().map(|_| ()).map_err(StoreError::from);
        let synced = flushed.and_then(|_| self.syncer.sync(with_blobs));
        // The facts with them: derived, but a report reads them alone.
        let synced = synced.and_then(|_| {
            self.facts_db.flush().map_err(StoreError::from)?;
            self.facts_syncer.sync(with_blobs)
        });
        if synced.is_err() {
            self.poisoned = true;
        }
        synced
    }

    /// Makes sled durable, then shortens the witness to the journal's head.
    fn checkpoint(&mut self) -> Result<()> {
        self.durable(true)?;
        let head = wal::Head {
            seq: self.state.last_seq,
            hash: self.head,
        };
        match wal::Wal::reset(&self.dir.join("store"), head) {
            Ok(w) => {
                self.wal = w;
                Ok(())
            }
            Err(e) => {
                self.poisoned = true;
                Err(e)
            }
        }
    }

    /// The retention period applied at each close of a night (the settings file's).
    pub fn set_retention_days(&mut self, days: Option<u32>) {
        self.retention_days = days;
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }
    pub fn territory(&self) -> &Territory {
        &self.territory
    }
    pub fn state(&self) -> &State {
        &self.state
    }
    pub fn last_seq(&self) -> u64 {
        self.state.last_seq
    }

    /// Starts a group of commands committed together (one durable write).
    pub fn begin(&mut self) -> Result<Tx<'_>> {
        if self.poisoned {
            return Err(StoreError::Write(
                "an earlier write failed; restart Vigie".into(),
            ));
        }
        Ok(Tx::new(self))
    }

    /// Executes one command durably. A refusal writes nothing.
    pub fn execute(&mut self, cmd: &Command, at: DateTime<Utc>) -> Result<Vec<Envelope>> {
        let mut tx = self.begin()?;
        let envs = tx.execute(cmd, at)?;
        tx.commit()?;
        Ok(envs)
    }

    /// Executes commands that stand or fall together, in one durable write; answers with
    /// what was written (what every console applies). A refusal writes nothing.
    pub fn commit(&mut self, commands: &[Command], at: DateTime<Utc>) -> Result<Written> {
        let mut tx = self.begin()?;
        let mut envelopes = Vec::new();
        for cmd in commands {
            envelopes.extend(tx.execute(cmd, at)?);
        }
        let personal = tx.personal().to_vec();
        tx.commit()?;
        Ok(Written {
            envelopes,
            personal,
        })
    }

    pub fn night(&self, night: ServiceNight) -> Result<Option<NightRecord>> {
        self.get_view(&keys::night(night), "night")
    }

    /// The nights the store knows, in order.
    pub fn nights(&self) -> impl Iterator<Item = Result<NightRecord>> + '_ {
        let rows = self.views.scan_prefix(keys::NIGHT_PREFIX);
        rows.map(|item| self.row(item, "night"))
    }

    /// The latest night the store knows.
    pub fn last_night(&self) -> Result<Option<NightRecord>> {
        let last = self.views.scan_prefix(keys::NIGHT_PREFIX).next_back();
        last.map(|item| self.row(item, "night")).transpose()
    }

    /// The last night that was opened: a purge or an erasure in the daytime leaves a night
    /// record of its own, which nobody worked.
    pub fn last_worked_night(&self) -> Result<Option<NightRecord>> {
        for item in self.views.scan_prefix(keys::NIGHT_PREFIX).rev() {
            let record: NightRecord = self.row(item, "night")?;
            if record.opened_at.is_some() {
                return Ok(Some(record));
            }
        }
        Ok(None)
    }

    pub fn request(&self, id: RequestId) -> Result<Option<Request>> {
        self.get_view(&keys::request(id.0), "request")
    }

    pub fn requests(&self) -> impl Iterator<Item = Result<Request>> + '_ {
        let rows = self.views.scan_prefix(keys::REQUEST_PREFIX);
        rows.map(|item| self.row(item, "request"))
    }

    pub fn cases(&self) -> impl Iterator<Item = Result<Case>> + '_ {
        let rows = self.views.scan_prefix(keys::CASE_PREFIX);
        rows.map(|item| self.row(item, "case"))
    }

    /// Reading what was written can only fail if the files were damaged (or the disk
    /// fails): say so, with the directory, rather than sled's words.
    fn damage(&self, e: sled::Error) -> StoreError {
        unreadable(&self.dir)(e)
    }

    fn row<T: serde::de::DeserializeOwned>(
        &self,
        item: sled::Result<(sled::IVec, sled::IVec)>,
        what: &str,
    ) -> Result<T> {
        read_row(&self.dir, item, what)
    }

    fn get_in<T: serde::de::DeserializeOwned>(
        &self,
        tree: &sled::Tree,
        key: &[u8],
        what: &str,
    ) -> Result<Option<T>> {
        match tree.get(key).map_err(|e| self.damage(e))? {
            Some(v) => decode(&v, what)
                .map(Some)
                .map_err(|_| damaged(&self.dir, Damage::Row { what: what.into() })),
            None => Ok(None),
        }
    }

    fn get_view<T: serde::de::DeserializeOwned>(
        &self,
        key: &[u8],
        what: &str,
    ) -> Result<Option<T>> {
        self.get_in(&self.views, key, what)
    }

    /// Envelopes from `from` to `to` inclusive, in order.
    pub fn envelopes(&self, from: u64, to: u64) -> impl Iterator<Item = Result<Envelope>> + '_ {
        let rows = self.journal.range(keys::seq(from)..=keys::seq(to));
        rows.map(|item| read_env(&self.dir, item))
    }

    /// The events placed in `record`'s night, in order (a night's events lie in its range
    /// of sequences; the filter keeps out any other night's event within it).
    pub fn night_events(&self, record: &NightRecord) -> Result<Vec<Envelope>> {
        self.envelopes(record.first_seq, record.last_seq)
            .filter(|e| e.as_ref().map_or(true, |e| e.night == record.night))
            .collect()
    }

    pub fn personal_record(&self, id: PersonalId) -> Result<Option<PersonalRecord>> {
        self.get_in(&self.personal, &keys::seq(id.0), "personal")
    }

    pub fn personal_count(&self) -> usize {
        self.personal.len()
    }
}

impl Drop for Store {
    /// A clean close: sled made durable and the witness shortened, so that the next open
    /// finds both at the same head.
    fn drop(&mut self) {
        if !self.poisoned && self.wal.pending() > 0 {
            let _ = self.checkpoint();
        }
    }
}
