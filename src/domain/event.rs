//! Events: the facts the journal keeps, in a versioned envelope. Self-describing (named
//! fields, `kind` tag) so that a field added later with `#[serde(default)]` reads old data.

use super::calendar::{Hours, ServiceNight};
use super::handover::Scope;
use super::ids::{CaseId, InstructionId, InterventionId, PersonalId, RequestId};
use super::ids::{ObservationId, PlanItemId};
use super::plan::{PlanKind, PlanOrigin, PlanPlace, Window};
use super::vocab::*;
use super::watch::{Channel, RelayStep, WatchEnding};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

pub use super::origin::Origin;

/// The journal's schema version, written in every envelope.
/// 3: `personal_purged`.
pub const SCHEMA_VERSION: u32 = 3;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Envelope {
    /// Schema version of this envelope.
    pub v: u32,
    /// Monotonic sequence number, from 1, without gaps.
    pub seq: u64,
    /// When it happened (UTC).
    pub at: DateTime<Utc>,
    /// The service night the instant belongs to.
    pub night: ServiceNight,
    /// Inside the night's service hours, in the 19:30 early start, or outside.
    pub hours: Hours,
    /// The coordinator on duty who recorded it (none before a night is opened).
    #[serde(default)]
    pub coordinator: Option<String>,
    /// Where the command came from when it was not this store's own console: another desk,
    /// a team's phone, with the sender's command id (a retry is executed once).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<Origin>,
    pub event: Event,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Event {
    NightOpened {
        night: ServiceNight,
        coordinator: String,
    },
    CoordinatorChanged {
        coordinator: String,
    },
    NightClosed {
        night: ServiceNight,
    },
    TeamComposed {
        team: String,
        members: Vec<String>,
        #[serde(default)]
        equipment: Option<String>,
    },
    /// A status the coordinator set (available, active presence, break, return, off duty).
    TeamStatusChanged {
        team: String,
        status: TeamStatus,
        #[serde(default)]
        position: Option<Position>,
    },
    TeamPositionUpdated {
        team: String,
        position: Position,
    },
    /// A safety check-in: the team was heard from.
    TeamContacted {
        team: String,
    },
    RequestReceived {
        request: RequestId,
        number: u32,
        source: Source,
        site: String,
        category: Category,
        priority: Priority,
        #[serde(default)]
        personal: Option<PersonalId>,
        /// One of the site's entrances (halls).
        #[serde(default)]
        entrance: Option<String>,
        /// The district of a free address (`site` empty; the address is personal data).
        #[serde(default)]
        district: Option<String>,
    },
    RequestCorrected {
        request: RequestId,
        #[serde(default)]
        source: Option<Source>,
        #[serde(default)]
        site: Option<String>,
        #[serde(default)]
        category: Option<Category>,
        #[serde(default)]
        priority: Option<Priority>,
        #[serde(default)]
        entrance: Option<String>,
    },
    /// The team is sent: the request is assigned and the team en route, in one fact.
    RequestAssigned {
        request: RequestId,
        team: String,
        intervention: InterventionId,
    },
    TeamArrived {
        team: String,
        request: RequestId,
        intervention: InterventionId,
    },
    /// The dispatch is undone: the request waits again, the team is available.
    TeamRecalled {
        team: String,
        request: RequestId,
        intervention: InterventionId,
    },
    InterventionCleared {
        intervention: InterventionId,
        request: RequestId,
        team: String,
        level: ResponseLevel,
        outcome: Outcome,
        #[serde(default)]
        relays: Vec<String>,
        #[serde(default)]
        referrals: Vec<String>,
        #[serde(default)]
        note: Option<PersonalId>,
    },
    /// Handed to a partner without a visit (e.g. straight to the police or the fire brigade).
    RequestRelayed {
        request: RequestId,
        partner: String,
        #[serde(default)]
        note: Option<PersonalId>,
    },
    RequestDismissed {
        request: RequestId,
        reason: DismissReason,
    },
    RequestCancelled {
        request: RequestId,
    },
    /// Settled on the phone without a team (information given, or oriented to a partner).
    RequestSettled {
        request: RequestId,
        outcome: PhoneOutcome,
        #[serde(default)]
        partner: Option<String>,
        #[serde(default)]
        note: Option<PersonalId>,
    },
    /// The resident is to be called back by `due`.
    CallbackScheduled {
        request: RequestId,
        due: DateTime<Utc>,
    },
    /// The resident was called back, by the envelope's coordinator, at its instant.
    CallbackMade {
        request: RequestId,
        outcome: CallbackOutcome,
    },
    CaseOpened {
        case: CaseId,
        site: String,
        category: Category,
    },
    CaseLinked {
        case: CaseId,
        request: RequestId,
    },
    /// One step of the graduated response in a situation's history.
    CaseStepRecorded {
        case: CaseId,
        level: ResponseLevel,
        #[serde(default)]
        request: Option<RequestId>,
        #[serde(default)]
        note: Option<PersonalId>,
    },
    CaseStateChanged {
        case: CaseId,
        state: CaseState,
    },
    CaseFollowUpSet {
        case: CaseId,
        #[serde(default)]
        date: Option<NaiveDate>,
    },
    LogEntryAdded {
        personal: PersonalId,
    },
    ObservationRecorded {
        observation: ObservationKind,
        #[serde(default)]
        site: Option<String>,
        #[serde(default)]
        district: Option<String>,
        #[serde(default)]
        team: Option<String>,
        #[serde(default)]
        note: Option<PersonalId>,
        /// Absent before the watch followed observations: such ones are counted, not followed.
        #[serde(default)]
        id: Option<ObservationId>,
        #[serde(default)]
        entrance: Option<String>,
        /// A place not in the list (« 12 rue de Fougères »), with its `district`.
        #[serde(default)]
        address: Option<String>,
        #[serde(default)]
        request: Option<RequestId>,
        /// Routed to: the site's landlord, else the city.
        #[serde(default)]
        commissioner: Option<String>,
    },
    /// Observations that went out to their commissioners (a report, an export, directly).
    ObservationTransmitted {
        observations: Vec<ObservationId>,
        channel: Channel,
    },
    /// The commissioner's answer; who answered and what is a personal record.
    ObservationAcknowledged {
        observation: ObservationId,
        #[serde(default)]
        answer: Option<PersonalId>,
    },
    ObservationSettled {
        observation: ObservationId,
        ending: WatchEnding,
    },
    /// A relay engaged on a request, followed: called, answered, arrived, no answer.
    RelayFollowed {
        request: RequestId,
        partner: String,
        step: RelayStep,
    },
    /// An item of the night's plan (standing ones are added with the night's opening).
    PlanItemAdded {
        item: PlanItemId,
        plan_kind: PlanKind,
        place: PlanPlace,
        window: Window,
        origin: PlanOrigin,
    },
    PlanItemPassed {
        item: PlanItemId,
        team: String,
    },
    PlanItemDropped {
        item: PlanItemId,
    },
    /// A personal record was deleted (retention or erasure request); the facts stay.
    PersonalErased {
        personal: PersonalId,
        reason: ErasureReason,
    },
    /// Personal records past the retention period, erased together when a night closed:
    /// one line of the main courante, however many records.
    PersonalPurged {
        personal: Vec<PersonalId>,
        days: u32,
    },
    /// The outgoing coordinator's note; the last one written is the night's.
    HandoverWritten {
        situation: String,
        actions: String,
        needs: String,
    },
    RequestCarriedOver {
        request: RequestId,
    },
    /// `night`: the closed night whose handover was taken.
    HandoverAcknowledged {
        night: ServiceNight,
        coordinator: String,
    },
    InstructionAdded {
        instruction: InstructionId,
        instruction_kind: InstructionKind,
        scope: Scope,
        text: String,
        #[serde(default)]
        until: Option<NaiveDate>,
    },
    InstructionExtended {
        instruction: InstructionId,
        #[serde(default)]
        until: Option<NaiveDate>,
    },
    InstructionEnded {
        instruction: InstructionId,
    },
    /// An action beyond calls (domain/action.rs), counted on its `date`.
    ActionRecorded {
        date: NaiveDate,
        action_kind: super::action::ActionKind,
        place: super::action::ActionPlace,
        #[serde(default)]
        partners: Vec<String>,
        #[serde(default)]
        note: Option<PersonalId>,
    },
    /// A check-in that reports something: a need for reinforcement or an incident (a plain
    /// « RAS » is `team_contacted`). Also a contact.
    CheckInReported {
        team: String,
        word: super::safety::CheckInWord,
    },
    /// A team's phone sign-in code was issued or renewed (its argon2 hash; the code itself
    /// is only shown on the console that issued it).
    TeamCodeIssued {
        team: String,
        hash: String,
    },
    /// A step of a missed check-in: the team had been silent `minutes`.
    CheckInMissed {
        team: String,
        step: super::safety::MissedStep,
        minutes: u32,
    },
}

impl Event {
    /// The `kind` tag as written in the journal.
    pub fn kind(&self) -> &'static str {
        match self {
            Event::NightOpened { .. } => "night_opened",
            Event::CoordinatorChanged { .. } => "coordinator_changed",
            Event::NightClosed { .. } => "night_closed",
            Event::TeamComposed { .. } => "team_composed",
            Event::TeamStatusChanged { .. } => "team_status_changed",
            Event::TeamPositionUpdated { .. } => "team_position_updated",
            Event::TeamContacted { .. } => "team_contacted",
            Event::RequestReceived { .. } => "request_received",
            Event::RequestCorrected { .. } => "request_corrected",
            Event::RequestAssigned { .. } => "request_assigned",
            Event::TeamArrived { .. } => "team_arrived",
            Event::TeamRecalled { .. } => "team_recalled",
            Event::InterventionCleared { .. } => "intervention_cleared",
            Event::RequestRelayed { .. } => "request_relayed",
            Event::RequestDismissed { .. } => "request_dismissed",
            Event::RequestCancelled { .. } => "request_cancelled",
            Event::RequestSettled { .. } => "request_settled",
            Event::CallbackScheduled { .. } => "callback_scheduled",
            Event::CallbackMade { .. } => "callback_made",
            Event::CaseOpened { .. } => "case_opened",
            Event::CaseLinked { .. } => "case_linked",
            Event::CaseStepRecorded { .. } => "case_step_recorded",
            Event::CaseStateChanged { .. } => "case_state_changed",
            Event::CaseFollowUpSet { .. } => "case_follow_up_set",
            Event::LogEntryAdded { .. } => "log_entry_added",
            Event::ObservationRecorded { .. } => "observation_recorded",
            Event::PersonalErased { .. } => "personal_erased",
            Event::PersonalPurged { .. } => "personal_purged",
            Event::HandoverWritten { .. } => "handover_written",
            Event::RequestCarriedOver { .. } => "request_carried_over",
            Event::HandoverAcknowledged { .. } => "handover_acknowledged",
            Event::InstructionAdded { .. } => "instruction_added",
            Event::InstructionExtended { .. } => "instruction_extended",
            Event::InstructionEnded { .. } => "instruction_ended",
            Event::ActionRecorded { .. } => "action_recorded",
            Event::ObservationTransmitted { .. } => "observation_transmitted",
            Event::ObservationAcknowledged { .. } => "observation_acknowledged",
            Event::ObservationSettled { .. } => "observation_settled",
            Event::RelayFollowed { .. } => "relay_followed",
            Event::PlanItemAdded { .. } => "plan_item_added",
            Event::PlanItemPassed { .. } => "plan_item_passed",
            Event::PlanItemDropped { .. } => "plan_item_dropped",
            Event::CheckInReported { .. } => "check_in_reported",
            Event::CheckInMissed { .. } => "check_in_missed",
            Event::TeamCodeIssued { .. } => "team_code_issued",
        }
    }

    /// Personal records this event points at.
    pub fn personal_refs(&self) -> Vec<PersonalId> {
        match self {
            Event::RequestReceived { personal, .. } => personal.iter().copied().collect(),
            Event::InterventionCleared { note, .. }
            | Event::RequestRelayed { note, .. }
            | Event::CaseStepRecorded { note, .. }
            | Event::ObservationRecorded { note, .. }
            | Event::ActionRecorded { note, .. }
            | Event::RequestSettled { note, .. } => note.iter().copied().collect(),
            Event::ObservationAcknowledged { answer, .. } => answer.iter().copied().collect(),
            Event::LogEntryAdded { personal } => vec![*personal],
            _ => Vec::new(),
        }
    }
}
