//! Where `vigie serve --field` starts the teams' phone page (`crate::field`) on the store's
//! `Link`, whether this process owns the store or is the owner's client.

use super::args::ServeArgs;
use crate::domain::event::Origin;
use crate::domain::ids::PersonalId;
use crate::domain::personal::PersonalRecord;
use crate::domain::reference::Territory;
use crate::domain::{Command, State, Written};
use crate::field::{DeskError, FieldDesk, FieldOptions, Reading, TlsFiles};
use crate::i18n::Lang;
use crate::runtime::desks::{Link, LinkError, Published};
use chrono::{DateTime, Utc};
use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use tokio::sync::broadcast;

/// The phone page's options, checked.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldArgs {
    pub addr: SocketAddr,
    pub cert: Option<PathBuf>,
    pub key: Option<PathBuf>,
    /// Plain HTTP, on a loopback address only (trials).
    pub plain_http: bool,
}

impl FieldArgs {
    /// `None` without `--field`; an error in words when the options do not fit together.
    pub fn from_args(a: &ServeArgs, lang: Lang) -> Result<Option<FieldArgs>, String> {
        let Some(addr) = a.field else {
            return Ok(None);
        };
        if a.plain_http && !addr.ip().is_loopback() {
            return Err(lang
                .pick(
                    "--plain-http seulement sur une adresse locale (127.0.0.1, ::1) : ailleurs, HTTPS avec --cert et --key.",
                    "--plain-http only on a loopback address (127.0.0.1, ::1): elsewhere, HTTPS with --cert and --key.",
                )
                .to_string());
        }
        if !a.plain_http && (a.cert.is_none() || a.key.is_none()) {
            return Err(lang
                .pick(
                    "--field demande le certificat du service : --cert FICHIER et --key FICHIER (ou --plain-http sur 127.0.0.1 pour un essai).",
                    "--field needs the service's certificate: --cert FILE and --key FILE (or --plain-http on 127.0.0.1 for a trial).",
                )
                .to_string());
        }
        Ok(Some(FieldArgs {
            addr,
            cert: a.cert.clone(),
            key: a.key.clone(),
            plain_http: a.plain_http,
        }))
    }
}

/// The running phone page: it stops when dropped.
pub struct FieldServer {
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Drop for FieldServer {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// Starts the phone page on `link` (the hub when this process owns the store, else the
/// connection to the owner), on a runtime of its own; a port already taken or a
/// certificate that does not read is said before anything runs.
pub fn start_field(link: Link, args: &FieldArgs, lang: Lang) -> Result<FieldServer, String> {
    let mut opts = match (&args.cert, &args.key) {
        (Some(cert), Some(key)) if !args.plain_http => {
            let files = TlsFiles {
                cert: cert.clone(),
                key: key.clone(),
            };
            FieldOptions::https(args.addr, files)
        }
        _ => FieldOptions::plain_loopback(args.addr),
    };
    opts.lang = lang;
    let listener = std::net::TcpListener::bind(args.addr).map_err(|e| match lang {
        Lang::Fr => format!("impossible d'écouter sur {} : {e}", args.addr),
        Lang::En => format!("cannot listen on {}: {e}", args.addr),
    })?;
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| e.to_string())?;
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let (ready, started) = std::sync::mpsc::channel::<Result<(), String>>();
    let thread = std::thread::spawn(move || {
        rt.block_on(async move {
            let desk: Arc<dyn FieldDesk> = LinkDesk::start(link);
            let served = crate::field::serve_on(desk, opts, listener, async {
                let _ = stopped.await;
            });
            let _ = ready.send(Ok(()));
            if let Err(e) = served.await {
                eprintln!("vigie serve: phone page stopped: {e}");
            }
        })
    });
    match started.recv() {
        Ok(Ok(())) => Ok(FieldServer {
            stop: Some(stop),
            thread: Some(thread),
        }),
        _ => Err(lang
            .pick(
                "la page des équipes n'a pas démarré",
                "the phone page did not start",
            )
            .into()),
    }
}

/// The phone page's view of a `Link`: the live state, submissions with the team's origin,
/// and every commit once (a retried id is published again by the owner: skipped here).
struct LinkDesk {
    link: Link,
    commits: broadcast::Sender<Arc<Written>>,
    /// Personal records that came with commits (a client's mirror has no others).
    personal: Mutex<BTreeMap<PersonalId, PersonalRecord>>,
}

impl LinkDesk {
    fn start(link: Link) -> Arc<LinkDesk> {
        let (commits, _) = broadcast::channel(1024);
        let desk = Arc::new(LinkDesk {
            link,
            commits,
            personal: Mutex::new(BTreeMap::new()),
        });
        let mut rx = desk.link.subscribe();
        let weak = Arc::downgrade(&desk);
        let mut seen = desk.link.with_state(|s, _| s.last_seq);
        tokio::spawn(async move {
            loop {
                let published = match rx.recv().await {
                    Ok(p) => p,
                    Err(broadcast::error::RecvError::Lagged(_)) => continue,
                    Err(_) => return,
                };
                let Some(desk) = weak.upgrade() else { return };
                if let Published::Commit { written, .. } = &*published
                    && written.envelopes.last().is_some_and(|e| e.seq > seen)
                {
                    seen = written.envelopes.last().map_or(seen, |e| e.seq);
                    desk.keep(&written.personal);
                    let _ = desk.commits.send(Arc::new(written.clone()));
                }
            }
        });
        desk
    }

    fn keep(&self, records: &[PersonalRecord]) {
        let mut kept = self.personal.lock().unwrap_or_else(|p| p.into_inner());
        for p in records {
            kept.insert(p.id, p.clone());
        }
    }
}

/// A client's reading: its mirror of the state, and the records that came with commits.
struct Mirror<'a> {
    state: &'a State,
    territory: &'a Territory,
    personal: &'a BTreeMap<PersonalId, PersonalRecord>,
}

impl Reading for Mirror<'_> {
    fn state(&self) -> &State {
        self.state
    }
    fn territory(&self) -> &Territory {
        self.territory
    }
    fn personal(&self, id: PersonalId) -> Option<PersonalRecord> {
        self.personal.get(&id).cloned()
    }
}

impl FieldDesk for LinkDesk {
    fn read(&self, f: &mut dyn FnMut(&dyn Reading)) {
        match &self.link {
            Link::Owner(hub, _) => hub.with_store(|store| f(store)),
            Link::Client(_) => {
                let personal = self.personal.lock().unwrap_or_else(|p| p.into_inner());
                self.link.with_state(|state, territory| {
                    f(&Mirror {
                        state,
                        territory,
                        personal: &personal,
                    })
                })
            }
        }
    }

    fn submit(
        &self,
        commands: &[Command],
        origin: &Origin,
        now: DateTime<Utc>,
    ) -> Result<Arc<Written>, DeskError> {
        let written = self
            .link
            .submit(commands, origin, now)
            .map_err(|e| match e {
                LinkError::Rules(r) => DeskError::Refused(r),
                other => DeskError::Failed(format!("{other:?}")),
            })?;
        self.keep(&written.personal);
        Ok(Arc::new(written))
    }

    fn commits(&self) -> broadcast::Receiver<Arc<Written>> {
        self.commits.subscribe()
    }
}
