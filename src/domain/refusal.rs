//! Why a command was refused. Typed data; `i18n` turns it into words.

use super::calendar::ServiceNight;
use super::ids::{CaseId, InstructionId, PersonalId};
use super::vocab::{CaseState, TeamStatus};
use chrono::NaiveDate;
use thiserror::Error;

/// A refused command writes nothing. Requests are named by their number in the night.
#[derive(Debug, Clone, PartialEq, Eq, Error, serde::Serialize, serde::Deserialize)]
pub enum Refusal {
    #[error("no night is open")]
    NoNightOpen,
    #[error("night {night} is already open")]
    NightAlreadyOpen { night: ServiceNight },
    #[error("night {night} is still open")]
    PreviousNightOpen { night: ServiceNight },
    #[error("night {night} was already closed")]
    NightAlreadyClosed { night: ServiceNight },
    #[error("unknown coordinator {id}")]
    UnknownCoordinator { id: String },
    #[error("unknown mediator {id}")]
    UnknownMediator { id: String },
    #[error("mediator {mediator} is already in team {team}")]
    MediatorInTeam { mediator: String, team: String },
    #[error("team {team} has two or three mediators, not {count}")]
    TeamSize { team: String, count: usize },
    #[error("team call sign is empty")]
    EmptyCallSign,
    #[error("team {team} already exists")]
    TeamExists { team: String },
    #[error("unknown team {team}")]
    UnknownTeam { team: String },
    #[error("team {team} is already assigned to request {request}")]
    TeamBusy { team: String, request: u32 },
    #[error("team {team} is off duty")]
    TeamOffDuty { team: String },
    #[error("team {team} has no assignment")]
    TeamNotAssigned { team: String },
    #[error("team {team} is not on site")]
    TeamNotOnSite { team: String },
    #[error("team {team} is not en route")]
    TeamNotEnRoute { team: String },
    #[error("status {status:?} follows from dispatch")]
    StatusNotSettable { status: TeamStatus },
    #[error("unknown site {id}")]
    UnknownSite { id: String },
    #[error("unknown district {id}")]
    UnknownDistrict { id: String },
    #[error("unknown partner {id}")]
    UnknownPartner { id: String },
    #[error("unknown request")]
    UnknownRequest,
    #[error("request {request} is closed")]
    RequestClosed { request: u32 },
    #[error("request {request} already has team {team}")]
    RequestHasTeam { request: u32, team: String },
    #[error("invalid callback number {input}")]
    InvalidPhone { input: String },
    #[error("caller name longer than {max}")]
    NameTooLong { max: usize },
    #[error("text longer than {max}")]
    TextTooLong { max: usize },
    #[error("empty text")]
    EmptyText,
    #[error("nothing to correct")]
    NothingToCorrect,
    #[error("a relay outcome or level needs at least one relay")]
    RelayMissing,
    #[error("unknown case {case}")]
    UnknownCase { case: CaseId },
    #[error("case {case} is closed")]
    CaseClosed { case: CaseId },
    #[error("case {case} is already {state:?}")]
    CaseAlreadyInState { case: CaseId, state: CaseState },
    #[error("request {request} is already linked to case {case}")]
    AlreadyLinked { request: u32, case: CaseId },
    #[error("observation needs a site or a district")]
    ObservationWithoutPlace,
    #[error("team {team} is still out on request {request}")]
    TeamStillOut { team: String, request: u32 },
    #[error("unknown personal record {id}")]
    UnknownPersonal { id: PersonalId },
    #[error("{count} open requests are neither carried over nor closed")]
    UndecidedRequests { count: usize },
    #[error("request {request} is already carried over")]
    AlreadyCarriedOver { request: u32 },
    #[error("no handover to acknowledge")]
    NoHandover,
    #[error("the handover was already acknowledged by {by}")]
    HandoverAcknowledged { by: String },
    #[error("unknown or ended instruction {id}")]
    UnknownInstruction { id: InstructionId },
    #[error("a temporary instruction needs its last day")]
    NeedsLastDay,
    #[error("{date} is in the past")]
    DateInPast { date: NaiveDate },
    /// The watch, the relays' follow-up and the night's plan (domain/watch.rs).
    #[error(transparent)]
    Watch(#[from] super::watch::WatchRefusal),
    #[error("team {team} is already {status:?}")]
    AlreadyInStatus { team: String, status: TeamStatus },
    #[error("team {team} is not out in the field")]
    TeamNotOut { team: String },
    #[error("the {step:?} step of team {team}'s check-in is already recorded")]
    CheckInStepRecorded {
        team: String,
        step: super::safety::MissedStep,
    },
    #[error("team {team} was heard from {minutes} minutes ago")]
    TeamHeardSince { team: String, minutes: i64 },
    #[error("a team's sign-in code that is not an argon2 hash")]
    MalformedCode,
    #[error("unknown entrance {entrance} at site {site}")]
    UnknownEntrance { site: String, entrance: String },
    #[error("request {request} has no team to reinforce")]
    NothingToReinforce { request: u32 },
    #[error("a resident oriented needs the partner")]
    ReferralMissing,
    #[error("request {request} has no callback to make")]
    NoCallbackDue { request: u32 },
    #[error("a callback time in the past")]
    CallbackInPast,
}
