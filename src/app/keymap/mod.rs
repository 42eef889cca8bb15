//! The only place that knows keys: the tables (`tables.rs`) say, for every mode, which key
//! does what, its one description and where it is hinted; `action_for` reads a key through
//! them, `hints` picks the footer's, and the help screen lists them.

mod desk_tables;
mod form_tables;
mod tables;

pub use desk_tables::*;
pub use form_tables::*;
pub use tables::*;

use super::form::Kind;
use super::{Action, AppState, Mode, Pane, Screen};
use crate::i18n::Lang;
use crate::i18n::keys::{Doc, describe, enter};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEventKind};

/// One line of the help: keys (each with its own action, e.g. ←/→), what they do, and where
/// the footer shows them.
#[derive(Debug)]
pub struct Binding {
    pub keys: &'static [(KeyCode, Action)],
    pub doc: Doc,
    pub hint: &'static [Place],
}

/// Hinted in every form, line and picker; never hinted (in the help only).
const ANY: &[Place] = &[Place::Any];
const NEVER: &[Place] = &[];

const fn b(keys: &'static [(KeyCode, Action)], doc: Doc, hint: &'static [Place]) -> Binding {
    Binding { keys, doc, hint }
}

const fn char(c: char) -> KeyCode {
    KeyCode::Char(c)
}

/// Where the keyboard is, for hints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Requests,
    Teams,
    CasePane,
    Cases,
    Log,
    Handover,
    Directory,
    Watch,
    Help,
    /// In a form, a line or a picker.
    Any,
}

impl Binding {
    /// The keys as written on screen, "↑/k", "1/F2", "Entrée".
    pub fn label(&self, lang: Lang) -> String {
        let names: Vec<String> = self.keys.iter().map(|(k, _)| key_name(*k, lang)).collect();
        names.join("/")
    }

    pub fn describe(&self, lang: Lang) -> &'static str {
        describe(self.doc, lang)
    }

    fn action(&self, code: KeyCode) -> Option<&Action> {
        self.keys.iter().find(|(k, _)| *k == code).map(|(_, a)| a)
    }
}

pub fn key_name(code: KeyCode, lang: Lang) -> String {
    match code {
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::BackTab => "S-Tab".into(),
        KeyCode::Enter => enter(lang).into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::Home => "Home".into(),
        KeyCode::End => "End".into(),
        KeyCode::F(n) => format!("F{n}"),
        other => format!("{other:?}"),
    }
}

/// The table of keys of a screen (besides the global ones).
pub fn screen_table(screen: Screen) -> &'static [Binding] {
    match screen {
        Screen::Board => BOARD,
        Screen::Cases => CASES,
        Screen::Log => LOG,
        Screen::Handover => HANDOVER,
        Screen::Directory => DIRECTORY_KEYS,
        Screen::Watch => WATCH_KEYS,
        Screen::Help => HELP,
    }
}

/// What the help lists for forms: the common keys, then those of choice and list fields.
pub fn form_help() -> Vec<&'static Binding> {
    FORM.iter()
        .chain(CHOICE_FIELD)
        .chain(LIST_FIELD.iter().take(1))
        .collect()
}

/// The tables that apply now, the most specific first.
pub fn tables(app: &AppState) -> Vec<&'static [Binding]> {
    match &app.mode {
        Mode::Normal => vec![screen_table(app.screen), GLOBAL],
        Mode::ConfirmQuit(_) => vec![CONFIRM_QUIT],
        Mode::Dispatch(_) => vec![PICKER],
        Mode::Detail(_) => vec![DETAIL],
        Mode::Choice(_) => vec![CHOICE],
        Mode::Confirm(_) => vec![CONFIRM],
        Mode::Verbs => vec![VERB_LIST],
        Mode::Search(_) => vec![SEARCH],
        Mode::Line(o) if o.form.purpose == super::form::line::LinePurpose::Command => {
            vec![COMMAND_LINE]
        }
        Mode::Line(_) => vec![LOG_ENTRY],
        mode => {
            let field = match mode.field_kind() {
                Some(Kind::Choice) => CHOICE_FIELD,
                Some(Kind::List) => LIST_FIELD,
                _ => TEXT_FIELD,
            };
            vec![field, FORM]
        }
    }
}

