//! A property: over any range of nights, the period report (from the facts kept at commit
//! time) equals the sum of its nights' figures computed from the journal alone — requests
//! by their last corrected category, source and priority, dispatches, clearances, relays,
//! observations, nights worked — and, for what a night report counts the same way, the sum
//! of the night reports.

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use std::collections::BTreeMap;
use vigie::domain::calendar::ServiceNight;
use vigie::domain::event::{Envelope, Event};
use vigie::domain::ids::RequestId;
use vigie::domain::vocab::*;
use vigie::report::load::night_report;
use vigie::report::period::{Period, Who, period_report};
use vigie::report::redact::Redaction;
use vigie::store::Store;

/// Each request's last corrected category, source and priority.
type Last = BTreeMap<RequestId, (Category, Source, Priority)>;

/// What one night holds, from its envelopes.
#[derive(Default)]
struct Night {
    worked: bool,
    received: Vec<RequestId>,
    dispatched: u32,
    observations: u32,
    outcomes: BTreeMap<Outcome, u32>,
    levels: BTreeMap<ResponseLevel, u32>,
    relays: u32,
}

fn from_journal(envs: &[Envelope]) -> (BTreeMap<ServiceNight, Night>, Last) {
    let mut nights: BTreeMap<ServiceNight, Night> = BTreeMap::new();
    let mut last = BTreeMap::new();
    for e in envs {
        let n = nights.entry(e.night).or_default();
        match &e.event {
            Event::NightOpened { .. } => n.worked = true,
            Event::RequestReceived {
                request,
                category,
                source,
                priority,
                ..
            } => {
                n.received.push(*request);
                last.insert(*request, (*category, *source, *priority));
            }
            Event::RequestCorrected {
                request,
                category,
                source,
                priority,
                ..
            } => {
                if let Some(v) = last.get_mut(request) {
                    v.0 = category.unwrap_or(v.0);
                    v.1 = source.unwrap_or(v.1);
                    v.2 = priority.unwrap_or(v.2);
                }
            }
            Event::RequestAssigned { .. } => n.dispatched += 1,
            Event::ObservationRecorded { .. } => n.observations += 1,
            Event::InterventionCleared {
                outcome,
                level,
                relays,
                ..
            } => {
                *n.outcomes.entry(*outcome).or_default() += 1;
                *n.levels.entry(*level).or_default() += 1;
                n.relays += relays.len() as u32;
            }
            Event::RequestRelayed { .. } => n.relays += 1,
            _ => {}
        }
    }
    (nights, last)
}

#[test]
fn a_period_is_the_sum_of_its_nights() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut store = Store::open(
        &tmp.path().join("data"),
        vigie::territory::rennes().expect("Rennes"),
    )
    .expect("store");
    let list = vigie::demo::nights_until("2026-11-27".parse().expect("a night"), 26);
    vigie::demo::simulate(&mut store, &list, 7, |_| {}).expect("the demo runs");
    let envs: Vec<Envelope> = store
        .envelopes(1, store.last_seq())
        .collect::<Result<_, _>>()
        .expect("the journal reads");
    let (nights, last) = from_journal(&envs);
    let dates: Vec<ServiceNight> = nights.keys().copied().collect();
    let n = dates.len();
    let mut runner = TestRunner::new(Config::with_cases(48));
    runner
        .run(&(0..n, 0..n), |(a, b)| {
            let (a, b) = (a.min(b), a.max(b));
            let (from, to) = (dates[a], dates[b]);
            let p = Period::range(from.date(), to.date()).expect("a range");
            let r = period_report(&store, p, &Who::Service).expect("the report");
            let inside: Vec<&Night> = nights.range(from..=to).map(|(_, x)| x).collect();
            let received: Vec<RequestId> = inside
                .iter()
                .flat_map(|x| x.received.iter().copied())
                .collect();
            prop_assert_eq!(r.nights, inside.iter().filter(|x| x.worked).count() as u32);
            prop_assert_eq!(r.totals.requests, received.len() as u32);
            prop_assert_eq!(
                r.totals.interventions,
                inside.iter().map(|x| x.dispatched).sum::<u32>()
            );
            prop_assert_eq!(
                r.totals.observations,
                inside.iter().map(|x| x.observations).sum::<u32>()
            );
            for c in &r.activity.by_category {
                let want = received.iter().filter(|id| last[*id].0 == c.key).count() as u32;
                prop_assert_eq!(c.count, want, "{:?}", c.key);
            }
            for c in &r.activity.by_source {
                prop_assert_eq!(
                    c.count,
                    received.iter().filter(|id| last[*id].1 == c.key).count() as u32
                );
            }
            for c in &r.activity.by_priority {
                prop_assert_eq!(
                    c.count,
                    received.iter().filter(|id| last[*id].2 == c.key).count() as u32
                );
            }
            for c in &r.activity.outcomes {
                prop_assert_eq!(
                    c.count,
                    inside
                        .iter()
                        .map(|x| x.outcomes.get(&c.key).copied().unwrap_or(0))
                        .sum::<u32>()
                );
            }
            for c in &r.activity.levels {
                prop_assert_eq!(
                    c.count,
                    inside
                        .iter()
                        .map(|x| x.levels.get(&c.key).copied().unwrap_or(0))
                        .sum::<u32>()
                );
            }
            let relays: u32 = r.activity.partners.iter().map(|p| p.relays).sum();
            prop_assert_eq!(relays, inside.iter().map(|x| x.relays).sum::<u32>());
            // The night reports add up to the same requests, dispatches and observations.
            let (mut req, mut int, mut obs) = (0, 0, 0);
            for night in dates[a..=b].iter() {
                if let Some(nr) =
                    night_report(&store, *night, Redaction::Commissioner).expect("a night report")
                {
                    (req, int, obs) = (
                        req + nr.totals.requests,
                        int + nr.totals.interventions,
                        obs + nr.totals.observations,
                    );
                }
            }
            prop_assert_eq!(
                (
                    r.totals.requests,
                    r.totals.interventions,
                    r.totals.observations
                ),
                (req, int, obs)
            );
            Ok(())
        })
        .expect("the period equals the sum of its nights");
}
