//! Rebuilding a store from a backup: into a new (or empty) data directory only, through the
//! all-or-nothing journal import, then the full check. The store is built in a temporary
//! sibling directory (`.NAME.restoring`) and renamed into place at the very end, so that a
//! restore that fails, or is killed, leaves no half-made store where it was asked for; the
//! next restore removes a temporary directory left by a killed one.

use super::Store;
use super::check::CheckReport;
use super::error::StoreError;
use super::export::{JOURNAL_FORMAT, Line};
use super::import::{ImportError, ImportSummary};
use crate::domain::reference::Territory;
use flate2::read::GzDecoder;
use std::fs::{self, File};
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use thiserror::Error;

/// Why a restore did not happen. `i18n::backup` says it in words.
#[derive(Debug, Error)]
pub enum RestoreError {
    #[error("{0}: the directory is not empty")]
    NotEmpty(PathBuf),
    #[error("{path}: {detail}")]
    Unreadable { path: PathBuf, detail: String },
    #[error("{0}: not a gzip file")]
    NotGzip(PathBuf),
    /// The backup was made for another territory than the one given.
    #[error("{path}: territory {found}, expected {expected}")]
    Territory {
        path: PathBuf,
        found: String,
        expected: String,
    },
    /// The content was refused: bad compressed data (`ImportError::Io`), a bad line, a gap.
    #[error("{path}: {error}")]
    Refused { path: PathBuf, error: ImportError },
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The restored store did not pass the check (it was removed).
    #[error("the check failed: {0:?}")]
    CheckFailed(Vec<String>),
}

impl RestoreError {
    /// The exit code of a restore that failed this way.
    pub fn exit_code(&self) -> u8 {
        match self {
            RestoreError::Store(e) => e.exit_code(),
            RestoreError::NotEmpty(_) => 3,
            _ => 1,
        }
    }
}

#[derive(Debug, Clone)]
pub struct RestoreSummary {
    pub import: ImportSummary,
    pub check: CheckReport,
}

const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

fn open_backup(path: &Path) -> std::io::Result<BufReader<GzDecoder<File>>> {
    Ok(BufReader::new(GzDecoder::new(File::open(path)?)))
}

/// Restores `backup` into `dir`, which must not exist or be empty.
pub fn restore(
    backup: &Path,
    dir: &Path,
    territory: Territory,
) -> Result<RestoreSummary, RestoreError> {
    let unreadable = |e: std::io::Error| RestoreError::Unreadable {
        path: backup.to_path_buf(),
        detail: e.to_string(),
    };
    match fs::read_dir(dir).map(|mut entries| entries.next().is_some()) {
        Ok(true) => return Err(RestoreError::NotEmpty(dir.to_path_buf())),
        Ok(false) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(data_dir(dir, e)),
    }
    check_head(backup, &territory.id).map_err(|e| match e {
        Head::Io(e) => unreadable(e),
        Head::Err(e) => e,
    })?;
    let tmp = staging_dir(dir)?;
    let result = import_and_check(backup, &tmp, territory);
    if result.is_err() {
        let _ = fs::remove_dir_all(&tmp);
        return result;
    }
    // rename(2) puts a directory in place of a missing or empty one, whole.
    if let Err(e) = fs::rename(&tmp, dir) {
        let _ = fs::remove_dir_all(&tmp);
        return Err(data_dir(dir, e));
    }
    let parent = dir.parent().filter(|p| !p.as_os_str().is_empty());
    crate::atomic_file::sync_dir(parent.unwrap_or(Path::new("."))).map_err(|e| data_dir(dir, e))?;
    result
}

fn data_dir(dir: &Path, e: std::io::Error) -> RestoreError {
    RestoreError::Store(StoreError::DataDir {
        path: dir.to_path_buf(),
        detail: e.to_string(),
    })
}

/// `.NAME.restoring` beside `dir` (created with its parents), emptied of what a killed
/// restore left.
fn staging_dir(dir: &Path) -> Result<PathBuf, RestoreError> {
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "data".into());
    let parent = dir.parent().filter(|p| !p.as_os_str().is_empty());
    let parent = parent.unwrap_or(Path::new("."));
    fs::create_dir_all(parent).map_err(|e| data_dir(dir, e))?;
    let tmp = parent.join(format!(".{name}.restoring"));
    match fs::remove_dir_all(&tmp) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(data_dir(&tmp, e)),
        _ => Ok(tmp),
    }
}

enum Head {
    Io(std::io::Error),
    Err(RestoreError),
}

/// Before creating anything: is it gzip, and does it start with a journal header of this
/// territory?
fn check_head(backup: &Path, territory: &str) -> Result<(), Head> {
    let mut magic = [0u8; 2];
    let mut file = File::open(backup).map_err(Head::Io)?;
    if file.read_exact(&mut magic).is_err() || magic != GZIP_MAGIC {
        return Err(Head::Err(RestoreError::NotGzip(backup.to_path_buf())));
    }
    let refused = |error| {
        Head::Err(RestoreError::Refused {
            path: backup.to_path_buf(),
            error,
        })
    };
    let mut first = String::new();
    open_backup(backup)
        .and_then(|mut r| r.read_line(&mut first))
        .map_err(|e| {
            refused(ImportError::Io {
                line: 1,
                detail: e.to_string(),
            })
        })?;
    match serde_json::from_str::<Line>(&first) {
        Ok(Line::Header(h)) if h.format == JOURNAL_FORMAT => {
            if !h.territory.is_empty() && h.territory != territory {
                return Err(Head::Err(RestoreError::Territory {
                    path: backup.to_path_buf(),
                    found: h.territory,
                    expected: territory.to_string(),
                }));
            }
            Ok(())
        }
        _ => Err(refused(ImportError::NoHeader)),
    }
}

fn import_and_check(
    backup: &Path,
    dir: &Path,
    territory: Territory,
) -> Result<RestoreSummary, RestoreError> {
    let mut store = Store::open(dir, territory)?;
    let import = store
        .import(|| open_backup(backup))?
        .map_err(|error| RestoreError::Refused {
            path: backup.to_path_buf(),
            error,
        })?;
    let check = store.check()?;
    if !check.is_ok() {
        return Err(RestoreError::CheckFailed(check.differences));
    }
    // Closed (checkpointed, unlocked) before it is renamed into place.
    drop(store);
    Ok(RestoreSummary { import, check })
}
