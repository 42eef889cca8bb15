//! The console's state machine: what is on screen, what is selected, which form is open.
//! No terminal and no disk here: keys arrive as `Action`s (through `keymap`), `update`
//! changes the state and returns `Effect`s that the runtime performs.

pub mod board;
pub mod form;
pub mod keymap;
pub mod update;

use crate::domain::State;
use crate::domain::reference::Territory;
use crate::i18n::Lang;
use chrono::{DateTime, Utc};
pub use form::{ClearForm, RequestForm};
pub use update::{Action, Effect, update};

/// Which screen fills the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Board,
    Help,
}

/// The pane of the board that has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Requests,
    Teams,
    Cases,
}

impl Pane {
    pub fn next(self) -> Pane {
        match self {
            Pane::Requests => Pane::Teams,
            Pane::Teams => Pane::Cases,
            Pane::Cases => Pane::Requests,
        }
    }
    pub fn prev(self) -> Pane {
        self.next().next()
    }
}

/// What the keyboard is doing right now.
#[derive(Debug, Clone)]
pub enum Mode {
    Normal,
    NewRequest(Box<RequestForm>),
    /// Picking a team for a request; the cursor is on the suggested one.
    Dispatch {
        request: crate::domain::ids::RequestId,
        cursor: usize,
    },
    Clear(Box<ClearForm>),
    /// The `:` command line (open the night, compose a team, close the night).
    Command(tui_input::Input),
    ConfirmQuit,
}

/// A line in the footer: what just happened, or why it did not.
#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    Info(String),
    Error(String),
}

/// Alert thresholds (minutes): waiting requests by priority, team contact on site.
#[derive(Debug, Clone, PartialEq)]
pub struct Thresholds {
    /// P1..P4; `None`: never overdue.
    pub wait: [Option<i64>; 4],
    pub contact: i64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            wait: [Some(5), Some(15), Some(45), None],
            contact: 20,
        }
    }
}

#[derive(Debug, Clone)]
pub struct AppState {
    pub lang: Lang,
    pub now: DateTime<Utc>,
    pub domain: State,
    pub territory: Territory,
    pub coordinator: Option<String>,
    pub screen: Screen,
    pub focus: Pane,
    pub selected: [usize; 3],
    pub mode: Mode,
    pub message: Option<Message>,
    pub thresholds: Thresholds,
    /// A command is being written: further commands wait.
    pub busy: bool,
    pub quit: bool,
}

impl AppState {
    pub fn new(lang: Lang, domain: State, territory: Territory, now: DateTime<Utc>) -> AppState {
        AppState {
            lang,
            now,
            domain,
            territory,
            coordinator: None,
            screen: Screen::Board,
            focus: Pane::Requests,
            selected: [0; 3],
            mode: Mode::Normal,
            message: None,
            thresholds: Thresholds::default(),
            busy: false,
            quit: false,
        }
    }

    pub fn selected(&self, pane: Pane) -> usize {
        self.selected[pane as usize]
    }
}
