//! Reads what a night report is made of from the store, then builds it. The only part of
//! the report that touches the store; personal records are read only for the internal
//! version, and only their text is kept (see redact.rs).

use super::build::{Input, build};
use super::night::NightReport;
use super::redact::{Notes, Redaction};
use crate::domain::calendar::ServiceNight;
use crate::domain::ids::RequestId;
use crate::domain::state::Request;
use crate::store::{Result, Store};
use std::collections::BTreeMap;

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
    let mut requests: BTreeMap<RequestId, Request> = BTreeMap::new();
    for id in events.iter().filter_map(|e| request_of(&e.event)) {
        if requests.contains_key(&id) {
            continue;
        }
        if let Some(r) = store.request(id)? {
            requests.insert(id, r);
        }
    }
    let mut records = Vec::new();
    if redaction == Redaction::Internal {
        let refs = events.iter().flat_map(|e| e.event.personal_refs());
        for id in refs.collect::<std::collections::BTreeSet<_>>() {
            if let Some(rec) = store.personal_record(id)? {
                records.push(rec);
            }
        }
    }
    let notes = Notes::from_records(&records, redaction);
    Ok(Some(build(&Input {
        territory: store.territory(),
        record: &record,
        events: &events,
        requests: &requests,
        notes: &notes,
        redaction,
    })))
}

fn request_of(event: &crate::domain::event::Event) -> Option<RequestId> {
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
        | E::RequestCarriedOver { request }
        | E::CaseLinked { request, .. } => Some(*request),
        _ => None,
    }
}

/// The last night that was closed, else the last night recorded.
pub fn default_night(store: &Store) -> Result<Option<ServiceNight>> {
    let mut last = None;
    let mut last_closed = None;
    for n in store.nights() {
        let n = n?;
        last = Some(n.night);
        if n.closed_at.is_some() {
            last_closed = Some(n.night);
        }
    }
    Ok(last_closed.or(last))
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
