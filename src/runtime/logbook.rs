//! Main courante lines for the console, read from the store and written in the UI language.

use crate::app::LogLine;
use crate::domain::event::Envelope;
use crate::domain::views::NightRecord;
use crate::i18n::{Lang, log};
use crate::report::StoreLookup;
use crate::store::Store;

/// Lines of the given envelopes (just written, or read back).
pub fn lines(store: &Store, envelopes: &[Envelope], lang: Lang) -> Vec<LogLine> {
    let lookup = StoreLookup::new(store);
    envelopes
        .iter()
        .map(|env| LogLine {
            seq: env.seq,
            night: env.night,
            text: log::line(env, &lookup, lang),
        })
        .collect()
}

/// The courante of the open night, or else of the last night worked. A line that cannot
/// be read is skipped: the console must open; `vigie check` tells what is damaged.
pub fn current_night(store: &Store, lang: Lang) -> Vec<LogLine> {
    let night = match store.state().open_night() {
        Some(n) => store.night(n.night).ok().flatten(),
        None => store.last_night().ok().flatten(),
    };
    let Some(record) = night else {
        return Vec::new();
    };
    let envelopes: Vec<Envelope> = store
        .envelopes(record.first_seq, record.last_seq)
        .filter_map(Result::ok)
        .filter(|e| e.night == record.night)
        .collect();
    lines(store, &envelopes, lang)
}

/// The night whose handover the console shows: the open one, else the last handed over,
/// else the last recorded; with its events.
pub fn handover_source(store: &Store) -> Option<Box<(NightRecord, Vec<Envelope>)>> {
    let state = store.state();
    let night = state
        .open_night()
        .map(|n| n.night)
        .or(state.handover.as_ref().map(|h| h.night));
    let record = match night {
        Some(n) => store.night(n).ok().flatten(),
        None => store.last_night().ok().flatten(),
    }?;
    let events: Vec<Envelope> = store
        .envelopes(record.first_seq, record.last_seq)
        .filter_map(Result::ok)
        .filter(|e| e.night == record.night)
        .collect();
    Some(Box::new((record, events)))
}

/// Who coordinated last: the console proposes them when the night is opened.
pub fn last_coordinator(store: &Store) -> Option<String> {
    if let Some(n) = store.state().open_night() {
        return Some(n.coordinator.clone());
    }
    let record = store.last_night().ok().flatten()?;
    record.coordinators.last().map(|(_, c)| c.clone())
}
