//! Opening a store: the format marker and its territory, the witness against the journal
//! (any loss or change of an acknowledged event is damage, and nothing is written then),
//! the replay of acknowledged commits sled had not yet written, and the live state.

use super::chain::{self, Hash};
use super::error::{Damage, Result, StoreError};
use super::views::{self, decode};
use super::wal::{self, Wal, Witness};
use super::{CACHE_BYTES, Snapshot, Store, damaged, durable, keys, rows, unreadable};
use crate::domain::reference::Territory;
use crate::domain::state::State;
use serde::{Deserialize, Serialize};
use std::path::Path;

/// Written once in a new store; a store of another format is not opened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Format {
    format: String,
    version: u32,
    /// The territory the store was created for (empty in stores of version 2).
    #[serde(default)]
    territory: String,
}

const FORMAT_NAME: &str = "vigie-store";
/// 2: the journal may hold the handover and instruction events (journal version 2).
/// 3: journal rows carry their chain hash; the witness file `journal.wal`; the territory.
const FORMAT_VERSION: u32 = 3;

/// zstd's level for sled's pages: most of the gain, little of the CPU.
const COMPRESSION_LEVEL: i32 = 3;

/// Whether opening may create a store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Create,
    Existing,
}

impl Store {
    /// Opens (or creates) the store in the data directory `dir`.
    pub fn open(dir: &Path, territory: Territory) -> Result<Store> {
        Store::open_mode(dir, territory, Mode::Create)
    }

    /// Opens the store in `dir`, which must exist (read commands never create one).
    pub fn open_existing(dir: &Path, territory: Territory) -> Result<Store> {
        Store::open_mode(dir, territory, Mode::Existing)
    }

    fn open_mode(dir: &Path, territory: Territory, mode: Mode) -> Result<Store> {
        // Whatever the damage, the message names the backup to restore.
        Store::open_checked(dir, territory, mode).map_err(|e| match e {
            StoreError::Damaged { damage, .. } => with_backup_hint(StoreError::Damaged {
                path: dir.to_path_buf(),
                damage,
                backup: None,
            }),
            other => other,
        })
    }

    fn open_checked(dir: &Path, territory: Territory, mode: Mode) -> Result<Store> {
        let db_dir = dir.join("store");
        let has_db = db_dir.join("db").is_file();
        if mode == Mode::Existing && !has_db && !db_dir.join(wal::FILE).exists() {
            if dir.exists() && !dir.is_dir() {
                durable::prepare_dir(dir)?;
            }
            return Err(StoreError::Missing(dir.to_path_buf()));
        }
        durable::prepare_dir(dir)?;
        let lock = durable::lock(dir)?;
        if !has_db
            && db_dir.exists()
            && std::fs::read_dir(&db_dir).is_ok_and(|mut d| d.next().is_some())
        {
            return Err(damaged(&db_dir, Damage::FileMissing("db")));
        }
        // Read before sled opens: the witness is what the journal is checked against.
        let witness = wal::read(&db_dir)?;
        let db = open_sled(&db_dir)?;
        let tree = |name: &str| db.open_tree(name).map_err(unreadable(&db_dir));
        let (journal, personal, views) = (
            tree(keys::JOURNAL)?,
            tree(keys::PERSONAL)?,
            tree(keys::VIEWS)?,
        );
        // Where earlier versions kept the facts: they live in their own database now.
        let _ = db.drop_tree(super::aggregates::OLD_TREE);
        let (facts_db, facts_syncer) = super::facts_db::open(dir)?;
        let aggregates: sled::Tree = (*facts_db).clone();
        let syncer = durable::Syncer::new(&db_dir)?;
        let wal = match &witness {
            Some(w) => Wal::open(&db_dir, w)?,
            None if mode == Mode::Existing && journal.is_empty() => {
                return Err(StoreError::Missing(dir.to_path_buf()));
            }
            // A new store, or one of version 2: written once the format is known.
            None => Wal::unwritten(),
        };
        let mut store = Store {
            dir: dir.to_path_buf(),
            db,
            journal,
            personal,
            views,
            aggregates,
            facts_db,
            facts_syncer,
            syncer,
            wal,
            territory,
            state: State::default(),
            head: chain::ZERO,
            snapshot_seq: 0,
            retention_days: None,
            poisoned: false,
            _lock: lock,
        };
        let fresh = store.check_format(witness.as_ref())?;
        if store
            .views
            .get(keys::META_IMPORT)
            .map_err(unreadable(&db_dir))?
            .is_some()
        {
            store.roll_back_import()?;
            return store.reopen_after_repair();
        }
        store.load_state()?;
        // Facts behind or ahead after a crash: built again in a new database (not replayed
        // on top: counted twice; a write cut by a full disk may leave the old unreadable).
        let stale = store.facts_not_at_journal();
        if stale {
            store.fresh_facts()?;
        }
        if let Some(w) = witness.filter(|_| !fresh) {
            store.reconcile(w)?;
        }
        if stale {
            store.rebuild_aggregates()?;
        } else {
            store.ensure_aggregates()?;
        }
        Ok(store)
    }

