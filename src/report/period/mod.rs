//! The period report: what the service did over a month, a quarter, a year or any range of
//! service nights, for one commissioner or for the service itself, with trends against the
//! previous period and the same period a year before. Built from the nights' facts kept at
//! commit time (`domain::facts`), never from the events. The JSON output is this struct
//! (schema in docs/reports.md); Markdown, CSV and HTML draw the same tables.

mod build;
mod charts;
pub mod files;
pub mod html;
mod input;
mod load;
pub mod plan;
pub mod range;
mod scope;
mod sections;
pub mod tables;
mod trends;

pub use files::{Format, ReportFile, files};
pub use load::{FactsSource, period_report};
pub use range::Period;
pub use scope::Who;

use crate::domain::action::ActionKind;
use crate::domain::calendar::{HourBand, ServiceNight};
use crate::domain::vocab::{Category, ObservationKind, Outcome, Priority, ResponseLevel, Source};
use crate::report::night::{Count, PartnerCount, PlaceCount, Times, health_suppressed};
use serde::{Deserialize, Serialize};

/// Bumped when a field changes meaning or disappears (adding one does not).
pub const PERIOD_SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PeriodReport {
    pub schema_version: u32,
    pub commissioner: CommissionerOut,
    /// First and last service night of the period (inclusive).
    pub from: ServiceNight,
    pub to: ServiceNight,
    /// `2026-11`, `2026-Q4`, `2026`, or `2026-11-02..2026-11-20`.
    pub period: String,
    /// Nights worked (opened) in the period.
    pub nights: u32,
    pub totals: PeriodTotals,
    pub activity: Activity,
    pub watch: Watch,
    pub situations: Situations,
    pub actions: Actions,
    /// The early start (19:30–21:00): the Département's part.
    pub early: Early,
    pub trends: Trends,
    /// The nights' plans (the service's and the Département's reports; `null` otherwise
    /// or when no plan was recorded).
    #[serde(default)]
    pub plan: Option<plan::PlanPeriod>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommissionerOut {
    /// `service` for the service's own report.
    pub id: String,
    pub name: String,
    /// `service`, `city`, `landlord` or `departement`.
    pub kind: String,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeriodTotals {
    pub requests: u32,
    pub interventions: u32,
    pub observations: u32,
    pub actions: u32,
    /// Requests carried over into a night of the period (service's report only).
    pub carried_in: u32,
    /// How the period's requests stood at the end of its last night.
    pub cleared: u32,
    pub relayed: u32,
    pub dismissed: u32,
    pub cancelled: u32,
    /// Settled on the phone without a team.
    #[serde(default)]
    pub settled: u32,
    pub open: u32,
    /// Corrections recorded after their request's night (the report uses the last values).
    pub late_corrections: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteCount {
    pub id: String,
    pub name: String,
    pub district: String,
    pub count: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeatCell {
    /// 0 = Monday … 5 = Saturday (the night's evening).
    pub weekday: u32,
    pub band: HourBand,
    pub count: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Activity {
    #[serde(serialize_with = "health_suppressed")]
    pub by_category: Vec<Count<Category>>,
    pub by_district: Vec<PlaceCount>,
    /// The commissioner's own sites by name (health categories left out).
    pub by_site: Vec<SiteCount>,
    pub by_source: Vec<Count<Source>>,
    pub by_priority: Vec<Count<Priority>>,
    /// Requests by the night's weekday, 0 = Monday … 5 = Saturday.
    pub by_weekday: Vec<Count<u32>>,
    pub by_hour_band: Vec<Count<HourBand>>,
    pub heat: Vec<HeatCell>,
    pub interventions_by_district: Vec<PlaceCount>,
    pub levels: Vec<Count<ResponseLevel>>,
    pub outcomes: Vec<Count<Outcome>>,
    pub partners: Vec<PartnerCount>,
    pub times: Times,
    /// The whole territory's requests by district (the city's report).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub territory_by_district: Vec<PlaceCount>,
}

/// The watch. The lifecycle counts are over the observations followed by the watch
/// (`null` when the period has none: recorded before it followed them).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Watch {
    pub by_kind: Vec<Count<ObservationKind>>,
    pub by_commissioner: Vec<PlaceCount>,
    pub technical: u32,
    pub social: u32,
    pub transmitted: Option<u32>,
    pub acknowledged: Option<u32>,
    pub resolved: Option<u32>,
    pub median_resolution_s: Option<i64>,
    pub oldest_open: Option<ServiceNight>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecurringSite {
    pub id: String,
    pub name: String,
    pub district: String,
    /// Nights of the period with a request there, and the requests.
    pub nights: u32,
    pub requests: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Situations {
    pub opened: u32,
    pub closed: u32,
    /// Open at the close of the period's last night.
    pub still_open: u32,
    pub closed_by_level: Vec<Count<ResponseLevel>>,
    pub open_by_level: Vec<Count<ResponseLevel>>,
    /// Open with no step recorded yet.
    pub open_without_step: u32,
    pub recurring_sites: Vec<RecurringSite>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Actions {
    pub by_kind: Vec<Count<ActionKind>>,
    /// `id` "" for actions about the whole territory.
    pub by_district: Vec<PlaceCount>,
    /// Partners taking part, by number of actions.
    pub partners: Vec<PlaceCount>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Early {
    /// Nights worked with some activity in the early start.
    pub nights: u32,
    pub requests: u32,
    pub interventions: u32,
    /// Early visits planned in the night's plan: `null` until plans are recorded.
    pub planned_visits: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Trend {
    /// `nights`, `requests`, `interventions`, `observations`, `actions`, `situations_opened`.
    pub figure: String,
    pub value: u32,
    pub previous: u32,
    pub year_before: u32,
    /// Change in percent, one decimal; `null` when the other figure is 0.
    pub change_previous_pct: Option<f64>,
    pub change_year_before_pct: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthPoint {
    /// `YYYY-MM`.
    pub month: String,
    pub requests: u32,
    pub interventions: u32,
    pub observations: u32,
    /// The same month a year before.
    pub year_before_requests: u32,
    pub year_before_interventions: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Trends {
    pub previous_from: ServiceNight,
    pub previous_to: ServiceNight,
    pub year_before_from: ServiceNight,
    pub year_before_to: ServiceNight,
    pub headline: Vec<Trend>,
    /// The 13 months ending with the period's last month.
    pub monthly: Vec<MonthPoint>,
}
