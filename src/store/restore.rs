//! Rebuilding a store from a backup: into a new (or empty) data directory only, through the
//! all-or-nothing journal import, then the full check. Whatever fails, what was created in
//! the directory is removed: a restore leaves a sound store or nothing.

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
    let created = match fs::read_dir(dir).map(|mut entries| entries.next().is_some()) {
        Ok(true) => return Err(RestoreError::NotEmpty(dir.to_path_buf())),
        Ok(false) => false,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => true,
        Err(e) => {
            return Err(StoreError::DataDir {
                path: dir.to_path_buf(),
                detail: e.to_string(),
            }
            .into());
        }
    };
    check_head(backup, &territory.id).map_err(|e| match e {
        Head::Io(e) => unreadable(e),
        Head::Err(e) => e,
    })?;
    let result = import_and_check(backup, dir, territory);
    if result.is_err() {
        remove_created(dir, created);
    }
    result
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
    Ok(RestoreSummary { import, check })
}

/// Leaves the directory as it was found: removed if the restore created it, else emptied.
fn remove_created(dir: &Path, created: bool) {
    if created {
        let _ = fs::remove_dir_all(dir);
        return;
    }
    if let Ok(entries) = fs::read_dir(dir) {
        for entry in entries.flatten() {
            let path = entry.path();
            let _ = if path.is_dir() {
                fs::remove_dir_all(&path)
            } else {
                fs::remove_file(&path)
            };
        }
    }
}
