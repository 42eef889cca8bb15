//! The console's loop: one task waits on the terminal, the clock, the live demo's world and
//! the backups at once, turns what arrives into an `Action`, runs it through the seam, and
//! draws at most once a frame when something changed.

use super::seat_desk::SeatDesk;
use super::{Live, SystemClock, backup_task, bell, keep_draft, live};
use crate::app::board::counters;
use crate::app::draft::Draft;
use crate::app::{Action, AppState, Effect, dispatch, keymap};
use crate::domain::clock::Clock;
use crate::ui::{self, Theme};
use chrono::Timelike;
use crossterm::event::{Event, EventStream, MouseButton, MouseEventKind};
use futures_util::StreamExt;
use std::time::Duration;
use tokio::time::{Instant, interval, sleep_until};

/// About 60 frames a second at most.
const FRAME: Duration = Duration::from_millis(16);

struct Console<'t> {
    terminal: &'t mut ratatui::DefaultTerminal,
    theme: Theme,
    clock: Box<dyn Clock>,
    app: AppState,
    desk: SeatDesk,
    /// Where this console's draft is kept.
    draft_dir: std::path::PathBuf,
    /// What is on disk of the open form's draft.
    saved_draft: Option<Draft>,
    /// A key was handled whose draft has not been written yet.
    draft_due: bool,
    dirty: bool,
    next_frame: Instant,
    shown_minute: u32,
    alerts: usize,
    backups: backup_task::Backups,
}

/// What the console starts with: its desk, its state, its draft.
pub(super) struct Start {
    pub desk: SeatDesk,
    pub app: AppState,
    pub saved_draft: Option<Draft>,
    pub draft_dir: std::path::PathBuf,
}

pub(super) async fn run(
    terminal: &mut ratatui::DefaultTerminal,
    start: Start,
    mut live: Option<Live>,
) -> Result<(), String> {
    let clock: Box<dyn Clock> = match &live {
        Some(l) => Box::new(l.clock),
        None => Box::new(SystemClock),
    };
    let Start {
        desk,
        mut app,
        saved_draft,
        draft_dir,
    } = start;
    let lang = app.lang;
    app.demo = live.as_ref().map(|l| l.clock.speed());
    app.autopilot = live.as_ref().is_some_and(|l| l.autopilot_at_start);
    let mut pilot_was = app.autopilot;
    let mut c = Console {
        terminal,
        theme: Theme::from_env(),
        shown_minute: app.now.minute(),
        alerts: counters(&app).2,
        clock,
        app,
        desk,
        draft_dir,
        saved_draft,
        draft_due: false,
        dirty: true,
        next_frame: Instant::now(),
        backups: backup_task::Backups::new(lang),
    };
    let mut events = EventStream::new();
    let mut second = interval(Duration::from_secs(1));
    loop {
        // The desk changed hands: the demo's coordinator takes a moment before acting.
        if c.app.autopilot != pilot_was {
            pilot_was = c.app.autopilot;
            if let Some(l) = live.as_mut() {
                l.autopilot.pause();
            }
        }
        let pilot = c.app.autopilot;
        let wake = live.as_ref().and_then(|l| {
            c.desk
                .with_store(|s| live::next_wake(l, s.state(), pilot))
                .flatten()
        });
        let action = tokio::select! {
            event = events.next() => {
                // The terminal's stream ended: nothing more will come.
                let Some(event) = event else { break };
                c.on_event(event.map_err(|e| e.to_string())?)?
            }
            _ = second.tick() => c.on_second(),
            outcome = c.backups.finished() => {
                c.dirty = true;
                let backups = &mut c.backups;
                c.desk.with_store(|s| backups.done(s, outcome)).map(Action::Notice)
            }
            // Another desk's commit, the desk changing hands, the owner going away.
            got = c.desk.recv() => {
                c.dirty = true;
                let actions = c.desk.on(got);
                if c.perform_all(actions) {
                    break;
                }
                None
            }
            _ = sleep_until(wake.unwrap_or(c.next_frame)), if wake.is_some() => {
                c.dirty = true;
                let pilot = c.app.autopilot.then_some(&c.app.thresholds);
                let moved = live.as_mut().and_then(|l| {
                    c.desk.with_store_mut(|s| live::step(s, l, pilot))
                });
                if matches!(moved, Some(Err(_))) {
                    live = None;
                }
                moved.map(|m| m.unwrap_or_else(Action::Notice))
            }
            _ = sleep_until(c.next_frame), if c.dirty => c.on_frame()?,
        };
        if let Some(action) = action
            && c.perform(action)
        {
            break;
        }
    }
    c.keep_draft_due();
    while c.backups.running() {
        let outcome = c.backups.finished().await;
        let backups = &mut c.backups;
        c.desk.with_store(|s| backups.done(s, outcome));
    }
    Ok(())
}

