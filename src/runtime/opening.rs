//! What the console starts from, read from the store: its state, the nights the handover
//! screen shows with their events, the main courante's lines, who coordinated last.

use super::desks::protocol::OpeningParts;
use crate::app::{LogLine, Opening};
use crate::domain::calendar::ServiceNight;
use crate::domain::event::Envelope;
use crate::domain::views::NightRecord;
use crate::i18n::notice::Notice;
use crate::i18n::{Lang, store::store_error};
use crate::report::StoreLookup;
use crate::store::{Result, Store};

/// The opening, and what could not be read (said in the footer: `vigie check` tells more).
pub fn opening(store: &Store, lang: Lang) -> (Opening, Option<Notice>) {
    match read(store, lang) {
        Ok(o) => (o.into_opening(), None),
        Err(e) => (
            empty(store).into_opening(),
            Some(Notice::Failed(store_error(&e, lang))),
        ),
    }
}

/// What a client console starts from, in its language (the state alone if the rest could
/// not be read: its `vigie check` tells more).
pub fn parts(store: &Store, lang: Lang) -> OpeningParts {
    read(store, lang).unwrap_or_else(|_| empty(store))
}

fn empty(store: &Store) -> OpeningParts {
    OpeningParts {
        state: store.state().clone(),
        nights: Vec::new(),
        log: Vec::new(),
        coordinator: None,
        fresh: store.last_seq() == 0,
        personal: Vec::new(),
    }
}

fn read(store: &Store, lang: Lang) -> Result<OpeningParts> {
    let state = store.state();
    let last = store.last_night()?;
    // The open night, else the one handed over last, else the latest: the handover shown.
    let shown = match state
        .open_night()
        .map(|n| n.night)
        .or(state.handover.as_ref().map(|h| h.night))
    {
        Some(n) => store.night(n)?,
        None => last.clone(),
    };
    let mut nights: Vec<(NightRecord, Vec<Envelope>)> = Vec::new();
    for record in [shown, last.clone()].into_iter().flatten() {
        if nights.iter().all(|(r, _)| r.night != record.night) {
            let events = store.night_events(&record)?;
            nights.push((record, events));
        }
    }
    // The main courante: the open night's, else the last night worked.
    let current: Option<ServiceNight> = state
        .open_night()
        .map(|n| n.night)
        .or(last.map(|r| r.night));
    let lookup = StoreLookup::new(store);
    let log = nights
        .iter()
        .filter(|(r, _)| Some(r.night) == current)
        .flat_map(|(_, events)| events.iter())
        .map(|env| {
            let l = LogLine::of(env, &lookup, lang);
            (l.seq, l.night, l.text)
        })
        .collect();
    // The callers of the requests on the desk, for the request detail.
    let mut personal = Vec::new();
    for id in state.requests.values().filter_map(|r| r.personal) {
        personal.extend(store.personal_record(id)?);
    }
    Ok(OpeningParts {
        personal,
        state: state.clone(),
        nights,
        log,
        coordinator: last_coordinator(store),
        fresh: store.last_seq() == 0,
    })
}

/// Who the console proposes when the night is opened: the one on duty, else whoever took
/// the last handover (the incoming coordinator), else who coordinated last.
fn last_coordinator(store: &Store) -> Option<String> {
    let state = store.state();
    if let Some(n) = state.open_night() {
        return Some(n.coordinator.clone());
    }
    if let Some(ack) = state
        .handover
        .as_ref()
        .and_then(|h| h.acknowledged.as_ref())
    {
        return Some(ack.coordinator.clone());
    }
    let record = store.last_worked_night().ok().flatten()?;
    record.coordinators.last().map(|(_, c)| c.clone())
}
