//! The command line (clap): one function per subcommand. Errors are printed in the UI
//! language and turn into a non-zero exit, never a panic.

mod action;
mod backup;
mod demo;
mod failure;
mod handover;
mod journal;
mod live;
mod manual;
mod personal;
mod report;
mod report_fast;
mod report_files;
mod report_period;
mod restore;
mod transmit;

use crate::domain::calendar::ServiceNight;
use crate::domain::reference::Territory;
use crate::i18n::{self, Lang};
use crate::store::{ExportRange, Store, StoreError};
use crate::territory;
use clap::{Args, Parser, Subcommand};
pub use failure::{EXIT_CODES_HELP, EXIT_USAGE, Failure, fail};
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
    #[arg(long, global = true, env = "VIGIE_LANG", value_name = "fr|en", value_parser = parse_lang)]
    pub lang: Option<Lang>,
    /// Settings file (default: $VIGIE_CONFIG, else config.toml in the platform's config
    /// directory, e.g. ~/.config/vigie/config.toml).
    #[arg(long, global = true, env = "VIGIE_CONFIG", value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Play a live night on a demo store of its own (--data, else <data dir>/vigie-demo;
    /// never VIGIE_DATA), never on real data.
    #[arg(long, global = true)]
    pub demo: bool,
    /// With --demo: how many times faster than real time, 1 to 600.
    #[arg(long, global = true, default_value_t = 10, value_name = "N",
          value_parser = live::parse_speed, requires = "demo")]
    pub speed: u32,
    #[arg(long, global = true, requires = "demo", help = live::AUTOPILOT)]
    pub autopilot: bool,
    /// `--data` was on the command line (not from VIGIE_DATA): set by `main`.
    #[arg(skip)]
    pub data_given: bool,
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
    /// Erase personal data: one record, or all past the retention period.
    Personal {
        #[command(subcommand)]
        command: PersonalCmd,
    },
    /// Replay the journal, compare with the stored views, print counts; exit 1 on a difference.
    Check,
    /// Write a backup of the whole journal now in the data directory's backups/ (one is
    /// written at each close of a night), or list them.
    Backup {
        /// List the backups instead of writing one.
        #[arg(long)]
        list: bool,
    },
    /// Rebuild a store from a backup into a new, empty directory given with --data.
    Restore {
        /// The backup file (backups/vigie-YYYY-MM-DD.jsonl.gz).
        backup: PathBuf,
    },
    /// What the next coordinator must know: open requests, teams, alerts, relays,
    /// situations, instructions, the handover note.
    Handover {
        /// The night, by the date it starts (YYYY-MM-DD); default: the open night, else the last.
        #[arg(long, value_name = "DATE")]
        night: Option<ServiceNight>,
    },
    /// Actions beyond calls: partner meetings, information actions, residents' initiatives.
    Action {
        #[command(subcommand)]
        command: action::ActionCmd,
    },
    /// Reports for the service and its commissioners (see docs/reports.md).
    Report {
        #[command(subcommand)]
        command: report::ReportCmd,
    },
    /// Print a shell completion script (bash, zsh, fish, powershell).
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff; `vigie man | man -l -`).
    Man,
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
pub enum PersonalCmd {
    /// Erase one personal record at the person's request (its id is in the journal export).
    Erase { id: u64 },
    /// Erase every personal record older than the retention period.
    Purge {
        /// Retention period in days.
        #[arg(long, value_name = "DAYS")]
        older_than: u32,
    },
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

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::parse(s).ok_or_else(|| format!("« {s} » : fr ou en / \"{s}\": fr or en"))
}

/// Parses the command line, runs, and returns the exit code.
pub fn main() -> ExitCode {
    let command = <Cli as clap::CommandFactory>::command().after_long_help(EXIT_CODES_HELP);
    let matches = command.get_matches();
    let mut cli = match <Cli as clap::FromArgMatches>::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    cli.global.data_given =
        matches.value_source("data") == Some(clap::parser::ValueSource::CommandLine);
    // The language of a settings error: the one asked for, else French.
    let asked = cli.global.lang.unwrap_or_default();
    let config_given =
        matches.value_source("config") == Some(clap::parser::ValueSource::CommandLine);
    let settings = match settings(&cli.global, config_given, asked) {
        Ok(s) => s,
        Err(message) => {
            eprintln!("vigie: {message}");
            return ExitCode::from(EXIT_USAGE);
        }
    };
    // --lang or VIGIE_LANG, else the settings file, else French.
    let lang = cli.global.lang.or(settings.lang).unwrap_or_default();
    // Last line of defence: a bug or a library failing on damaged files must end with a
    // sentence, not a stack dump. What was committed before is safe on disk.
    // (The console adds the terminal's restoration in front of this: `runtime::run`.)
    std::panic::set_hook(Box::new(move |info| {
        let place = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let what = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        eprintln!(
            "vigie: {} [{what} — {place}]",
            lang.pick(
                "erreur interne ; ce qui a été confirmé est enregistré. Lancez `vigie check`.",
                "internal error; what was confirmed is saved. Run `vigie check`."
            )
        );
    }));
    match std::panic::catch_unwind(move || run(cli, lang, settings)) {
        Ok(Ok(code)) => code,
        Ok(Err(failure)) => {
            eprintln!("vigie: {}", failure.message);
            ExitCode::from(failure.code)
        }
        Err(_) => ExitCode::from(70),
    }
}

