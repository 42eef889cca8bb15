//! Personal data on request: erase one record (a resident's request) or every record older
//! than the retention period. An erasure deletes the record and appends a
//! `personal_erased` event, a purge one `personal_purged` event for all its records; the
//! structured history stays whole.

use super::store_err;
use crate::domain::Command;
use crate::domain::ids::PersonalId;
use crate::domain::vocab::ErasureReason;
use crate::i18n::Lang;
use crate::store::Store;
use chrono::{Duration, Utc};
use std::process::ExitCode;

/// Erases one personal record at a resident's request.
pub fn erase(store: &mut Store, id: u64, lang: Lang) -> Result<ExitCode, String> {
    let personal = PersonalId(id);
    if store
        .personal_record(personal)
        .map_err(store_err(lang))?
        .is_none()
    {
        return Err(match lang {
            Lang::Fr => format!("Aucune donnée personnelle n° {id} (inconnue ou déjà effacée)."),
            Lang::En => format!("No personal record {id} (unknown or already erased)."),
        });
    }
    let cmd = Command::ErasePersonal {
        personal,
        reason: ErasureReason::ResidentRequest,
    };
    store.execute(&cmd, Utc::now()).map_err(store_err(lang))?;
    println!(
        "{}",
        lang.pick("Donnée personnelle effacée.", "Personal record erased.")
    );
    scrub_backups(store, lang)
}

/// Erases every personal record created more than `days` days ago, as one fact: the
/// night's main courante gets one line, not one per record.
pub fn purge(store: &mut Store, days: u32, lang: Lang) -> Result<ExitCode, String> {
    let now = Utc::now();
    let limit = now - Duration::days(i64::from(days));
    let old = store.personal_older_than(limit).map_err(store_err(lang))?;
    if !old.is_empty() {
        let cmd = Command::PurgePersonal {
            personal: old.clone(),
            reason: ErasureReason::Retention,
        };
        store.execute(&cmd, now).map_err(store_err(lang))?;
    }
    match lang {
        Lang::Fr => println!(
            "{} donnée(s) personnelle(s) de plus de {days} jours effacée(s).",
            old.len()
        ),
        Lang::En => println!(
            "{} personal record(s) older than {days} days erased.",
            old.len()
        ),
    }
    scrub_backups(store, lang)
}

/// The backups hold copies of the erased records: rewrite them without.
fn scrub_backups(store: &Store, lang: Lang) -> Result<ExitCode, String> {
    let dir = store.backup_dir();
    match store.scrub_backups() {
        Ok(n) => {
            println!(
                "{}",
                crate::i18n::backup::personal_in_backups(&dir, n, lang)
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => Err(crate::i18n::backup::scrub_failed(&dir, &e, lang)),
    }
}
