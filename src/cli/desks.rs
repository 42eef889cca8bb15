//! Several desks on one data directory, from the command line's side: the console takes a
//! seat (owner or live client), and a read command run while another process owns the
//! store is answered by that process (`vigie log` in a second terminal).

use super::{Cli, Cmd, Failure, Global, JournalCmd, RETENTION_DAYS, data_dir, load_territory};
use crate::config::Settings;
use crate::i18n::Lang;
use crate::runtime::desks::client::{ConnectError, run_command};
use crate::runtime::desks::server::{Log, Runner};
use crate::runtime::desks::{Seating, desk_name};
use crate::store::Store;
use std::io::Write;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

/// How long a console or `serve` waits for an owner that is starting or going away.
pub const SEAT_WAIT: Duration = Duration::from_secs(5);

/// How this process sits at the data directory.
pub fn seating(
    g: &Global,
    lang: Lang,
    settings: &Settings,
    desk: String,
    log: Log,
) -> Result<Seating, Failure> {
    let territory = load_territory(g, lang)?;
    let dir = data_dir(g)?;
    let retention = settings.retention_days.unwrap_or(RETENTION_DAYS);
    let (open_dir, open_territory) = (dir.clone(), territory.clone());
    Ok(Seating {
        desk,
        lang,
        read_only: settings.read_only,
        dir,
        territory,
        open: Box::new(move || {
            let mut store = Store::open(&open_dir, open_territory.clone())?;
            store.set_retention_days(Some(retention));
            Ok(store)
        }),
        runner: Some(runner(g, settings.thresholds.contact)),
        log,
    })
}

/// The console on its seat.
pub fn console(g: &Global, lang: Lang, settings: Settings) -> Result<ExitCode, Failure> {
    let desk = desk_name(settings.desk.as_deref());
    let seating = seating(g, lang, &settings, desk, Arc::new(|_| {}))?;
    let seat = seating
        .seat(None, false, SEAT_WAIT)
        .map_err(|e| Failure::from(e.words(lang)))?;
    crate::runtime::run_seated(seat, seating, lang, settings.thresholds)?;
    Ok(ExitCode::SUCCESS)
}

/// The read commands another process may answer.
pub fn readable(cmd: &Cmd) -> bool {
    matches!(
        cmd,
        Cmd::Log { .. }
            | Cmd::Check
            | Cmd::Handover { .. }
            | Cmd::Report { .. }
            | Cmd::Backup { list: true }
            | Cmd::Journal {
                command: JournalCmd::Export { .. }
            }
    )
}

/// Sends the command line to the owner of the store and prints what it answered.
pub fn through_owner(g: &Global, lang: Lang) -> Result<ExitCode, Failure> {
    let dir = data_dir(g)?;
    // The owner runs in its own directory: a file named here is named absolutely.
    let args = absolute_args(std::env::args().skip(1).collect());
    let desk = format!("cli-{}", std::process::id());
    match run_command(&dir, &desk, lang, args) {
        Ok((stdout, stderr, code)) => {
            let _ = std::io::stdout().write_all(stdout.as_bytes());
            let _ = std::io::stderr().write_all(stderr.as_bytes());
            Ok(ExitCode::from(code))
        }
        Err(ConnectError::Mismatch(words)) => Err(words.into()),
        Err(_) => Err(Failure {
            code: 3,
            message: crate::runtime::desks::SeatError::NoAnswer(None).words(lang),
        }),
    }
}

fn absolute_args(args: Vec<String>) -> Vec<String> {
    let cwd = std::env::current_dir().unwrap_or_default();
    let mut out = Vec::with_capacity(args.len());
    let mut path_next = false;
    for a in args {
        if path_next && !a.starts_with('-') {
            out.push(cwd.join(&a).to_string_lossy().into_owned());
        } else if let Some(v) = a.strip_prefix("--out=") {
            out.push(format!("--out={}", cwd.join(v).display()));
        } else {
            out.push(a.clone());
        }
        path_next = matches!(a.as_str(), "--out" | "--data" | "--territory" | "--config");
    }
    out
}

/// What the owner runs for another process: the same command code, its output captured.
fn runner(g: &Global, contact: i64) -> Runner {
    let demo = g.demo;
    Arc::new(move |store: &Store, args: &[String]| {
        let mut out = Vec::new();
        let mut err = Vec::new();
        let argv = std::iter::once("vigie".to_string()).chain(args.iter().cloned());
        let code = match <Cli as clap::Parser>::try_parse_from(argv) {
            Ok(cli) if !demo || cli.global.demo => {
                let lang = cli.global.lang.unwrap_or_default();
                match super::read::run(store, cli.command, lang, contact, &mut out, &mut err) {
                    Ok(code) => code,
                    Err(f) => {
                        let _ = writeln!(err, "vigie: {}", f.message);
                        f.code
                    }
                }
            }
            Ok(_) => 2,
            Err(e) => {
                let _ = write!(err, "{e}");
                2
            }
        };
        (
            String::from_utf8_lossy(&out).into_owned(),
            String::from_utf8_lossy(&err).into_owned(),
            code,
        )
    })
}
