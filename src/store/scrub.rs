//! After an erasure: the backups still hold the erased personal records. Each backup that
//! holds a record the store no longer has is rewritten without it (temporary file, fsync,
//! rename), so that erasing means erasing. Events are left as they are: like the store,
//! a backup then has events pointing at an erased record.
//!
//! The scrub is owed from the erasure's own commit (`meta/scrub`, written with it) until it
//! has gone through every backup: a scrub cut short (a kill, a full disk) is finished by
//! the next `vigie personal …`, `vigie backup` or backup at a close, and `check` reports it.

use super::backup_files::{fail, gz_finish, gz_writer, list};
use super::error::Result;
use super::export::Line;
use super::{Store, keys};
use crate::atomic_file::Staged;
use flate2::read::GzDecoder;
use std::fs::File;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};

/// The erasure a scrub is owed for (its marker), if any.
pub(super) fn owed(views: &sled::Tree) -> Result<Option<sled::IVec>> {
    Ok(views.get(keys::META_SCRUB)?)
}

/// The scrub owed for `marker` is done: remove the marker, unless a later erasure set it
/// again meanwhile. A marker left by a crash here only costs one more scrub.
pub(super) fn settle(views: &sled::Tree, marker: sled::IVec) -> Result<()> {
    let _ = views.compare_and_swap(keys::META_SCRUB, Some(marker), None::<&[u8]>)?;
    views.flush()?;
    Ok(())
}

/// Rewrites the backups in `dir` that hold personal records `personal` no longer has;
/// returns how many were rewritten.
pub(super) fn scrub_dir(personal: &sled::Tree, dir: &Path) -> Result<usize> {
    let mut rewritten = 0;
    for file in list(dir)? {
        if scrub_one(personal, &file.path)? {
            rewritten += 1;
        }
    }
    Ok(rewritten)
}

impl Store {
    /// Scrubs the backups of the records the store no longer has, and settles the scrub
    /// owed; returns how many backups were rewritten.
    pub fn scrub_backups(&self) -> Result<usize> {
        let marker = owed(&self.views)?;
        let n = scrub_dir(&self.personal, &self.backup_dir())?;
        if let Some(m) = marker {
            settle(&self.views, m)?;
        }
        Ok(n)
    }

    /// The backups that may still hold erased records (a scrub is owed).
    pub fn backups_to_scrub(&self) -> Result<Vec<PathBuf>> {
        if owed(&self.views)?.is_none() {
            return Ok(Vec::new());
        }
        Ok(list(&self.backup_dir())?
            .into_iter()
            .map(|f| f.path)
            .collect())
    }
}

/// Keeps a personal line only if the store still has the record.
fn still_held(personal: &sled::Tree, line: &str) -> Result<bool> {
    // Written by Vigie: the tag comes first. Other lines are copied as they are.
    if !line.starts_with("{\"type\":\"personal\"") {
        return Ok(true);
    }
    match serde_json::from_str::<Line>(line) {
        Ok(Line::Personal(rec)) => Ok(personal.contains_key(keys::seq(rec.id.0))?),
        _ => Ok(true),
    }
}

fn scrub_one(personal: &sled::Tree, path: &Path) -> Result<bool> {
    let mut staged = Staged::beside(path).map_err(|e| fail(path, e))?;
    let tmp = staged.path().to_path_buf();
    if !copy_without_erased(personal, path, staged.file(), &tmp)? {
        return Ok(false);
    }
    staged.commit(path).map_err(|e| fail(path, e))?;
    Ok(true)
}

/// Copies `path` into `out` without the erased records; true when something was left out.
fn copy_without_erased(
    personal: &sled::Tree,
    path: &Path,
    out: &mut File,
    tmp: &Path,
) -> Result<bool> {
    let input = File::open(path).map_err(|e| fail(path, e))?;
    let reader = BufReader::new(GzDecoder::new(input));
    let mut w = gz_writer(out);
    let mut dropped = false;
    for line in reader.lines() {
        let line = line.map_err(|e| fail(path, e))?;
        if still_held(personal, &line)? {
            w.write_all(line.as_bytes())
                .and_then(|_| w.write_all(b"\n"))
                .map_err(|e| fail(tmp, e))?;
        } else {
            dropped = true;
        }
    }
    gz_finish(w, tmp)?;
    Ok(dropped)
}
