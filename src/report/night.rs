//! The night report as data: what `vigie report night` prints and the console exports.
//! Pure and serialisable; the JSON output is this struct (schema in docs/reports.md).
//! Vocabulary values are kept as their journal spelling (snake_case keys); places and
//! partners carry both their id and their name. Words are chosen by the renderers.

use crate::domain::calendar::{HourBand, ServiceNight};
use crate::domain::vocab::{Category, ObservationKind, Outcome, Priority, ResponseLevel};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize, Serializer};

/// Bumped when a field changes meaning or disappears (adding one does not).
/// 2: a health category counted below 5 reads `count: null, fewer_than: 5`.
pub const REPORT_SCHEMA_VERSION: u32 = 2;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NightReport {
    pub schema_version: u32,
    pub night: ServiceNight,
    /// The internal version (notes kept, callback numbers never).
    pub internal: bool,
    pub opened_at: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
    pub totals: Totals,
    #[serde(serialize_with = "health_suppressed")]
    pub by_category: Vec<Count<Category>>,
    pub by_district: Vec<PlaceCount>,
    pub by_landlord: Vec<PlaceCount>,
    pub by_source: Vec<Count<crate::domain::vocab::Source>>,
    pub by_priority: Vec<Count<Priority>>,
    pub by_hour_band: Vec<Count<HourBand>>,
    /// Outcomes of the interventions cleared this night.
    pub outcomes: Vec<Count<Outcome>>,
    /// Response levels reached by those interventions.
    pub levels: Vec<Count<ResponseLevel>>,
    /// Partners mobilised (relays) and referrals given, by partner.
    pub partners: Vec<PartnerCount>,
    pub times: Times,
    /// Interventions dispatched this night, in time order, health categories left out.
    pub interventions: Vec<InterventionRow>,
    /// Interventions not listed because their category touches health (counted only).
    pub interventions_withheld: u32,
    /// One section per commissioner with something this night.
    pub landlords: Vec<LandlordSection>,
    /// Observations placed in a district, not at a site.
    pub district_observations: Vec<ObservationRow>,
    pub handover: Option<HandoverNoteOut>,
    /// The night's plan: planned, done, not done (report/plan.rs).
    #[serde(default)]
    pub plan: super::plan::PlanSummary,
}

/// How the night's requests ended (each request received this night counted once).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Totals {
    /// Requests received this night.
    pub requests: u32,
    /// Requests from earlier nights dealt with this night (carried over).
    pub carried_in: u32,
    /// Interventions dispatched this night (recalled ones included).
    pub interventions: u32,
    pub cleared: u32,
    /// Handed straight to a partner without a visit.
    pub relayed: u32,
    pub dismissed: u32,
    pub cancelled: u32,
    /// Settled on the phone without a team (information given, resident oriented).
    #[serde(default)]
    pub settled: u32,
    /// Still open when the report was made (carried over or the night still running).
    pub open: u32,
    pub observations: u32,
}

/// A vocabulary value and how many times it occurred (every value listed, zeros included).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Count<K> {
    pub key: K,
    pub count: u32,
}

/// A district or a landlord of the territory (every one listed, zeros included); `id` "" is
/// a site the territory no longer knows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlaceCount {
    pub id: String,
    pub name: String,
    pub count: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartnerCount {
    pub id: String,
    pub name: String,
    pub relays: u32,
    pub referrals: u32,
}

/// Median and 90th percentile of one stretch, in seconds (nearest rank, see stats.rs).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stat {
    /// How many requests had both ends of the stretch.
    pub count: u32,
    pub median_s: Option<i64>,
    pub p90_s: Option<i64>,
}

/// Received → dispatched, dispatched → on site, and received → on site.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stretches {
    pub to_dispatch: Stat,
    pub to_on_site: Stat,
    pub total: Stat,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PriorityTimes {
    pub priority: Priority,
    #[serde(flatten)]
    pub stretches: Stretches,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Times {
    pub overall: Stretches,
    pub by_priority: Vec<PriorityTimes>,
}

pub use crate::domain::vocab::InterventionState;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InterventionRow {
    pub dispatched_at: DateTime<Utc>,
    pub on_site_at: Option<DateTime<Utc>>,
    pub ended_at: Option<DateTime<Utc>>,
    /// The request's number in the night it was received.
    pub request: u32,
    pub site: String,
    pub site_name: String,
    pub district: String,
    pub category: Category,
    pub priority: Priority,
    pub team: String,
    pub state: InterventionState,
    pub level: Option<ResponseLevel>,
    pub outcome: Option<Outcome>,
    /// Internal version only: the request's description and the intervention's note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ObservationRow {
    pub at: DateTime<Utc>,
    pub kind: ObservationKind,
    pub technical: bool,
    /// Site id and name ("" when placed in a district only).
    pub site: String,
    pub site_name: String,
    pub district: String,
    pub team: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A request at a commissioner's site (health categories left out, counted in `requests`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LandlordItem {
    pub received_at: DateTime<Utc>,
    pub request: u32,
    pub site: String,
    pub site_name: String,
    pub category: Category,
    pub priority: Priority,
    /// The last outcome, or how it closed without one (`relayed`, `dismissed`,
    /// `cancelled`), or `open`.
    pub outcome: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LandlordSection {
    pub id: String,
    pub name: String,
    pub is_city: bool,
    /// Requests received this night at its sites (health categories included).
    pub requests: u32,
    pub items: Vec<LandlordItem>,
    pub observations: Vec<ObservationRow>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HandoverNoteOut {
    pub situation: String,
    pub actions: String,
    pub needs: String,
    pub written_at: DateTime<Utc>,
}

/// The category counts as they go out: a health category counted fewer than
/// `HEALTH_THRESHOLD` times has no figure (`count` null, `fewer_than` the threshold).
pub fn health_suppressed<S: Serializer>(
    items: &[Count<Category>],
    s: S,
) -> Result<S::Ok, S::Error> {
    #[derive(Serialize)]
    struct Out<'a> {
        key: &'a Category,
        count: Option<u32>,
        #[serde(skip_serializing_if = "Option::is_none")]
        fewer_than: Option<u32>,
    }
    let t = super::redact::HEALTH_THRESHOLD;
    s.collect_seq(items.iter().map(|c| {
        let hidden = c.key.is_health() && c.count < t;
        Out {
            key: &c.key,
            count: (!hidden).then_some(c.count),
            fewer_than: hidden.then_some(t),
        }
    }))
}
