//! The console's report export: the night's Markdown report, built by `report` and written
//! here, at the edge, whole or not at all (`atomic_file`).

use crate::domain::calendar::ServiceNight;
use crate::i18n::{Lang, store::store_error};
use crate::report::load::night_report;
use crate::report::markdown;
use crate::report::redact::Redaction;
use crate::store::Store;
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
