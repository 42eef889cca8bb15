//! The period's watch lifecycle (transmitted, acknowledged, resolved, median time to
//! resolution, the oldest still open) and its nights' plans (points planned and done,
//! early visits, time in active presence at the plan's points), from the nights' facts.

use super::input::Input;
use super::scope::Who;
use crate::domain::calendar::ServiceNight;
use crate::domain::facts::ObservationFact;
use crate::domain::watch::WatchEnding;
use crate::i18n::Lang;
use crate::report::tables::Table;
use chrono::DateTime;
use serde::{Deserialize, Serialize};

/// The lifecycle counts over the observations in scope, `None` when none is followed
/// (all recorded before the watch followed them).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Lifecycle {
    pub transmitted: Option<u32>,
    pub acknowledged: Option<u32>,
    pub resolved: Option<u32>,
    pub median_resolution_s: Option<i64>,
    pub oldest_open: Option<ServiceNight>,
}

pub fn lifecycle(seen: &[&ObservationFact]) -> Lifecycle {
    let followed: Vec<&&ObservationFact> = seen.iter().filter(|o| o.id.is_some()).collect();
    if followed.is_empty() {
        return Lifecycle::default();
    }
    let count = |f: &dyn Fn(&ObservationFact) -> bool| {
        Some(followed.iter().filter(|o| f(o)).count() as u32)
    };
    let resolved: Vec<i64> = followed
        .iter()
        .filter_map(|o| match o.settled {
            Some((at, WatchEnding::Resolved)) => Some(at - o.recorded),
            _ => None,
        })
        .collect();
    let oldest_open = followed
        .iter()
        .filter(|o| o.settled.is_none())
        .map(|o| o.recorded)
        .min()
        .and_then(|s| DateTime::from_timestamp(s, 0))
        .map(ServiceNight::of);
    Lifecycle {
        transmitted: count(&|o| o.transmitted.is_some()),
        acknowledged: count(&|o| o.acknowledged.is_some()),
        resolved: Some(resolved.len() as u32),
        median_resolution_s: crate::report::stats::stat(resolved).median_s,
        oldest_open,
    }
}

/// The nights' plans of the period (the service's report and the Département's).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanPeriod {
    pub planned: u32,
    pub done: u32,
    pub not_done: u32,
    pub early_planned: u32,
    pub early_done: u32,
    /// Seconds in active presence begun by a passage at a point of the plan.
    pub presence_s: i64,
}

/// `None` when no night of the period had a plan, or for a landlord's or the city's report
/// (plans are not kept by site).
pub fn plan(input: &Input) -> Option<PlanPeriod> {
    if !matches!(input.who, Who::Service | Who::Departement(_)) {
        return None;
    }
    let mut p = PlanPeriod::default();
    for (_, f) in input.nights(input.period.first(), input.period.last()) {
        let t = f.plan.tally;
        p.planned += t.planned;
        p.done += t.done;
        p.not_done += t.not_done();
        p.early_planned += t.early_planned;
        p.early_done += t.early_done;
        p.presence_s += f.plan.presence_s;
    }
    (p.planned > 0).then_some(p)
}

pub fn table(p: Option<&PlanPeriod>, l: Lang) -> Option<Table> {
    let p = p?;
    let mut t = Table::new(
        "plan",
        l.pick(
            "Feuille de route : points ciblés et visites de 19 h 30",
            "Night's plan: targeted points and 19:30 visits",
        ),
        &[l.pick("Indicateur", "Figure"), l.pick("Nombre", "Count")],
    );
    let hours = format!("{:.1}", p.presence_s as f64 / 3600.0);
    let hours = match l {
        Lang::Fr => hours.replace('.', ","),
        Lang::En => hours,
    };
    for (label, v) in [
        (
            l.pick("Points prévus", "Items planned"),
            p.planned.to_string(),
        ),
        (l.pick("Faits", "Done"), p.done.to_string()),
        (l.pick("Non faits", "Not done"), p.not_done.to_string()),
        (
            l.pick("Visites de 19 h 30 prévues", "19:30 visits planned"),
            p.early_planned.to_string(),
        ),
        (
            l.pick("Visites de 19 h 30 faites", "19:30 visits done"),
            p.early_done.to_string(),
        ),
        (
            l.pick(
                "Heures de présence active aux points ciblés",
                "Hours of active presence at targeted points",
            ),
            hours,
        ),
    ] {
        t.rows.push(vec![label.to_string(), v]);
    }
    Some(t)
}
