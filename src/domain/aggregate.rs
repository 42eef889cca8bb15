//! The part of the model each event changes: the state applies an event, and the log
//! words it, by its aggregate.

use super::event::Event;

/// The part of the model an event changes (a team's visit moves a request and a team
/// together: it is the intervention's).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Aggregate {
    Night,
    Team,
    Request,
    Intervention,
    /// A situation.
    Case,
    /// A free log entry, an observation, an erased personal record.
    Note,
    /// The handover and the instructions.
    Handover,
    /// An action beyond calls (partner meetings, information actions…).
    Action,
    /// The watch's observations and the relays' follow-up.
    Watch,
    /// The night's plan.
    Plan,
    /// What the desk settles on the phone: a call without a team, a resident's callback.
    Phone,
}

impl Event {
    /// What the event is about; the state applies it, and the log words it, per aggregate.
    pub fn aggregate(&self) -> Aggregate {
        match self {
            Event::NightOpened { .. } => Aggregate::Night,
            Event::CoordinatorChanged { .. } => Aggregate::Night,
            Event::NightClosed { .. } => Aggregate::Night,
            Event::TeamComposed { .. } => Aggregate::Team,
            Event::TeamStatusChanged { .. } => Aggregate::Team,
            Event::TeamPositionUpdated { .. } => Aggregate::Team,
            Event::TeamContacted { .. } => Aggregate::Team,
            Event::RequestReceived { .. } => Aggregate::Request,
            Event::RequestCorrected { .. } => Aggregate::Request,
            Event::RequestAssigned { .. } => Aggregate::Intervention,
            Event::TeamArrived { .. } => Aggregate::Intervention,
            Event::TeamRecalled { .. } => Aggregate::Intervention,
            Event::InterventionCleared { .. } => Aggregate::Intervention,
            Event::RequestRelayed { .. } => Aggregate::Request,
            Event::RequestDismissed { .. } => Aggregate::Request,
            Event::RequestCancelled { .. } => Aggregate::Request,
            Event::RequestSettled { .. } => Aggregate::Phone,
            Event::CallbackScheduled { .. } => Aggregate::Phone,
            Event::CallbackMade { .. } => Aggregate::Phone,
            Event::CaseOpened { .. } => Aggregate::Case,
            Event::CaseLinked { .. } => Aggregate::Case,
            Event::CaseStepRecorded { .. } => Aggregate::Case,
            Event::CaseStateChanged { .. } => Aggregate::Case,
            Event::CaseFollowUpSet { .. } => Aggregate::Case,
            Event::LogEntryAdded { .. } => Aggregate::Note,
            Event::ObservationRecorded { .. } => Aggregate::Watch,
            Event::PersonalErased { .. } => Aggregate::Note,
            Event::PersonalPurged { .. } => Aggregate::Note,
            Event::HandoverWritten { .. } => Aggregate::Handover,
            Event::RequestCarriedOver { .. } => Aggregate::Handover,
            Event::HandoverAcknowledged { .. } => Aggregate::Handover,
            Event::InstructionAdded { .. } => Aggregate::Handover,
            Event::InstructionExtended { .. } => Aggregate::Handover,
            Event::InstructionEnded { .. } => Aggregate::Handover,
            Event::ActionRecorded { .. } => Aggregate::Action,
            Event::ObservationTransmitted { .. } => Aggregate::Watch,
            Event::ObservationAcknowledged { .. } => Aggregate::Watch,
            Event::ObservationSettled { .. } => Aggregate::Watch,
            Event::RelayFollowed { .. } => Aggregate::Watch,
            Event::PlanItemAdded { .. } => Aggregate::Plan,
            Event::PlanItemPassed { .. } => Aggregate::Plan,
            Event::PlanItemDropped { .. } => Aggregate::Plan,
            Event::CheckInReported { .. } => Aggregate::Team,
            Event::CheckInMissed { .. } => Aggregate::Team,
            Event::TeamCodeIssued { .. } => Aggregate::Team,
        }
    }
}
