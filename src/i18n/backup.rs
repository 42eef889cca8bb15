//! Backups and restore, said so that the coordinator knows what happened and what to do.

use super::Lang;
use super::store::{import_error, store_error};
use crate::store::{BackupWritten, ImportError, RestoreError};
use std::path::Path;

/// "12,3 Mo" / "12.3 MB".
pub fn size(bytes: u64, lang: Lang) -> String {
    let (value, unit) = if bytes >= 1 << 20 {
        (bytes as f64 / f64::from(1 << 20), lang.pick("Mo", "MB"))
    } else {
        (bytes as f64 / 1024.0, lang.pick("Ko", "KB"))
    };
    let text = format!("{value:.1}");
    match lang {
        Lang::Fr => format!("{} {unit}", text.replace('.', ",")),
        Lang::En => format!("{text} {unit}"),
    }
}

pub fn backup_written(w: &BackupWritten, lang: Lang) -> String {
    let path = w.path.display();
    let (events, bytes) = (w.summary.events, size(w.bytes, lang));
    match lang {
        Lang::Fr => format!("Sauvegarde écrite : {path} ({events} événements, {bytes})."),
        Lang::En => format!("Backup written: {path} ({events} events, {bytes})."),
    }
}

pub use super::store::backup_failed;

/// Said after an erasure: older copies of the record may sit in backups.
pub fn personal_in_backups(dir: &Path, rewritten: usize, lang: Lang) -> String {
    let dir = dir.display();
    match lang {
        Lang::Fr => {
            format!("Sauvegardes ({dir}) : {rewritten} réécrite(s) sans les données effacées.")
        }
        Lang::En => format!("Backups ({dir}): {rewritten} rewritten without the erased records."),
    }
}

pub fn scrub_failed(dir: &Path, e: &crate::store::StoreError, lang: Lang) -> String {
    let dir = dir.display();
    let detail = match e {
        crate::store::StoreError::Backup { path, detail } => {
            format!("{}: {detail}", path.display())
        }
        other => other.to_string(),
    };
    match lang {
        Lang::Fr => format!(
            "Effacement enregistré, mais les sauvegardes de {dir} n'ont pas pu être réécrites ({detail}) : elles contiennent encore ces données. Libérez de la place ou corrigez la cause, puis lancez `vigie backup` : il finit de les réécrire (`vigie check` les signale d'ici là)."
        ),
        Lang::En => format!(
            "The erasure is recorded, but the backups in {dir} could not be rewritten ({detail}): they still hold these records. Free some space or fix the cause, then run `vigie backup`: it finishes rewriting them (`vigie check` reports them until then)."
        ),
    }
}

pub fn restore_error(e: &RestoreError, lang: Lang) -> String {
    let fr = lang == Lang::Fr;
    match e {
        RestoreError::NotEmpty(dir) => match lang {
            Lang::Fr => format!(
                "Le dossier {} n'est pas vide : une restauration se fait dans un dossier neuf (--data NOUVEAU_DOSSIER). Rien n'a été modifié.",
                dir.display()
            ),
            Lang::En => format!(
                "The directory {} is not empty: a restore goes into a new directory (--data NEW_DIR). Nothing was changed.",
                dir.display()
            ),
        },
        RestoreError::Unreadable { path, detail } => match lang {
            Lang::Fr => format!("{} : lecture impossible ({detail}).", path.display()),
            Lang::En => format!("{}: cannot read it ({detail}).", path.display()),
        },
        RestoreError::NotGzip(path) => match lang {
            Lang::Fr => format!(
                "{} : ce n'est pas une sauvegarde Vigie (pas un fichier gzip). Rien n'a été restauré.",
                path.display()
            ),
            Lang::En => format!(
                "{}: this is not a Vigie backup (not a gzip file). Nothing was restored.",
                path.display()
            ),
        },
        RestoreError::Territory {
            path,
            found,
            expected,
        } => match lang {
            Lang::Fr => format!(
                "{} : sauvegarde du territoire « {found} », pas « {expected} » ; donnez le bon avec --territory. Rien n'a été restauré.",
                path.display()
            ),
            Lang::En => format!(
                "{}: a backup of the territory \"{found}\", not \"{expected}\"; give the right one with --territory. Nothing was restored.",
                path.display()
            ),
        },
        RestoreError::Refused {
            path,
            error: ImportError::Io { line, detail },
        } => match lang {
            Lang::Fr => format!(
                "{} : fichier compressé endommagé ou tronqué (vers la ligne {line} : {detail}). Rien n'a été restauré ; essayez une autre sauvegarde.",
                path.display()
            ),
            Lang::En => format!(
                "{}: the compressed file is damaged or truncated (near line {line}: {detail}). Nothing was restored; try another backup.",
                path.display()
            ),
        },
        RestoreError::Refused { path, error } => {
            let sep = lang.pick(" :", ":");
            format!("{}{sep} {}", path.display(), import_error(error, lang))
        }
        RestoreError::Store(e) => store_error(e, lang),
        RestoreError::CheckFailed(diffs) => {
            let first = diffs.first().map(String::as_str).unwrap_or("");
            if fr {
                format!(
                    "La vérification du dossier restauré a échoué ({first}) ; il a été supprimé. Essayez une autre sauvegarde."
                )
            } else {
                format!(
                    "The check of the restored directory failed ({first}); it was removed. Try another backup."
                )
            }
        }
    }
}
