//! What can go wrong with the store, as data; `i18n` says it in words. No variant carries
//! sled's own text: a damaged file is a `Damage`, a full disk is `DiskFull`.

use crate::domain::Refusal;
use std::path::PathBuf;
use thiserror::Error;

#[derive(Debug, Error)]
pub enum StoreError {
    /// The rules said no: nothing was written.
    #[error("refused: {0}")]
    Refused(#[from] Refusal),
    /// Another process holds the data directory.
    #[error("the data directory {0} is already open in another Vigie")]
    Locked(PathBuf),
    /// The data directory cannot be created, read or written.
    #[error("data directory {path}: {detail}")]
    DataDir { path: PathBuf, detail: String },
    /// A read command on a directory that holds no store.
    #[error("no store in {0}")]
    Missing(PathBuf),
    /// The store was created for another territory.
    #[error("the store in {path} belongs to the territory {stored}, not {given}")]
    Territory {
        path: PathBuf,
        stored: String,
        given: String,
    },
    /// The files are there but do not hold what was written. Nothing was written since.
    #[error("damaged store in {path}: {damage:?}")]
    Damaged {
        path: PathBuf,
        damage: Damage,
        /// The newest backup, to restore from.
        backup: Option<BackupHint>,
    },
    /// The disk (or the quota) is full: nothing of the command was kept.
    #[error("disk full")]
    DiskFull,
    /// Writing failed (an I/O error): nothing of the command was kept.
    #[error("write failed: {0}")]
    Write(String),
    /// Writing an export to its destination failed (the store is untouched).
    #[error("output: {0}")]
    Output(std::io::Error),
    /// Reading failed.
    #[error("read failed: {0}")]
    Read(String),
    /// A backup file could not be written (the journal itself is untouched).
    #[error("backup {path}: {detail}")]
    Backup { path: PathBuf, detail: String },
}

/// What is wrong with a damaged store.
#[derive(Debug, Clone, PartialEq)]
pub enum Damage {
    /// sled could not read its own files.
    Unreadable,
    /// A file of the store is missing (`db`, or the witness `journal.wal`).
    FileMissing(&'static str),
    /// The store's format marker is missing or names another format.
    Format(String),
    /// The journal holds fewer events than the witness recorded.
    JournalShort { kept: u64, witnessed: u64 },
    /// The journal holds events the witness never recorded (an older witness file).
    WitnessBehind { kept: u64, witnessed: u64 },
    /// Event `seq` is not what was written (its hash does not follow the chain).
    Changed { seq: u64 },
    /// The sequence breaks at `seq`.
    Gap { seq: u64 },
    /// A stored record does not read.
    Row { what: String },
    /// The witness file does not read at this line.
    Witness { line: usize },
}

/// The newest backup in the data directory, named in a damage message.
#[derive(Debug, Clone, PartialEq)]
pub struct BackupHint {
    pub path: PathBuf,
    /// Its event count, read from its trailer (none for a file without one).
    pub events: Option<u64>,
}

impl StoreError {
    /// The exit code of a command that failed with this error (README, `vigie --help`).
    pub fn exit_code(&self) -> u8 {
        match self {
            StoreError::Damaged { .. } => 1,
            StoreError::Locked(_)
            | StoreError::DataDir { .. }
            | StoreError::Missing(_)
            | StoreError::Territory { .. } => 3,
            StoreError::DiskFull => 4,
            _ => 1,
        }
    }
}

/// Is this I/O error a full disk or quota?
pub fn is_disk_full(e: &std::io::Error) -> bool {
    matches!(
        e.kind(),
        std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded
    ) || e.raw_os_error() == Some(libc::ENOSPC)
}

/// A failed write, said as a full disk when it is one.
pub fn write_error(e: std::io::Error) -> StoreError {
    if is_disk_full(&e) {
        StoreError::DiskFull
    } else {
        StoreError::Write(e.to_string())
    }
}

impl From<sled::Error> for StoreError {
    fn from(e: sled::Error) -> Self {
        match e {
            sled::Error::Io(e) => write_error(e),
            // sled's other errors speak of its internals: the words come from i18n.
            sled::Error::Corruption { .. } => {
                StoreError::Write("the database reads as damaged".into())
            }
            sled::Error::ReportableBug(_) => {
                StoreError::Write("the database hit an internal fault".into())
            }
            sled::Error::Unsupported(_) => {
                StoreError::Write("the database refused a setting".into())
            }
            _ => StoreError::Write("the database refused the write".into()),
        }
    }
}

pub type Result<T> = std::result::Result<T, StoreError>;
