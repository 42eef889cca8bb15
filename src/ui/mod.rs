//! Rendering only: views borrow `&AppState` and draw. Nothing here changes state.

mod alert_row;
mod board;
mod cases;
mod chrome;
mod clear_form;
mod confirm;
mod date_form;
mod desk_forms;
mod directory;
mod dispatch;
mod escalation;
mod handover;
mod handover_forms;
mod help;
mod hints;
mod log;
mod map;
mod map_marks;
mod night_form;
mod place;
mod plan;
pub mod popup;
mod request_detail;
mod request_form;
mod request_forms;
mod request_rows;
mod site_warning;
pub mod theme;
mod verbs;
mod watch;

use crate::app::{AppState, Mode, Pane, Screen};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::{Clear, Paragraph, Wrap};
pub use theme::Theme;

/// Below this the board cannot be read; we say so instead.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

/// The body: everything between the header line and the two footer lines.
fn body(area: Rect) -> [Rect; 3] {
    area.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(2),
    ]))
}

/// The pane and row under a terminal cell, for a mouse click: the same layout as `draw`.
pub fn hit(app: &AppState, size: Rect, column: u16, row: u16) -> Option<(Pane, usize)> {
    if size.width < MIN_WIDTH || size.height < MIN_HEIGHT || !matches!(app.mode, Mode::Normal) {
        return None;
    }
    let [_, body, _] = body(size);
    let at = ratatui::layout::Position::new(column, row);
    match app.screen {
        Screen::Board => board::hit(body, app, at),
        Screen::Cases => cases::hit(body, app, at).map(|i| (Pane::Cases, i)),
        _ => None,
    }
}

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
    let [header, body, footer] = body(area);
    chrome::header(frame, header, app, theme);
    match app.screen {
        Screen::Board => board::draw(frame, body, app, theme),
        Screen::Cases => cases::draw(frame, body, app, theme),
        Screen::Log => log::draw(frame, body, app, theme),
        Screen::Handover => handover::draw(frame, body, app, theme),
        Screen::Directory => directory::draw(frame, body, app, theme),
        Screen::Watch => watch::draw(frame, body, app, theme),
        Screen::Help => help::draw(frame, body, app, theme),
    }
    chrome::footer(frame, footer, app, theme);
    overlay(frame, body, app, &app.mode, theme);
}

/// The form, picker or question drawn over the screen in this mode.
fn overlay(frame: &mut Frame, body: Rect, app: &AppState, mode: &Mode, theme: &Theme) {
    match mode {
        Mode::Normal | Mode::Line(_) | Mode::Search(_) => {}
        Mode::NewRequest(form) => request_form::draw(frame, body, app, form, theme),
        Mode::Clear(form) => clear_form::draw(frame, body, app, form, theme),
        Mode::Dispatch(picker) => dispatch::draw(frame, body, app, picker, theme),
        Mode::OpenNight(form) => night_form::draw(frame, body, app, form, theme),
        Mode::Note(form) => handover_forms::note(frame, body, app, form, theme),
        Mode::Choice(choice) => handover_forms::choice(frame, body, app, choice, theme),
        Mode::Instruction(form) => handover_forms::instruction(frame, body, app, form, theme),
        Mode::Date(form) => date_form::draw(frame, body, app, form, theme),
        Mode::Place(form) => place::draw(frame, body, app, form, theme),
        Mode::CaseStep(form) => cases::step_form(frame, body, app, form, theme),
        Mode::Observation(form) => desk_forms::observation(frame, body, app, form, theme),
        Mode::Relay(form) => desk_forms::relay(frame, body, app, form, theme),
        Mode::PlanItem(form) => desk_forms::plan_item(frame, body, app, form, theme),
        Mode::Answer(form) => desk_forms::answer(frame, body, app, form, theme),
        Mode::Confirm(question) => confirm::draw(frame, body, app, question, theme),
        Mode::CheckIn(form) => confirm::check_in(frame, body, app, form, theme),
        Mode::Verbs => verbs::draw(frame, body, app, theme),
        Mode::Detail(id) => request_detail::popup(frame, body, app, *id, theme),
        Mode::Correct(form) => request_forms::correct(frame, body, app, form, theme),
        Mode::Settle(form) => request_forms::settle(frame, body, app, form, theme),
        Mode::Callback(form) => request_forms::callback(frame, body, app, form, theme),
        Mode::ConfirmQuit(form) => {
            overlay(frame, body, app, form, theme);
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
