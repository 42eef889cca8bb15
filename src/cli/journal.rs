//! Subcommands over the journal: the main courante, export, import, check.

use super::{Failure, fail};
use crate::domain::calendar::ServiceNight;
use crate::i18n::{self, Lang};
use crate::store::{ExportRange, Store, StoreError};
use chrono::Utc;
use std::io::{BufReader, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

pub fn log(
    store: &Store,
    night: Option<ServiceNight>,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<u8, Failure> {
    let record = match night {
        Some(n) => store.night(n).map_err(fail(lang))?,
        None => store.last_night().map_err(fail(lang))?,
    };
    let Some(record) = record else {
        let msg = match night {
            Some(n) => format!(
                "{} {n}.",
                lang.pick(
                    "Rien n'a été enregistré pour la nuit du",
                    "Nothing was recorded for the night of"
                )
            ),
            None => lang
                .pick(
                    "Aucune nuit enregistrée : lancez `vigie demo` pour essayer.",
                    "No night recorded yet: try `vigie demo`.",
                )
                .to_string(),
        };
        let _ = writeln!(out, "{msg}");
        return Ok(0);
    };
    let lookup = crate::report::StoreLookup::new(store);
    let mut out = BufWriter::new(out);
    let mut written = writeln!(out, "{}", i18n::dates::night_title(record.night, lang));
    for env in store.night_events(&record).map_err(fail(lang))? {
        if written.is_ok() {
            written = writeln!(out, "{}", i18n::log::line(&env, &lookup, lang));
        }
    }
    match written.and_then(|_| out.flush()) {
        // A reader that stops early (`vigie log | head`) is not an error.
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.to_string().into()),
        _ => Ok(0),
    }
}

pub fn export(
    store: &Store,
    range: ExportRange,
    out: Option<PathBuf>,
    anonymised: bool,
    lang: Lang,
    out_w: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<u8, Failure> {
    let summary = match &out {
        Some(path) => {
            let file =
                std::fs::File::create(path).map_err(|e| format!("{}: {e}", path.display()))?;
            let mut w = BufWriter::new(file);
            let s = store
                .export(&mut w, range, anonymised, Utc::now())
                .map_err(fail(lang))?;
            let file = w.into_inner().map_err(|e| e.to_string())?;
            file.sync_all().map_err(|e| e.to_string())?;
            s
        }
        None => {
            let mut w = BufWriter::new(&mut *out_w);
            match store.export(&mut w, range, anonymised, Utc::now()) {
                // A reader that stops early (`| head`) is not an error.
                Err(StoreError::Output(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                    return Ok(0);
                }
                other => other.map_err(fail(lang))?,
            }
        }
    };
    let _ = writeln!(
        err,
        "{}",
        counts(
            lang.pick("Exporté :", "Exported:"),
            summary.events,
            summary.personal,
            lang
        )
    );
    Ok(0)
}

/// "Exporté : 12 événements, 3 données personnelles".
fn counts(what: &str, events: u64, personal: u64, lang: Lang) -> String {
    format!(
        "{what} {events} {}, {personal} {}",
        lang.pick("événements", "events"),
        lang.pick("données personnelles", "personal records")
    )
}

pub fn import(store: &mut Store, file: PathBuf, lang: Lang) -> Result<ExitCode, Failure> {
    let opener = || std::fs::File::open(&file).map(BufReader::new);
    match store.import(opener).map_err(fail(lang))? {
        Ok(summary) => {
            println!(
                "{}",
                counts(
                    lang.pick("Importé :", "Imported:"),
                    summary.events,
                    summary.personal,
                    lang
                )
            );
            if summary.unproved {
                eprintln!("{}", i18n::import::unproved(lang));
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => Err(format!(
            "{}: {}",
            file.display(),
            i18n::store::import_error(&e, lang)
        )
        .into()),
    }
}

pub fn check(store: &Store, lang: Lang, out: &mut dyn Write) -> Result<u8, Failure> {
    let started = std::time::Instant::now();
    let report = store.check().map_err(fail(lang))?;
    let rows = [
        (lang.pick("événements", "events"), report.events),
        (lang.pick("nuits", "nights"), report.nights),
        (lang.pick("sollicitations", "requests"), report.requests),
        (
            lang.pick("interventions", "interventions"),
            report.interventions,
        ),
        (lang.pick("situations", "cases"), report.cases),
        (
            lang.pick("données personnelles", "personal records"),
            report.personal_records,
        ),
        (
            lang.pick("données personnelles effacées", "personal records erased"),
            report.personal_missing,
        ),
    ];
    for (label, n) in rows {
        let _ = writeln!(out, "{label:>32} : {n}");
    }
    for d in &report.differences {
        let _ = writeln!(out, "{} {d}", lang.pick("DIFFÉRENCE :", "DIFFERENCE:"));
    }
    for b in &report.backups_to_scrub {
        let _ = writeln!(
            out,
            "{} {}",
            lang.pick(
                "SAUVEGARDE À NETTOYER (un effacement n'y est peut-être pas encore passé ; `vigie backup` le termine) :",
                "BACKUP TO SCRUB (an erasure may not have reached it yet; `vigie backup` finishes it):"
            ),
            b.display()
        );
    }
    let secs = started.elapsed().as_secs_f64();
    if report.is_ok() {
        let _ = writeln!(
            out,
            "{} ({secs:.1} s)",
            lang.pick(
                "Vérification réussie : le journal et les vues concordent.",
                "Check passed: the journal and the views agree."
            )
        );
        Ok(0)
    } else {
        let _ = writeln!(
            out,
            "{}",
            lang.pick("Vérification échouée.", "Check failed.")
        );
        Ok(1)
    }
}
