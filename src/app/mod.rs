//! The console's state machine: what is on screen, what is selected, which form is open.
//! No terminal and no disk here: keys arrive as `Action`s (through `keymap`), `update`
//! changes the state and returns `Effect`s, and `seam::dispatch` runs those through a
//! `Desk` (the store) and feeds the answers back. The console is a projection of the
//! journal: what a commit wrote is applied with the domain's own `apply` (`project`).

mod action;
pub mod board;
mod board_keys;
pub mod cases;
pub mod check_in;
mod command_desk;
mod command_line;
pub mod confirm;
pub mod desk_key;
pub mod directory;
pub mod dispatch;
pub mod draft;
pub mod form;
pub mod handover;
pub mod handover_forms;
mod intake;
pub mod keymap;
pub mod log_keys;
pub mod logbook;
pub mod memory_desk;
mod mode;
pub mod night_form;
pub mod nights;
mod notices;
pub mod partner_search;
mod pilot;
pub mod place;
pub mod plan;
mod project;
mod question;
pub mod request_detail;
mod request_keys;
mod request_line;
mod respond;
pub mod safety;
mod said;
pub mod seam;
pub mod selection;
mod update;
mod verb_run;
pub mod verbs;
pub mod watch;
mod watch_keys;
pub mod watch_screen;

use crate::domain::State;
use crate::domain::reference::Territory;
use crate::i18n::Lang;
use crate::i18n::notice::Notice;
use chrono::{DateTime, Utc};

pub use action::{Action, Effect, Failure};
pub use logbook::{LogLine, Logbook};
pub use mode::Mode;
pub use nights::Nights;
pub use seam::{Desk, dispatch, perform};
pub use selection::Selection;
pub use update::update;

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
    /// The partner directory: numbers and hours.
    Directory,
    /// The social and territorial watch: observations and their lifecycle.
    Watch,
    Help,
}

impl Screen {
    /// The screens a digit or an F-key goes to, in order (1/F2 … 6/F7).
    pub const NUMBERED: [Screen; 6] = [
        Screen::Board,
        Screen::Cases,
        Screen::Log,
        Screen::Handover,
        Screen::Directory,
        Screen::Watch,
    ];
}

/// The pane of the board that has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Requests,
    Teams,
    Cases,
}

impl Pane {
    pub const ALL: [Pane; 3] = [Pane::Requests, Pane::Teams, Pane::Cases];

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

/// Alert thresholds (minutes): waiting requests by priority, and how long a team out in
/// the field may go without a check-in, per status (`app::safety` reads them).
#[derive(Debug, Clone, PartialEq)]
pub struct Thresholds {
    /// P1..P4; `None`: never overdue.
    pub wait: [Option<i64>; 4],
    /// A team on site.
    pub contact: i64,
    /// A team en route.
    pub en_route: i64,
    /// A team in active presence.
    pub presence: i64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            wait: [Some(5), Some(15), Some(45), None],
            contact: 20,
            en_route: 20,
            presence: 30,
        }
    }
}

/// What a console starts from: the store's state, the nights it shows (the open one or the
/// last handed over, and the latest) with their events, the main courante's lines, who
/// coordinated last, and whether the store is still empty.
#[derive(Debug, Clone, Default)]
pub struct Opening {
    pub state: State,
    pub nights: Nights,
    pub log: Vec<LogLine>,
    pub coordinator: Option<String>,
    pub fresh: bool,
    /// The personal records of the requests the state holds (the request detail shows them).
    pub personal: Vec<crate::domain::personal::PersonalRecord>,
}

#[derive(Debug, Clone)]
pub struct AppState {
    pub lang: Lang,
    pub now: DateTime<Utc>,
    pub domain: State,
    pub territory: Territory,
    /// Who coordinated last (proposed when the next night opens).
    pub coordinator: Option<String>,
    pub screen: Screen,
    /// Where help goes back to.
    pub previous: Screen,
    pub focus: Pane,
    pub selection: Selection,
    pub mode: Mode,
    pub notice: Option<Notice>,
    pub thresholds: Thresholds,
    /// A command is being written: further commands wait.
    pub busy: bool,
    /// The main courante of the night shown.
    pub log: Logbook,
    /// The store has no event yet: the board welcomes.
    pub fresh: bool,
    /// The nights' records and events the handover screen is built from.
    pub nights: Nights,
    /// A demo store played at this speed (`vigie --demo`): the header says so.
    pub demo: Option<u32>,
    /// The watch screen's filters and finger.
    pub watch: watch_screen::WatchScreen,
    /// The directory's filter and finger.
    pub directory: directory::DirectoryScreen,
    /// The live demo's own coordinator has the desk (`P` hands it back and forth).
    pub autopilot: bool,
    /// Personal records of the requests on the desk (caller, callback, description): the
    /// request detail shows them, nothing else does.
    pub personal: Personal,
    /// Another desk holds the desk: this console reads only (its header says so).
    pub read_only: bool,
    /// The phones' sign-in codes this console issued, by team: in memory only (another
    /// console, or this one after a restart, knows that a code exists, not its value).
    pub team_codes: std::collections::BTreeMap<String, String>,
}

/// Personal records by id, as they came with commits or were read at opening.
pub type Personal = std::collections::BTreeMap<
    crate::domain::ids::PersonalId,
    crate::domain::personal::PersonalRecord,
>;

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
            selection: Selection::default(),
            mode: Mode::Normal,
            notice: None,
            thresholds: Thresholds::default(),
            busy: false,
            log: Logbook::default(),
            fresh: false,
            nights: Nights::default(),
            demo: None,
            watch: watch_screen::WatchScreen::default(),
            directory: directory::DirectoryScreen::default(),
            autopilot: false,
            personal: Personal::new(),
            read_only: false,
            team_codes: Default::default(),
        }
    }

    /// A console on a store as it stands. A handover nobody has taken yet is the first
    /// thing the next coordinator sees.
    pub fn open(lang: Lang, territory: Territory, now: DateTime<Utc>, o: Opening) -> AppState {
        let mut app = AppState::new(lang, o.state, territory, now);
        app.coordinator = o.coordinator;
        app.fresh = o.fresh;
        app.log.append(o.log);
        app.nights = o.nights;
        app.personal = o.personal.into_iter().map(|p| (p.id, p)).collect();
        let pending = app.domain.handover.as_ref();
        if app.domain.open_night().is_none() && pending.is_some_and(|h| h.acknowledged.is_none()) {
            app.screen = Screen::Handover;
        }
        app
    }
}
