//! The parts of durability sled does not give: fsync after its flush (sled 0.34 flushes with
//! `sync_file_range`, which does not survive a power loss), the single-instance lock, and a
//! data directory only its owner can read.

use super::error::{Result, StoreError};
use std::fs::{self, DirBuilder, File, TryLockError};
use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// Creates the data directory with owner-only permissions (or checks an existing one).
pub fn prepare_dir(dir: &Path) -> Result<()> {
    let err = |detail: String| StoreError::DataDir {
        path: dir.to_path_buf(),
        detail,
    };
    if dir.exists() {
        if !dir.is_dir() {
            return Err(err("not a directory".into()));
        }
        fs::read_dir(dir).map_err(|e| err(e.to_string()))?;
        return Ok(());
    }
    DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
        .map_err(|e| err(e.to_string()))?;
    // The mode passed to mkdir is filtered by the umask; set it explicitly.
    fs::set_permissions(dir, fs::Permissions::from_mode(0o700)).map_err(|e| err(e.to_string()))
}

/// Held for as long as the store is open; a second process gets `Locked`.
pub struct DirLock {
    _file: File,
}

pub fn lock(dir: &Path) -> Result<DirLock> {
    let path = dir.join("vigie.lock");
    let file = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|e| StoreError::DataDir {
            path: path.clone(),
            detail: e.to_string(),
        })?;
    match file.try_lock() {
        Ok(()) => Ok(DirLock { _file: file }),
        Err(TryLockError::WouldBlock) => Err(StoreError::Locked(dir.to_path_buf())),
        Err(TryLockError::Error(e)) => Err(StoreError::DataDir {
            path,
            detail: e.to_string(),
        }),
    }
}

/// fsyncs what sled wrote: its log file, the blobs it keeps for large values, the directories.
pub struct Syncer {
    db_dir: PathBuf,
    log: File,
}

impl Syncer {
    pub fn new(db_dir: &Path) -> Result<Syncer> {
        let log = File::open(db_dir.join("db")).map_err(|_| StoreError::Damaged {
            path: db_dir.to_path_buf(),
            damage: super::error::Damage::FileMissing("db"),
            backup: None,
        })?;
        Ok(Syncer {
            db_dir: db_dir.to_path_buf(),
            log,
        })
    }

    /// After `Db::flush`: make the log durable. `with_blobs` when a large value was written.
    pub fn sync(&self, with_blobs: bool) -> Result<()> {
        let w = super::error::write_error;
        self.log.sync_data().map_err(w)?;
        if with_blobs {
            let blobs = self.db_dir.join("blobs");
            if let Ok(entries) = fs::read_dir(&blobs) {
                for entry in entries.flatten() {
                    match File::open(entry.path()).and_then(|f| f.sync_all()) {
                        // sled removes blobs it no longer needs, possibly right now.
                        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                        other => other.map_err(w)?,
                    }
                }
                File::open(&blobs).and_then(|f| f.sync_all()).map_err(w)?;
            }
            File::open(&self.db_dir)
                .and_then(|f| f.sync_all())
                .map_err(w)?;
        }
        Ok(())
    }
}

/// Is the file system of `path` (nearly) full? sled reports some write failures as a panic
/// or as corruption; with no room left, that is a full disk, not damage.
pub fn disk_full(path: &Path) -> bool {
    // Less than one sled segment (512 KiB) free.
    fs2::available_space(path).is_ok_and(|free| free < (512 << 10))
}
