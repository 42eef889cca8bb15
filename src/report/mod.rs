//! Builders over the domain for what Vigie prints: the handover, the night report (pure
//! builder + Markdown, CSV and JSON renderers, see docs/reports.md), and the lookups the log
//! needs.

pub mod build;
pub mod callbacks;
pub mod csv;
pub mod desk;
pub mod desk_text;
pub mod handover;
pub mod handover_text;
pub mod json;
pub mod load;
pub mod markdown;
pub mod night;
pub mod period;
pub mod plan;
pub mod redact;
pub mod stats;
pub mod tables;

use crate::domain::ids::{PersonalId, RequestId};
use crate::domain::personal::PersonalRecord;
use crate::domain::reference::Territory;
use crate::i18n::log::Lookup;
use crate::store::Store;

/// Names and personal records read from the store, for log lines.
pub struct StoreLookup<'a> {
    store: &'a Store,
}

impl<'a> StoreLookup<'a> {
    pub fn new(store: &'a Store) -> Self {
        StoreLookup { store }
    }
}

impl Lookup for StoreLookup<'_> {
    fn territory(&self) -> &Territory {
        self.store.territory()
    }
    fn request_number(&self, id: RequestId) -> Option<u32> {
        match self.store.state().requests.get(&id) {
            Some(r) => Some(r.number),
            None => self.store.request(id).ok().flatten().map(|r| r.number),
        }
    }
    fn personal(&self, id: PersonalId) -> Option<PersonalRecord> {
        self.store.personal_record(id).ok().flatten()
    }
}
