//! `vigie serve`: a headless owner of the store. Desks connect to it; what it does is
//! logged on standard error, one line an administrator reads per event. Started while a
//! console owns the store, it waits as a client and takes the store over when it goes.

use super::args::ServeArgs;
use super::desks::{SEAT_WAIT, seating};
use super::serve_field::{FieldArgs, FieldServer, start_field};
use super::{Failure, Global};
use crate::config::Settings;
use crate::i18n::Lang;
use crate::runtime::desks::server::Log;
use crate::runtime::desks::{Link, Seat};
use std::process::ExitCode;
use std::sync::Arc;

pub fn run(
    g: &Global,
    lang: Lang,
    settings: Settings,
    args: ServeArgs,
) -> Result<ExitCode, Failure> {
    let field = FieldArgs::from_args(&args, lang)?;
    let log: Log = Arc::new(|line: String| {
        eprintln!(
            "{} vigie serve: {line}",
            chrono::Utc::now().format("%Y-%m-%d %H:%M:%S UTC")
        );
    });
    let mut seating = seating(g, lang, &settings, "serve".into(), log.clone())?;
    // `serve` never writes on its own: it is no coordinator's desk.
    seating.read_only = true;
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| e.to_string())?;
    log(format!("starting on {}", seating.dir.display()));
    let mut since = None;
    loop {
        let seat = seating
            .seat(since, false, SEAT_WAIT)
            .map_err(|e| Failure::from(e.words(lang)))?;
        let (link, mut rx, keep) = match seat {
            Seat::Owner { hub, server } => {
                log(format!(
                    "owns the store; desks connect on {}",
                    seating.dir.join("vigie.sock").display()
                ));
                (
                    Link::Owner(hub.clone(), lang),
                    hub.subscribe(),
                    Some((hub, server)),
                )
            }
            Seat::Client(c) => {
                log(format!(
                    "desk {} (pid {}) owns the store: waiting as its client, to take over when it goes",
                    c.owner, c.pid
                ));
                (Link::Client(c.remote), c.rx, None)
            }
        };
        let _field: Option<FieldServer> = match &field {
            Some(f) => match start_field(link.clone(), f, lang) {
                Ok(s) => {
                    log(format!("phone page on {}", f.addr));
                    Some(s)
                }
                Err(words) => {
                    log(format!("phone page not started: {words}"));
                    return Err(words.into());
                }
            },
            None => None,
        };
        let owner = keep.is_some();
        let stop = rt.block_on(async {
            loop {
                tokio::select! {
                    _ = terminated() => return true,
                    got = rx.recv() => match got {
                        Ok(p) => if let crate::runtime::desks::Published::Holder(h) = &*p {
                            log(format!("the desk is now held by {}", h.as_deref().unwrap_or("nobody")));
                        },
                        Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => {}
                        Err(_) => return false,
                    }
                }
            }
        });
        if stop || owner {
            log("stopping".into());
            return Ok(ExitCode::SUCCESS);
        }
        since = Some(link.with_state(|s, _| s.last_seq));
        log("the owner went: taking a seat again".into());
    }
}

/// Ctrl-C, or SIGTERM from the service manager.
async fn terminated() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        if let Ok(mut term) = signal(SignalKind::terminate()) {
            tokio::select! {
                _ = term.recv() => {}
                _ = tokio::signal::ctrl_c() => {}
            }
            return;
        }
    }
    let _ = tokio::signal::ctrl_c().await;
}
