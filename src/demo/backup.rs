//! Backups of the simulated closes, as the console writes them. A backup holds the whole
//! journal up to its close, so writing one per night costs the square of the history.
//! Up to `FULL_SET_NIGHTS` nights, the closes whose backup the retention rule keeps at the
//! end (the last 30, and the last of each month) are backed up, as in a real store; a
//! longer history backs up its final close only (measured on `--nights 3000`: one backup
//! of the 800,000-event journal takes about 7 s of CPU and 17 MB; the 40 of the retention
//! set would have more than tripled the demo's time).

use super::DemoError;
use crate::domain::calendar::ServiceNight;
use crate::store::{BackupFile, Store, backup_file_name, retained};
use std::collections::BTreeSet;

/// Above this many simulated nights, only the final close is backed up.
pub const FULL_SET_NIGHTS: usize = 60;

/// The simulated nights whose close writes a backup.
pub(super) fn nights(nights: &[ServiceNight]) -> BTreeSet<ServiceNight> {
    if nights.len() > FULL_SET_NIGHTS {
        return nights.last().copied().into_iter().collect();
    }
    let files: Vec<BackupFile> = nights
        .iter()
        .map(|&night| BackupFile {
            night,
            index: 1,
            path: backup_file_name(night, 1).into(),
        })
        .collect();
    let keep = retained(&files);
    files
        .into_iter()
        .filter(|f| keep.contains(&f.path))
        .map(|f| f.night)
        .collect()
}

/// Right after a night's commit: the backup, stamped with the close's instant.
pub(super) fn at_close(store: &Store) -> Result<(), DemoError> {
    let last = store.last_seq();
    let at = match store.envelopes(last, last).next() {
        Some(env) => env?.at,
        None => return Ok(()),
    };
    store.backup_job().run(at)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::nights_until;

    #[test]
    fn a_short_history_backs_up_the_last_thirty_nights_and_one_a_month() {
        let until: ServiceNight = "2026-11-28".parse().unwrap();
        let all = nights_until(until, 60);
        let chosen = nights(&all);
        // 30 nights reach back into late October; September keeps its last night.
        assert_eq!(chosen.len(), 30 + 1);
        assert!(all[all.len() - 30..].iter().all(|n| chosen.contains(n)));
        assert!(chosen.contains(&"2026-09-30".parse().unwrap()));
        assert!(!chosen.contains(&"2026-09-29".parse().unwrap()));
    }

    #[test]
    fn a_long_history_backs_up_its_final_close_only() {
        let until: ServiceNight = "2026-11-28".parse().unwrap();
        let all = nights_until(until, 600);
        assert_eq!(nights(&all).into_iter().collect::<Vec<_>>(), vec![until]);
    }
}
