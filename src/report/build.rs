//! Builds the night report from the night's events and the request views. Pure: the
//! loader (`load.rs`) reads the store, this only counts.
//!
//! What belongs to the night: the requests *received* in it (its events), counted once each
//! by category, district, landlord, source, priority and hour band; the interventions
//! *dispatched* in it; the outcomes, levels, relays and referrals of the clearances
//! recorded in it. A request received at 01:58 and cleared at 02:20 is the night's (the
//! night was still open, so its events belong to it) and falls in the 01–02 band, which is
//! read from the instant it was received.

pub(crate) mod sections;
mod trace;

use super::night::*;
use super::redact::{Notes, Redaction};
use super::stats::stat;
use crate::domain::calendar::HourBand;
use crate::domain::event::Envelope;
use crate::domain::ids::RequestId;
use crate::domain::reference::Territory;
use crate::domain::state::Request;
use crate::domain::views::NightRecord;
use crate::domain::vocab::{Category, Priority, Source};
use chrono::{DateTime, Utc};
use std::collections::BTreeMap;
use trace::Trace;

/// Everything the report is made of, already read.
pub struct Input<'a> {
    pub territory: &'a Territory,
    pub record: &'a NightRecord,
    /// The night's envelopes (others are ignored), any order.
    pub events: &'a [Envelope],
    /// Every request the events speak of, as last known.
    pub requests: &'a BTreeMap<RequestId, Request>,
    /// The requests the night before carried over to this one.
    pub carried_in: &'a [RequestId],
    pub notes: &'a Notes,
    pub redaction: Redaction,
}

/// How a request received this night stood at the end of the night's events.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Closure {
    Open,
    Cleared,
    Relayed,
    Dismissed,
    Cancelled,
    /// Settled on the phone without a team.
    Settled,
}

/// The band of the instant a request was received (shared with the period facts).
pub use crate::domain::facts::band;

fn counts<K: Copy + Eq>(all: &[K], values: impl Iterator<Item = K> + Clone) -> Vec<Count<K>> {
    all.iter()
        .map(|k| Count {
            key: *k,
            count: values.clone().filter(|v| v == k).count() as u32,
        })
        .collect()
}

const BANDS: [HourBand; 6] = [
    HourBand::H21,
    HourBand::H22,
    HourBand::H23,
    HourBand::H00,
    HourBand::H01,
    HourBand::Outside,
];

pub fn build(input: &Input) -> NightReport {
    let night = input.record.night;
    let t = input.territory;
    let mut events: Vec<&Envelope> = input.events.iter().filter(|e| e.night == night).collect();
    events.sort_by_key(|e| e.seq);

    let trace = Trace::of(&events);
    let received: Vec<&Request> = trace
        .received
        .iter()
        .filter_map(|id| input.requests.get(id))
        .collect();
    let ends: Vec<Closure> = received.iter().map(|r| trace.end(r.id)).collect();
    let ended = |c: Closure| ends.iter().filter(|x| **x == c).count() as u32;
    // Every request carried into the night, whatever happens to it there (and any other
    // request of an earlier night that the night's events speak of).
    let carried_in = trace
        .requests
        .keys()
        .chain(input.carried_in)
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .filter_map(|id| input.requests.get(id))
        .filter(|r| r.night < night)
        .count() as u32;

    let places = sections::Places::new(t);
    let dispatched = trace.interventions.len() as u32;
    let (interventions, withheld) = sections::interventions(&trace, input, &places);
    let observations = sections::observations(&events, input, &places);
    let observations_total = observations.len() as u32;
    let (landlords, district_observations) =
        sections::landlords(&received, &trace, observations, &places);

    NightReport {
        schema_version: REPORT_SCHEMA_VERSION,
        night,
        internal: input.redaction == Redaction::Internal,
        opened_at: input.record.opened_at,
        closed_at: input.record.closed_at,
        totals: Totals {
            requests: received.len() as u32,
            carried_in,
            interventions: dispatched,
            cleared: ended(Closure::Cleared),
            relayed: ended(Closure::Relayed),
            dismissed: ended(Closure::Dismissed),
            cancelled: ended(Closure::Cancelled),
            settled: ended(Closure::Settled),
            open: ended(Closure::Open),
            observations: observations_total,
        },
        by_category: counts(Category::ALL, received.iter().map(|r| r.category)),
        by_district: places.by_district(&received),
        by_landlord: places.by_landlord(&received),
        by_source: counts(Source::ALL, received.iter().map(|r| r.source)),
        by_priority: counts(Priority::ALL, received.iter().map(|r| r.priority)),
        by_hour_band: counts(&BANDS, received.iter().map(|r| band(night, r.received_at))),
        outcomes: sections::outcomes(&events),
        levels: sections::levels(&events),
        partners: sections::partners(&events, t),
        times: times(&received, &trace),
        interventions,
        interventions_withheld: withheld,
        landlords,
        district_observations,
        handover: input.record.handover.as_ref().map(|n| HandoverNoteOut {
            situation: input.notes.clean(&n.situation),
            actions: input.notes.clean(&n.actions),
            needs: input.notes.clean(&n.needs),
            written_at: n.written_at,
        }),
        plan: super::plan::summary(&events).named(t),
    }
}

/// The three stretches over the given requests, from this night's events. Durations are
/// differences of UTC instants, so a stretch across the autumn clock change is its real
/// length, not the wall clock's.
fn stretches<'r>(requests: impl Iterator<Item = &'r Request> + Clone, trace: &Trace) -> Stretches {
    let spans = |from: fn(&trace::RequestTrace) -> Option<DateTime<Utc>>,
                 to: fn(&trace::RequestTrace) -> Option<DateTime<Utc>>| {
        requests
            .clone()
            .filter_map(|r| {
                let t = trace.requests.get(&r.id)?;
                Some((to(t)? - from(t)?).num_seconds())
            })
            .collect()
    };
    Stretches {
        to_dispatch: stat(spans(|t| t.received, |t| t.dispatched)),
        to_on_site: stat(spans(|t| t.dispatched, |t| t.on_site)),
        total: stat(spans(|t| t.received, |t| t.on_site)),
    }
}

fn times(received: &[&Request], trace: &Trace) -> Times {
    Times {
        overall: stretches(received.iter().copied(), trace),
        by_priority: Priority::ALL
            .iter()
            .map(|p| PriorityTimes {
                priority: *p,
                stretches: stretches(received.iter().copied().filter(|r| r.priority == *p), trace),
            })
            .collect(),
    }
}
