//! `vigie restore BACKUP --data NEWDIR`: rebuild a store from a backup, check it, print
//! what it holds. NEWDIR must not exist or be empty.

use super::{Failure, Global, load_territory};
use crate::i18n::{self, Lang};
use std::path::PathBuf;
use std::process::ExitCode;

pub fn run(g: &Global, backup: PathBuf, lang: Lang) -> Result<ExitCode, Failure> {
    // Never the default data directory: a restore goes where the coordinator says.
    let Some(dir) = g.data.clone() else {
        return Err(lang
            .pick(
                "Indiquez le dossier à créer : vigie restore SAUVEGARDE --data NOUVEAU_DOSSIER.",
                "Say which directory to create: vigie restore BACKUP --data NEW_DIR.",
            )
            .to_string())
        .map_err(|message| Failure {
            message,
            code: super::EXIT_USAGE,
        });
    };
    let territory = load_territory(g, lang)?;
    let summary = crate::store::restore(&backup, &dir, territory).map_err(|e| Failure {
        message: i18n::backup::restore_error(&e, lang),
        code: e.exit_code(),
    })?;
    if summary.import.unproved {
        eprintln!("{}", i18n::import::unproved(lang));
    }
    let c = &summary.check;
    let rows = [
        (lang.pick("événements", "events"), c.events),
        (lang.pick("nuits", "nights"), c.nights),
        (lang.pick("sollicitations", "requests"), c.requests),
        (lang.pick("interventions", "interventions"), c.interventions),
        (lang.pick("situations", "cases"), c.cases),
        (
            lang.pick("données personnelles", "personal records"),
            c.personal_records,
        ),
    ];
    for (label, n) in rows {
        println!("{label:>32} : {n}");
    }
    println!(
        "{} {}",
        lang.pick(
            "Restauration réussie, vérification passée :",
            "Restored, and the check passed:"
        ),
        dir.display()
    );
    Ok(ExitCode::SUCCESS)
}
