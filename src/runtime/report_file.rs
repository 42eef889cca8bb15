//! The console's report exports — the night's Markdown report, last month's period reports —
//! built by `report` and written here, at the edge, whole or not at all (`atomic_file`).

use crate::domain::calendar::ServiceNight;
use crate::i18n::{Lang, store::store_error};
use crate::report::csv::Separator;
use crate::report::load::night_report;
use crate::report::markdown;
use crate::report::period::{Format, Period, files};
use crate::report::redact::Redaction;
use crate::store::Store;
use chrono::NaiveDate;
use std::path::{Path, PathBuf};

/// Where the console writes a night's report: `<data dir>/reports/nuit-YYYY-MM-DD.md`.
pub fn console_path(data_dir: &Path, night: ServiceNight) -> PathBuf {
    data_dir.join("reports").join(format!("nuit-{night}.md"))
}

/// The console's export: the commissioners' Markdown report of `night`, written under the
/// data directory. The error is a sentence in the UI language.
pub fn export_markdown(store: &Store, night: ServiceNight, lang: Lang) -> Result<PathBuf, String> {
    let report = night_report(store, night, Redaction::Commissioner)
        .map_err(|e| store_error(&e, lang))?
        .ok_or_else(|| match lang {
            Lang::Fr => format!("Rien n'a été enregistré pour la nuit du {night}."),
            Lang::En => format!("Nothing was recorded for the night of {night}."),
        })?;
    let path = console_path(store.dir(), night);
    let fail = |e: std::io::Error| match lang {
        Lang::Fr => format!("Rapport non écrit dans {} : {e}", path.display()),
        Lang::En => format!("Report not written to {}: {e}", path.display()),
    };
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(fail)?;
    }
    crate::atomic_file::write(&path, markdown::render(&report, lang).as_bytes()).map_err(fail)?;
    Ok(path)
}

/// The console's monthly export: the period reports of the month starting on `first`, for
/// every commissioner and the service, in HTML (to read and print) and CSV (to count), in
/// `<data dir>/reports/YYYY-MM/`.
pub fn export_month(
    store: &Store,
    first: NaiveDate,
    lang: Lang,
) -> Result<(PathBuf, usize), String> {
    let label = first.format("%Y-%m").to_string();
    let period = Period::month(&label).ok_or_else(|| label.clone())?;
    let sep = match lang {
        Lang::Fr => Separator::Semicolon,
        Lang::En => Separator::Comma,
    };
    let formats = [Format::Html, Format::Csv];
    let made = files(store, period, None, lang, &formats, sep).map_err(|e| e.to_text(lang))?;
    let dir = store.dir().join("reports").join(&label);
    let fail = |e: std::io::Error| match lang {
        Lang::Fr => format!("Rapports non écrits dans {} : {e}", dir.display()),
        Lang::En => format!("Reports not written to {}: {e}", dir.display()),
    };
    std::fs::create_dir_all(&dir).map_err(fail)?;
    for f in &made {
        crate::atomic_file::write(&dir.join(&f.name), &f.bytes).map_err(fail)?;
    }
    Ok((dir, made.len()))
}
