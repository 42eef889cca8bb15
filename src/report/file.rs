//! Writing a report file: atomically (temporary file beside it, fsync, rename, fsync of the
//! directory), so a crash leaves the old file or the new one, never half of one. Used by
//! `vigie report night --out` and by the console's export (performed by the runtime).

use super::load::night_report;
use super::markdown;
use super::redact::Redaction;
use crate::domain::calendar::ServiceNight;
use crate::i18n::{Lang, store::store_error};
use crate::store::Store;
use std::io::Write;
use std::path::{Path, PathBuf};

pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "report".into());
    let tmp = dir.join(format!(".{name}.tmp"));
    let written = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written?;
    // The rename itself is durable once the directory is.
    std::fs::File::open(&dir)?.sync_all()
}

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
    write_atomic(&path, markdown::render(&report, lang).as_bytes()).map_err(fail)?;
    Ok(path)
}
