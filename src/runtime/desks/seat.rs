//! Taking a seat at a data directory: open the store and serve it (the first process), or
//! connect to the process that did. The same step is taken again when the owner goes: one
//! desk's open wins the store's lock, the others connect to it.

use super::client::{ConnectError, Connected, Remote};
use super::hub::Hub;
use super::hub::Published;
use super::link::Link;
use super::protocol::Start;
use super::protocol::{PROTOCOL, Purpose, ToOwner};
use super::server::{self, Log, Runner, Server};
use crate::domain::reference::Territory;
use crate::i18n::Lang;
use crate::store::{Store, StoreError};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::broadcast::Receiver;

/// Opens the store (with the settings the caller applies).
pub type OpenStore = Box<dyn Fn() -> Result<Store, StoreError> + Send>;

/// Who sits, and how to open the store.
pub struct Seating {
    pub desk: String,
    pub lang: Lang,
    /// The head of service's console: never holds the desk.
    pub read_only: bool,
    pub dir: PathBuf,
    pub territory: Territory,
    pub open: OpenStore,
    pub runner: Option<Runner>,
    pub log: Log,
}

pub enum Seat {
    Owner { hub: Arc<Hub>, server: Server },
    Client(Box<Connected>),
}

#[derive(Debug)]
pub enum SeatError {
    /// The store cannot be opened (not because another process has it).
    Store(StoreError),
    /// The owner speaks another version: its words.
    Mismatch(String),
    /// Nobody answered on the socket while another process held the store (with what the
    /// last attempt met, if it was more than silence).
    NoAnswer(Option<String>),
    /// The socket could not be served.
    Socket(String),
}

impl SeatError {
    pub fn words(&self, lang: Lang) -> String {
        match self {
            SeatError::Store(e) => crate::i18n::store::store_error(e, lang),
            SeatError::Mismatch(words) => words.clone(),
            SeatError::NoAnswer(detail) => {
                let words = lang.pick(
                    "Un autre processus Vigie tient ce dossier de données mais ne répond pas sur son canal (vigie.sock). Attendez quelques secondes et recommencez ; s'il persiste, arrêtez-le.",
                    "Another Vigie process holds this data directory but does not answer on its socket (vigie.sock). Wait a few seconds and try again; if it persists, stop it.",
                );
                match detail {
                    Some(d) => format!(
                        "{words} ({} {d})",
                        lang.pick("dernier essai :", "last attempt:")
                    ),
                    None => words.to_string(),
                }
            }
            SeatError::Socket(e) => format!(
                "{} {e}",
                lang.pick(
                    "Le canal des postes (vigie.sock) n'a pas pu être ouvert :",
                    "The desks' socket (vigie.sock) could not be opened:"
                )
            ),
        }
    }
}

impl Seating {
    /// Owner or client, trying for `within` (an owner starting or going away).
    /// `since`/`holding`: a console coming back after its owner went.
    pub fn seat(
        &self,
        since: Option<u64>,
        holding: bool,
        within: Duration,
    ) -> Result<Seat, SeatError> {
        let deadline = Instant::now() + within;
        let mut met = None;
        loop {
            match (self.open)() {
                Ok(store) => return self.own(store),
                Err(StoreError::Locked(_)) => {}
                Err(e) => return Err(SeatError::Store(e)),
            }
            match Remote::connect(
                &self.dir,
                self.hello(since, holding),
                self.territory.clone(),
            ) {
                Ok(c) => return Ok(Seat::Client(Box::new(c))),
                Err(ConnectError::Mismatch(words)) => return Err(SeatError::Mismatch(words)),
                Err(ConnectError::NoOwner) => {}
                Err(ConnectError::Other(words)) => met = Some(words),
            }
            if Instant::now() >= deadline {
                return Err(SeatError::NoAnswer(met));
            }
            std::thread::sleep(Duration::from_millis(40));
        }
    }

    fn own(&self, store: Store) -> Result<Seat, SeatError> {
        let hub = Hub::new(store, &self.desk);
        let server = server::start(
            hub.clone(),
            &self.dir,
            self.runner.clone(),
            self.log.clone(),
            crate::runtime::opening::parts,
        )
        .map_err(|e| SeatError::Socket(e.to_string()))?;
        Ok(Seat::Owner { hub, server })
    }

    fn hello(&self, since: Option<u64>, holding: bool) -> ToOwner {
        ToOwner::Hello {
            protocol: PROTOCOL,
            desk: self.desk.clone(),
            lang: self.lang,
            purpose: Purpose::Console,
            read_only: self.read_only,
            since,
            holding,
        }
    }
}

/// A desk's default name: the settings', else `poste-<process id>`.
pub fn desk_name(configured: Option<&str>) -> String {
    match configured {
        Some(name) if !name.trim().is_empty() => name.trim().chars().take(32).collect(),
        _ => format!("poste-{}", std::process::id()),
    }
}

/// What the console starts from.
pub enum Opened {
    /// It owns the store: read it.
    Owner,
    /// A client: the owner's opening.
    Client { start: Option<Start>, owner: String },
}

/// A seat taken, as a desk works on it.
pub struct Sat {
    pub link: Link,
    pub rx: Receiver<Arc<Published>>,
    pub server: Option<Server>,
    pub holder: Option<String>,
    pub opened: Opened,
}

/// Sits at `seat`: an owner registers the desk `me` at its hub.
pub fn sit(seat: Seat, me: &str, read_only: bool, holding: bool, lang: Lang) -> Sat {
    match seat {
        Seat::Owner { hub, server } => {
            hub.join(me, read_only, holding);
            Sat {
                rx: hub.subscribe(),
                holder: hub.holder(),
                link: Link::Owner(hub, lang),
                server: Some(server),
                opened: Opened::Owner,
            }
        }
        Seat::Client(c) => Sat {
            rx: c.rx,
            holder: c.holder,
            link: Link::Client(c.remote),
            server: None,
            opened: Opened::Client {
                start: c.start,
                owner: c.owner,
            },
        },
    }
}
