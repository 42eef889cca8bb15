//! The command line's definitions (clap): the global options and every subcommand.

use super::{action, live, report};
use crate::domain::calendar::ServiceNight;
use crate::i18n::Lang;
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

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
    /// Own the store without a console (a service): the desks connect to it, and with
    /// --field the teams' phones; what it does is logged on standard error.
    Serve(ServeArgs),
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Serve the teams' phone page on this address (e.g. 0.0.0.0:8443).
    #[arg(long, value_name = "ADDR")]
    pub field: Option<std::net::SocketAddr>,
    /// The service's certificate (PEM) for the phone page.
    #[arg(long, value_name = "FILE", requires = "field")]
    pub cert: Option<PathBuf>,
    /// The certificate's private key (PEM).
    #[arg(long, value_name = "FILE", requires = "field")]
    pub key: Option<PathBuf>,
    /// Plain HTTP instead of HTTPS, for trials: loopback addresses only.
    #[arg(long, requires = "field")]
    pub plain_http: bool,
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
