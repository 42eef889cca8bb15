//! The command line (clap): one function per subcommand. Errors are printed in the UI
//! language and turn into a non-zero exit, never a panic.

mod action;
mod args;
mod backup;
mod demo;
mod desks;
mod failure;
mod handover;
mod journal;
mod live;
mod manual;
mod personal;
mod read;
mod report;
mod report_fast;
mod report_files;
mod report_period;
mod restore;
mod serve;
mod serve_field;
mod transmit;

use crate::domain::reference::Territory;
use crate::i18n::{self, Lang};
use crate::store::{Store, StoreError};
use crate::territory;
pub use args::{Cli, Cmd, DemoArgs, Global, JournalCmd, PersonalCmd};
pub use failure::{EXIT_CODES_HELP, EXIT_USAGE, Failure, fail};
use std::path::PathBuf;
use std::process::ExitCode;

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
        // Read while a console owns the store: answered through it.
        Some(cmd) if desks::readable(&cmd) => read::here_or_there(g, lang, cmd, &settings),
        Some(Cmd::Journal {
            command: JournalCmd::Import { file },
        }) => journal::import(&mut open(g, lang)?, file, lang),
        Some(Cmd::Backup { list: false }) => backup::write(&existing(g)?, lang),
        Some(Cmd::Restore { backup }) => restore::run(g, backup, lang),
        Some(Cmd::Action { command }) => Ok(action::run(&mut open(g, lang)?, command, lang)?),
        Some(Cmd::Personal {
            command: PersonalCmd::Erase { id },
        }) => personal::erase(&mut existing(g)?, id, lang),
        Some(Cmd::Personal {
            command: PersonalCmd::Purge { older_than },
        }) => personal::purge(&mut existing(g)?, older_than, lang),
        Some(Cmd::Completions { shell }) => Ok(manual::completions(shell)),
        Some(Cmd::Man) => manual::man(),
        Some(Cmd::Serve(args)) => serve::run(g, lang, settings, args),
        Some(_) => Err("unreachable command".to_string().into()),
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
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return no_terminal(g, lang);
    }
    desks::console(g, lang, settings)
}

fn no_terminal(g: &Global, lang: Lang) -> Result<ExitCode, Failure> {
    let dir = data_dir(g)?;
    let store = match open(g, lang) {
        Ok(s) => Some(s),
        // Another process owns the store: its state is not read here.
        Err(f) if f.code == 3 && dir.join("vigie.sock").exists() => None,
        Err(f) => return Err(f),
    };
    let say = |fr, en| lang.pick(fr, en).to_string();
    println!(
        "{}",
        say(
            "La console a besoin d'un terminal. Données :",
            "The console needs a terminal. Data:"
        )
    );
    println!("  {} {}", say("dossier :", "directory:"), dir.display());
    if let Some(store) = store {
        let state = store.state();
        println!("  {} {}", say("événements :", "events:"), state.last_seq);
        if let Some(n) = &state.night {
            println!("  {}", i18n::dates::night_title(n.night, lang));
        }
    }
    Ok(ExitCode::SUCCESS)
}
