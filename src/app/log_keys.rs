//! The keys of the main courante's screen: moving, paging, searching, a free entry.

use super::respond::{open_line_entry, say};
use super::{Action, AppState, Effect, Mode};
use crate::i18n::notice::Notice;
use tui_input::Input;

/// Lines a page moves.
pub const PAGE: isize = 10;

/// Keys of the logbook screen.
pub(super) fn keys(app: &mut AppState, action: Action) -> Vec<Effect> {
    let book = &mut app.log;
    match action {
        Action::Up => book.move_by(-1),
        Action::Down => book.move_by(1),
        Action::PageUp => book.move_by(-PAGE),
        Action::PageDown => book.move_by(PAGE),
        Action::Home => book.home(),
        Action::End => book.end(),
        Action::Back => {
            book.query.clear();
            app.notice = None;
        }
        Action::Search => app.mode = Mode::Search(Input::default()),
        Action::FindNext | Action::FindPrev => {
            if book.query.is_empty() {
                app.mode = Mode::Search(Input::default());
            // The search runs from the newest line back in time: `n` goes on towards older
            // lines, `N` comes back towards newer ones.
            } else if !book.find(matches!(action, Action::FindPrev)) {
                let query = book.query.clone();
                return say(app, Notice::SearchNotFound { query });
            }
        }
        Action::LogEntry => return open_line_entry(app),
        _ => {}
    }
    Vec::new()
}

/// Typing a search: it searches as one types; Enter keeps it, Esc clears it.
pub(super) fn search(app: &mut AppState, action: Action) -> Vec<Effect> {
    let Mode::Search(input) = &mut app.mode else {
        return Vec::new();
    };
    match action {
        Action::Edit(req) => {
            input.handle(req);
            let q = input.value().to_string();
            // The cursor jumps to the newest match.
            app.log.search(&q);
        }
        Action::ChooseNext | Action::ChoosePrev => {
            let forward = matches!(action, Action::ChooseNext);
            input.handle(if forward {
                tui_input::InputRequest::GoToNextChar
            } else {
                tui_input::InputRequest::GoToPrevChar
            });
        }
        Action::Back | Action::Quit => {
            app.log.query.clear();
            app.mode = Mode::Normal;
        }
        Action::Submit => {
            let q = input.value().trim().to_string();
            app.mode = Mode::Normal;
            if q.is_empty() {
                app.log.query.clear();
            } else if !app.log.search(&q) {
                return say(app, Notice::SearchNotFound { query: q });
            } else {
                let count = app.log.match_count();
                app.notice = Some(Notice::SearchFound { count });
            }
        }
        _ => {}
    }
    Vec::new()
}
