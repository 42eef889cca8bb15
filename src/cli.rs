//! The command line (clap): one function per subcommand. Errors are printed in the UI
//! language and turn into a non-zero exit, never a panic.

use crate::domain::calendar::ServiceNight;
use crate::domain::reference::Territory;
use crate::i18n::{self, Lang};
use crate::store::{ExportRange, Store, StoreError};
use crate::territory;
use chrono::Utc;
use clap::{Args, Parser, Subcommand};
use std::io::{BufReader, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Parser)]
#[command(
    name = "vigie",
    version,
    about = "Console de la coordination de nuit — night coordinator's console"
)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Option<Cmd>,
}

#[derive(Debug, Args)]
pub struct Global {
    /// Data directory (default: $VIGIE_DATA, else the platform's data directory).
    #[arg(long, global = true, env = "VIGIE_DATA", value_name = "DIR")]
    pub data: Option<PathBuf>,
    /// Territory directory (default: the embedded Rennes territory).
    #[arg(long, global = true, value_name = "DIR")]
    pub territory: Option<PathBuf>,
    /// Interface language: fr (default) or en.
    #[arg(long, global = true, env = "VIGIE_LANG", value_name = "fr|en")]
    pub lang: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum Cmd {
    /// Simulate past nights through the coordinator's own commands.
    Demo(DemoArgs),
    /// Print a night's main courante (logbook).
    Log {
        /// The night, by the date it starts (YYYY-MM-DD); default: the last night recorded.
        #[arg(long, value_name = "DATE")]
        night: Option<ServiceNight>,
    },
    /// Export or import the journal (JSON Lines, see docs/journal.md).
    Journal {
        #[command(subcommand)]
        command: JournalCmd,
    },
    /// Replay the journal, compare with the stored views, print counts; exit 1 on a difference.
    Check,
}

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// How many service nights to simulate.
    #[arg(long, default_value_t = 30)]
    pub nights: u32,
    /// Seed: the same seed gives the same nights.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Last night to simulate (YYYY-MM-DD); default: the last service night before today.
    #[arg(long, value_name = "DATE")]
    pub until: Option<ServiceNight>,
}

#[derive(Debug, Subcommand)]
pub enum JournalCmd {
    /// Write the journal as JSON Lines.
    Export {
        /// First night to include (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        from: Option<ServiceNight>,
        /// Last night to include (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        to: Option<ServiceNight>,
        /// Write to this file instead of standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Leave personal records (names, numbers, free text) out.
        #[arg(long)]
        anonymised: bool,
    },
    /// Import a journal export: all or nothing.
    Import {
        /// The JSON Lines file.
        file: PathBuf,
    },
}

/// Parses the command line, runs, and returns the exit code.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = cli
        .global
        .lang
        .as_deref()
        .and_then(Lang::parse)
        .unwrap_or_default();
    match run(cli, lang) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("vigie: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli, lang: Lang) -> Result<ExitCode, String> {
    let g = &cli.global;
    match cli.command {
        None => console_placeholder(g, lang),
        Some(Cmd::Demo(args)) => crate::demo::run_cli(&mut open(g, lang)?, args, lang),
        Some(Cmd::Log { night }) => log(&open(g, lang)?, night, lang),
        Some(Cmd::Journal {
            command:
                JournalCmd::Export {
                    from,
                    to,
                    out,
                    anonymised,
                },
        }) => export(
            &open(g, lang)?,
            ExportRange { from, to },
            out,
            anonymised,
            lang,
        ),
        Some(Cmd::Journal {
            command: JournalCmd::Import { file },
        }) => import(&mut open(g, lang)?, file, lang),
        Some(Cmd::Check) => check(&open(g, lang)?, lang),
    }
}

/// The data directory: `--data`, else `VIGIE_DATA` (through clap), else the platform's.
pub fn data_dir(g: &Global) -> Result<PathBuf, String> {
    match &g.data {
        Some(d) => Ok(d.clone()),
        None => dirs::data_dir()
            .map(|d| d.join("vigie"))
            .ok_or_else(|| "no data directory: give one with --data DIR".to_string()),
    }
}

pub fn load_territory(g: &Global, lang: Lang) -> Result<Territory, String> {
    let t = match &g.territory {
        Some(dir) => territory::load_dir(dir),
        None => territory::rennes(),
    };
    t.map_err(|e| i18n::territory::territory_error(&e, lang))
}

pub fn open(g: &Global, lang: Lang) -> Result<Store, String> {
    let territory = load_territory(g, lang)?;
    let dir = data_dir(g)?;
    Store::open(&dir, territory).map_err(|e| i18n::store::store_error(&e, lang))
}

