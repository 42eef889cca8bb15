//! Store and import errors, said so that the coordinator knows what to do.

use super::{Lang, refusal::refusal};
use crate::store::StoreError;
use std::path::Path;

pub fn store_error(e: &StoreError, lang: Lang) -> String {
    match e {
        StoreError::Refused(r) => refusal(r, lang),
        StoreError::Damaged {
            path,
            damage,
            backup,
        } => super::damage::damaged(path, damage, backup.as_ref(), lang),
        StoreError::Backup { path, detail } => backup_failed(path, detail, lang),
        StoreError::Locked(_)
        | StoreError::DataDir { .. }
        | StoreError::Missing(_)
        | StoreError::Territory { .. } => directory(e, lang == Lang::Fr),
        StoreError::DiskFull
        | StoreError::Write(_)
        | StoreError::Output(_)
        | StoreError::Read(_) => writing(e, lang == Lang::Fr),
    }
}

/// The data directory cannot be used: locked, unusable, empty, another territory's.
fn directory(e: &StoreError, fr: bool) -> String {
    match e {
        StoreError::Locked(dir) => {
            if fr {
                format!(
                    "Une console Vigie (ou `vigie serve`) tient ce dossier de données ({}) et cette commande en a besoin pour elle seule. Fermez-la, puis recommencez.",
                    dir.display()
                )
            } else {
                format!(
                    "A Vigie console (or `vigie serve`) holds this data directory ({}) and this command needs it to itself. Close it, then try again.",
                    dir.display()
                )
            }
        }
        StoreError::DataDir { path, detail } => {
            if fr {
                format!(
                    "Le dossier de données {} est inutilisable ({detail}). Vérifiez qu'il existe, qu'il est un dossier et que vous avez le droit d'y écrire, ou choisissez-en un autre avec --data.",
                    path.display()
                )
            } else {
                format!(
                    "The data directory {} cannot be used ({detail}). Check that it exists, is a directory and is writable, or choose another with --data.",
                    path.display()
                )
            }
        }
        StoreError::Missing(dir) => {
            if fr {
                format!(
                    "Aucune donnée Vigie dans {} : vérifiez --data (ou VIGIE_DATA). Rien n'a été créé.",
                    dir.display()
                )
            } else {
                format!(
                    "No Vigie data in {}: check --data (or VIGIE_DATA). Nothing was created.",
                    dir.display()
                )
            }
        }
        StoreError::Territory {
            path,
            stored,
            given,
        } => {
            if fr {
                format!(
                    "Les données de {} appartiennent au territoire « {stored} », pas « {given} » : donnez le bon avec --territory. Rien n'a été modifié.",
                    path.display()
                )
            } else {
                format!(
                    "The data in {} belongs to the territory \"{stored}\", not \"{given}\": give the right one with --territory. Nothing was changed.",
                    path.display()
                )
            }
        }
        _ => String::new(),
    }
}

/// Writing or reading failed: a full disk, an I/O error, an output that cannot be written.
fn writing(e: &StoreError, fr: bool) -> String {
    let lang = if fr { Lang::Fr } else { Lang::En };
    match e {
        StoreError::DiskFull => lang
            .pick(
                "Disque plein : rien n'a été enregistré ; libérez de la place, puis recommencez.",
                "Disk full: nothing was saved; free some space, then try again.",
            )
            .to_string(),
        StoreError::Write(detail) => {
            if fr {
                format!(
                    "L'enregistrement a échoué ({detail}) : rien n'a été enregistré. Recommencez ; si cela se reproduit, vérifiez le disque."
                )
            } else {
                format!(
                    "Saving failed ({detail}): nothing was saved. Try again; if it happens again, check the disk."
                )
            }
        }
        StoreError::Output(e) => {
            if fr {
                format!(
                    "Écriture de la sortie impossible ({e}). Les données ne sont pas modifiées."
                )
            } else {
                format!("Cannot write the output ({e}). The data is unchanged.")
            }
        }
        StoreError::Read(detail) => {
            if fr {
                format!("Lecture des données impossible ({detail}).")
            } else {
                format!("Cannot read the data ({detail}).")
            }
        }
        _ => String::new(),
    }
}

/// A backup could not be written: what was recorded is safe.
pub fn backup_failed(path: &Path, detail: &str, lang: Lang) -> String {
    let path = path.display();
    match lang {
        Lang::Fr => format!(
            "Sauvegarde impossible ({path} : {detail}). Les données enregistrées ne sont pas touchées ; la prochaine clôture réessaiera, ou lancez `vigie backup`. Vérifiez l'espace disque."
        ),
        Lang::En => format!(
            "Backup failed ({path}: {detail}). The recorded data is untouched; the next close will try again, or run `vigie backup`. Check the disk space."
        ),
    }
}

pub use super::import::import_error;

/// The main courante's one line for a retention purge.
pub fn purged(count: usize, days: u32, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!(
            "Durée de conservation ({days} jours) : {count} donnée(s) personnelle(s) effacée(s)"
        ),
        Lang::En => format!("Retention period ({days} days): {count} personal record(s) erased"),
    }
}
