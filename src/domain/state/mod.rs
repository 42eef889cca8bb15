//! The live state: what the rules need to decide. Kept small on purpose: the current night,
//! its teams, the requests of that night and those still open, the situations not closed.
//! Finished items leave it when the next night opens; their history lives in the views.
//!
//! One file per aggregate holds its types and applies its events: `night`, `teams`,
//! `requests`, `interventions` (a team's visit to a request), `cases`, and `handover` (the
//! note, carried requests, instructions; their types are in `domain::handover`).

mod actions;
mod cases;
mod handover;
mod interventions;
mod night;
mod phone;
mod plan;
mod requests;
mod safety;
mod teams;
mod watch;

pub use cases::{Case, CaseStep};
pub use interventions::Intervention;
pub use night::NightState;
pub use phone::{Callback, CallbackAttempt, Settlement};
pub use requests::Request;
pub use teams::{StatusChange, Team};
pub use watch::{EngagedRelay, RelayFollow};

use super::aggregate::Aggregate;
use super::event::Envelope;
use super::handover::{Instruction, PendingHandover};
use super::ids::{CaseId, InstructionId, ObservationId, PersonalId, PlanItemId, RequestId};
use super::plan::PlanItem;
use super::vocab::CaseState;
use super::watch::Observation;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct State {
    /// Sequence of the last applied event.
    pub last_seq: u64,
    #[serde(default)]
    pub night: Option<NightState>,
    #[serde(default)]
    pub counters: Counters,
    #[serde(default)]
    pub teams: BTreeMap<String, Team>,
    #[serde(default)]
    pub requests: BTreeMap<RequestId, Request>,
    #[serde(default)]
    pub cases: BTreeMap<CaseId, Case>,
    /// The last closed night's handover.
    #[serde(default)]
    pub handover: Option<PendingHandover>,
    /// Instructions and watch points not ended (expired ones leave when a night opens).
    #[serde(default)]
    pub instructions: BTreeMap<InstructionId, Instruction>,
    /// Observations of the watch not yet settled (settled ones leave when a night opens).
    #[serde(default)]
    pub observations: BTreeMap<ObservationId, Observation>,
    /// The current night's relay follow-up steps.
    #[serde(default)]
    pub relay_steps: Vec<RelayFollow>,
    /// The current night's plan.
    #[serde(default)]
    pub plan: BTreeMap<PlanItemId, PlanItem>,
}

/// The next identifiers to hand out.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Counters {
    pub request: u64,
    pub intervention: u64,
    pub case: u64,
    pub personal: u64,
    #[serde(default)]
    pub instruction: u64,
    #[serde(default)]
    pub observation: u64,
    #[serde(default)]
    pub plan_item: u64,
}

impl State {
    /// The open night, if any (opened and not yet closed).
    pub fn open_night(&self) -> Option<&NightState> {
        self.night.as_ref().filter(|n| n.is_open())
    }

    /// Finds a request by its number in the current night (or an open one from earlier).
    pub fn request_by_number(&self, number: u32) -> Option<&Request> {
        let night = self.night.as_ref().map(|n| n.night);
        let mut matching = self.requests.values().filter(|r| r.number == number);
        let first = matching.clone().find(|r| Some(r.night) == night);
        first.or_else(|| matching.next_back())
    }

    /// Applies one event. Events are facts: applying never fails; what a command could not
    /// do was refused before it became an event.
    pub fn apply(&mut self, env: &Envelope) {
        self.last_seq = env.seq;
        for p in env.event.personal_refs() {
            self.bump_personal(p);
        }
        match env.event.aggregate() {
            Aggregate::Night => night::apply(self, env),
            Aggregate::Team => teams::apply(self, env),
            Aggregate::Request => requests::apply(self, env),
            Aggregate::Intervention => interventions::apply(self, env),
            Aggregate::Case => cases::apply(self, env),
            // A log entry or an observation only moves the personal counter (above).
            Aggregate::Note => {}
            Aggregate::Handover => handover::apply(self, env),
            Aggregate::Action => actions::apply(self, env),
            Aggregate::Watch => watch::apply(self, env),
            Aggregate::Plan => plan::apply(self, env),
            Aggregate::Phone => phone::apply(self, env),
        }
    }

    fn bump_personal(&mut self, id: PersonalId) {
        self.counters.personal = self.counters.personal.max(id.0 + 1);
    }

    /// Drops what is finished before a new night: last night's teams, closed requests and
    /// closed situations. Their records stay in the views.
    fn evict_finished(&mut self) {
        self.teams.clear();
        // A callback still to make keeps its request, closed or not, on the board.
        self.requests
            .retain(|_, r| !r.status.is_terminal() || r.pending_callback().is_some());
        self.cases.retain(|_, c| c.state != CaseState::Closed);
        self.observations.retain(|_, o| !o.status().is_settled());
        self.relay_steps.clear();
        self.plan.clear();
        if let Some(n) = &self.night {
            // The night that ended is the last day an expired instruction was shown.
            let last_night = n.night.date();
            self.instructions
                .retain(|_, i| i.ended_at.is_none() && i.until.is_none_or(|u| u > last_night));
        }
    }
}