/// Where hints are picked for.
pub fn place(app: &AppState) -> Place {
    match (&app.mode, app.screen, app.focus) {
        (Mode::Normal, Screen::Board, Pane::Requests) => Place::Requests,
        (Mode::Normal, Screen::Board, Pane::Teams) => Place::Teams,
        (Mode::Normal, Screen::Board, Pane::Cases) => Place::CasePane,
        (Mode::Normal, Screen::Cases, _) => Place::Cases,
        (Mode::Normal, Screen::Log, _) => Place::Log,
        (Mode::Normal, Screen::Handover, _) => Place::Handover,
        (Mode::Normal, Screen::Directory, _) => Place::Directory,
        (Mode::Normal, Screen::Watch, _) => Place::Watch,
        (Mode::Normal, Screen::Help, _) => Place::Help,
        _ => Place::Any,
    }
}

/// A key hint of the footer: a binding and those of its keys that do what it says here
/// (a key an earlier table takes is left out: on a list field ↓ picks, it does not move).
#[derive(Debug)]
pub struct Hint {
    pub binding: &'static Binding,
    pub keys: Vec<KeyCode>,
}

impl Hint {
    pub fn label(&self, lang: Lang) -> String {
        let names: Vec<String> = self.keys.iter().map(|k| key_name(*k, lang)).collect();
        names.join("/")
    }
}

/// The keys worth showing in the footer now, in table order.
pub fn hints(app: &AppState) -> Vec<Hint> {
    let here = place(app);
    let tables = tables(app);
    let owner = |code: KeyCode| {
        tables
            .iter()
            .flat_map(|t| t.iter())
            .find(|b| b.action(code).is_some())
    };
    tables
        .iter()
        .flat_map(|t| t.iter())
        .filter(|b| b.hint.contains(&here))
        .filter_map(|binding| {
            let keys: Vec<KeyCode> = binding
                .keys
                .iter()
                .map(|(k, _)| *k)
                .filter(|k| owner(*k).is_some_and(|o| std::ptr::eq(o, binding)))
                .collect();
            (!keys.is_empty()).then_some(Hint { binding, keys })
        })
        .collect()
}

pub fn action_for(app: &AppState, event: &Event) -> Option<Action> {
    let key = match event {
        Event::Key(key) => key,
        // The wheel scrolls what has the keyboard; clicks are placed by the runtime.
        Event::Mouse(m) if matches!(app.mode, Mode::Normal) => {
            return match m.kind {
                MouseEventKind::ScrollUp => Some(Action::Up),
                MouseEventKind::ScrollDown => Some(Action::Down),
                _ => None,
            };
        }
        _ => return None,
    };
    if key.kind == KeyEventKind::Release {
        return None;
    }
    if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
        return Some(Action::Quit);
    }
    if let Some(action) = bound(app, key) {
        return Some(action);
    }
    match &app.mode {
        Mode::Normal | Mode::Dispatch(_) | Mode::Choice(_) | Mode::Confirm(_) | Mode::Detail(_) => {
            None
        }
        // The verbs' list closes on any key.
        Mode::Verbs => Some(Action::Back),
        // Any other key answers « no ».
        Mode::ConfirmQuit(_) => Some(Action::Back),
        // What is typed goes into the field.
        _ => tui_input::backend::crossterm::to_input_request(event).map(Action::Edit),
    }
}

/// The action a key has in the tables that apply (keys with Ctrl or Alt are left to the
/// text fields: word moves, deletions).
fn bound(app: &AppState, key: &KeyEvent) -> Option<Action> {
    if !(key.modifiers - KeyModifiers::SHIFT).is_empty() {
        return None;
    }
    tables(app)
        .into_iter()
        .flat_map(|t| t.iter())
        .find_map(|b| b.action(key.code))
        .cloned()
}

#[cfg(test)]
mod tests;
