//! What the words of an event need beyond the event: names and personal records.

use crate::domain::ids::{PersonalId, RequestId};
use crate::domain::personal::PersonalRecord;
use crate::domain::reference::Territory;

/// What a log line needs beyond the event: names and personal records.
pub trait Lookup {
    fn territory(&self) -> &Territory;
    fn request_number(&self, id: RequestId) -> Option<u32>;
    fn personal(&self, id: PersonalId) -> Option<PersonalRecord>;
}
