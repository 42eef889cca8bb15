//! The draft on disk (`DATA/draft.json`): written whenever what is typed changes, removed
//! once the form is saved or abandoned. Atomic (temporary file, fsync, rename) so a crash
//! leaves the old draft or the new one, never half of one.

use crate::app::draft::Draft;
use std::path::{Path, PathBuf};

const NAME: &str = "draft.json";

fn path(dir: &Path) -> PathBuf {
    dir.join(NAME)
}

/// The draft left by an interrupted session. Unreadable drafts are set aside, not fatal.
pub fn load(dir: &Path) -> Option<Draft> {
    let bytes = std::fs::read(path(dir)).ok()?;
    match serde_json::from_slice(&bytes) {
        Ok(d) => Some(d),
        Err(_) => {
            let _ = std::fs::rename(path(dir), dir.join("draft.unreadable.json"));
            None
        }
    }
}

/// Writes (or removes, for `None`) the draft, durably.
pub fn save(dir: &Path, draft: Option<&Draft>) -> std::io::Result<()> {
    let target = path(dir);
    match draft {
        Some(draft) => {
            let bytes = serde_json::to_vec(draft).map_err(std::io::Error::other)?;
            crate::atomic_file::write(&target, &bytes)
        }
        None => crate::atomic_file::remove(&target),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saved_drafts_come_back_and_none_removes_them() {
        let dir = tempfile::tempdir().expect("tempdir");
        assert_eq!(load(dir.path()), None);
        let d = Draft::LogEntry {
            text: "Appel de la police".into(),
        };
        save(dir.path(), Some(&d)).expect("save");
        assert_eq!(load(dir.path()), Some(d));
        save(dir.path(), None).expect("remove");
        assert_eq!(load(dir.path()), None);
        save(dir.path(), None).expect("removing nothing is fine");
    }

    #[test]
    fn an_unreadable_draft_is_set_aside() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(path(dir.path()), b"{half").expect("write");
        assert_eq!(load(dir.path()), None);
        assert!(dir.path().join("draft.unreadable.json").exists());
        assert!(!path(dir.path()).exists());
    }
}
