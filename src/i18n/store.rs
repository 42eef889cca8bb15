//! Store and import errors, said so that the coordinator knows what to do.

use super::{Lang, refusal::refusal};
use crate::store::{ImportError, StoreError};

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
        StoreError::Damaged { path, detail } => {
            if fr {
                format!(
                    "Les données de {} sont endommagées ({detail}). Rien n'a été modifié. Restaurez une sauvegarde ou importez un export du journal dans un nouveau dossier.",
                    path.display()
                )
            } else {
                format!(
                    "The data in {} is damaged ({detail}). Nothing was changed. Restore a backup or import a journal export into a new directory.",
                    path.display()
                )
            }
        }
        StoreError::Write(detail) => {
            if fr {
                format!(
                    "L'enregistrement a échoué ({detail}) : rien n'a été enregistré. Vérifiez l'espace disque puis recommencez."
                )
            } else {
                format!(
                    "Saving failed ({detail}): nothing was saved. Check the disk space, then try again."
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

pub fn import_error(e: &ImportError, lang: Lang) -> String {
    let fr = lang == Lang::Fr;
    let nothing = if fr {
        " Rien n'a été importé."
    } else {
        " Nothing was imported."
    };
    let what = match e {
        ImportError::Malformed { line, detail } => {
            if fr {
                format!("Ligne {line} illisible : {detail}.")
            } else {
                format!("Line {line} is unreadable: {detail}.")
            }
        }
        ImportError::UnknownKind { line, kind } => {
            if fr {
                format!(
                    "Ligne {line} : type d'événement inconnu « {kind} » (export d'une version plus récente ?)."
                )
            } else {
                format!(
                    "Line {line}: unknown event kind \"{kind}\" (an export from a newer version?)."
                )
            }
        }
        ImportError::NoHeader => {
            if fr {
                "Ligne 1 : ce fichier n'est pas un journal Vigie (en-tête absent).".to_string()
            } else {
                "Line 1: this file is not a Vigie journal (no header).".to_string()
            }
        }
        ImportError::Version { line, version } => {
            if fr {
                format!(
                    "Ligne {line} : version {version} plus récente que ce Vigie ; mettez Vigie à jour."
                )
            } else {
                format!("Line {line}: version {version} is newer than this Vigie; update Vigie.")
            }
        }
        ImportError::Gap {
            line,
            expected,
            found,
        } => {
            if fr {
                format!(
                    "Ligne {line} : séquence {found} au lieu de {expected} ; le journal est incomplet."
                )
            } else {
                format!(
                    "Line {line}: sequence {found} instead of {expected}; the journal is incomplete."
                )
            }
        }
        ImportError::AlreadyPresent { line, seq } => {
            if fr {
                format!(
                    "Ligne {line} : l'événement {seq} est déjà dans ces données ; ce journal a déjà été importé."
                )
            } else {
                format!(
                    "Line {line}: event {seq} is already in this store; this journal was already imported."
                )
            }
        }
        ImportError::Empty => {
            if fr {
                "Le fichier ne contient aucun événement.".to_string()
            } else {
                "The file holds no event.".to_string()
            }
        }
        ImportError::Io { line, detail } => {
            if fr {
                format!("Lecture impossible à la ligne {line} : {detail}.")
            } else {
                format!("Cannot read line {line}: {detail}.")
            }
        }
    };
    what + nothing
}
