//! Draws the console into an in-memory terminal, for the snapshot tests: the buffer (to
//! check colours) and its text, one trimmed line per row.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use vigie::app::AppState;
use vigie::ui::{self, Theme};

pub fn draw(app: &AppState, w: u16, h: u16) -> Buffer {
    let mut term = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    term.draw(|f| ui::draw(f, app, &Theme { color: true }))
        .expect("draw");
    term.backend().buffer().clone()
}

pub fn text(buf: &Buffer) -> String {
    let area = buf.area;
    (0..area.height)
        .map(|y| {
            let row: String = (0..area.width).map(|x| buf[(x, y)].symbol()).collect();
            row.trim_end().to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The screen at `w`×`h` as text.
#[allow(dead_code)] // Not every test file that draws wants the text alone.
pub fn render(app: &AppState, w: u16, h: u16) -> String {
    text(&draw(app, w, h))
}
