//! The console's desk on a `Link`: it owns the store (and serves the other desks) or is a
//! live client of the process that does. Its commands carry an id, so that a command sent
//! again after its owner went is executed once; other desks' commits come in the journal's
//! order; when the owner goes, it takes a seat again (owner or client) and says so.

use super::desks::protocol::Start;
use super::desks::seat::{Opened, sit};
use super::desks::{Hub, Link, LinkError, Published, Seat, Seating, new_id, server::Server};
use super::report_file;
use crate::app::{Action, Desk, Failure};
use crate::domain::calendar::ServiceNight;
use crate::domain::event::Origin;
use crate::domain::{Command, Written};
use crate::i18n::Lang;
use crate::i18n::notice::Notice;
use crate::i18n::seat_notice::{SeatNotice, text};
use crate::store::Store;
use chrono::{DateTime, NaiveDate, Utc};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::broadcast::Receiver;
use tokio::sync::broadcast::error::{RecvError, TryRecvError};

/// How long a console tries to take a seat again when its owner goes.
const RESEAT: Duration = Duration::from_secs(15);

pub struct SeatDesk {
    link: Link,
    rx: Receiver<Arc<Published>>,
    /// Serving the other desks while this console owns the store.
    server: Option<Server>,
    /// How to take a seat again (none: the demo, alone on its store).
    seating: Option<Seating>,
    me: String,
    read_only_for_good: bool,
    lang: Lang,
    holder: Option<String>,
    /// The last sequence the console applied.
    applied: u64,
    /// Other desks' commits received before an answer, not applied yet.
    world: Option<Written>,
    /// What the console must hear besides answers (a seat changed during a commit).
    news: Vec<Action>,
}

impl SeatDesk {
    /// The console's desk on the seat `seating` took.
    pub fn new(seat: Seat, seating: Seating, lang: Lang) -> (SeatDesk, Opened) {
        let me = seating.desk.clone();
        let sat = sit(seat, &me, seating.read_only, false, lang);
        let desk = SeatDesk {
            link: sat.link,
            rx: sat.rx,
            server: sat.server,
            read_only_for_good: seating.read_only,
            seating: Some(seating),
            me,
            lang,
            holder: sat.holder,
            applied: 0,
            world: None,
            news: Vec::new(),
        };
        (desk, sat.opened)
    }

    /// The demo: alone on its store, no socket.
    pub fn alone(store: Store, lang: Lang) -> SeatDesk {
        let hub = Hub::new(store, "demo");
        hub.join("demo", false, false);
        SeatDesk {
            rx: hub.subscribe(),
            link: Link::Owner(hub, lang),
            server: None,
            seating: None,
            me: "demo".into(),
            read_only_for_good: false,
            lang,
            holder: Some("demo".into()),
            applied: 0,
            world: None,
            news: Vec::new(),
        }
    }

    /// The console applied everything up to `seq` (its opening).
    pub fn applied_to(&mut self, seq: u64) {
        self.applied = self.applied.max(seq);
    }

    pub fn read_only(&self) -> bool {
        self.holder.as_deref() != Some(self.me.as_str())
    }

    pub fn link(&self) -> &Link {
        &self.link
    }

    /// Where this console keeps its draft: the owner's in the data directory, a client's
    /// beside it under its desk's name (two consoles never share one).
    pub fn draft_dir(&self, data: &std::path::Path) -> PathBuf {
        match self.link {
            Link::Owner(..) => data.to_path_buf(),
            Link::Client(_) => data.join("desks").join(&self.me),
        }
    }

    /// The store, when this console owns it.
    pub fn with_store<R>(&self, f: impl FnOnce(&Store) -> R) -> Option<R> {
        match &self.link {
            Link::Owner(hub, _) => Some(hub.with_store(f)),
            Link::Client(_) => None,
        }
    }

    pub fn with_store_mut<R>(&self, f: impl FnOnce(&mut Store) -> R) -> Option<R> {
        match &self.link {
            Link::Owner(hub, _) => Some(hub.with_store_mut(f)),
            Link::Client(_) => None,
        }
    }

