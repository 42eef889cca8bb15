//! Builds the period report from the nights' facts. Pure: `load.rs` reads the store.
//!
//! Every figure is over the facts in the report's scope (scope.rs): requests by the night
//! they were received in, with their last corrected values; interventions by the night they
//! were dispatched in; clearances and relays by the night they were recorded in. Response
//! times are those of the night reports (both ends in the request's own night), pooled over
//! the period before taking the median and the 90th percentile (nearest rank).

use super::input::{BANDS, Input, counts};
use super::*;
use crate::domain::calendar::ServiceNight;
use crate::domain::facts::{Ending, RequestFact};
use crate::report::night::{PriorityTimes, Stretches};
use crate::report::stats::stat;
use chrono::Datelike;

pub fn build(input: &Input) -> PeriodReport {
    let (from, to) = (input.period.first(), input.period.last());
    let requests = input.requests(from, to);
    let head = sections::headline(input, from, to);
    PeriodReport {
        schema_version: PERIOD_SCHEMA_VERSION,
        commissioner: input.who.out(input.territory),
        from,
        to,
        period: input.period.label(),
        nights: head.nights,
        totals: totals(input, &requests, &head),
        activity: activity(input, &requests),
        watch: sections::watch(input),
        situations: sections::situations(input, &requests),
        actions: sections::actions(input),
        early: sections::early(input),
        trends: super::trends::trends(input, &head),
        plan: super::plan::plan(input),
    }
}

fn totals(
    input: &Input,
    requests: &[(ServiceNight, &RequestFact)],
    head: &sections::Head,
) -> PeriodTotals {
    let to = input.period.last();
    let ended = |how: Ending| {
        requests
            .iter()
            .filter(|(_, r)| matches!(r.ended, Some((n, h)) if n <= to && h == how))
            .count() as u32
    };
    let closed = [
        Ending::Cleared,
        Ending::Relayed,
        Ending::Dismissed,
        Ending::Cancelled,
        Ending::Settled,
    ];
    let open = requests.len() as u32 - closed.iter().map(|h| ended(*h)).sum::<u32>();
    let carried_in = match input.who {
        Who::Service => input
            .nights(input.period.first(), to)
            .map(|(_, f)| f.carried_in)
            .sum(),
        _ => 0,
    };
    PeriodTotals {
        requests: head.requests,
        interventions: head.interventions,
        observations: head.observations,
        actions: head.actions,
        carried_in,
        cleared: ended(Ending::Cleared),
        relayed: ended(Ending::Relayed),
        dismissed: ended(Ending::Dismissed),
        cancelled: ended(Ending::Cancelled),
        settled: ended(Ending::Settled),
        open,
        late_corrections: requests.iter().map(|(_, r)| r.late_corrections).sum(),
    }
}

fn activity(input: &Input, requests: &[(ServiceNight, &RequestFact)]) -> Activity {
    let (from, to) = (input.period.first(), input.period.last());
    let weekday = |n: &ServiceNight| n.date().weekday().num_days_from_monday();
    let mut heat = Vec::new();
    for w in 0..6 {
        for b in BANDS {
            let count = requests
                .iter()
                .filter(|(n, r)| weekday(n) == w && r.band == b)
                .count() as u32;
            heat.push(HeatCell {
                weekday: w,
                band: b,
                count,
            });
        }
    }
    let interventions = sections::interventions(input, from, to);
    let (levels, outcomes, partners) = sections::clearances(input, from, to);
    Activity {
        by_category: counts(Category::ALL, requests.iter().map(|(_, r)| r.category)),
        by_district: input.by_district(requests.iter().map(|(_, r)| input.request_district(r))),
        by_site: sections::by_site(input, requests),
        by_source: counts(Source::ALL, requests.iter().map(|(_, r)| r.source)),
        by_priority: counts(Priority::ALL, requests.iter().map(|(_, r)| r.priority)),
        by_weekday: counts(
            &[0, 1, 2, 3, 4, 5],
            requests.iter().map(|(n, _)| weekday(n)),
        ),
        by_hour_band: counts(&BANDS, requests.iter().map(|(_, r)| r.band)),
        heat,
        interventions_by_district: input
            .by_district(interventions.iter().map(|r| input.request_district(r))),
        levels,
        outcomes,
        partners,
        times: times(requests),
        territory_by_district: match input.who {
            Who::City(_) => input.by_district(
                input
                    .nights(from, to)
                    .flat_map(|(_, f)| f.requests.iter())
                    .map(|r| input.request_district(r)),
            ),
            _ => Vec::new(),
        },
    }
}

fn stretches<'r>(requests: impl Iterator<Item = &'r RequestFact> + Clone) -> Stretches {
    let spans = |from: fn(&RequestFact) -> Option<i64>, to: fn(&RequestFact) -> Option<i64>| {
        requests
            .clone()
            .filter_map(|r| Some(to(r)? - from(r)?))
            .collect()
    };
    Stretches {
        to_dispatch: stat(spans(|r| Some(r.received), |r| r.dispatched)),
        to_on_site: stat(spans(|r| r.dispatched, |r| r.on_site)),
        total: stat(spans(|r| Some(r.received), |r| r.on_site)),
    }
}

fn times(requests: &[(ServiceNight, &RequestFact)]) -> Times {
    let all = requests.iter().map(|(_, r)| *r);
    Times {
        overall: stretches(all.clone()),
        by_priority: Priority::ALL
            .iter()
            .map(|p| PriorityTimes {
                priority: *p,
                stretches: stretches(all.clone().filter(|r| r.priority == *p)),
            })
            .collect(),
    }
}
