//! Reads what a night report is made of from the store, then builds it. The only part of
//! the night report that touches the store. Personal records are read for the requests'
//! callers' names (to mask them in any text) and, in the internal version, for the notes;
//! only their text is kept (see redact.rs).

use super::build::{Input, build};
use super::night::NightReport;
use super::redact::{Notes, Redaction};
use crate::domain::calendar::ServiceNight;
use crate::domain::event::{Envelope, Event};
use crate::domain::ids::RequestId;
use crate::domain::state::Request;
use crate::store::{Result, Store};
use std::collections::{BTreeMap, BTreeSet};

/// The report of `night`, or `None` if the store has nothing for that night.
pub fn night_report(
    store: &Store,
    night: ServiceNight,
    redaction: Redaction,
) -> Result<Option<NightReport>> {
    let Some(record) = store.night(night)? else {
        return Ok(None);
    };
    let events = store.night_events(&record)?;
    // Carried in: what the night before handed over, whatever happens to it tonight.
    let carried_in: Vec<RequestId> = match store.opened_night_before(night)? {
        Some(before) if record.opened_at.is_some() => before.carried_over,
        _ => Vec::new(),
    };
    let mut requests: BTreeMap<RequestId, Request> = BTreeMap::new();
    let ids = events.iter().filter_map(|e| request_of(&e.event));
    for id in carried_in.iter().copied().chain(ids) {
        if requests.contains_key(&id) {
            continue;
        }
        if let Some(r) = store.request(id)? {
            let r = as_of(store, r, &events, night)?;
            requests.insert(id, r);
        }
    }
    let mut refs: BTreeSet<_> = requests.values().filter_map(|r| r.personal).collect();
    if redaction == Redaction::Internal {
        refs.extend(events.iter().flat_map(|e| e.event.personal_refs()));
    }
    let mut records = Vec::new();
    for id in refs {
        if let Some(rec) = store.personal_record(id)? {
            records.push(rec);
        }
    }
    let notes = Notes::from_records(&records, redaction);
    Ok(Some(build(&Input {
        territory: store.territory(),
        record: &record,
        events: &events,
        requests: &requests,
        carried_in: &carried_in,
        notes: &notes,
        redaction,
    })))
}

/// The request as it stood at the end of `night`: its received values with the corrections
/// recorded up to that night, never a later one (a night's report does not change after
/// the night). `events` are `night`'s; earlier nights are read for a carried request.
fn as_of(
    store: &Store,
    mut r: Request,
    events: &[Envelope],
    night: ServiceNight,
) -> Result<Request> {
    if r.corrections == 0 {
        return Ok(r);
    }
    let mut earlier = Vec::new();
    for rec in store.nights_between(r.night, night)? {
        if rec.night < night {
            earlier.extend(store.night_events(&rec)?);
        }
    }
    for e in earlier.iter().chain(events).filter(|e| e.night <= night) {
        match &e.event {
            Event::RequestReceived {
                request,
                source,
                site,
                category,
                priority,
                ..
            } if *request == r.id => {
                (r.source, r.site) = (*source, site.clone());
                (r.category, r.priority) = (*category, *priority);
            }
            Event::RequestCorrected {
                request,
                source,
                site,
                category,
                priority,
                ..
            } if *request == r.id => {
                r.source = source.unwrap_or(r.source);
                r.site = site.clone().unwrap_or(r.site);
                r.category = category.unwrap_or(r.category);
                r.priority = priority.unwrap_or(r.priority);
            }
            _ => {}
        }
    }
    Ok(r)
}

fn request_of(event: &Event) -> Option<RequestId> {
    use crate::domain::event::Event as E;
    match event {
        E::RequestReceived { request, .. }
        | E::RequestCorrected { request, .. }
        | E::RequestAssigned { request, .. }
        | E::TeamArrived { request, .. }
        | E::TeamRecalled { request, .. }
        | E::InterventionCleared { request, .. }
        | E::RequestRelayed { request, .. }
        | E::RequestDismissed { request, .. }
        | E::RequestCancelled { request }
        | E::RequestSettled { request, .. }
        | E::CallbackScheduled { request, .. }
        | E::CallbackMade { request, .. }
        | E::RequestCarriedOver { request }
        | E::CaseLinked { request, .. } => Some(*request),
        _ => None,
    }
}

/// The last night that was closed, else the last night recorded (read from the end).
pub fn default_night(store: &Store) -> Result<Option<ServiceNight>> {
    store.last_closed_night()
}

/// Up to `k` recorded nights before and after `night`, in order (for a night not found).
pub fn nearby_nights(store: &Store, night: ServiceNight, k: usize) -> Result<Vec<ServiceNight>> {
    let all: Vec<ServiceNight> = store
        .nights()
        .map(|n| n.map(|n| n.night))
        .collect::<Result<_>>()?;
    let split = all.partition_point(|n| *n < night);
    let from = split.saturating_sub(k);
    let to = (split + k).min(all.len());
    Ok(all[from..to].to_vec())
}