    /// A night closed on this console: the owner backs it up (here, or over there).
    pub fn back_up_remotely(&self, at: DateTime<Utc>) -> bool {
        match &self.link {
            Link::Client(remote) => {
                remote.back_up(at);
                true
            }
            Link::Owner(..) => false,
        }
    }

    /// The next publication (for the console's `select!`).
    pub async fn recv(&mut self) -> Result<Arc<Published>, RecvError> {
        self.rx.recv().await
    }

    /// What the console does with a publication (or the end of its link).
    pub fn on(&mut self, got: Result<Arc<Published>, RecvError>) -> Vec<Action> {
        match got {
            Ok(p) => self.published(&p),
            Err(RecvError::Lagged(_)) | Err(RecvError::Closed) => self.reseat(),
        }
    }

    /// What must be told besides the answers (a seat taken again during a commit).
    pub fn take_news(&mut self) -> Vec<Action> {
        std::mem::take(&mut self.news)
    }

    fn published(&mut self, p: &Published) -> Vec<Action> {
        match p {
            Published::Commit { written, .. } => {
                let fresh = self.unseen(written);
                match fresh.is_empty() {
                    true => Vec::new(),
                    false => vec![Action::WorldMoved(fresh)],
                }
            }
            Published::Holder(holder) => self.holder_now(holder.clone()).into_iter().collect(),
        }
    }

    /// What of `written` this console has not applied (marked applied now).
    fn unseen(&mut self, written: &Written) -> Written {
        let envelopes: Vec<_> = written
            .envelopes
            .iter()
            .filter(|e| e.seq > self.applied)
            .cloned()
            .collect();
        if let Some(last) = envelopes.last() {
            self.applied = last.seq;
        }
        Written {
            envelopes,
            personal: written.personal.clone(),
        }
    }

    fn holder_now(&mut self, holder: Option<String>) -> Option<Action> {
        let was = self.read_only();
        self.holder = holder.clone();
        let now = self.read_only();
        (was != now).then_some(Action::Seat {
            read_only: now,
            notice: Some(Notice::Seat(match now {
                true => SeatNotice::Lost { holder },
                false => SeatNotice::Taken,
            })),
        })
    }

    fn keep_world(&mut self, w: Written) {
        if w.is_empty() {
            return;
        }
        match &mut self.world {
            Some(world) => world.extend(w),
            None => self.world = Some(w),
        }
    }

    /// After an answer: what other desks committed before it joins the world; the
    /// publication of this very commit (`id`) is skipped, and what follows it stays.
    fn drain_before(&mut self, id: Option<&str>, own: Option<&Written>) {
        loop {
            match self.rx.try_recv() {
                Ok(p) => match &*p {
                    Published::Commit { origin, .. }
                        if id.is_some() && origin.id.as_deref() == id =>
                    {
                        break;
                    }
                    Published::Commit { written, .. } => {
                        let fresh = self.unseen(written);
                        self.keep_world(fresh);
                    }
                    Published::Holder(h) => {
                        let news = self.holder_now(h.clone());
                        self.news.extend(news);
                    }
                },
                Err(TryRecvError::Empty) | Err(TryRecvError::Closed) => break,
                Err(TryRecvError::Lagged(_)) => {}
            }
        }
        if let Some(own) = own {
            let seqs: Vec<u64> = own.envelopes.iter().map(|e| e.seq).collect();
            if let Some(world) = &mut self.world {
                world.envelopes.retain(|e| !seqs.contains(&e.seq));
            }
            if let Some(last) = seqs.iter().max() {
                self.applied = self.applied.max(*last);
            }
        }
    }

