//! What can go wrong with the store, as data; `i18n` says it in words.

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
    /// The files are there but do not read as a Vigie store.
    #[error("damaged store in {path}: {detail}")]
    Damaged { path: PathBuf, detail: String },
    /// Writing failed (full disk, I/O error): nothing of the command was kept.
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

impl From<sled::Error> for StoreError {
    fn from(e: sled::Error) -> Self {
        StoreError::Write(e.to_string())
    }
}

pub type Result<T> = std::result::Result<T, StoreError>;
