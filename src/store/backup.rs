//! Backups: the whole journal export (docs/journal.md, personal records included so that a
//! restore is complete), gzip-compressed, in `backups/` of the data directory. Written to a
//! temporary file, fsynced, renamed, the directory fsynced: a backup is whole or absent.
//! After each one the retention rule (`retention.rs`) removes the backups it no longer keeps.

use super::backup_files::{fail, gz_finish, gz_writer, list};
use super::error::{BackupHint, Result, StoreError};
use super::export::{ExportRange, ExportSummary, JournalSource, Line, Trailer};
use super::retention::{self, BackupFile};
use super::{Store, scrub};
use crate::atomic_file::{self, Staged};
use crate::domain::calendar::ServiceNight;
use chrono::{DateTime, Utc};
use flate2::read::GzDecoder;
use std::fs::{self, DirBuilder, File};
use std::io::{BufRead, BufReader};
use std::os::unix::fs::DirBuilderExt;
use std::path::{Path, PathBuf};

pub const BACKUP_DIR: &str = "backups";
const TMP: &str = ".tmp";

/// A backup to write, taken from the store as it stands; `run` may be called on another
/// thread while the store goes on (the journal only grows).
pub struct BackupJob {
    source: JournalSource,
    dir: PathBuf,
}

/// What a backup wrote.
#[derive(Debug, Clone, PartialEq)]
pub struct BackupWritten {
    pub path: PathBuf,
    pub night: ServiceNight,
    pub summary: ExportSummary,
    /// Size of the compressed file.
    pub bytes: u64,
    /// Older backups removed by the retention rule.
    pub removed: usize,
}

impl Store {
    /// `backups/` in the data directory.
    pub fn backup_dir(&self) -> PathBuf {
        self.dir.join(BACKUP_DIR)
    }

    pub fn backup_job(&self) -> BackupJob {
        BackupJob {
            source: self.journal_source(),
            dir: self.backup_dir(),
        }
    }

    /// Writes a backup of the whole journal now and applies the retention rule.
    pub fn backup(&self, now: DateTime<Utc>) -> Result<PathBuf> {
        self.backup_job().run(now).map(|w| w.path)
    }

    /// The backups in the backups directory, oldest first.
    pub fn backups(&self) -> Result<Vec<BackupFile>> {
        list(&self.backup_dir())
    }
}

impl BackupJob {
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Writes the backup, named by the night of the journal's last event. `now` is the
    /// export's `exported_at`.
    pub fn run(self, now: DateTime<Utc>) -> Result<BackupWritten> {
        let Some(last) = self.source.last_envelope()? else {
            return Err(fail(&self.dir, "the journal is empty: nothing to back up"));
        };
        prepare(&self.dir)?;
        // An erasure's scrub still owed (a purge at a close, a scrub cut short) first.
        let (personal, views) = self.source.trees();
        if let Some(marker) = scrub::owed(views)? {
            scrub::scrub_dir(personal, &self.dir)?;
            scrub::settle(views, marker)?;
        }
        let tmp = self
            .dir
            .join(format!("{}{TMP}", retention::file_name(last.night, 1)));
        let mut staged = Staged::create(tmp.clone()).map_err(|e| fail(&tmp, e))?;
        let summary = self.write_gz(staged.file(), &tmp, now)?;
        let path = self.free_name(last.night)?;
        let bytes = staged.commit(&path).map_err(|e| fail(&path, e))?;
        let removed = apply_retention(&self.dir)?;
        Ok(BackupWritten {
            path,
            night: last.night,
            summary,
            bytes,
            removed,
        })
    }

    fn write_gz(&self, file: &mut File, tmp: &Path, now: DateTime<Utc>) -> Result<ExportSummary> {
        let mut out = gz_writer(file);
        let summary = self
            .source
            .export(&mut out, ExportRange::default(), false, now)
            .map_err(|e| match e {
                StoreError::Output(e) => fail(tmp, e),
                other => other,
            })?;
        gz_finish(out, tmp)?;
        Ok(summary)
    }

    /// `vigie-DATE.jsonl.gz`, or `vigie-DATE-2.jsonl.gz`, … when the night already has one:
    /// a later backup of the same night never replaces an earlier one (the retention rule
    /// counts both). One writer at a time: the store's lock, and one job at a time in the
    /// console.
    fn free_name(&self, night: ServiceNight) -> Result<PathBuf> {
        for index in 1..10_000 {
            let path = self.dir.join(retention::file_name(night, index));
            match fs::symlink_metadata(&path) {
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(path),
                Err(e) => return Err(fail(&path, e)),
                Ok(_) => {}
            }
        }
        Err(fail(
            &self.dir,
            format!("too many backups of the night {night}"),
        ))
    }
}

/// Creates the backups directory (owner only: it holds personal records) and removes the
/// temporary files a crash in the middle of a backup left.
fn prepare(dir: &Path) -> Result<()> {
    DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
        .map_err(|e| fail(dir, e))?;
    for entry in fs::read_dir(dir).map_err(|e| fail(dir, e))? {
        let entry = entry.map_err(|e| fail(dir, e))?;
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.trim_start_matches('.').starts_with("vigie-") && name.ends_with(TMP) {
            fs::remove_file(entry.path()).map_err(|e| fail(&entry.path(), e))?;
        }
    }
    Ok(())
}

fn sync_dir(dir: &Path) -> Result<()> {
    atomic_file::sync_dir(dir).map_err(|e| fail(dir, e))
}

/// The trailer of a backup (none for a file without one, or one that does not read).
pub fn read_trailer(path: &Path) -> Option<Trailer> {
    let reader = BufReader::new(GzDecoder::new(File::open(path).ok()?));
    let mut last = None;
    for line in reader.lines() {
        last = Some(line.ok()?);
    }
    match serde_json::from_str::<Line>(&last?) {
        Ok(Line::Trailer(t)) => Some(t),
        _ => None,
    }
}

/// The newest backup of `dir`, to name in a damage message.
pub fn newest_hint(dir: &Path) -> Option<BackupHint> {
    let newest = list(dir).ok()?.pop()?;
    Some(BackupHint {
        events: read_trailer(&newest.path).map(|t| t.events),
        path: newest.path,
    })
}

/// Removes the backups the retention rule does not keep; returns how many.
pub fn apply_retention(dir: &Path) -> Result<usize> {
    let files = list(dir)?;
    let keep = retention::retained(&files);
    let mut removed = 0;
    for f in files.iter().filter(|f| !keep.contains(&f.path)) {
        fs::remove_file(&f.path).map_err(|e| fail(&f.path, e))?;
        removed += 1;
    }
    if removed > 0 {
        sync_dir(dir)?;
    }
    Ok(removed)
}
