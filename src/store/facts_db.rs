//! The period reports' facts live in a small sled database of their own beside the store
//! (`<data>/facts`), so that a report reads a few hundred records without opening the
//! journal's much larger database. Derived data: written after each commit's rows, flushed
//! and fsynced with every checkpoint, and rebuilt from the journal whenever what it counts
//! (`meta`: the facts' version, the journal's last sequence, the territory) is not the
//! journal's. A reader opens it alone only when its count equals the witness's head.

use super::durable::{self, DirLock, Syncer};
use super::error::{Result, StoreError};
use super::wal;
use crate::domain::calendar::ServiceNight;
use crate::domain::facts::{NightFacts, OpenCases};
use crate::domain::reference::Territory;
use std::path::Path;

/// The directory of the facts' database, in the data directory.
pub(super) const DIR: &str = "facts";
/// Its cache: the facts of ten years are a few megabytes.
const CACHE_BYTES: u64 = 2 << 20;

/// Opens (or creates) the facts' database of the data directory `dir`. One that sled
/// cannot read is derived data: it is set aside and built again.
pub(super) fn open(dir: &Path) -> Result<(sled::Db, Syncer)> {
    let path = dir.join(DIR);
    let config = || sled::Config::new().path(&path).cache_capacity(CACHE_BYTES);
    let db = match std::panic::catch_unwind(|| config().open()) {
        Ok(Ok(db)) => db,
        _ => {
            let _ = std::fs::remove_dir_all(&path);
            config().open().map_err(StoreError::from)?
        }
    };
    let syncer = Syncer::new(&path)?;
    Ok((db, syncer))
}

/// The facts read on their own (`vigie report period`).
pub struct FactsView {
    territory: Territory,
    db: sled::Db,
    dir: std::path::PathBuf,
    _lock: DirLock,
}

impl FactsView {
    /// The facts of the store in `dir`, if they count exactly what its journal holds;
    /// `None` otherwise (the caller opens the whole store, which brings them up to date).
    pub fn open(dir: &Path, territory: Territory) -> Result<Option<FactsView>> {
        let lock = durable::lock(dir)?;
        let Some(witness) = wal::read(&dir.join("store"))? else {
            return Ok(None);
        };
        if !dir.join(DIR).join("db").exists() {
            return Ok(None);
        }
        let Ok(db) = sled::Config::new()
            .path(dir.join(DIR))
            .cache_capacity(CACHE_BYTES)
            .open()
        else {
            return Ok(None);
        };
        let meta = super::aggregates::meta_of(&db);
        let current = super::aggregates::current_meta(witness.last_seq(), &territory.id);
        if meta != Some(current) {
            return Ok(None);
        }
        Ok(Some(FactsView {
            territory,
            db,
            dir: dir.to_path_buf(),
            _lock: lock,
        }))
    }

    pub fn territory(&self) -> &Territory {
        &self.territory
    }

    pub(super) fn tree(&self) -> &sled::Tree {
        &self.db
    }

    pub(super) fn dir(&self) -> &Path {
        &self.dir
    }
}

impl FactsView {
    pub fn facts_between(
        &self,
        from: ServiceNight,
        to: ServiceNight,
    ) -> Result<Vec<(ServiceNight, NightFacts)>> {
        super::aggregates::facts_between(self.tree(), self.dir(), from, to)
    }

    pub fn open_cases_at(&self, night: ServiceNight) -> Result<OpenCases> {
        super::aggregates::open_cases_at(self.tree(), self.dir(), night)
    }
}

impl super::Store {
    /// Replaces the facts' database with an empty one.
    pub(super) fn fresh_facts(&mut self) -> Result<()> {
        let _ = std::fs::remove_dir_all(self.dir.join(DIR));
        let (db, syncer) = open(&self.dir)?;
        self.aggregates = (*db).clone();
        self.facts_db = db;
        self.facts_syncer = syncer;
        Ok(())
    }
}
