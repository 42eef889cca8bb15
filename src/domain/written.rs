//! What one commit wrote, as every console receives it: the envelopes, in order, and the
//! personal records they point at (a console writes its main courante lines from both).

use super::event::Envelope;
use super::personal::PersonalRecord;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Written {
    pub envelopes: Vec<Envelope>,
    #[serde(default)]
    pub personal: Vec<PersonalRecord>,
}

impl Written {
    pub fn is_empty(&self) -> bool {
        self.envelopes.is_empty()
    }

    /// Sequence of the last envelope written, if any.
    pub fn last_seq(&self) -> Option<u64> {
        self.envelopes.last().map(|e| e.seq)
    }

    pub fn extend(&mut self, more: Written) {
        self.envelopes.extend(more.envelopes);
        self.personal.extend(more.personal);
    }
}
