//! The key tables of the screens: every key, what it does, its description and where it
//! is worth a hint in the footer. The help screen, the hints and `action_for` read these;
//! the forms' and pickers' tables are in `form_tables.rs`.

use super::{ANY as ANY_PLACE, Binding, NEVER, Place, b, char};
use crate::app::desk_key::DeskKey;
use crate::app::{Action, Screen};
use crate::domain::vocab::TeamStatus;
use crate::i18n::desk_keys::DeskDoc;
use crate::i18n::keys::Doc;
use KeyCode::{BackTab, Down, End, Enter, Esc, Home, PageDown, PageUp, Tab, Up};
use crossterm::event::KeyCode;

const REQUESTS: &[Place] = &[Place::Requests];
const TEAMS: &[Place] = &[Place::Teams];
const BOTH: &[Place] = &[Place::Requests, Place::Teams];
const PANES: &[Place] = &[Place::Requests, Place::Teams, Place::CasePane];

/// Keys of the board.
pub const BOARD: &[Binding] = &[
    b(
        &[(char('n'), Action::NewRequest)],
        Doc::NewRequest,
        REQUESTS,
    ),
    b(&[(char('d'), Action::Dispatch)], Doc::Dispatch, REQUESTS),
    b(&[(char('a'), Action::Arrive)], Doc::Arrive, BOTH),
    b(&[(char('c'), Action::Contact)], Doc::Contact, TEAMS),
    b(&[(char('x'), Action::Clear)], Doc::Clear, BOTH),
    b(
        &[(char('v'), Action::SetStatus(TeamStatus::Available))],
        Doc::Available,
        TEAMS,
    ),
    b(
        &[(char('p'), Action::SetStatus(TeamStatus::ActivePresence))],
        Doc::Presence,
        TEAMS,
    ),
    b(&[(char('l'), Action::Locate)], Doc::Locate, TEAMS),
    b(
        &[(char('b'), Action::SetStatus(TeamStatus::Break))],
        Doc::Break,
        TEAMS,
    ),
    b(
        &[(char('r'), Action::SetStatus(TeamStatus::ReturnToBase))],
        Doc::ReturnToBase,
        TEAMS,
    ),
    b(
        &[(char('o'), Action::SetStatus(TeamStatus::OffDuty))],
        Doc::OffDuty,
        TEAMS,
    ),
    b(&[(char('R'), Action::Recall)], Doc::Recall, TEAMS),
    b(&[(char('K'), Action::IssueCode)], Doc::IssueCode, NEVER),
    b(
        &[(char('w'), Action::Desk(DeskKey::Observe))],
        Doc::Desk(DeskDoc::Observe),
        NEVER,
    ),
    b(
        &[(char('f'), Action::Desk(DeskKey::FollowRelay))],
        Doc::Desk(DeskDoc::FollowRelay),
        NEVER,
    ),
    b(
        &[(char('P'), Action::Desk(DeskKey::AddPlanItem))],
        Doc::Desk(DeskDoc::AddPlanItem),
        NEVER,
    ),
    b(&[(Enter, Action::Detail)], Doc::Detail, REQUESTS),
    b(&[(char('e'), Action::Correct)], Doc::Correct, NEVER),
    b(
        &[(char('t'), Action::SettleByPhone)],
        Doc::SettleByPhone,
        NEVER,
    ),
    b(
        &[(char('X'), Action::CloseRequest)],
        Doc::CloseRequest,
        NEVER,
    ),
    b(&[(char('m'), Action::Callback)], Doc::Callback, NEVER),
    b(
        &[(char('M'), Action::NextCallback)],
        Doc::NextCallback,
        NEVER,
    ),
    b(&[(Tab, Action::NextPane)], Doc::NextPane, PANES),
    b(&[(BackTab, Action::PrevPane)], Doc::PrevPane, NEVER),
    b(&[(Up, Action::Up), (char('k'), Action::Up)], Doc::Up, NEVER),
    b(
        &[(Down, Action::Down), (char('j'), Action::Down)],
        Doc::Down,
        NEVER,
    ),
];

