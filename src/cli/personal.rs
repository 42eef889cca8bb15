//! Personal data on request: erase one record (a resident's request) or every record older
//! than the retention period. Each erasure deletes the record and appends a
//! `personal_erased` event; the structured history stays whole.

use super::{Failure, fail};
use crate::domain::Command;
use crate::domain::ids::PersonalId;
use crate::domain::vocab::ErasureReason;
use crate::i18n::Lang;
use crate::store::Store;
use chrono::Utc;
use std::process::ExitCode;

/// Erases one personal record at a resident's request.
pub fn erase(store: &mut Store, id: u64, lang: Lang) -> Result<ExitCode, Failure> {
    let personal = PersonalId(id);
    if store
        .personal_record(personal)
        .map_err(fail(lang))?
        .is_none()
    {
        return Err(match lang {
            Lang::Fr => {
                format!("Aucune donnée personnelle n° {id} (inconnue ou déjà effacée).").into()
            }
            Lang::En => format!("No personal record {id} (unknown or already erased).").into(),
        });
    }
    let cmd = Command::ErasePersonal {
        personal,
        reason: ErasureReason::ResidentRequest,
    };
    store.execute(&cmd, Utc::now()).map_err(fail(lang))?;
    println!(
        "{}",
        lang.pick("Donnée personnelle effacée.", "Personal record erased.")
    );
    scrub_backups(store, lang)
}

/// Erases every personal record past the retention period of `days` days, in one commit.
pub fn purge(store: &mut Store, days: u32, lang: Lang) -> Result<ExitCode, Failure> {
    let n = store.purge(days, Utc::now()).map_err(fail(lang))?;
    match lang {
        Lang::Fr => println!("{n} donnée(s) personnelle(s) de plus de {days} jours effacée(s)."),
        Lang::En => println!("{n} personal record(s) older than {days} days erased."),
    }
    scrub_backups(store, lang)
}

/// The backups hold copies of the erased records: rewrite them without.
fn scrub_backups(store: &Store, lang: Lang) -> Result<ExitCode, Failure> {
    let dir = store.backup_dir();
    match store.scrub_backups() {
        Ok(n) => {
            println!(
                "{}",
                crate::i18n::backup::personal_in_backups(&dir, n, lang)
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => Err(crate::i18n::backup::scrub_failed(&dir, &e, lang).into()),
    }
}
