//! The facts the period reports count, one record per service night, kept up to date at
//! every commit (store/aggregates.rs) so that a year is read in a few hundred small
//! records instead of hundreds of thousands of events. Pure: `project` reads the state
//! just after an event was applied, like `views::project`, and `check` rebuilds them from
//! the journal to prove they agree.
//!
//! What is attributed where (docs/reports.md): a request to the night it was received, with
//! its site, category, source and priority as last corrected; an intervention to the night
//! it was dispatched; a clearance or a relay to the night it was recorded; an observation
//! to its night; an action to the night named by its date. No personal data: ids, places
//! and vocabulary only. The projection itself is in `project.rs`.

use super::action::ActionKind;
use super::calendar::{HourBand, ServiceNight};
use super::ids::{CaseId, RequestId};
use super::vocab::*;
use serde::{Deserialize, Serialize};

mod project;
pub use project::project;

/// Bumped when a field changes meaning: the store rebuilds the facts from the journal.
/// 2: observations carry their lifecycle; the night's plan and presence at its points.
/// 3: a request settled by phone ends as `settled`, a reinforced one with its last team;
/// a free address counts under its district.
pub const FACTS_VERSION: u32 = 3;

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct NightFacts {
    /// The night was opened (worked).
    pub worked: bool,
    /// Requests the night before carried over into this one.
    pub carried_in: u32,
    pub requests: Vec<RequestFact>,
    pub interventions: Vec<InterventionFact>,
    pub clearances: Vec<ClearanceFact>,
    pub relays: Vec<RelayFact>,
    pub observations: Vec<ObservationFact>,
    pub cases_opened: Vec<CaseFact>,
    pub cases_closed: Vec<CaseFact>,
    pub actions: Vec<ActionFact>,
    /// The night's plan as it stands, and time in active presence at its points.
    pub plan: PlanFacts,
}

/// The plan of a night: items planned and done (early visits apart), and the seconds
/// teams spent in active presence begun by a passage at one of its points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PlanFacts {
    pub tally: super::plan::PlanTally,
    pub presence_s: i64,
}

/// How a request ended, and in which night.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Ending {
    Cleared,
    Relayed,
    Dismissed,
    Cancelled,
    /// Settled on the phone without a team.
    Settled,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RequestFact {
    pub id: RequestId,
    pub site: String,
    pub category: Category,
    pub source: Source,
    pub priority: Priority,
    pub band: HourBand,
    /// Received in the 19:30–21:00 early start.
    pub early: bool,
    /// Unix seconds: received, first dispatch and first arrival within its own night.
    pub received: i64,
    pub dispatched: Option<i64>,
    pub on_site: Option<i64>,
    pub ended: Option<(ServiceNight, Ending)>,
    /// Corrections recorded in a later night than the request's own.
    pub late_corrections: u32,
    /// A free address's district (`site` is then empty): counted there and for the city.
    #[serde(default)]
    pub district: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InterventionFact {
    pub request: RequestId,
    /// Where the request's own fact is (an earlier night for a carried request).
    pub request_night: ServiceNight,
    pub early: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClearanceFact {
    pub request: RequestId,
    pub request_night: ServiceNight,
    pub level: ResponseLevel,
    pub outcome: Outcome,
    pub relays: Vec<String>,
    pub referrals: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RelayFact {
    pub request: RequestId,
    pub request_night: ServiceNight,
    pub partner: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ObservationFact {
    pub kind: ObservationKind,
    pub site: Option<String>,
    pub district: Option<String>,
    /// Followed by the watch (absent for observations recorded before it was).
    pub id: Option<super::ids::ObservationId>,
    /// Unix seconds: recorded, and each step of its lifecycle when it came.
    pub recorded: i64,
    pub transmitted: Option<i64>,
    pub acknowledged: Option<i64>,
    pub settled: Option<(i64, super::watch::WatchEnding)>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseFact {
    pub case: CaseId,
    pub site: String,
    pub category: Category,
    /// The highest response level of its steps (when closed; at opening, none yet).
    pub level: Option<ResponseLevel>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActionFact {
    pub kind: ActionKind,
    pub district: Option<String>,
    pub site: Option<String>,
    pub partners: Vec<String>,
}

/// The situations still open when a night closed, with the level each had reached.
pub type OpenCases = Vec<CaseFact>;

/// The report band of a request received at `at` in `night`: by local wall time inside
/// the night's service hours, `Outside` otherwise (the early start, past 02:00, another
/// calendar night).
pub fn band(night: ServiceNight, at: chrono::DateTime<chrono::Utc>) -> HourBand {
    if ServiceNight::of(at) == night {
        ServiceNight::hour_band(at)
    } else {
        HourBand::Outside
    }
}

/// Where facts are kept: the store over sled, `check` and tests in memory.
pub trait Facts {
    type Error;
    /// The night's facts (empty when none yet).
    fn facts(&mut self, night: ServiceNight) -> Result<NightFacts, Self::Error>;
    fn put_facts(&mut self, night: ServiceNight, facts: NightFacts) -> Result<(), Self::Error>;
    fn put_open_cases(&mut self, night: ServiceNight, open: OpenCases) -> Result<(), Self::Error>;
}
