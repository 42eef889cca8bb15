//! The only place that touches the terminal, tokio and the store. One task owns the
//! terminal; it waits on keys, the clock and nothing else, and draws at most once a frame
//! when something changed.

mod backup_task;
pub mod desks;
mod draft_file;
mod event_loop;
mod live;
mod opening;
mod report_file;
mod seat_desk;
mod store_desk;
mod team_code;

pub use desks::seat::Opened;
pub use live::Live;
pub use opening::{opening, parts as opening_parts};
pub use seat_desk::SeatDesk;
pub use store_desk::StoreDesk;

use crate::app::draft::Draft;
use crate::app::{AppState, Thresholds};
use crate::domain::clock::Clock;
use crate::i18n::Lang;
use crate::i18n::notice::Notice;
use crate::i18n::seat_notice::SeatNotice;
use crate::store::Store;
use chrono::{DateTime, Utc};
use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use std::io::Write;
use std::path::Path;

/// The real time, for the real console.
pub(crate) struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// The console alone on its store (the demo). With `live`: simulated time, and a world
/// that moves on its own.
pub fn run(
    store: Store,
    lang: Lang,
    thresholds: Thresholds,
    live: Option<Live>,
) -> Result<(), String> {
    let now = live.as_ref().map_or_else(Utc::now, |l| l.clock.now());
    let (app, saved_draft) = initial_app(&store, lang, thresholds, now);
    let draft_dir = store.dir().to_path_buf();
    let mut desk = SeatDesk::alone(store, lang);
    desk.applied_to(app.domain.last_seq);
    let start = event_loop::Start {
        desk,
        app,
        saved_draft,
        draft_dir,
    };
    run_terminal(start, live)
}

/// The console on the seat it took at a data directory: owner of the store, or a live
/// client of the process that owns it.
pub fn run_seated(
    seat: desks::Seat,
    seating: desks::Seating,
    lang: Lang,
    thresholds: Thresholds,
) -> Result<(), String> {
    let data = seating.dir.clone();
    let territory = seating.territory.clone();
    let (mut desk, opened) = SeatDesk::new(seat, seating, lang);
    let draft_dir = desk.draft_dir(&data);
    let now = Utc::now();
    let (mut app, saved_draft) = match opened {
        Opened::Owner => desk
            .with_store(|s| initial_app(s, lang, thresholds, now))
            .ok_or_else(|| "no store".to_string())?,
        Opened::Client { start, owner } => {
            let opening = match start {
                Some(desks::protocol::Start::Full { opening }) => opening.into_opening(),
                _ => crate::app::Opening::default(),
            };
            let mut app = AppState::open(lang, territory, now, opening);
            app.thresholds = thresholds;
            let _ = std::fs::create_dir_all(&draft_dir);
            let saved = draft_file::load(&draft_dir);
            if let Some(d) = saved.clone() {
                crate::app::draft::restore(&mut app, d);
            }
            let holds = !desk.read_only();
            app.notice = Some(Notice::Seat(SeatNotice::Client { owner, holds }));
            (app, saved)
        }
    };
    desk.applied_to(app.domain.last_seq);
    app.read_only = desk.read_only();
    let start = event_loop::Start {
        desk,
        app,
        saved_draft,
        draft_dir,
    };
    run_terminal(start, None)
}

fn run_terminal(start: event_loop::Start, live: Option<Live>) -> Result<(), String> {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .map_err(|e| e.to_string())?;
    let mut terminal = ratatui::init();
    // ratatui's hook restores the terminal before the command line's message; the mouse
    // captured below must be given back first.
    let restore = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = crossterm::execute!(std::io::stdout(), DisableMouseCapture);
        restore(info);
    }));
    // Clicks select rows. (Holding Shift still selects text in most terminals.)
    let _ = crossterm::execute!(std::io::stdout(), EnableMouseCapture);
    let result = rt.block_on(event_loop::run(&mut terminal, start, live));
    let _ = crossterm::execute!(std::io::stdout(), DisableMouseCapture);
    ratatui::restore();
    result
}

/// What the console shows first: the store's state, the night's main courante, the
/// handover, the screen to start on, and a form interrupted last time (with that draft).
/// Public so that `benches/console.rs` times exactly what comes before the first frame.
pub fn initial_app(
    store: &Store,
    lang: Lang,
    thresholds: Thresholds,
    now: DateTime<Utc>,
) -> (AppState, Option<Draft>) {
    let (opening, unread) = opening(store, lang);
    let mut app = AppState::open(lang, store.territory().clone(), now, opening);
    app.thresholds = thresholds;
    app.notice = unread;
    // Typing interrupted last time (a crash, a kill, a power cut) comes back as it was.
    let saved_draft = draft_file::load(store.dir());
    if let Some(d) = saved_draft.clone() {
        crate::app::draft::restore(&mut app, d);
    }
    (app, saved_draft)
}

/// Writes the open form's draft when what is typed changed (`saved` is what is on disk).
/// A failure is said in the footer (and `false` returned); the console goes on.
pub fn keep_draft(app: &mut AppState, dir: &Path, saved: &mut Option<Draft>) -> bool {
    let draft = crate::app::draft::draft(app);
    if draft == *saved {
        return true;
    }
    let written = draft_file::save(dir, draft.as_ref());
    *saved = draft;
    match written {
        Ok(()) => true,
        Err(e) => {
            app.notice = Some(Notice::DraftNotSaved(e.to_string()));
            false
        }
    }
}

fn bell(terminal: &mut ratatui::DefaultTerminal) {
    let _ = terminal.backend_mut().write_all(b"\x07");
    let _ = terminal.backend_mut().flush();
}

#[cfg(test)]
mod keep_draft_tests;