/// The settings file: one named with `--config` must exist; the default place may not.
fn settings(g: &Global, given: bool, lang: Lang) -> Result<crate::config::Settings, String> {
    let Some(path) = crate::config::path(g.config.clone()) else {
        return Ok(crate::config::Settings::default());
    };
    if given && !path.exists() {
        return Err(match lang {
            Lang::Fr => format!("réglages {} : ce fichier n'existe pas.", path.display()),
            Lang::En => format!("settings {}: no such file.", path.display()),
        });
    }
    crate::config::load(&path, lang).map_err(|e| e.to_text(lang))
}

fn run(cli: Cli, lang: Lang, settings: crate::config::Settings) -> Result<ExitCode, Failure> {
    let g = &cli.global;
    let existing = |g: &Global| open_existing(g, lang);
    match cli.command {
        None if g.demo => Ok(live::console(g, lang, settings)?),
        None => console(g, lang, settings),
        Some(Cmd::Demo(args)) => demo::run(&mut open(g, lang)?, args, lang),
        Some(Cmd::Log { night }) => journal::log(&existing(g)?, night, lang),
        Some(Cmd::Journal {
            command:
                JournalCmd::Export {
                    from,
                    to,
                    out,
                    anonymised,
                },
        }) => journal::export(
            &existing(g)?,
            ExportRange { from, to },
            out,
            anonymised,
            lang,
        ),
        Some(Cmd::Journal {
            command: JournalCmd::Import { file },
        }) => journal::import(&mut open(g, lang)?, file, lang),
        Some(Cmd::Check) => journal::check(&existing(g)?, lang),
        Some(Cmd::Backup { list: false }) => backup::write(&existing(g)?, lang),
        Some(Cmd::Backup { list: true }) => backup::list(&existing(g)?, lang),
        Some(Cmd::Restore { backup }) => restore::run(g, backup, lang),
        Some(Cmd::Handover { night }) => Ok(handover::show(
            &existing(g)?,
            night,
            settings.thresholds.contact,
            lang,
        )?),
        Some(Cmd::Action { command }) => Ok(action::run(&mut open(g, lang)?, command, lang)?),
        // A period report reads the facts alone when they are up to date: no need to open
        // the journal's database.
        Some(Cmd::Report {
            command: report::ReportCmd::Period(args),
        }) => match report_fast::facts_view(g, lang)? {
            Some(facts) => Ok(report_period::run(&facts, args, lang)?),
            None => Ok(report_period::run(&existing(g)?, args, lang)?),
        },
        // The last closed night's report, asked the morning after, from a current copy.
        Some(Cmd::Report {
            command: report::ReportCmd::Night(args),
        }) if !g.demo && report_fast::applies(&args) => report_fast::run(g, args, lang),
        Some(Cmd::Report { command }) => Ok(report::run(&mut existing(g)?, command, lang)?),
        Some(Cmd::Personal {
            command: PersonalCmd::Erase { id },
        }) => personal::erase(&mut existing(g)?, id, lang),
        Some(Cmd::Personal {
            command: PersonalCmd::Purge { older_than },
        }) => personal::purge(&mut existing(g)?, older_than, lang),
        Some(Cmd::Completions { shell }) => Ok(manual::completions(shell)),
        Some(Cmd::Man) => manual::man(),
    }
}

/// The data directory: `--data`, else `VIGIE_DATA` (through clap), else the platform's.
pub fn data_dir(g: &Global) -> Result<PathBuf, String> {
    if g.demo {
        return live::demo_dir(g);
    }
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

/// Opens the store, creating it if needed (the console, demo, import).
pub fn open(g: &Global, lang: Lang) -> Result<Store, Failure> {
    let territory = load_territory(g, lang)?;
    let dir = data_dir(g)?;
    if g.demo {
        live::guard(&dir, lang)?;
    }
    let mut store = Store::open(&dir, territory).map_err(fail(lang))?;
    store.set_retention_days(Some(RETENTION_DAYS));
    Ok(store)
}

/// Opens a store that must exist: read commands never create one.
fn open_existing(g: &Global, lang: Lang) -> Result<Store, Failure> {
    let territory = load_territory(g, lang)?;
    let dir = data_dir(g)?;
    Store::open_existing(&dir, territory).map_err(fail(lang))
}

/// Days a personal record is kept after its request's last activity, unless the settings
/// file says otherwise (README, Retention).
pub const RETENTION_DAYS: u32 = 365;

pub(crate) fn store_err(lang: Lang) -> impl Fn(StoreError) -> String {
    move |e| i18n::store::store_error(&e, lang)
}

/// The console. Without a terminal (a pipe, a script) it says where the data is instead.
fn console(g: &Global, lang: Lang, settings: crate::config::Settings) -> Result<ExitCode, Failure> {
    use std::io::IsTerminal;
    let mut store = open(g, lang)?;
    store.set_retention_days(Some(settings.retention_days.unwrap_or(RETENTION_DAYS)));
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        let state = store.state();
        println!(
            "{}",
            lang.pick(
                "La console a besoin d'un terminal. Données :",
                "The console needs a terminal. Data:"
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
        return Ok(ExitCode::SUCCESS);
    }
    crate::runtime::run(store, lang, settings.thresholds, None)?;
    Ok(ExitCode::SUCCESS)
}
