//! The files a period's reports make, as names and bytes: what the command line writes
//! (and the console will), always at the edge through `atomic_file`. Reports never write.

use super::load::FactsSource;
use super::scope::Who;
use super::{PeriodReport, html, period_report, range::Period, tables};
use crate::domain::reference::Territory;
use crate::i18n::Lang;
use crate::report::csv::{self, Separator};
use crate::report::markdown;
use crate::report::tables::Durations;
use crate::store::StoreError;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Html,
    Md,
    Csv,
    Json,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Md => "md",
            Format::Csv => "csv",
            Format::Json => "json",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportFile {
    /// `rapport-2026-11-archipel.html` (`report-…` in English).
    pub name: String,
    pub bytes: Vec<u8>,
}

#[derive(Debug)]
pub enum FilesError {
    Store(StoreError),
    UnknownCommissioner { id: String, known: Vec<String> },
    Render(String),
}

impl FilesError {
    pub fn to_text(&self, lang: Lang) -> String {
        match self {
            FilesError::Store(e) => crate::i18n::store::store_error(e, lang),
            FilesError::UnknownCommissioner { id, known } => match lang {
                Lang::Fr => format!(
                    "commanditaire inconnu « {id} » ; connus : {}",
                    known.join(", ")
                ),
                Lang::En => format!("unknown commissioner \"{id}\"; known: {}", known.join(", ")),
            },
            FilesError::Render(e) => e.clone(),
        }
    }
}

impl From<StoreError> for FilesError {
    fn from(e: StoreError) -> Self {
        FilesError::Store(e)
    }
}

/// One report in one format.
pub fn render(
    r: &PeriodReport,
    t: &Territory,
    format: Format,
    lang: Lang,
    sep: Separator,
) -> Result<Vec<u8>, FilesError> {
    let (title, lines) = tables::heading(r, lang);
    Ok(match format {
        Format::Md => {
            let t = tables::tables(r, lang, Durations::Words);
            markdown::document(&title, &lines, &t, lang).into_bytes()
        }
        Format::Csv => {
            let t = tables::tables(r, lang, csv::durations(sep));
            csv::document(&title, &lines, &t, lang, sep).into_bytes()
        }
        Format::Json => {
            let mut s =
                serde_json::to_string_pretty(r).map_err(|e| FilesError::Render(e.to_string()))?;
            s.push('\n');
            s.into_bytes()
        }
        Format::Html => html::render(r, t, lang)
            .map_err(FilesError::Render)?
            .into_bytes(),
    })
}

pub fn file_name(r: &PeriodReport, format: Format, lang: Lang) -> String {
    let period = r.period.replace("..", "_");
    format!(
        "{}-{period}-{}.{}",
        lang.pick("rapport", "report"),
        r.commissioner.id,
        format.extension()
    )
}

/// The reports of `period` for one commissioner (`Some(id)`, `service` for the service's
/// own) or for all of them and the service, in each format: names and bytes, to be
/// written by the caller.
pub fn files(
    store: &dyn FactsSource,
    period: Period,
    commissioner: Option<&str>,
    lang: Lang,
    formats: &[Format],
    sep: Separator,
) -> Result<Vec<ReportFile>, FilesError> {
    let t = store.territory();
    let whom = match commissioner {
        Some(id) => vec![
            Who::find(t, id).ok_or_else(|| FilesError::UnknownCommissioner {
                id: id.to_string(),
                known: Who::all(t).iter().map(|w| w.id().to_string()).collect(),
            })?,
        ],
        None => Who::all(t),
    };
    let mut out = Vec::new();
    for who in &whom {
        let report = period_report(store, period, who)?;
        for f in formats {
            out.push(ReportFile {
                name: file_name(&report, *f, lang),
                bytes: render(&report, t, *f, lang, sep)?,
            });
        }
    }
    Ok(out)
}