fn store_err(lang: Lang) -> impl Fn(StoreError) -> String {
    move |e| i18n::store::store_error(&e, lang)
}

fn console_placeholder(g: &Global, lang: Lang) -> Result<ExitCode, String> {
    let store = open(g, lang)?;
    let state = store.state();
    println!(
        "{}",
        lang.pick(
            "La console de nuit arrive dans la prochaine version. Les données sont prêtes :",
            "The night console comes in the next version. The data is ready:"
        )
    );
    println!(
        "  {} {}",
        lang.pick("dossier :", "directory:"),
        store.dir().display()
    );
    println!(
        "  {} {}",
        lang.pick("événements :", "events:"),
        state.last_seq
    );
    if let Some(n) = &state.night {
        println!("  {}", i18n::dates::night_title(n.night, lang));
    }
    println!(
        "{}",
        lang.pick(
            "Essayez : vigie demo, vigie log, vigie check, vigie --help",
            "Try: vigie demo, vigie log, vigie check, vigie --help"
        )
    );
    Ok(ExitCode::SUCCESS)
}

fn log(store: &Store, night: Option<ServiceNight>, lang: Lang) -> Result<ExitCode, String> {
    let record = match night {
        Some(n) => store.night(n).map_err(store_err(lang))?,
        None => store.last_night().map_err(store_err(lang))?,
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
        println!("{msg}");
        return Ok(ExitCode::SUCCESS);
    };
    let lookup = crate::report::StoreLookup::new(store);
    let mut out = BufWriter::new(std::io::stdout().lock());
    let mut written = writeln!(out, "{}", i18n::dates::night_title(record.night, lang));
    for env in store.envelopes(record.first_seq, record.last_seq) {
        let env = env.map_err(store_err(lang))?;
        if env.night == record.night && written.is_ok() {
            written = writeln!(out, "{}", i18n::log::line(&env, &lookup, lang));
        }
    }
    match written.and_then(|_| out.flush()) {
        // A reader that stops early (`vigie log | head`) is not an error.
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.to_string()),
        _ => Ok(ExitCode::SUCCESS),
    }
}

fn export(
    store: &Store,
    range: ExportRange,
    out: Option<PathBuf>,
    anonymised: bool,
    lang: Lang,
) -> Result<ExitCode, String> {
    let summary = match &out {
        Some(path) => {
            let file =
                std::fs::File::create(path).map_err(|e| format!("{}: {e}", path.display()))?;
            let mut w = BufWriter::new(file);
            let s = store
                .export(&mut w, range, anonymised, Utc::now())
                .map_err(store_err(lang))?;
            let file = w.into_inner().map_err(|e| e.to_string())?;
            file.sync_all().map_err(|e| e.to_string())?;
            s
        }
        None => {
            let mut w = BufWriter::new(std::io::stdout().lock());
            store
                .export(&mut w, range, anonymised, Utc::now())
                .map_err(store_err(lang))?
        }
    };
    eprintln!(
        "{} {} {}, {} {}",
        lang.pick("Exporté :", "Exported:"),
        summary.events,
        lang.pick("événements", "events"),
        summary.personal,
        lang.pick("données personnelles", "personal records")
    );
    Ok(ExitCode::SUCCESS)
}

fn import(store: &mut Store, file: PathBuf, lang: Lang) -> Result<ExitCode, String> {
    let opener = || std::fs::File::open(&file).map(BufReader::new);
    match store.import(opener).map_err(store_err(lang))? {
        Ok(summary) => {
            println!(
                "{} {} {}, {} {}",
                lang.pick("Importé :", "Imported:"),
                summary.events,
                lang.pick("événements", "events"),
                summary.personal,
                lang.pick("données personnelles", "personal records")
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => Err(format!(
            "{}: {}",
            file.display(),
            i18n::store::import_error(&e, lang)
        )),
    }
}

fn check(store: &Store, lang: Lang) -> Result<ExitCode, String> {
    let started = std::time::Instant::now();
    let report = store.check().map_err(store_err(lang))?;
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
        println!("{label:>32} : {n}");
    }
    for d in &report.differences {
        println!("{} {d}", lang.pick("DIFFÉRENCE :", "DIFFERENCE:"));
    }
    let secs = started.elapsed().as_secs_f64();
    if report.is_ok() {
        println!(
            "{} ({secs:.1} s)",
            lang.pick(
                "Vérification réussie : le journal et les vues concordent.",
                "Check passed: the journal and the views agree."
            )
        );
        Ok(ExitCode::SUCCESS)
    } else {
        println!("{}", lang.pick("Vérification échouée.", "Check failed."));
        Ok(ExitCode::from(1))
    }
}
