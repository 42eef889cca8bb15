//! Rendering only: views borrow `&AppState` and draw. Nothing here changes state.

mod board;
mod chrome;
mod forms;
mod help;
mod map;
pub mod theme;

use crate::app::{AppState, Mode, Screen};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout};
use ratatui::widgets::{Clear, Paragraph, Wrap};
pub use theme::Theme;

/// Below this the board cannot be read; we say so instead.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

pub fn draw(frame: &mut Frame, app: &AppState, theme: &Theme) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let text = app.lang.pick(
            "Terminal trop petit : agrandissez la fenêtre (60×16 au moins).",
            "Terminal too small: enlarge the window (at least 60×16).",
        );
        frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), area);
        return;
    }
    let [header, body, footer] = area.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(2),
    ]));
    chrome::header(frame, header, app, theme);
    match app.screen {
        Screen::Board => board::draw(frame, body, app, theme),
        Screen::Help => help::draw(frame, body, app, theme),
    }
    chrome::footer(frame, footer, app, theme);
    match &app.mode {
        Mode::Normal => {}
        Mode::NewRequest(form) => forms::request(frame, body, app, form, theme),
        Mode::Clear(form) => forms::clear(frame, body, app, form, theme),
        Mode::Dispatch { request, cursor } => {
            forms::dispatch(frame, body, app, *request, *cursor, theme)
        }
        Mode::Command(_) => {}
        Mode::ConfirmQuit => {
            let popup = body.centered(Constraint::Length(44), Constraint::Length(3));
            frame.render_widget(Clear, popup);
            let text = app.lang.pick(
                "Quitter Vigie ? (o / Entrée : oui)",
                "Quit Vigie? (y / Enter: yes)",
            );
            frame.render_widget(
                Paragraph::new(text).block(ratatui::widgets::Block::bordered()),
                popup,
            );
        }
    }
}
