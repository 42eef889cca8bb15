//! `vigie report night [DATE]`: the night report in Markdown, CSV or JSON, on standard
//! output or written to a file (whole or not at all: `atomic_file`). See docs/reports.md.

use super::report_files::{Sep, separator, write_file};
use super::store_err;
use crate::domain::calendar::ServiceNight;
use crate::i18n::Lang;
use crate::report::load::{default_night, nearby_nights, night_report};
use crate::report::redact::Redaction;
use crate::report::{csv, json, markdown};
use crate::store::Store;
use clap::{Args, Subcommand, ValueEnum};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Subcommand)]
pub enum ReportCmd {
    /// One service night: counts, outcomes, relays, response times, interventions, what
    /// each commissioner needs, the handover note.
    Night(NightArgs),
    /// A month, a quarter, a year or a range of nights, for each commissioner and the
    /// service (or one): activity, watch, situations, actions, trends.
    Period(super::report_period::PeriodArgs),
}

#[derive(Debug, Args)]
pub struct NightArgs {
    /// The night, by the date it starts (YYYY-MM-DD); default: the last closed night.
    #[arg(value_name = "DATE")]
    pub night: Option<ServiceNight>,
    #[arg(long, value_enum, default_value_t = Format::Md)]
    pub format: Format,
    /// Write to this file instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// The service's own version: keeps the notes (never a callback number).
    #[arg(long)]
    pub internal: bool,
    /// CSV field separator: semicolon (French, with a decimal comma) or comma (English,
    /// with a decimal point); default: the one of the language.
    #[arg(long, value_enum)]
    pub separator: Option<Sep>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Md,
    Csv,
    Json,
}

pub fn run(store: &mut Store, cmd: ReportCmd, lang: Lang) -> Result<ExitCode, String> {
    let (out, err) = (&mut std::io::stdout(), &mut std::io::stderr());
    match cmd {
        ReportCmd::Night(args) => {
            // The commissioners' version written out: its observations went out with it.
            if let Some(n) = night(store, args, lang, out, err)? {
                super::transmit::night_report(store, n, lang)?;
            }
            Ok(ExitCode::SUCCESS)
        }
        ReportCmd::Period(args) => {
            super::report_period::run(store, args, lang, out, err).map(ExitCode::from)
        }
    }
}

/// A report asked from another terminal while a console owns the store (it cannot record
/// the observations' transmission: said on standard error).
pub fn run_read(
    store: &Store,
    cmd: ReportCmd,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<u8, String> {
    match cmd {
        ReportCmd::Night(args) => {
            if night(store, args, lang, out, err)?.is_some() {
                let _ = writeln!(
                    err,
                    "{}",
                    lang.pick(
                        "(La transmission des observations n'est pas enregistrée depuis un second terminal : écrivez ce rapport depuis la console.)",
                        "(The observations' transmission is not recorded from a second terminal: write this report from the console.)"
                    )
                );
            }
            Ok(0)
        }
        ReportCmd::Period(args) => super::report_period::run(store, args, lang, out, err),
    }
}

/// Writes the night's report; answers the night when the commissioners' version was
/// written to a file (its observations are then transmitted).
fn night(
    store: &Store,
    args: NightArgs,
    lang: Lang,
    stdout: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Option<ServiceNight>, String> {
    let night = match args.night {
        Some(n) => n,
        None => match default_night(store).map_err(store_err(lang))? {
            Some(n) => n,
            None => {
                return Err(lang
                    .pick(
                        "aucune nuit enregistrée : pas de rapport.",
                        "no night recorded: no report.",
                    )
                    .to_string());
            }
        },
    };
    let redaction = if args.internal {
        Redaction::Internal
    } else {
        Redaction::Commissioner
    };
    let Some(report) = night_report(store, night, redaction).map_err(store_err(lang))? else {
        return Err(not_found(store, night, lang));
    };
    let text = render(&report, &args, lang)?;
    // The next `vigie report night` prints it without opening the store.
    super::report_fast::keep(store, &args, lang, &text);
    match &args.out {
        Some(path) => {
            write_file(path, text.as_bytes(), lang)?;
            let _ = writeln!(
                err,
                "{} {}",
                lang.pick("Rapport écrit :", "Report written:"),
                path.display()
            );
            Ok((redaction == Redaction::Commissioner).then_some(night))
        }
        None => {
            // A closed pipe (`| head`) is not an error worth a message.
            let _ = stdout
                .write_all(text.as_bytes())
                .and_then(|_| stdout.flush());
            Ok(None)
        }
    }
}

/// The report in the format asked for.
pub(super) fn render(
    report: &crate::report::night::NightReport,
    args: &NightArgs,
    lang: Lang,
) -> Result<String, String> {
    Ok(match args.format {
        Format::Md => markdown::render(report, lang),
        Format::Csv => csv::render(report, lang, separator(args.separator, lang)),
        Format::Json => json::render(report).map_err(|e| e.to_string())?,
    })
}

/// "No night of 2026-10-20 in the store; nearby: …", with the closest recorded nights.
fn not_found(store: &Store, night: ServiceNight, lang: Lang) -> String {
    let near = nearby_nights(store, night, 3).unwrap_or_default();
    let list: Vec<String> = near.iter().map(ServiceNight::to_string).collect();
    match (lang, list.is_empty()) {
        (Lang::Fr, true) => format!("aucune nuit du {night} : le journal ne contient aucune nuit."),
        (Lang::En, true) => format!("no night of {night}: the journal holds no night."),
        (Lang::Fr, false) => format!(
            "aucune nuit du {night} dans le journal. Nuits proches : {}",
            list.join(", ")
        ),
        (Lang::En, false) => format!(
            "no night of {night} in the journal. Nearby nights: {}",
            list.join(", ")
        ),
    }
}
