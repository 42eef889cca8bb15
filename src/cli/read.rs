//! The read commands on an open store, writing where they are told: the terminal when this
//! process opened the store, a captured buffer when the owner answers another process.

use super::report_fast::{self, facts_view};
use super::{Cmd, Failure, Global, JournalCmd, backup, handover, journal, report};
use super::{data_dir, desks, fail, load_territory, report_period};
use crate::config::Settings;
use crate::i18n::Lang;
use crate::store::{ExportRange, Store, StoreError};
use std::io::Write;
use std::process::ExitCode;

/// A read command: on the store when this process can open it, else through the process
/// that owns it.
pub fn here_or_there(
    g: &Global,
    lang: Lang,
    cmd: Cmd,
    settings: &Settings,
) -> Result<ExitCode, Failure> {
    let (out, err) = (&mut std::io::stdout(), &mut std::io::stderr());
    // A period report reads the facts alone when they are up to date: no need to open
    // the journal's database.
    let cmd = match cmd {
        Cmd::Report {
            command: report::ReportCmd::Period(args),
        } => match facts_view(g, lang) {
            Ok(Some(facts)) => {
                return Ok(report_period::run(&facts, args, lang, out, err)?.into());
            }
            _ => Cmd::Report {
                command: report::ReportCmd::Period(args),
            },
        },
        other => other,
    };
    let territory = load_territory(g, lang)?;
    let dir = data_dir(g)?;
    // The last closed night's report, asked the morning after, from a current copy.
    if let Cmd::Report {
        command: report::ReportCmd::Night(args),
    } = &cmd
        && !g.demo
        && report_fast::print_copy(&dir, &territory.id, args, lang, out)
    {
        return Ok(ExitCode::SUCCESS);
    }
    let mut store = match Store::open_existing(&dir, territory) {
        Ok(s) => s,
        Err(StoreError::Locked(_)) => return desks::through_owner(g, lang),
        Err(e) => return Err(fail(lang)(e)),
    };
    if let Cmd::Report { command } = cmd {
        // Here a commissioners' report records the observations it transmitted.
        return Ok(report::run(&mut store, command, lang)?);
    }
    let contact = settings.thresholds.contact;
    run(&store, Some(cmd), lang, contact, out, err).map(ExitCode::from)
}

/// Runs a read command on `store`; answers its exit code. `contact`: the handover's
/// check-in threshold (the settings').
pub fn run(
    store: &Store,
    cmd: Option<Cmd>,
    lang: Lang,
    contact: i64,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<u8, Failure> {
    match cmd {
        Some(Cmd::Log { night }) => journal::log(store, night, lang, out),
        Some(Cmd::Check) => journal::check(store, lang, out),
        Some(Cmd::Backup { list: true }) => backup::list(store, lang, out),
        Some(Cmd::Handover { night }) => handover::show(store, night, contact, lang, out),
        Some(Cmd::Report { command }) => Ok(report::run_read(store, command, lang, out, err)?),
        Some(Cmd::Journal {
            command:
                JournalCmd::Export {
                    from,
                    to,
                    out: file,
                    anonymised,
                },
        }) => journal::export(
            store,
            ExportRange { from, to },
            file,
            anonymised,
            lang,
            out,
            err,
        ),
        _ => Err(Failure {
            code: 3,
            message: lang
                .pick(
                    "Cette commande a besoin du dossier pour elle seule : une console (ou `vigie serve`) le tient. Fermez-la, puis recommencez.",
                    "This command needs the store to itself: a console (or `vigie serve`) holds it. Close it, then try again.",
                )
                .to_string(),
        }),
    }
}
