//! Commands: what a coordinator (or the demo) asks for. Checked by `decide`.

use super::handover::Scope;
use super::ids::{CaseId, InstructionId, PersonalId, RequestId};
use super::vocab::*;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Command {
    OpenNight {
        coordinator: String,
    },
    ChangeCoordinator {
        coordinator: String,
    },
    CloseNight,
    ComposeTeam {
        team: String,
        members: Vec<String>,
        equipment: Option<String>,
    },
    SetTeamStatus {
        team: String,
        status: TeamStatus,
        position: Option<Position>,
    },
    UpdatePosition {
        team: String,
        position: Position,
    },
    RecordContact {
        team: String,
    },
    ReceiveRequest(NewRequest),
    CorrectRequest(Correction),
    Dispatch {
        request: RequestId,
        team: String,
    },
    Arrive {
        team: String,
    },
    Recall {
        team: String,
    },
    Clear(Clearance),
    Relay {
        request: RequestId,
        partner: String,
        note: Option<String>,
    },
    Dismiss {
        request: RequestId,
        reason: DismissReason,
    },
    Cancel {
        request: RequestId,
    },
    /// A second (or third) team sent to a request already being handled.
    Reinforce {
        request: RequestId,
        team: String,
    },
    /// Settled on the phone without a team: information given, or oriented to `partner`.
    SettleByPhone {
        request: RequestId,
        outcome: PhoneOutcome,
        partner: Option<String>,
        note: Option<String>,
    },
    /// The resident is to be called back by `due` (a new time replaces the one pending).
    ScheduleCallback {
        request: RequestId,
        due: chrono::DateTime<chrono::Utc>,
    },
    /// The resident was called back (by the coordinator on duty, now).
    RecordCallback {
        request: RequestId,
        outcome: CallbackOutcome,
    },
    OpenCase {
        site: String,
        category: Category,
        request: Option<RequestId>,
    },
    LinkToCase {
        case: CaseId,
        request: RequestId,
    },
    RecordCaseStep {
        case: CaseId,
        level: ResponseLevel,
        note: Option<String>,
    },
    SetCaseState {
        case: CaseId,
        state: CaseState,
    },
    SetFollowUp {
        case: CaseId,
        date: Option<NaiveDate>,
    },
    AddLogEntry {
        text: String,
    },
    /// The outgoing coordinator's note (a new one replaces the last).
    WriteHandover {
        situation: String,
        actions: String,
        needs: String,
    },
    /// An open request goes on to the next night: decided before closing.
    CarryOver {
        request: RequestId,
    },
    /// The incoming coordinator has read the last closed night's handover.
    AcknowledgeHandover {
        coordinator: String,
    },
    AddInstruction {
        kind: InstructionKind,
        scope: Scope,
        text: String,
        until: Option<NaiveDate>,
    },
    /// A new last day (or none, for a standing instruction or a watch point).
    ExtendInstruction {
        instruction: InstructionId,
        until: Option<NaiveDate>,
    },
    EndInstruction {
        instruction: InstructionId,
    },
    RecordObservation(NewObservation),
    RecordAction(super::action::NewAction),
    ErasePersonal {
        personal: PersonalId,
        reason: ErasureReason,
    },
    /// The watch's lifecycle and the relays' follow-up (domain/watch.rs).
    Watch(super::watch::WatchCommand),
    /// The night's plan (domain/plan.rs).
    Plan(super::plan::PlanCommand),
    /// A check-in with its word: « RAS » is a plain contact, the others are reported.
    CheckIn {
        team: String,
        word: super::safety::CheckInWord,
    },
    /// A new sign-in code for a team's phone (the field link): `hash` is its argon2 hash,
    /// made at the edge from a code drawn there; the plain code never enters the journal.
    /// The team's earlier code, and the phone sessions signed in with it, end.
    IssueTeamCode {
        team: String,
        hash: String,
    },
    /// A check-in missed past a step (amber, red, escalated), after `minutes` of silence:
    /// each step is recorded once until the team is heard from.
    MissCheckIn {
        team: String,
        step: super::safety::MissedStep,
        minutes: u32,
    },
}

/// A new request as typed in the form. Caller, callback and description are personal data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewRequest {
    pub source: Source,
    pub site: String,
    pub category: Category,
    pub priority: Priority,
    pub caller_name: Option<String>,
    pub callback: Option<String>,
    pub description: Option<String>,
    /// One of the site's entrances (halls), if the caller said which.
    #[serde(default)]
    pub entrance: Option<String>,
    /// A place that is not in the list: its address (personal data: it may be a home) and
    /// its district; `site` is then empty.
    #[serde(default)]
    pub address: Option<FreeAddress>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FreeAddress {
    pub text: String,
    pub district: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Correction {
    pub request: RequestId,
    pub source: Option<Source>,
    pub site: Option<String>,
    pub category: Option<Category>,
    pub priority: Option<Priority>,
    /// A new entrance of the (new or same) site.
    #[serde(default)]
    pub entrance: Option<String>,
}

/// Where a cleared intervention goes: closes alone, joins a situation, or opens one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum CaseLink {
    #[default]
    None,
    Existing(CaseId),
    New,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Clearance {
    pub team: String,
    pub level: ResponseLevel,
    pub outcome: Outcome,
    pub relays: Vec<String>,
    pub referrals: Vec<String>,
    pub note: Option<String>,
    pub case: CaseLink,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewObservation {
    pub kind: ObservationKind,
    pub site: Option<String>,
    pub district: Option<String>,
    pub team: Option<String>,
    pub note: Option<String>,
    /// One of the site's entrances.
    #[serde(default)]
    pub entrance: Option<String>,
    /// A place not in the list, with its district.
    #[serde(default)]
    pub address: Option<String>,
    /// The request it was seen on, if any.
    #[serde(default)]
    pub request: Option<RequestId>,
}
