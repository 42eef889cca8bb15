//! In process: the board drawn at 200×60, and keys through `keymap` → `update` → a frame →
//! the draft kept on disk, as the runtime does them (without its 16 ms frame pacing).

use super::common::{Res, Series, Timer};
use super::keys::Key;
use ratatui::backend::{Backend, CrosstermBackend, TestBackend};
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use std::cell::Cell;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;
use std::rc::Rc;
use vigie::app::{Action, AppState, Effect, Mode, keymap, update};
use vigie::ui::{self, Theme};

pub const WIDTH: u16 = 200;
pub const HEIGHT: u16 = 60;

/// The terminal's side of the crossterm backend: bytes land in memory (the buffer is
/// emptied now and then so that it stays small); `written` counts them.
#[derive(Default)]
pub struct Memory {
    buf: Vec<u8>,
    pub written: Rc<Cell<usize>>,
}

impl Write for Memory {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        if self.buf.len() > 1 << 20 {
            self.buf.clear();
        }
        self.buf.extend_from_slice(bytes);
        self.written.set(self.written.get() + bytes.len());
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

pub type MemoryTerminal = Terminal<CrosstermBackend<Memory>>;

/// A real crossterm backend whose terminal is memory of the given screen size; and the
/// count of bytes written to it.
pub fn crossterm_terminal() -> Res<(MemoryTerminal, Rc<Cell<usize>>)> {
    let viewport = Viewport::Fixed(Rect::new(0, 0, WIDTH, HEIGHT));
    let memory = Memory::default();
    let written = memory.written.clone();
    let options = TerminalOptions { viewport };
    Ok((
        Terminal::with_options(CrosstermBackend::new(memory), options)?,
        written,
    ))
}

/// The console sleeps between keys; a thread that has slept gets a core promptly, while one
/// that draws back to back for seconds is preempted by the machine's other work in the
/// middle of its frames. So each timed frame comes after a short sleep, as after a key.
pub const IDLE: std::time::Duration = std::time::Duration::from_millis(2);

fn idle() {
    std::thread::sleep(IDLE);
}

/// Moves the selection so that each frame differs (down twenty rows, then up again).
fn step(app: &mut AppState, i: usize) {
    let action = if (i / 20).is_multiple_of(2) {
        Action::Down
    } else {
        Action::Up
    };
    update(app, action);
}

fn draws<B: Backend>(terminal: &mut Terminal<B>, app: &mut AppState, n: usize) -> Res<Series> {
    let theme = Theme::from_env();
    let mut times = Series::default();
    for i in 0..n {
        step(app, i);
        idle();
        let t = Timer::start();
        terminal
            .draw(|f| ui::draw(f, app, &theme))
            .map_err(|e| format!("{e:?}"))?;
        times.push(t.stop());
    }
    Ok(times)
}

/// The board at 200×60: TestBackend, then crossterm into memory (a row moved, and every
/// cell rewritten).
pub fn board(app: &mut AppState, n: usize) -> Res<Vec<(String, Series)>> {
    let mut rows = Vec::new();
    let mut test = Terminal::new(TestBackend::new(WIDTH, HEIGHT))?;
    rows.push((
        "TestBackend, selection moves".into(),
        draws(&mut test, app, n)?,
    ));
    let (mut term, _) = crossterm_terminal()?;
    let moves = draws(&mut term, app, n)?;
    rows.push(("crossterm→memory, selection moves".into(), moves));
    // A new terminal each time: nothing is known on screen, every cell is written (as on
    // the first frame, or after a resize). `Terminal::clear` would ask the tty for its cursor.
    let theme = Theme::from_env();
    let (mut full, mut bytes) = (Series::default(), 0);
    for i in 0..n {
        step(app, i);
        idle();
        let (mut fresh, written) = crossterm_terminal()?;
        let t = Timer::start();
        fresh.draw(|f| ui::draw(f, app, &theme))?;
        full.push(t.stop());
        bytes = written.get();
    }
    let name = format!("crossterm→memory, full repaint {} kB", bytes / 1000);
    rows.push((name, full));
    Ok(rows)
}

#[derive(Default)]
pub struct KeyTimes {
    /// Key → its frame drawn.
    pub total: Series,
    /// Key → frame → its draft on disk (the whole of the key's handling).
    pub handled: Series,
    pub update: Series,
    pub draft: Series,
    pub draw: Series,
    pub by_label: BTreeMap<&'static str, Series>,
}

/// `rounds` times the script; the draft goes to `draft_dir` (never the store's directory,
/// which the other benches open).
pub fn keys(app: &mut AppState, script: &[Key], rounds: usize, draft_dir: &Path) -> Res<KeyTimes> {
    let theme = Theme::from_env();
    let (mut term, _) = crossterm_terminal()?;
    term.draw(|f| ui::draw(f, app, &theme))?;
    let mut saved = None;
    let mut out = KeyTimes::default();
    for _ in 0..rounds {
        for key in script {
            idle();
            let all = Timer::start();
            let t = Timer::start();
            if let Some(action) = keymap::action_for(app, &key.event()) {
                let effects = update(app, action);
                if effects.iter().any(|e| !matches!(e, Effect::Bell)) {
                    return Err(format!("the key script wrote or quit at {}", key.label).into());
                }
            }
            out.update.push(t.stop());
            let t = Timer::start();
            term.draw(|f| ui::draw(f, app, &theme))?;
            out.draw.push(t.stop());
            let frame = all.stop();
            // As the runtime: the draft is written after the frame, before the next key.
            let t = Timer::start();
            vigie::runtime::keep_draft(app, draft_dir, &mut saved);
            out.draft.push(t.stop());
            out.total.push(frame);
            out.handled.push(all.stop());
            let total = frame;
            out.by_label.entry(key.label).or_default().push(total);
        }
        if !matches!(app.mode, Mode::Normal) {
            return Err("the key script must end with no form open".into());
        }
    }
    Ok(out)
}
