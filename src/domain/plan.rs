//! The night's plan (feuille de route): targeted points (a site or a district) with a time
//! window, and the early visits (from 19:30) to residents of social structures. Items come
//! from the standing plan of the weekday (the territory's `plan.toml`, added when the night
//! opens), from a landlord's order, or from the coordinator. A passage is recorded with its
//! time; at the close the handover and the night report say what was planned, done, not done.

use super::calendar::ServiceNight;
use super::ids::PlanItemId;
use chrono::{DateTime, NaiveTime, Utc, Weekday};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlanKind {
    /// Active presence at a targeted point.
    TargetedPoint,
    /// An early visit (19:30–21:00) to residents of a social structure (the Département's).
    EarlyVisit,
}

/// Where the item is.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(tag = "at", content = "id", rename_all = "snake_case")]
pub enum PlanPlace {
    Site(String),
    District(String),
}

/// Who asked for the item.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "by", content = "id", rename_all = "snake_case")]
pub enum PlanOrigin {
    /// The standing plan of the weekday (territory files).
    Standing,
    /// A commissioner's order (a landlord or the city), by its id.
    Order(String),
    /// The coordinator's own addition.
    Coordinator,
}

/// A local (Europe/Paris) time window; `to` may be past midnight (`to < from`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Window {
    pub from: NaiveTime,
    pub to: NaiveTime,
}

impl Window {
    /// Minutes from the night's 12:00 anchor, so that 01:00 sorts after 23:00.
    pub fn sort_key(&self) -> u32 {
        night_minutes(self.from)
    }

    pub fn is_empty(&self) -> bool {
        night_minutes(self.to) <= night_minutes(self.from)
    }
}

/// Minutes after noon, wrapping: a night's times in order (19:30 < 23:00 < 01:30).
pub fn night_minutes(t: NaiveTime) -> u32 {
    use chrono::Timelike;
    let m = t.hour() * 60 + t.minute();
    (m + 24 * 60 - 12 * 60) % (24 * 60)
}

/// The night minutes (see [`night_minutes`]) of an instant, in Europe/Paris.
pub fn minutes_at(at: DateTime<Utc>) -> u32 {
    night_minutes(at.with_timezone(&super::calendar::TZ).time())
}

/// An item of the standing plan (territory files): the weekdays it applies to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StandingItem {
    pub days: Vec<Weekday>,
    pub kind: PlanKind,
    pub place: PlanPlace,
    pub window: Window,
}

/// What is added to a night's plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewPlanItem {
    pub kind: PlanKind,
    pub place: PlanPlace,
    pub window: Window,
    pub origin: PlanOrigin,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum PlanCommand {
    /// The weekday's standing items (territory files), once a night: sent with its opening.
    AdoptStanding,
    Add(NewPlanItem),
    /// A team passed at the item's place (at the command's time).
    Pass {
        item: PlanItemId,
        team: String,
    },
    /// Taken off tonight's plan (the point is not to be visited after all).
    Drop {
        item: PlanItemId,
    },
}

/// A passage of a team at a plan item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Passage {
    pub at: DateTime<Utc>,
    pub team: String,
}

/// An item of the current night's plan, with its passages.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanItem {
    pub id: PlanItemId,
    pub night: ServiceNight,
    pub kind: PlanKind,
    pub place: PlanPlace,
    pub window: Window,
    pub origin: PlanOrigin,
    #[serde(default)]
    pub passages: Vec<Passage>,
    #[serde(default)]
    pub dropped: bool,
}

impl PlanItem {
    pub fn done(&self) -> bool {
        !self.passages.is_empty()
    }
}

/// Where a plan stands: planned (not dropped), done, not done.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PlanTally {
    pub planned: u32,
    pub done: u32,
    pub early_planned: u32,
    pub early_done: u32,
}

impl PlanTally {
    pub fn of<'a>(items: impl IntoIterator<Item = &'a PlanItem>) -> PlanTally {
        let mut t = PlanTally::default();
        for i in items.into_iter().filter(|i| !i.dropped) {
            t.planned += 1;
            t.done += u32::from(i.done());
            if i.kind == PlanKind::EarlyVisit {
                t.early_planned += 1;
                t.early_done += u32::from(i.done());
            }
        }
        t
    }

    pub fn not_done(&self) -> u32 {
        self.planned - self.done
    }
}
