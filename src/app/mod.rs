//! The console's state machine: what is on screen, what is selected, which form is open.
//! No terminal and no disk here: keys arrive as `Action`s (through `keymap`), `update`
//! changes the state and returns `Effect`s that the runtime performs.

pub mod board;
pub mod casework;
mod command_line;
pub mod draft;
pub mod form;
pub mod keymap;
pub mod logbook;
pub mod night_form;
pub mod place;
mod request_flow;
mod screens;
pub mod shift;
pub mod update;
mod world;

use crate::domain::State;
use crate::domain::event::Envelope;
use crate::domain::reference::Territory;
use crate::domain::views::NightRecord;
use crate::i18n::Lang;
pub use casework::{CaseStepForm, FollowUpForm};
use chrono::{DateTime, Utc};
pub use form::{ClearForm, RequestForm};
pub use logbook::{LogLine, Logbook};
pub use night_form::NightForm;
pub use update::{Action, Effect, update};

/// Which screen fills the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Board,
    /// Open situations with their history across nights.
    Cases,
    /// The night's main courante.
    Log,
    /// What passes to the next coordinator; closing the night.
    Handover,
    Help,
}

impl Screen {
    /// The screens a digit or an F-key goes to, in order (1/F2, 2/F3, 3/F4).
    pub const NUMBERED: [Screen; 4] = [Screen::Board, Screen::Cases, Screen::Log, Screen::Handover];
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
    /// Where a team is, or where its active presence goes.
    Place(Box<place::PlaceForm>),
    /// Open the night: coordinator and teams.
    OpenNight(Box<NightForm>),
    /// Record a graduated-response step on the selected situation.
    CaseStep(Box<CaseStepForm>),
    /// Set or clear the next follow-up date of the selected situation.
    FollowUp(Box<FollowUpForm>),
    /// Typing a free entry for the main courante; true once Esc asked to confirm.
    LogEntry(tui_input::Input, bool),
    /// Typing a search in the main courante.
    Search(tui_input::Input),
    /// The handover note's three parts.
    Note(Box<shift::NoteForm>),
    /// Who takes the handover; how an open request is closed.
    Choice(Box<shift::Choice>),
    Instruction(Box<shift::InstructionForm>),
    /// A new last day for an instruction.
    Extend(Box<shift::ExtendForm>),
    /// Ctrl-C from a form: quit? The form stays underneath, as it was.
    ConfirmQuit(Box<Mode>),
}

impl Mode {
    /// A form or a line where something typed would be lost by quitting.
    pub fn is_form(&self) -> bool {
        !matches!(
            self,
            Mode::Normal | Mode::ConfirmQuit(_) | Mode::Dispatch { .. }
        )
    }
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
    /// Where help goes back to.
    pub previous: Screen,
    pub focus: Pane,
    pub selected: [usize; 3],
    pub mode: Mode,
    pub message: Option<Message>,
    pub thresholds: Thresholds,
    /// A command is being written: further commands wait.
    pub busy: bool,
    pub quit: bool,
    /// The main courante of the night shown, filled by the runtime.
    pub log: Logbook,
    /// The store has no event yet: the board welcomes.
    pub fresh: bool,
    /// The night whose handover is shown (the open one, else the last closed) and its
    /// events, loaded by the runtime.
    pub handover_source: Option<Box<(NightRecord, Vec<Envelope>)>>,
    pub handover_selected: usize,
    /// A demo store played at this speed (`vigie --demo`): the header says so.
    pub demo: Option<u32>,
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
            previous: Screen::Board,
            focus: Pane::Requests,
            selected: [0; 3],
            mode: Mode::Normal,
            message: None,
            thresholds: Thresholds::default(),
            busy: false,
            quit: false,
            log: Logbook::default(),
            fresh: false,
            handover_source: None,
            handover_selected: 0,
            demo: None,
        }
    }

    pub fn selected(&self, pane: Pane) -> usize {
        self.selected[pane as usize]
    }
}