/// Keys of every screen.
pub const GLOBAL: &[Binding] = &[
    b(
        &[
            (char('1'), Action::Show(Screen::Board)),
            (KeyCode::F(2), Action::Show(Screen::Board)),
        ],
        Doc::Board,
        &[
            Place::Requests,
            Place::Cases,
            Place::Log,
            Place::Handover,
            Place::Help,
        ],
    ),
    b(
        &[
            (char('2'), Action::Show(Screen::Cases)),
            (KeyCode::F(3), Action::Show(Screen::Cases)),
        ],
        Doc::Cases,
        &[Place::CasePane, Place::Log, Place::Help],
    ),
    b(
        &[
            (char('3'), Action::Show(Screen::Log)),
            (KeyCode::F(4), Action::Show(Screen::Log)),
        ],
        Doc::Log,
        &[Place::CasePane, Place::Cases, Place::Help],
    ),
    b(
        &[
            (char('4'), Action::Show(Screen::Handover)),
            (KeyCode::F(5), Action::Show(Screen::Handover)),
        ],
        Doc::Handover,
        &[Place::Help],
    ),
    b(
        &[
            (char('5'), Action::Show(Screen::Directory)),
            (KeyCode::F(6), Action::Show(Screen::Directory)),
        ],
        Doc::Desk(DeskDoc::Directory),
        NEVER,
    ),
    b(
        &[
            (char('6'), Action::Show(Screen::Watch)),
            (KeyCode::F(7), Action::Show(Screen::Watch)),
        ],
        Doc::Desk(DeskDoc::WatchScreen),
        NEVER,
    ),
    b(&[(char('O'), Action::OpenNight)], Doc::OpenNight, NEVER),
    b(
        &[(char('!'), Action::WorstAlert)],
        Doc::WorstAlert,
        &[Place::Requests, Place::Teams],
    ),
    b(&[(char('D'), Action::Autopilot)], Doc::Autopilot, NEVER),
    b(&[(char(':'), Action::CommandLine)], Doc::CommandLine, NEVER),
    b(
        &[(char('?'), Action::Help), (KeyCode::F(1), Action::Help)],
        Doc::Help,
        &[
            Place::Requests,
            Place::Teams,
            Place::CasePane,
            Place::Cases,
            Place::Log,
            Place::Handover,
        ],
    ),
    b(
        &[(char('q'), Action::Quit)],
        Doc::Quit,
        &[Place::Requests, Place::CasePane],
    ),
    b(&[(Esc, Action::Back)], Doc::Back, NEVER),
];

/// Keys of the situations screen.
pub const CASES: &[Binding] = &[
    b(
        &[(char('e'), Action::CaseStep)],
        Doc::CaseStep,
        &[Place::Cases],
    ),
    b(
        &[(char('s'), Action::FollowUp)],
        Doc::FollowUp,
        &[Place::Cases],
    ),
    b(&[(char('w'), Action::Watch)], Doc::Watch, &[Place::Cases]),
    b(&[(char('o'), Action::Reopen)], Doc::Reopen, &[Place::Cases]),
    b(
        &[(char('X'), Action::CloseCase)],
        Doc::CloseCase,
        &[Place::Cases],
    ),
    b(&[(Up, Action::Up), (char('k'), Action::Up)], Doc::Up, NEVER),
    b(
        &[(Down, Action::Down), (char('j'), Action::Down)],
        Doc::Down,
        NEVER,
    ),
    b(&[(PageUp, Action::PageUp)], Doc::PageUp, NEVER),
    b(&[(PageDown, Action::PageDown)], Doc::PageDown, NEVER),
    b(
        &[(Home, Action::Home), (char('g'), Action::Home)],
        Doc::Home,
        NEVER,
    ),
    b(
        &[(End, Action::End), (char('G'), Action::End)],
        Doc::End,
        NEVER,
    ),
];

