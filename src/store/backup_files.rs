//! What backups and their scrubbing share: the backups in their directory, the gzip
//! stream they are written with, and how their failures are said.

use super::error::{Result, StoreError};
use super::retention::{self, BackupFile};
use flate2::Compression;
use flate2::write::GzEncoder;
use std::fs::{self, File};
use std::io::BufWriter;
use std::path::Path;

pub fn fail(path: &Path, e: impl std::fmt::Display) -> StoreError {
    StoreError::Backup {
        path: path.to_path_buf(),
        detail: e.to_string(),
    }
}

/// Gzip at the backups' level, buffered, into a staged (owner-only) file.
pub fn gz_writer(file: &mut File) -> BufWriter<GzEncoder<&mut File>> {
    BufWriter::with_capacity(1 << 16, GzEncoder::new(file, Compression::default()))
}

/// Ends the gzip stream of `gz_writer`.
pub fn gz_finish(w: BufWriter<GzEncoder<&mut File>>, tmp: &Path) -> Result<()> {
    let encoder = w.into_inner().map_err(|e| fail(tmp, e.error()))?;
    encoder.finish().map_err(|e| fail(tmp, e))?;
    Ok(())
}

/// The backups in `dir`, oldest first (none when the directory does not exist yet).
pub fn list(dir: &Path) -> Result<Vec<BackupFile>> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(fail(dir, e)),
    };
    let mut files = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| fail(dir, e))?;
        let name = entry.file_name();
        if let Some((night, index)) = name.to_str().and_then(retention::parse_name) {
            files.push(BackupFile {
                night,
                index,
                path: entry.path(),
            });
        }
    }
    files.sort();
    Ok(files)
}