    /// After an interrupted import was rolled back, the witness is rewritten to the
    /// journal as it now stands.
    fn reopen_after_repair(mut self) -> Result<Store> {
        self.reopen_after_repair_in_place()?;
        Ok(self)
    }

    pub(super) fn reopen_after_repair_in_place(&mut self) -> Result<()> {
        self.load_state()?;
        self.checkpoint()
    }

    /// Checks the marker (a new store gets one); true when the witness was written just
    /// now (a new store, a migrated one).
    fn check_format(&mut self, witness: Option<&Witness>) -> Result<bool> {
        let raw = self
            .views
            .get(keys::META_FORMAT)
            .map_err(unreadable(&self.dir))?;
        let given = self.territory.id.clone();
        let Some(bytes) = raw else {
            if !self.journal.is_empty() {
                return Err(damaged(&self.dir, Damage::Format("missing".into())));
            }
            if let Some(w) = witness.filter(|w| w.last_seq() > 0) {
                // The database was emptied (or replaced by an empty one).
                return Err(self.short(0, w.last_seq()));
            }
            // The witness first: a store with a marker always has one.
            self.wal = Wal::reset(
                &self.dir.join("store"),
                wal::Head {
                    seq: 0,
                    hash: chain::ZERO,
                },
            )?;
            self.write_format(given)?;
            return Ok(true);
        };
        let f: Format = decode(&bytes, "format")
            .map_err(|_| damaged(&self.dir, Damage::Format("unreadable".into())))?;
        if f.format != FORMAT_NAME || f.version > FORMAT_VERSION {
            return Err(damaged(
                &self.dir,
                Damage::Format(format!("{} {}", f.format, f.version)),
            ));
        }
        if !f.territory.is_empty() && f.territory != given {
            return Err(StoreError::Territory {
                path: self.dir.clone(),
                stored: f.territory,
                given,
            });
        }
        if f.version < 3 {
            let head = super::migrate::chain_rows(self)?;
            self.wal = Wal::reset(&self.dir.join("store"), head)?;
            self.write_format(given)?;
            super::migrate::done(self)?;
            return Ok(true);
        }
        if witness.is_none() {
            return Err(damaged(&self.dir, Damage::FileMissing(wal::FILE)));
        }
        if f.territory.is_empty() {
            self.write_format(given)?;
        }
        Ok(false)
    }

    fn write_format(&mut self, territory: String) -> Result<()> {
        let f = Format {
            format: FORMAT_NAME.into(),
            version: FORMAT_VERSION,
            territory,
        };
        self.views.insert(keys::META_FORMAT, views::encode(&f)?)?;
        self.durable(false)
    }

    /// The journal lost events: damage, said with the newest backup to restore.
    pub(super) fn short(&self, kept: u64, witnessed: u64) -> StoreError {
        StoreError::Damaged {
            path: self.dir.clone(),
            damage: Damage::JournalShort { kept, witnessed },
            backup: super::backup::newest_hint(&self.backup_dir()),
        }
    }

    fn changed(&self, seq: u64) -> StoreError {
        StoreError::Damaged {
            path: self.dir.clone(),
            damage: Damage::Changed { seq },
            backup: super::backup::newest_hint(&self.backup_dir()),
        }
    }

    /// The hash stored with event `seq`.
    fn hash_at(&self, seq: u64) -> Result<Option<Hash>> {
        if seq == 0 {
            return Ok(Some(chain::ZERO));
        }
        let row = self
            .journal
            .get(keys::seq(seq))
            .map_err(unreadable(&self.dir))?;
        Ok(row.and_then(|r| rows::hash(&r)))
    }

