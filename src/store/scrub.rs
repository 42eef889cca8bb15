//! After an erasure: the backups still hold the erased personal records. Each backup that
//! holds a record the store no longer has is rewritten without it (temporary file, fsync,
//! rename), so that erasing means erasing. Events are left as they are: like the store,
//! a backup then has events pointing at an erased record.

use super::backup::{fail, gz_finish, gz_writer, list};
use super::error::Result;
use super::export::Line;
use super::{Store, keys};
use crate::atomic_file::Staged;
use flate2::read::GzDecoder;
use std::fs::File;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;

impl Store {
    /// Rewrites the backups that hold personal records no longer in the store; returns how
    /// many were rewritten.
    pub fn scrub_backups(&self) -> Result<usize> {
        let mut rewritten = 0;
        for file in list(&self.backup_dir())? {
            if self.scrub_one(&file.path)? {
                rewritten += 1;
            }
        }
        Ok(rewritten)
    }

    /// Keeps a personal line only if the store still has the record.
    fn still_held(&self, line: &str) -> Result<bool> {
        // Written by Vigie: the tag comes first. Other lines are copied as they are.
        if !line.starts_with("{\"type\":\"personal\"") {
            return Ok(true);
        }
        match serde_json::from_str::<Line>(line) {
            Ok(Line::Personal(rec)) => Ok(self.personal.contains_key(keys::seq(rec.id.0))?),
            _ => Ok(true),
        }
    }

    fn scrub_one(&self, path: &Path) -> Result<bool> {
        let mut staged = Staged::beside(path).map_err(|e| fail(path, e))?;
        let tmp = staged.path().to_path_buf();
        if !self.copy_without_erased(path, staged.file(), &tmp)? {
            return Ok(false);
        }
        staged.commit(path).map_err(|e| fail(path, e))?;
        Ok(true)
    }

    /// Copies `path` into `out` without the erased records; true when something was left out.
    fn copy_without_erased(&self, path: &Path, out: &mut File, tmp: &Path) -> Result<bool> {
        let input = File::open(path).map_err(|e| fail(path, e))?;
        let reader = BufReader::new(GzDecoder::new(input));
        let mut w = gz_writer(out);
        let mut dropped = false;
        for line in reader.lines() {
            let line = line.map_err(|e| fail(path, e))?;
            if self.still_held(&line)? {
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
}