impl Console<'_> {
    /// A key, a click, a resize.
    fn on_event(&mut self, event: Event) -> Result<Option<Action>, String> {
        // What the last key typed is on disk before this key counts, even when its frame
        // has not been drawn yet (keys faster than the frame pace).
        self.keep_draft_due();
        self.dirty = true;
        self.draft_due = true;
        if let Event::Mouse(m) = &event
            && m.kind == MouseEventKind::Down(MouseButton::Left)
        {
            let size = self.terminal.size().map_err(|e| e.to_string())?;
            let area = ratatui::layout::Rect::new(0, 0, size.width, size.height);
            let hit = ui::hit(&self.app, area, m.column, m.row);
            return Ok(hit.map(|(pane, row)| Action::Select(pane, row)));
        }
        Ok(keymap::action_for(&self.app, &event))
    }

    /// The clock: a redraw only when the minute shown or the alerts change; a bell when an
    /// alert appears.
    fn on_second(&mut self) -> Option<Action> {
        // Through the seam: a check-in's threshold crossed is recorded (and rings).
        self.perform(Action::Tick(self.clock.now()));
        let alerts = counters(&self.app).2;
        if alerts > self.alerts {
            bell(self.terminal);
        }
        if self.app.now.minute() != self.shown_minute || alerts != self.alerts {
            self.dirty = true;
        }
        self.alerts = alerts;
        None
    }

    fn on_frame(&mut self) -> Result<Option<Action>, String> {
        let (app, theme) = (&self.app, &self.theme);
        let drawn = self.terminal.draw(|f| ui::draw(f, app, theme)).map(|_| ());
        // What is typed goes to disk right after its frame: the draft's fsyncs take
        // milliseconds that the screen need not wait for (a crash loses no more).
        let failed = std::mem::take(&mut self.draft_due)
            && !keep_draft(&mut self.app, &self.draft_dir, &mut self.saved_draft);
        drawn.map_err(|e| e.to_string())?;
        self.shown_minute = self.app.now.minute();
        // A draft that could not be written says so on the next frame.
        self.dirty = failed;
        self.next_frame = Instant::now() + FRAME;
        Ok(None)
    }

    /// Through the seam; then what only the runtime can do. True: quit.
    fn perform(&mut self, action: Action) -> bool {
        let now = self.clock.now();
        let mut quit = false;
        for effect in dispatch(&mut self.app, &mut self.desk, action, now) {
            match effect {
                Effect::Bell => bell(self.terminal),
                Effect::BackUp => {
                    if !self.desk.back_up_remotely(now) {
                        let backups = &mut self.backups;
                        self.desk.with_store(|s| backups.start(s, now));
                    }
                }
                Effect::Quit => quit = true,
                Effect::IssueTeamCode(t) => {
                    let issued = super::team_code::issue(&mut self.desk, &t, now);
                    quit |= self.perform(issued);
                }
                Effect::Commit(_)
                | Effect::Record(_)
                | Effect::ExportReport(_)
                | Effect::ExportMonth(_) => {}
            }
        }
        // A seat taken again during a commit (its owner went) is said now.
        let news = self.desk.take_news();
        quit || self.perform_all(news)
    }

    /// Several actions in order. True: quit.
    fn perform_all(&mut self, actions: Vec<Action>) -> bool {
        let mut quit = false;
        for action in actions {
            quit |= self.perform(action);
        }
        quit
    }

    fn keep_draft_due(&mut self) {
        if std::mem::take(&mut self.draft_due) {
            keep_draft(&mut self.app, &self.draft_dir, &mut self.saved_draft);
        }
    }
}
