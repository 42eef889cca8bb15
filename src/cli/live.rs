//! `vigie --demo [--speed N]`: a live night on a demo store of its own, never the real one.

use super::{Failure, Global, open};
use crate::config::Settings;
use crate::demo::DemoError;
use crate::demo::autopilot::Autopilot;
use crate::demo::live::{LiveNight, SpeedClock};
use crate::demo::prepare::{HISTORY_NIGHTS, prepare};
use crate::i18n::{self, Lang};
use crate::runtime::Live;
use chrono::Utc;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The file that makes a directory a demo store. A demo writes nowhere else.
pub const MARKER: &str = "demo";
/// The live night and its history are the same for everyone: a demo to show, not a game.
const SEED: u64 = 1;

/// `--autopilot`'s help (kept here: cli/mod.rs is at its size).
pub const AUTOPILOT: &str =
    "With --demo: the demo's own coordinator has the desk at first (D hands it back)";

pub fn parse_speed(s: &str) -> Result<u32, String> {
    match s.trim().parse::<u32>() {
        Ok(n) if (1..=600).contains(&n) => Ok(n),
        _ => Err(format!(
            "« {s} » : un nombre de 1 à 600 (fois plus vite que le temps réel) / \"{s}\": a number from 1 to 600 (times faster than real time)"
        )),
    }
}

/// The demo's directory: `--data` given on the command line, else `<data dir>/vigie-demo`.
/// `VIGIE_DATA` names the real store, so a demo never reads it.
pub(super) fn demo_dir(g: &Global) -> Result<PathBuf, String> {
    match (&g.data, g.data_given) {
        (Some(d), true) => Ok(d.clone()),
        _ => dirs::data_dir()
            .map(|d| d.join("vigie-demo"))
            .ok_or_else(|| "no data directory: give one with --data DIR".to_string()),
    }
}

/// A missing or empty directory becomes a demo store (marked); one holding anything else
/// without the mark is refused — it may be the real one.
pub(super) fn guard(dir: &Path, lang: Lang) -> Result<(), String> {
    let marker = dir.join(MARKER);
    if marker.is_file() {
        return Ok(());
    }
    let empty = match std::fs::read_dir(dir) {
        Ok(mut entries) => entries.next().is_none(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => true,
        Err(e) => return Err(unusable(dir, &e, lang)),
    };
    if !empty {
        return Err(if lang == Lang::Fr {
            format!(
                "{} n'est pas un dossier de démo : la démo n'écrit jamais dans de vraies données. Choisissez un dossier vide ou absent avec --data, ou lancez `vigie --demo` sans --data.",
                dir.display()
            )
        } else {
            format!(
                "{} is not a demo directory: a demo never writes into real data. Choose an empty or missing directory with --data, or run `vigie --demo` without --data.",
                dir.display()
            )
        });
    }
    std::fs::create_dir_all(dir)
        .and_then(|()| {
            std::fs::write(
                &marker,
                "Vigie demo store: simulated nights, invented people. Not a service's data.\n",
            )
        })
        .map_err(|e| unusable(dir, &e, lang))
}

fn unusable(dir: &Path, e: &std::io::Error, lang: Lang) -> String {
    format!(
        "{} {}: {e}",
        lang.pick("Dossier de démo inutilisable :", "Unusable demo directory:"),
        dir.display()
    )
}

/// The console on the demo store, the night under way (or the next) played live.
pub(super) fn console(g: &Global, lang: Lang, settings: Settings) -> Result<ExitCode, Failure> {
    use std::io::IsTerminal;
    let mut store = open(g, lang)?;
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        println!(
            "{} {}",
            lang.pick(
                "La démo a besoin d'un terminal. Dossier de démo :",
                "The demo needs a terminal. Demo directory:"
            ),
            store.dir().display()
        );
        return Ok(ExitCode::SUCCESS);
    }
    if store.last_seq() == 0 {
        eprintln!(
            "{} {HISTORY_NIGHTS} {}",
            lang.pick("Préparation de la démo :", "Preparing the demo:"),
            lang.pick("nuits passées simulées…", "past nights simulated…")
        );
    }
    let prepared = prepare(&mut store, Utc::now(), SEED, |_| {}).map_err(|e| match e {
        DemoError::Store(e) => i18n::store::store_error(&e, lang),
        DemoError::NightOpen { night } | DemoError::StoreAhead { last: night } => format!(
            "{} {night}",
            lang.pick(
                "La démo n'a pas pu reprendre la nuit du",
                "The demo could not go on from the night of"
            )
        ),
    })?;
    let speed = g.speed;
    let live = Live {
        clock: SpeedClock::new(std::time::Instant::now(), prepared.start, speed),
        night: LiveNight::new(SEED, prepared.start),
        autopilot: Autopilot::new(SEED),
        autopilot_at_start: g.autopilot,
        lang,
    };
    crate::runtime::run(store, lang, settings.thresholds, Some(live))?;
    Ok(ExitCode::SUCCESS)
}
