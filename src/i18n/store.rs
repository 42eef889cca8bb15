//! Store and import errors, said so that the coordinator knows what to do.

use super::{Lang, refusal::refusal};
use crate::store::StoreError;

pub fn store_error(e: &StoreError, lang: Lang) -> String {
    let fr = lang == Lang::Fr;
    match e {
        StoreError::Refused(r) => refusal(r, lang),
        StoreError::Locked(dir) => {
            if fr {
                format!(
                    "Vigie est déjà ouverte sur ce dossier de données ({}). Fermez l'autre fenêtre, ou choisissez un autre dossier avec --data.",
                    dir.display()
                )
            } else {
                format!(
                    "Vigie is already open on this data directory ({}). Close the other window, or choose another directory with --data.",
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
        StoreError::Damaged {
            path,
            damage,
            backup,
        } => super::damage::damaged(path, damage, backup.as_ref(), lang),
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
        StoreError::Backup { path, detail } => super::backup::backup_failed(path, detail, lang),
        StoreError::Read(detail) => {
            if fr {
                format!("Lecture des données impossible ({detail}).")
            } else {
                format!("Cannot read the data ({detail}).")
            }
        }
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
