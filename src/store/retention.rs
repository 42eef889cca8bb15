//! Which backups to keep: the newest 30, and the newest of each calendar month over the 12
//! months up to the newest backup. Everything older goes, so that personal records erased
//! from the store (a resident's request, the retention period) do not live on for ever in
//! old backups.

use crate::domain::calendar::ServiceNight;
use chrono::Datelike;
use std::collections::BTreeSet;
use std::path::PathBuf;

/// How many of the newest backups are always kept.
pub const KEEP_NEWEST: usize = 30;
/// How many calendar months (counting the newest backup's) keep one backup each.
pub const KEEP_MONTHS: i32 = 12;

/// One backup file in the backups directory.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct BackupFile {
    /// The service night it was written for (the night of the journal's last event).
    pub night: ServiceNight,
    /// 1 for `vigie-DATE.jsonl.gz`, n for `vigie-DATE-n.jsonl.gz` (a later backup of the
    /// same night).
    pub index: u32,
    pub path: PathBuf,
}

const PREFIX: &str = "vigie-";
pub const SUFFIX: &str = ".jsonl.gz";

/// The file name of a backup.
pub fn file_name(night: ServiceNight, index: u32) -> String {
    match index {
        0 | 1 => format!("{PREFIX}{night}{SUFFIX}"),
        n => format!("{PREFIX}{night}-{n}{SUFFIX}"),
    }
}

/// Reads a backup's file name back; anything else in the directory is not a backup.
pub fn parse_name(name: &str) -> Option<(ServiceNight, u32)> {
    let stem = name.strip_prefix(PREFIX)?.strip_suffix(SUFFIX)?;
    let (date, index) = match stem.get(10..) {
        Some("") => (stem, 1),
        Some(rest) => (stem.get(..10)?, rest.strip_prefix('-')?.parse().ok()?),
        None => return None,
    };
    if index < 2 && stem.len() > 10 {
        return None;
    }
    Some((date.parse().ok()?, index))
}

fn month_number(night: ServiceNight) -> i32 {
    let d = night.date();
    d.year() * 12 + d.month0() as i32
}

/// The backups to keep among `files` (any order).
pub fn retained(files: &[BackupFile]) -> BTreeSet<PathBuf> {
    let mut sorted: Vec<&BackupFile> = files.iter().collect();
    sorted.sort();
    sorted.reverse();
    let mut keep: BTreeSet<PathBuf> = sorted
        .iter()
        .take(KEEP_NEWEST)
        .map(|f| f.path.clone())
        .collect();
    let Some(newest) = sorted.first() else {
        return keep;
    };
    let newest_month = month_number(newest.night);
    let mut months_seen = BTreeSet::new();
    for f in &sorted {
        let month = month_number(f.night);
        // Newest first: the first file seen in a month is that month's newest.
        if newest_month - month < KEEP_MONTHS && months_seen.insert(month) {
            keep.insert(f.path.clone());
        }
    }
    keep
}

#[cfg(test)]
mod tests {
    use super::*;

    fn night(s: &str) -> ServiceNight {
        s.parse().unwrap()
    }

    #[test]
    fn names_read_back() {
        let n = night("2026-11-23");
        assert_eq!(file_name(n, 1), "vigie-2026-11-23.jsonl.gz");
        assert_eq!(file_name(n, 3), "vigie-2026-11-23-3.jsonl.gz");
        assert_eq!(parse_name("vigie-2026-11-23.jsonl.gz"), Some((n, 1)));
        assert_eq!(parse_name("vigie-2026-11-23-3.jsonl.gz"), Some((n, 3)));
        for other in [
            "vigie-2026-11-23.jsonl.gz.tmp",
            "vigie-2026-11-23-1.jsonl.gz",
            "vigie-2026-11-23-x.jsonl.gz",
            "vigie-2026-13-23.jsonl.gz",
            "notes.txt",
            "vigie-.jsonl.gz",
        ] {
            assert_eq!(parse_name(other), None, "{other}");
        }
    }

    #[test]
    fn keeps_the_newest_thirty_and_one_a_month_for_a_year() {
        // Every day for 18 months, plus a second backup of the last night.
        let mut files = Vec::new();
        let mut n = night("2025-06-01");
        while n <= night("2026-11-30") {
            files.push(BackupFile {
                night: n,
                index: 1,
                path: file_name(n, 1).into(),
            });
            n = ServiceNight(n.date().succ_opt().unwrap());
        }
        let last = night("2026-11-30");
        files.push(BackupFile {
            night: last,
            index: 2,
            path: file_name(last, 2).into(),
        });
        let keep = retained(&files);
        // 30 newest: 2026-11-30 (twice) and 2026-11-02 ..= 2026-11-29.
        assert!(keep.contains(&PathBuf::from("vigie-2026-11-30-2.jsonl.gz")));
        assert!(keep.contains(&PathBuf::from("vigie-2026-11-02.jsonl.gz")));
        assert!(!keep.contains(&PathBuf::from("vigie-2026-11-01.jsonl.gz")));
        // One a month, the month's last, from December 2025 to October 2026.
        for month in [
            "2025-12-31",
            "2026-01-31",
            "2026-02-28",
            "2026-06-30",
            "2026-10-31",
        ] {
            assert!(keep.contains(&PathBuf::from(file_name(night(month), 1))));
        }
        assert!(!keep.contains(&PathBuf::from("vigie-2025-11-30.jsonl.gz")));
        assert!(!keep.contains(&PathBuf::from("vigie-2026-10-30.jsonl.gz")));
        assert_eq!(keep.len(), 30 + 11);
    }

    #[test]
    fn nothing_to_keep_in_an_empty_directory() {
        assert!(retained(&[]).is_empty());
    }
}
