//! The sled store. The journal is the source of truth; views and a snapshot of the live
//! state sit beside it, written in the same transaction, so opening is instant and `check`
//! can prove them right. A commit is durable (flushed and fsynced) before it returns.

mod aggregates;
mod backup;
mod check;
mod durable;
pub mod error;
mod export;
mod import;
mod keys;
mod restore;
mod retention;
mod scrub;
mod tx;
pub mod views;

pub use backup::{BACKUP_DIR, BackupJob, BackupWritten, apply_retention, list as list_backups};
pub use check::CheckReport;
pub use error::{Result, StoreError};
pub use export::{ExportRange, ExportSummary, Header, JournalSource, Line};
pub use import::{ImportError, ImportSummary};
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
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use views::decode;

/// Written once in a new store; a store of another format is not opened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Format {
    format: String,
    version: u32,
}

const FORMAT_NAME: &str = "vigie-store";
/// 2: the journal may hold the handover and instruction events (journal version 2).
const FORMAT_VERSION: u32 = 2;
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
    aggregates: sled::Tree,
    syncer: durable::Syncer,
    territory: Territory,
    state: State,
    snapshot_seq: u64,
    /// Set when a flush failed: what sled holds may differ from the disk, so stop writing.
    poisoned: bool,
    _lock: durable::DirLock,
}

fn damaged(dir: &Path, detail: impl Into<String>) -> StoreError {
    StoreError::Damaged {
        path: dir.to_path_buf(),
        detail: detail.into(),
    }
}

/// One row of a tree, decoded; a failure is damage to the store in `dir`.
fn read_row<T: serde::de::DeserializeOwned>(
    dir: &Path,
    item: sled::Result<(sled::IVec, sled::IVec)>,
    what: &str,
) -> Result<T> {
    let (_, v) = item.map_err(|e| damaged(dir, e.to_string()))?;
    decode(&v, what).map_err(|e| damaged(dir, e.to_string()))
}

impl Store {
    /// Opens (or creates) the store in the data directory `dir`.
    pub fn open(dir: &Path, territory: Territory) -> Result<Store> {
        durable::prepare_dir(dir)?;
        let lock = durable::lock(dir)?;
        let db_dir = dir.join("store");
        let config = sled::Config::new()
            .path(&db_dir)
            .cache_capacity(CACHE_BYTES);
        // sled 0.34 can panic on some damaged files; a damaged store must be a message.
        let opened = std::panic::catch_unwind(std::panic::AssertUnwindSafe(move || config.open()));
        let db = match opened {
            Ok(Ok(db)) => db,
            Ok(Err(sled::Error::Io(e))) if e.kind() == std::io::ErrorKind::PermissionDenied => {
                return Err(StoreError::DataDir {
                    path: db_dir,
                    detail: e.to_string(),
                });
            }
            Ok(Err(e)) => return Err(damaged(&db_dir, e.to_string())),
            Err(_) => return Err(damaged(&db_dir, "the database could not be read")),
        };
        let tree = |name: &str| {
            db.open_tree(name)
                .map_err(|e| damaged(&db_dir, e.to_string()))
        };
        let (journal, personal, views, aggregates) = (
            tree(keys::JOURNAL)?,
            tree(keys::PERSONAL)?,
            tree(keys::VIEWS)?,
            tree(aggregates::TREE)?,
        );
        let syncer = durable::Syncer::new(&db_dir)?;
        let mut store = Store {
            dir: dir.to_path_buf(),
            db,
            journal,
            personal,
            views,
            aggregates,
            syncer,
            territory,
            state: State::default(),
            snapshot_seq: 0,
            poisoned: false,
            _lock: lock,
        };
        store.check_format()?;
        if store
            .views
            .get(keys::META_IMPORT)
            .map_err(|e| damaged(&db_dir, e.to_string()))?
            .is_some()
        {
            store.roll_back_import()?;
        }
        store.load_state()?;
        store.ensure_aggregates()?;
        Ok(store)
    }

    fn check_format(&mut self) -> Result<()> {
        let raw = self
            .views
            .get(keys::META_FORMAT)
            .map_err(|e| damaged(&self.dir, e.to_string()))?;
        match raw {
            Some(bytes) => {
                let f: Format =
                    decode(&bytes, "format").map_err(|e| damaged(&self.dir, e.to_string()))?;
                if f.format != FORMAT_NAME || f.version > FORMAT_VERSION {
                    return Err(damaged(
                        &self.dir,
                        format!("format {} version {}", f.format, f.version),
                    ));
                }
                if f.version < FORMAT_VERSION {
                    // Older stores read as they are; the marker says newer events may follow,
                    // so an older Vigie refuses the store instead of misreading it.
                    let f = Format {
                        format: FORMAT_NAME.into(),
                        version: FORMAT_VERSION,
                    };
                    self.views.insert(keys::META_FORMAT, views::encode(&f)?)?;
                    self.durable(false)?;
                }
                Ok(())
            }
            None if self.journal.is_empty() => {
                let f = Format {
                    format: FORMAT_NAME.into(),
                    version: FORMAT_VERSION,
                };
                self.views.insert(keys::META_FORMAT, views::encode(&f)?)?;
                self.durable(false)
            }
            None => Err(damaged(&self.dir, "format marker missing")),
        }
    }

    /// Snapshot, then the journal after it.
    fn load_state(&mut self) -> Result<()> {
        let dir = self.dir.clone();
        let snap = self
            .views
            .get(keys::META_SNAPSHOT)
            .map_err(|e| damaged(&dir, e.to_string()))?;
        let (mut state, from) = match snap {
            Some(bytes) => {
                let s: Snapshot =
                    decode(&bytes, "snapshot").map_err(|e| damaged(&dir, e.to_string()))?;
                (s.state, s.seq)
            }
            None => (State::default(), 0),
        };
        self.snapshot_seq = from;
        for item in self.journal.range(keys::seq(from + 1)..) {
            let (k, v) = item.map_err(|e| damaged(&dir, e.to_string()))?;
            let env: Envelope = decode(&v, "journal").map_err(|e| damaged(&dir, e.to_string()))?;
            if keys::decode_seq(&k) != Some(env.seq) || env.seq != state.last_seq + 1 {
                return Err(damaged(
                    &dir,
                    format!("journal sequence broken at {}", env.seq),
                ));
            }
            state.apply(&env);
        }
        self.state = state;
        Ok(())
    }

    /// flush + fsync: nothing counts as done before this returns.
    fn durable(&mut self, with_blobs: bool) -> Result<()> {
        let flushed = self
            .db
            .flush()
            .map_err(|e| StoreError::Write(e.to_string()));
        let synced = flushed.and_then(|_| self.syncer.sync(with_blobs));
        if synced.is_err() {
            self.poisoned = true;
        }
        synced
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
    fn damage(&self, e: impl std::fmt::Display) -> StoreError {
        damaged(&self.dir, e.to_string())
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
            Some(v) => decode(&v, what).map(Some).map_err(|e| self.damage(e)),
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
        rows.map(|item| self.row(item, "journal"))
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

    /// Personal records created before `limit` (for the retention rule).
    pub fn personal_older_than(&self, limit: DateTime<Utc>) -> Result<Vec<PersonalId>> {
        let mut old = Vec::new();
        for item in self.personal.iter() {
            let rec: PersonalRecord = self.row(item, "personal")?;
            if rec.created_at < limit {
                old.push(rec.id);
            }
        }
        Ok(old)
    }

    pub fn personal_count(&self) -> usize {
        self.personal.len()
    }
}
