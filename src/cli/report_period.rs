//! `vigie report period`: the period reports, one per commissioner and the service's own
//! (or one with `--commissioner`), in HTML, Markdown, CSV or JSON, on standard output or
//! written whole or not at all (`atomic_file`). See docs/reports.md.

use super::report_files::{Sep, separator, write_file};
use crate::i18n::Lang;
use crate::report::period::{FactsSource, Format, Period, files, files::FilesError};
use chrono::NaiveDate;
use clap::{ArgGroup, Args, ValueEnum};
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("when").required(true).args(["month", "quarter", "year", "from"])))]
pub struct PeriodArgs {
    /// A month: 2026-11.
    #[arg(long, value_name = "YYYY-MM")]
    pub month: Option<String>,
    /// A quarter: 2026-Q4.
    #[arg(long, value_name = "YYYY-QN")]
    pub quarter: Option<String>,
    /// A year: 2026.
    #[arg(long, value_name = "YYYY")]
    pub year: Option<i32>,
    /// First service night (YYYY-MM-DD), with --to.
    #[arg(long, value_name = "DATE", requires = "to")]
    pub from: Option<NaiveDate>,
    /// Last service night (YYYY-MM-DD), inclusive.
    #[arg(long, value_name = "DATE", requires = "from")]
    pub to: Option<NaiveDate>,
    /// One commissioner (a landlord's id, the city's, `departement`, or `service`);
    /// default: every commissioner and the service.
    #[arg(long, value_name = "ID")]
    pub commissioner: Option<String>,
    #[arg(long, value_enum, default_value_t = PFormat::Html)]
    pub format: PFormat,
    /// A file (one report) or a directory (one file per report).
    #[arg(long, value_name = "FILE|DIR")]
    pub out: Option<PathBuf>,
    /// CSV separator; default: the language's (semicolon in French, comma in English).
    #[arg(long, value_enum)]
    pub separator: Option<Sep>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PFormat {
    Html,
    Md,
    Csv,
    Json,
}

fn period(a: &PeriodArgs, lang: Lang) -> Result<Period, String> {
    let bad = |what: &str| match lang {
        Lang::Fr => format!("période illisible : {what}"),
        Lang::En => format!("unreadable period: {what}"),
    };
    if let Some(m) = &a.month {
        return Period::month(m).ok_or_else(|| bad(m));
    }
    if let Some(q) = &a.quarter {
        return Period::quarter(q).ok_or_else(|| bad(q));
    }
    if let Some(y) = a.year {
        return Period::year(y).ok_or_else(|| bad(&y.to_string()));
    }
    match (a.from, a.to) {
        (Some(f), Some(t)) => Period::range(f, t).ok_or_else(|| bad(&format!("{f} > {t}"))),
        _ => Err(bad("--from/--to")),
    }
}

pub fn run(
    store: &dyn FactsSource,
    args: PeriodArgs,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<u8, String> {
    let p = period(&args, lang)?;
    let format = match args.format {
        PFormat::Html => Format::Html,
        PFormat::Md => Format::Md,
        PFormat::Csv => Format::Csv,
        PFormat::Json => Format::Json,
    };
    let sep = separator(args.separator, lang);
    let made = files(store, p, args.commissioner.as_deref(), lang, &[format], sep)
        .map_err(|e: FilesError| e.to_text(lang))?;
    let into_dir = args.out.as_ref().is_some_and(|o| o.is_dir()) || made.len() > 1;
    match (&args.out, into_dir) {
        (None, false) => {
            for f in &made {
                // A closed pipe (`| head`) is not an error worth a message.
                let _ = out.write_all(&f.bytes).and_then(|_| out.flush());
            }
        }
        (None, true) => {
            return Err(lang
                .pick(
                    "plusieurs rapports : donnez un dossier avec --out DOSSIER (ou --commissioner ID).",
                    "several reports: give a directory with --out DIR (or --commissioner ID).",
                )
                .to_string());
        }
        (Some(path), dir) => {
            if dir {
                std::fs::create_dir_all(path).map_err(|e| format!("{}: {e}", path.display()))?;
            }
            for f in &made {
                let target = if dir {
                    path.join(&f.name)
                } else {
                    path.clone()
                };
                write_file(&target, &f.bytes, lang)?;
                let _ = writeln!(
                    err,
                    "{} {}",
                    lang.pick("Rapport écrit :", "Report written:"),
                    target.display()
                );
            }
        }
    }
    Ok(0)
}