    /// The journal against its witness: every event the witness saw must be there,
    /// unchanged; acknowledged commits sled had not written yet are written now.
    fn reconcile(&mut self, w: Witness) -> Result<()> {
        let kept = self.state.last_seq;
        let witnessed = w.last_seq();
        if kept < w.head.seq {
            return Err(self.short(kept, witnessed));
        }
        if self.hash_at(w.head.seq)? != Some(w.head.hash) {
            return Err(self.changed(w.head.seq));
        }
        if kept > witnessed {
            return Err(damaged(
                &self.dir,
                Damage::WitnessBehind { kept, witnessed },
            ));
        }
        let mut replay = Vec::new();
        for c in w.commits {
            if c.last_seq() <= kept {
                if self.hash_at(c.last_seq())? != Some(c.hash) {
                    return Err(self.changed(c.last_seq()));
                }
            } else {
                replay.push(c);
            }
        }
        if replay.is_empty() {
            return Ok(());
        }
        let mut tx = self.begin()?;
        for c in &replay {
            for env in c.envelopes.iter().filter(|e| e.seq > kept) {
                tx.push(env.clone())?;
            }
            for p in &c.personal {
                tx.push_personal(p.clone());
            }
        }
        let expected = replay.last().map(|c| c.hash);
        tx.commit_direct()?;
        if expected != Some(self.head) {
            return Err(self.changed(self.state.last_seq));
        }
        Ok(())
    }

    /// Snapshot, then the journal after it; the rows read must follow the chain.
    pub(super) fn load_state(&mut self) -> Result<()> {
        let dir = self.dir.clone();
        let snap = self
            .views
            .get(keys::META_SNAPSHOT)
            .map_err(unreadable(&dir))?;
        let (mut state, from) = match snap {
            Some(bytes) => {
                let s: Snapshot = decode(&bytes, "snapshot").map_err(|_| {
                    damaged(
                        &dir,
                        Damage::Row {
                            what: "snapshot".into(),
                        },
                    )
                })?;
                (s.state, s.seq)
            }
            None => (State::default(), 0),
        };
        let Some(mut prev) = self.hash_at(from)? else {
            return Err(self.short(self.journal.len() as u64, from));
        };
        self.snapshot_seq = from;
        for item in self.journal.range(keys::seq(from + 1)..) {
            let (k, v) = item.map_err(unreadable(&dir))?;
            let env = rows::envelope(&dir, &v)?;
            if keys::decode_seq(&k) != Some(env.seq) || env.seq != state.last_seq + 1 {
                return Err(damaged(&dir, Damage::Gap { seq: env.seq }));
            }
            if !rows::follows(&prev, &v) {
                return Err(self.changed(env.seq));
            }
            prev = rows::hash(&v).unwrap_or(chain::ZERO);
            state.apply(&env);
        }
        self.state = state;
        self.head = prev;
        Ok(())
    }
}

/// New stores compress sled's pages (zstd); a store made before keeps its own setting, which
/// sled records in `conf` and refuses to change (a backup restored into a new directory
/// makes a compressed copy).
fn compressed(db_dir: &Path) -> bool {
    // `conf` ends with a binary checksum: read it as bytes.
    match std::fs::read(db_dir.join("conf")) {
        Ok(conf) => !String::from_utf8_lossy(&conf)
            .lines()
            .any(|l| l.trim() == "use_compression: false"),
        Err(_) => true,
    }
}

fn open_sled(db_dir: &Path) -> Result<sled::Db> {
    let config = sled::Config::new()
        .path(db_dir)
        .cache_capacity(CACHE_BYTES)
        .use_compression(compressed(db_dir))
        .compression_factor(COMPRESSION_LEVEL)
        // The witness makes commits durable; sled is flushed at checkpoints only, so a
        // command waits for one device round trip (docs/journal.md).
        .flush_every_ms(None);
    // sled 0.34 can panic on some damaged files; a damaged store must be a message.
    let opened = std::panic::catch_unwind(std::panic::AssertUnwindSafe(move || config.open()));
    match opened {
        Ok(Ok(db)) => Ok(db),
        Ok(Err(sled::Error::Io(e))) if e.kind() == std::io::ErrorKind::PermissionDenied => {
            Err(StoreError::DataDir {
                path: db_dir.to_path_buf(),
                detail: e.to_string(),
            })
        }
        Ok(Err(sled::Error::Io(e))) if super::error::is_disk_full(&e) => Err(StoreError::DiskFull),
        Ok(Err(_)) | Err(_) if durable::disk_full(db_dir) => Err(StoreError::DiskFull),
        Ok(Err(_)) | Err(_) => Err(damaged(db_dir, Damage::Unreadable)),
    }
}

/// A damage error without its backup gets the newest backup of its data directory.
pub fn with_backup_hint(e: StoreError) -> StoreError {
    match e {
        StoreError::Damaged {
            path,
            damage,
            backup: None,
        } => StoreError::Damaged {
            backup: super::backup::newest_hint(&path.join(super::BACKUP_DIR)),
            path,
            damage,
        },
        other => other,
    }
}