    /// The owner went: open the store or connect to whoever did. Answers what the console
    /// must apply and hear.
    fn reseat(&mut self) -> Vec<Action> {
        let Some(seating) = &self.seating else {
            return Vec::new();
        };
        let holding = !self.read_only();
        // The old link first: a dead owner's socket and this console's own server.
        self.server = None;
        let seat = seating.seat(Some(self.applied), holding, RESEAT);
        let seat = match seat {
            Ok(s) => s,
            Err(e) => {
                let words = e.words(self.lang);
                return vec![Action::Notice(Notice::Seat(SeatNotice::Stranded(words)))];
            }
        };
        let sat = sit(seat, &self.me, self.read_only_for_good, holding, self.lang);
        self.link = sat.link;
        self.rx = sat.rx;
        self.server = sat.server;
        self.holder = sat.holder;
        let (missed, said) = match sat.opened {
            Opened::Owner => {
                let from = self.applied + 1;
                let missed = self.with_store(|s| {
                    s.envelopes(from, s.last_seq())
                        .filter_map(|e| e.ok())
                        .collect::<Vec<_>>()
                });
                let envelopes = missed.unwrap_or_default();
                (
                    Written {
                        envelopes,
                        personal: Vec::new(),
                    },
                    SeatNotice::TookOver,
                )
            }
            Opened::Client { start, owner } => {
                let missed = match start {
                    Some(Start::CatchUp { written }) => written,
                    _ => Written::default(),
                };
                (missed, SeatNotice::Reconnected { owner })
            }
        };
        let missed = self.unseen(&missed);
        let mut actions = Vec::new();
        if !missed.is_empty() {
            actions.push(Action::WorldMoved(missed));
        }
        actions.push(Action::Seat {
            read_only: self.read_only(),
            notice: Some(Notice::Seat(said)),
        });
        actions
    }

    fn send(&mut self, commands: &[Command], now: DateTime<Utc>) -> Result<Written, Failure> {
        let origin = Origin {
            desk: Some(self.me.clone()),
            team: None,
            id: Some(new_id(&self.me)),
        };
        let mut tries = 0;
        loop {
            let answer = self.link.submit(commands, &origin, now);
            let failure = match answer {
                Ok(w) => {
                    self.drain_before(origin.id.as_deref(), Some(&w));
                    return Ok(w);
                }
                // Sent again, with its same id, to whoever owns the store now.
                Err(LinkError::Gone) if tries < 2 => {
                    tries += 1;
                    let actions = self.reseat();
                    for a in actions {
                        match a {
                            Action::WorldMoved(w) => self.keep_world(w),
                            other => self.news.push(other),
                        }
                    }
                    continue;
                }
                Err(LinkError::Gone) => Failure::Store(text(
                    &SeatNotice::Stranded(
                        self.lang
                            .pick("plus de poste propriétaire", "no owner desk left")
                            .into(),
                    ),
                    self.lang,
                )),
                Err(LinkError::Timeout) => Failure::Store(text(&SeatNotice::NoAnswer, self.lang)),
                Err(LinkError::Rules(r)) => Failure::Refused(r),
                Err(LinkError::ReadOnly { holder }) => Failure::ReadOnly { holder },
                Err(LinkError::Store(words)) => Failure::Store(words),
            };
            self.drain_before(None, None);
            return Err(failure);
        }
    }
}

impl Desk for SeatDesk {
    fn commit(&mut self, commands: &[Command], now: DateTime<Utc>) -> Result<Written, Failure> {
        self.send(commands, now)
    }

    /// What the clock records (a missed check-in's step) is the desk holder's to write: a
    /// read-only console does not ask every second to be refused.
    fn record(&mut self, commands: &[Command], now: DateTime<Utc>) -> Result<Written, Failure> {
        if self.read_only() {
            return Err(Failure::ReadOnly {
                holder: self.holder.clone(),
            });
        }
        self.send(commands, now)
    }

    fn export_report(&mut self, night: ServiceNight, lang: Lang) -> Result<PathBuf, String> {
        self.with_store(|s| report_file::export_markdown(s, night, lang))
            .unwrap_or_else(|| Err(not_here(lang)))
    }

    fn export_month(&mut self, first: NaiveDate, lang: Lang) -> Result<(PathBuf, usize), String> {
        self.with_store(|s| report_file::export_month(s, first, lang))
            .unwrap_or_else(|| Err(not_here(lang)))
    }

    fn take_world(&mut self) -> Option<Written> {
        self.world.take()
    }
}

fn not_here(lang: Lang) -> String {
    lang.pick(
        "Les rapports s'écrivent sur le poste qui tient le dossier : `vigie report …` dans un terminal les y fait écrire.",
        "Reports are written on the desk that holds the store: `vigie report …` in a terminal has them written there.",
    )
    .to_string()
}