/// On the help screen `q` and Esc go back to where you were (quitting from the help would
/// surprise whoever came to read it).
pub const HELP: &[Binding] = &[b(
    &[(char('q'), Action::Back), (Esc, Action::Back)],
    Doc::Back,
    &[Place::Help],
)];

/// Keys of the handover screen.
pub const HANDOVER: &[Binding] = &[
    b(&[(Up, Action::Up), (char('k'), Action::Up)], Doc::Up, NEVER),
    b(
        &[(Down, Action::Down), (char('j'), Action::Down)],
        Doc::Down,
        NEVER,
    ),
    b(
        &[(char('r'), Action::CarryOver)],
        Doc::CarryOver,
        &[Place::Handover],
    ),
    b(
        &[(char('X'), Action::CloseRequest)],
        Doc::CloseRequest,
        &[Place::Handover],
    ),
    b(
        &[(char('w'), Action::WriteNote)],
        Doc::WriteNote,
        &[Place::Handover],
    ),
    b(
        &[(char('C'), Action::CloseNight)],
        Doc::CloseNight,
        &[Place::Handover],
    ),
    b(
        &[(char('A'), Action::Acknowledge)],
        Doc::Acknowledge,
        &[Place::Handover],
    ),
    b(
        &[(char('i'), Action::NewInstruction)],
        Doc::NewInstruction,
        &[Place::Handover],
    ),
    b(
        &[(char('+'), Action::ExtendInstruction)],
        Doc::ExtendInstruction,
        &[Place::Handover],
    ),
    b(
        &[(char('E'), Action::EndInstruction)],
        Doc::EndInstruction,
        &[Place::Handover],
    ),
    b(
        &[(char('M'), Action::ExportMonth)],
        Doc::ExportMonth,
        &[Place::Handover],
    ),
    b(
        &[(char('R'), Action::ExportReport)],
        Doc::ExportReport,
        &[Place::Handover],
    ),
];

/// Keys of the logbook screen.
pub const LOG: &[Binding] = &[
    b(&[(char('/'), Action::Search)], Doc::Search, &[Place::Log]),
    b(
        &[(char('n'), Action::FindNext), (char('N'), Action::FindPrev)],
        Doc::FindNext,
        &[Place::Log],
    ),
    b(
        &[(char('e'), Action::LogEntry)],
        Doc::LogEntry,
        &[Place::Log],
    ),
    b(&[(PageUp, Action::PageUp)], Doc::PageUp, &[Place::Log]),
    b(&[(PageDown, Action::PageDown)], Doc::PageDown, NEVER),
    b(
        &[(Home, Action::Home), (char('g'), Action::Home)],
        Doc::Home,
        NEVER,
    ),
    b(
        &[(End, Action::End), (char('G'), Action::End)],
        Doc::End,
        &[Place::Log],
    ),
    b(&[(Up, Action::Up), (char('k'), Action::Up)], Doc::Up, NEVER),
    b(
        &[(Down, Action::Down), (char('j'), Action::Down)],
        Doc::Down,
        NEVER,
    ),
];

/// Keys in a request's detail: the request's own keys, and Esc (or Enter) to close.
pub const DETAIL: &[Binding] = &[
    b(&[(char('d'), Action::Dispatch)], Doc::Dispatch, ANY_PLACE),
    b(&[(char('e'), Action::Correct)], Doc::Correct, NEVER),
    b(
        &[(char('t'), Action::SettleByPhone)],
        Doc::SettleByPhone,
        ANY_PLACE,
    ),
    b(
        &[(char('X'), Action::CloseRequest)],
        Doc::CloseRequest,
        NEVER,
    ),
    b(&[(char('m'), Action::Callback)], Doc::Callback, ANY_PLACE),
    b(&[(char('a'), Action::Arrive)], Doc::Arrive, NEVER),
    b(&[(char('x'), Action::Clear)], Doc::Clear, NEVER),
    b(
        &[
            (Esc, Action::Back),
            (Enter, Action::Back),
            (char('q'), Action::Back),
        ],
        Doc::CloseDetail,
        ANY_PLACE,
    ),
];
