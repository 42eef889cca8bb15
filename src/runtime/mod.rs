//! The only place that touches the terminal, tokio and the store. One task owns the
//! terminal; it waits on keys, the clock and nothing else, and draws at most once a frame
//! when something changed.

mod backup_task;
mod draft_file;
mod live;
mod opening;
mod report_file;
mod store_desk;

pub use live::Live;
pub use opening::opening;
pub use store_desk::StoreDesk;

use crate::app::board::counters;
use crate::app::draft::Draft;
use crate::app::{Action, AppState, Effect, Thresholds, dispatch, keymap};
use crate::domain::clock::Clock;
use crate::i18n::Lang;
use crate::i18n::notice::Notice;
use crate::store::Store;
use crate::ui::{self, Theme};
use chrono::{DateTime, Timelike, Utc};
use crossterm::event::{
    DisableMouseCapture, EnableMouseCapture, Event, EventStream, MouseButton, MouseEventKind,
};
use futures_util::StreamExt;
use std::io::Write;
use std::path::Path;
use std::time::Duration;
use tokio::time::{Instant, interval, sleep_until};

/// About 60 frames a second at most.
const FRAME: Duration = Duration::from_millis(16);

/// The real time, for the real console.
struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// The console. With `live`, a demo: simulated time, and a world that moves on its own.
pub fn run(
    store: Store,
    lang: Lang,
    thresholds: Thresholds,
    live: Option<Live>,
) -> Result<(), String> {
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
    let result = rt.block_on(event_loop(&mut terminal, store, lang, thresholds, live));
    let _ = crossterm::execute!(std::io::stdout(), DisableMouseCapture);
    ratatui::restore();
    result
}

async fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    store: Store,
    lang: Lang,
    thresholds: Thresholds,
    mut live: Option<Live>,
) -> Result<(), String> {
    let theme = Theme::from_env();
    let clock: Box<dyn Clock> = match &live {
        Some(l) => Box::new(l.clock),
        None => Box::new(SystemClock),
    };
    let (mut app, mut saved_draft) = initial_app(&store, lang, thresholds, clock.now());
    app.demo = live.as_ref().map(|l| l.clock.speed());
    let mut desk = StoreDesk::new(store, lang);
    let mut events = EventStream::new();
    let mut second = interval(Duration::from_secs(1));
    let mut dirty = true;
    // A key was handled whose draft has not been written yet.
    let mut draft_due = false;
    let mut next_frame = Instant::now();
    let mut shown_minute = app.now.minute();
    let mut alerts = counters(&app).2;
    let mut backups = backup_task::Backups::new(lang);
    loop {
        let wake = live
            .as_ref()
            .and_then(|l| live::next_wake(l, desk.store().state()));
        let action = tokio::select! {
            event = events.next() => {
                let Some(event) = event else { break };
                let event = event.map_err(|e| e.to_string())?;
                // What the last key typed is on disk before this key counts, even when its
                // frame has not been drawn yet (keys faster than the frame pace).
                if std::mem::take(&mut draft_due) {
                    keep_draft(&mut app, desk.store().dir(), &mut saved_draft);
                }
                dirty = true;
                draft_due = true;
                key_action(&app, terminal, &event)?
            }
            _ = second.tick() => {
                crate::app::update(&mut app, Action::Tick(clock.now()));
                let now_alerts = counters(&app).2;
                if now_alerts > alerts {
                    bell(terminal);
                }
                if app.now.minute() != shown_minute || now_alerts != alerts {
                    dirty = true;
                }
                alerts = now_alerts;
                None
            }
            outcome = backups.finished() => {
                dirty = true;
                Some(Action::Notice(backups.done(desk.store(), outcome)))
            }
            _ = sleep_until(wake.unwrap_or(next_frame)), if wake.is_some() => {
                dirty = true;
                let moved = live.as_mut().map(|l| live::step(&mut desk, l));
                if matches!(moved, Some(Err(_))) {
                    live = None;
                }
                moved.map(|m| m.unwrap_or_else(Action::Notice))
            }
            _ = sleep_until(next_frame), if dirty => {
                let drawn = terminal.draw(|f| ui::draw(f, &app, &theme)).map(|_| ());
                // What is typed goes to disk right after its frame: the draft's fsyncs take
                // milliseconds that the screen need not wait for (a crash loses no more).
                let failed = std::mem::take(&mut draft_due)
                    && !keep_draft(&mut app, desk.store().dir(), &mut saved_draft);
                drawn.map_err(|e| e.to_string())?;
                shown_minute = app.now.minute();
                // A draft that could not be written says so on the next frame.
                dirty = failed;
                next_frame = Instant::now() + FRAME;
                None
            }
        };
        if let Some(action) = action {
            let now = clock.now();
            for effect in dispatch(&mut app, &mut desk, action, now) {
                match effect {
                    Effect::Bell => bell(terminal),
                    Effect::BackUp => backups.start(desk.store(), now),
                    Effect::Quit | Effect::Commit(_) | Effect::ExportReport(_) => {}
                }
            }
        }
        if app.quit {
            break;
        }
    }
    if draft_due {
        keep_draft(&mut app, desk.store().dir(), &mut saved_draft);
    }
    backups.wait(desk.store()).await;
    Ok(())
}

/// The action of a terminal event: a key through the keymap, a click placed on the layout.
fn key_action(
    app: &AppState,
    terminal: &ratatui::DefaultTerminal,
    event: &Event,
) -> Result<Option<Action>, String> {
    if let Event::Mouse(m) = event
        && m.kind == MouseEventKind::Down(MouseButton::Left)
    {
        let size = terminal.size().map_err(|e| e.to_string())?;
        let area = ratatui::layout::Rect::new(0, 0, size.width, size.height);
        let hit = ui::hit(app, area, m.column, m.row);
        return Ok(hit.map(|(pane, row)| Action::Select(pane, row)));
    }
    Ok(keymap::action_for(app, event))
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
