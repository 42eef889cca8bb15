//! Files that are whole or absent: written to a temporary file beside the target, fsynced,
//! renamed over it, and the directory fsynced so that the rename itself survives a power
//! loss. Drafts, report files, backups and their scrubbing all go through here.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
#[cfg(unix)]
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

/// A file being written at a temporary path; `commit` puts it in place. Dropped without a
/// commit (an error on the way), the temporary file is removed.
pub struct Staged {
    tmp: PathBuf,
    file: File,
    committed: bool,
}

impl Staged {
    /// Creates (or truncates) the temporary file `tmp`, readable by its owner only: what
    /// Vigie writes may hold personal data.
    pub fn create(tmp: PathBuf) -> io::Result<Staged> {
        let mut options = OpenOptions::new();
        options.write(true).create(true).truncate(true);
        #[cfg(unix)]
        options.mode(0o600);
        let file = options.open(&tmp)?;
        Ok(Staged {
            tmp,
            file,
            committed: false,
        })
    }

    /// A temporary file beside `target`: `.NAME.tmp` in the same directory (a rename is
    /// atomic only within one file system).
    pub fn beside(target: &Path) -> io::Result<Staged> {
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "file".into());
        Staged::create(parent(target).join(format!(".{name}.tmp")))
    }

    pub fn path(&self) -> &Path {
        &self.tmp
    }

    /// The open file, to write into.
    pub fn file(&mut self) -> &mut File {
        &mut self.file
    }

    /// fsync, rename over `target`, fsync the directory. Returns the size written.
    pub fn commit(mut self, target: &Path) -> io::Result<u64> {
        self.file.sync_all()?;
        let len = self.file.metadata()?.len();
        fs::rename(&self.tmp, target)?;
        self.committed = true;
        sync_dir(parent(target))?;
        Ok(len)
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_file(&self.tmp);
        }
    }
}

/// The directory a target lives in ("." for a bare file name).
fn parent(target: &Path) -> &Path {
    match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    }
}

/// Writes `bytes` to `target` whole, or leaves the old file (or none) in place.
pub fn write(target: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut staged = Staged::beside(target)?;
    staged.file().write_all(bytes)?;
    staged.commit(target).map(|_| ())
}

/// Makes the renames and removals in `dir` durable.
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

/// Removes `target` if it exists, durably.
pub fn remove(target: &Path) -> io::Result<()> {
    match fs::remove_file(target) {
        Ok(()) => sync_dir(parent(target)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_write_replaces_the_file_whole_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let target = dir.path().join("report.md");
        write(&target, b"old").expect("write");
        write(&target, b"new").expect("write");
        assert_eq!(fs::read(&target).expect("read"), b"new");
        let names: Vec<_> = fs::read_dir(dir.path())
            .expect("list")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names, ["report.md"]);
    }

    #[test]
    fn an_abandoned_stage_leaves_the_old_file_and_no_temporary_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let target = dir.path().join("draft.json");
        write(&target, b"kept").expect("write");
        {
            let mut staged = Staged::beside(&target).expect("stage");
            staged.file().write_all(b"half").expect("write");
            assert!(staged.path().exists());
        }
        assert_eq!(fs::read(&target).expect("read"), b"kept");
        assert_eq!(fs::read_dir(dir.path()).expect("list").count(), 1);
    }

    #[test]
    fn a_write_into_a_missing_directory_fails_and_remove_of_nothing_is_fine() {
        let dir = tempfile::tempdir().expect("tempdir");
        assert!(write(&dir.path().join("no/such/file"), b"x").is_err());
        remove(&dir.path().join("absent")).expect("nothing to remove");
    }
}
