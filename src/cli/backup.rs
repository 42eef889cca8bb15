//! `vigie backup`: write a backup now (the console and the demo write one at each close),
//! or list the backups kept.

use super::{Failure, fail};
use crate::i18n::{self, Lang};
use crate::store::Store;
use chrono::Utc;
use std::io::{BufWriter, Write};
use std::process::ExitCode;

pub fn write(store: &Store, lang: Lang) -> Result<ExitCode, Failure> {
    if store.last_seq() == 0 {
        return Err(lang
            .pick(
                "Le journal est vide : rien à sauvegarder.",
                "The journal is empty: nothing to back up.",
            )
            .to_string()
            .into());
    }
    let written = store.backup_job().run(Utc::now()).map_err(fail(lang))?;
    println!("{}", i18n::backup::backup_written(&written, lang));
    if written.removed > 0 {
        println!(
            "{} {}",
            written.removed,
            lang.pick(
                "ancienne(s) sauvegarde(s) supprimée(s) (30 dernières et une par mois sur 12 mois gardées).",
                "older backup(s) removed (the last 30 and one a month over 12 months are kept)."
            )
        );
    }
    Ok(ExitCode::SUCCESS)
}

pub fn list(store: &Store, lang: Lang, out: &mut dyn Write) -> Result<u8, Failure> {
    let files = store.backups().map_err(fail(lang))?;
    let mut out = BufWriter::new(out);
    let mut written = Ok(());
    if files.is_empty() {
        written = writeln!(
            out,
            "{} {}",
            lang.pick("Aucune sauvegarde dans", "No backup in"),
            store.backup_dir().display()
        );
    }
    for f in files {
        let bytes = std::fs::metadata(&f.path).map(|m| m.len()).unwrap_or(0);
        if written.is_ok() {
            written = writeln!(
                out,
                "{}  {:>10}  {}",
                f.night,
                i18n::backup::size(bytes, lang),
                f.path.display()
            );
        }
    }
    match written.and_then(|_| out.flush()) {
        // A reader that stops early (`vigie backup --list | head`) is not an error.
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.to_string().into()),
        _ => Ok(0),
    }
}
