//! What goes into `update` (actions: keys, the clock, what the store answered) and what comes
//! out (effects the runtime performs). Nothing here runs anything.

use super::{Pane, Screen};
use crate::domain::calendar::ServiceNight;
use crate::domain::vocab::TeamStatus;
use crate::domain::{Command, Refusal, Written};
use crate::i18n::notice::Notice;
use chrono::{DateTime, NaiveDate, Utc};
use std::path::PathBuf;
use tui_input::InputRequest;

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// The clock moved (once a second).
    Tick(DateTime<Utc>),
    Up,
    Down,
    NextPane,
    PrevPane,
    Help,
    /// Esc: cancel or go back.
    Back,
    Quit,
    NewRequest,
    Dispatch,
    Arrive,
    Contact,
    Recall,
    /// A new sign-in code for the team's phone (renewing ends its sessions).
    IssueCode,
    Clear,
    SetStatus(TeamStatus),
    /// The selected team's position.
    Locate,
    CommandLine,
    /// Go to a screen (digits, F-keys).
    Show(Screen),
    /// The form that opens the night.
    OpenNight,
    /// Situations: record a step, set the follow-up, watch, reopen, close.
    CaseStep,
    FollowUp,
    Watch,
    Reopen,
    CloseCase,
    /// Logbook: a free entry, a search and its next/previous match, paging.
    LogEntry,
    Search,
    FindNext,
    FindPrev,
    PageUp,
    PageDown,
    Home,
    End,
    /// A click selected a row of a pane (the runtime found which from the layout).
    Select(Pane, usize),
    /// Handover screen: the note, carry over or close a request, close the night, take the
    /// handover, instructions, the night's report.
    WriteNote,
    CarryOver,
    CloseRequest,
    CloseNight,
    Acknowledge,
    NewInstruction,
    EndInstruction,
    ExtendInstruction,
    ExportReport,
    /// The watch, relays, the night's plan, the directory (app/desk_key.rs).
    Desk(super::desk_key::DeskKey),
    /// The worst alert: the finger goes to it (`!`).
    WorstAlert,
    /// The live demo's desk goes to its own coordinator, or back to the user (`P`).
    Autopilot,
    /// Board, on a request: its detail, correct it, settle it by phone, its callback, the
    /// next callback due (closing it without a visit is `CloseRequest`).
    Detail,
    Correct,
    SettleByPhone,
    Callback,
    NextCallback,
    /// Handover screen: last month's reports for every commissioner and the service.
    ExportMonth,
    // In a form or a picker.
    NextField,
    PrevField,
    ChooseNext,
    ChoosePrev,
    Edit(InputRequest),
    Submit,
    /// This console's commit was written: apply what it wrote.
    Committed(Written),
    /// This console's commit was refused or could not be written: nothing changed.
    Failed(Failure),
    /// A team's phone sign-in code was issued (the runtime drew and hashed it): what it
    /// wrote, and the code itself, kept in this console's memory only.
    TeamCodeIssued {
        team: String,
        code: String,
        written: Written,
    },
    /// Commits that are not this console's (the live demo's callers and teams): applied
    /// without disturbing what the coordinator is doing.
    WorldMoved(Written),
    /// This console's seat changed: it holds the desk or reads only; what to say.
    Seat {
        read_only: bool,
        notice: Option<Notice>,
    },
    /// Something finished in the background (a backup): what to say.
    Notice(Notice),
    /// The report was written (its path), or not (why, in words).
    ReportExported(Result<PathBuf, String>),
    /// The month's reports were written (where, how many files), or not (why, in words).
    MonthExported(Result<(PathBuf, usize), String>),
}

/// Why a commit did not happen.
#[derive(Debug, Clone, PartialEq)]
pub enum Failure {
    /// The rules said no.
    Refused(Refusal),
    /// The store could not write it (in words, from where it failed).
    Store(String),
    /// Another desk holds the desk (`holder`, if anyone), or this console is read-only.
    ReadOnly { holder: Option<String> },
}

#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Execute durably, all or none; the answer comes back as `Committed` or `Failed`.
    Commit(Vec<Command>),
    /// Execute durably in the background (a missed check-in the clock crossed): the answer
    /// comes back as `WorldMoved`, without closing what is being typed; a refusal (another
    /// desk wrote it first) is dropped.
    Record(Vec<Command>),
    /// Write the night's Markdown report under the data directory; the answer comes back as
    /// `ReportExported`.
    ExportReport(ServiceNight),
    /// Write the period reports of the month starting on this day under the data
    /// directory; the answer comes back as `MonthExported`.
    ExportMonth(NaiveDate),
    /// Draw a new sign-in code for the team's phone, hash it and commit the hash (the
    /// runtime: `runtime/team_code.rs`); the answer comes back as `TeamCodeIssued`.
    IssueTeamCode(String),
    /// A night was just closed by this console: back the journal up (in the background).
    BackUp,
    Bell,
    Quit,
}
