//! Reads a period report's facts from the store (one range of night records, the open
//! situations at the period's end, the few carried requests received before it), then
//! builds it.

use super::PeriodReport;
use super::build::build;
use super::input::Input;
use super::range::Period;
use super::scope::Who;
use crate::domain::calendar::ServiceNight;
use crate::domain::facts::RequestFact;
use crate::domain::facts::{NightFacts, OpenCases};
use crate::domain::ids::RequestId;
use crate::domain::reference::Territory;
use crate::store::{FactsView, Result, Store};
use std::collections::BTreeMap;

/// Where a period report reads: the whole store, or its facts on their own (a report
/// command does not need to open the journal's database when they are up to date).
pub trait FactsSource {
    fn territory(&self) -> &Territory;
    fn facts_between(
        &self,
        from: ServiceNight,
        to: ServiceNight,
    ) -> Result<Vec<(ServiceNight, NightFacts)>>;
    fn open_cases_at(&self, night: ServiceNight) -> Result<OpenCases>;
}

macro_rules! facts_source {
    ($t:ty) => {
        impl FactsSource for $t {
            fn territory(&self) -> &Territory {
                <$t>::territory(self)
            }
            fn facts_between(
                &self,
                from: ServiceNight,
                to: ServiceNight,
            ) -> Result<Vec<(ServiceNight, NightFacts)>> {
                <$t>::facts_between(self, from, to)
            }
            fn open_cases_at(&self, night: ServiceNight) -> Result<OpenCases> {
                <$t>::open_cases_at(self, night)
            }
        }
    };
}

facts_source!(Store);
facts_source!(FactsView);

/// The report of `period` for `who`, from the facts kept at commit time.
pub fn period_report(store: &dyn FactsSource, period: Period, who: &Who) -> Result<PeriodReport> {
    // Everything the trends read: the previous period, a year before, and 13 months back
    // with their year-before line.
    let series_start = period.month_start_back(12);
    let first = [
        period.previous().from,
        period.year_before().from,
        series_start
            .checked_sub_months(chrono::Months::new(12))
            .unwrap_or(series_start),
    ]
    .into_iter()
    .min()
    .unwrap_or(period.from);
    let facts: BTreeMap<ServiceNight, _> = store
        .facts_between(ServiceNight(first), period.last())?
        .into_iter()
        .collect();
    // Requests carried from before the first night read: their facts are in their night.
    let mut extra: BTreeMap<RequestId, RequestFact> = BTreeMap::new();
    let wanted = facts.values().flat_map(|f| {
        let i = f.interventions.iter().map(|i| (i.request_night, i.request));
        let c = f.clearances.iter().map(|c| (c.request_night, c.request));
        let r = f.relays.iter().map(|r| (r.request_night, r.request));
        i.chain(c).chain(r)
    });
    let missing: Vec<(ServiceNight, RequestId)> =
        wanted.filter(|(n, _)| !facts.contains_key(n)).collect();
    for (night, id) in missing {
        if extra.contains_key(&id) {
            continue;
        }
        for (_, f) in store.facts_between(night, night)? {
            if let Some(r) = f.requests.into_iter().find(|r| r.id == id) {
                extra.insert(id, r);
            }
        }
    }
    let open_cases = store.open_cases_at(period.last())?;
    Ok(build(&Input {
        territory: store.territory(),
        who,
        period,
        facts: &facts,
        extra: &extra,
        open_cases: &open_cases,
    }))
}
