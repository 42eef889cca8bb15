//! A damaged store, said with what is lost and the backup to restore.

use super::Lang;
use crate::store::{BackupHint, Damage};
use std::path::Path;

/// "1 007" / "1,007".
fn count(n: u64, lang: Lang) -> String {
    let digits = n.to_string();
    let sep = lang.pick("\u{202f}", ",");
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(c);
    }
    out
}

fn what(damage: &Damage, backup: Option<&BackupHint>, lang: Lang) -> String {
    let fr = lang == Lang::Fr;
    match damage {
        Damage::JournalShort { kept, witnessed } => {
            let (k, w) = (count(*kept, lang), count(*witnessed, lang));
            let saved = backup.and_then(|b| b.events).map(|n| count(n, lang));
            match (fr, saved) {
                (true, Some(b)) => format!(
                    "le journal s'arrête à l'événement {k} ; la dernière sauvegarde en a {b}, son témoin en avait {w}"
                ),
                (true, None) => {
                    format!("le journal s'arrête à l'événement {k} ; son témoin en avait {w}")
                }
                (false, Some(b)) => format!(
                    "the journal stops at event {k}; the latest backup has {b}, its witness had {w}"
                ),
                (false, None) => format!("the journal stops at event {k}; its witness had {w}"),
            }
        }
        Damage::WitnessBehind { kept, witnessed } => {
            let (k, w) = (count(*kept, lang), count(*witnessed, lang));
            if fr {
                format!(
                    "le journal a {k} événements mais son témoin n'en connaît que {w} (fichiers d'époques différentes)"
                )
            } else {
                format!(
                    "the journal has {k} events but its witness knows only {w} (files from different times)"
                )
            }
        }
        Damage::Changed { seq } => {
            let n = count(*seq, lang);
            if fr {
                format!(
                    "l'événement {n} n'est plus celui qui a été écrit (sa signature ne suit pas)"
                )
            } else {
                format!("event {n} is no longer the one written (its hash does not follow)")
            }
        }
        Damage::Gap { seq } => match lang {
            Lang::Fr => format!("le journal est interrompu avant l'événement {seq}"),
            Lang::En => format!("the journal breaks before event {seq}"),
        },
        Damage::Row { what } => match lang {
            Lang::Fr => format!("un enregistrement ({what}) ne se lit plus"),
            Lang::En => format!("a record ({what}) no longer reads"),
        },
        Damage::Witness { line } => match lang {
            Lang::Fr => {
                format!("le témoin du journal (store/journal.wal) ne se lit plus à la ligne {line}")
            }
            Lang::En => {
                format!("the journal's witness (store/journal.wal) does not read at line {line}")
            }
        },
        Damage::FileMissing(file) => match lang {
            Lang::Fr => format!("le fichier store/{file} manque"),
            Lang::En => format!("the file store/{file} is missing"),
        },
        Damage::Format(found) => match lang {
            Lang::Fr => format!("le marqueur de format est absent ou inconnu ({found})"),
            Lang::En => format!("the format marker is missing or unknown ({found})"),
        },
        Damage::Unreadable => lang
            .pick("la base ne se lit plus", "the database no longer reads")
            .to_string(),
    }
}

pub fn damaged(path: &Path, damage: &Damage, backup: Option<&BackupHint>, lang: Lang) -> String {
    let what = what(damage, backup, lang);
    let dir = path.display();
    let then = match (backup, lang) {
        (Some(b), Lang::Fr) => format!(
            "Restaurez la sauvegarde la plus récente dans un nouveau dossier : vigie restore {} --data NOUVEAU_DOSSIER",
            b.path.display()
        ),
        (Some(b), Lang::En) => format!(
            "Restore the latest backup into a new directory: vigie restore {} --data NEW_DIR",
            b.path.display()
        ),
        (None, Lang::Fr) => "Restaurez une sauvegarde (vigie restore SAUVEGARDE --data NOUVEAU_DOSSIER) ou importez un export du journal dans un nouveau dossier".to_string(),
        (None, Lang::En) => "Restore a backup (vigie restore BACKUP --data NEW_DIR) or import a journal export into a new directory".to_string(),
    };
    match lang {
        Lang::Fr => {
            format!("Les données de {dir} sont endommagées : {what}. Rien n'a été modifié. {then}.")
        }
        Lang::En => format!("The data in {dir} is damaged: {what}. Nothing was changed. {then}."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_have_their_thousands_separated() {
        assert_eq!(count(1007, Lang::Fr), "1\u{202f}007");
        assert_eq!(count(1_234_567, Lang::En), "1,234,567");
        assert_eq!(count(655, Lang::Fr), "655");
    }
}
