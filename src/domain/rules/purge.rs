//! A retention purge: many personal records erased as one fact.

use crate::domain::decide::Ctx;
use crate::domain::event::Event;
use crate::domain::ids::PersonalId;
use crate::domain::refusal::Refusal;
use crate::domain::vocab::ErasureReason;

impl Ctx<'_> {
    pub(in crate::domain) fn purge_personal(
        &mut self,
        personal: &[PersonalId],
        reason: ErasureReason,
    ) -> Result<(), Refusal> {
        if personal.is_empty() {
            return Err(Refusal::NothingToPurge);
        }
        if let Some(id) = personal
            .iter()
            .find(|p| p.0 >= self.state.counters.personal)
        {
            return Err(Refusal::UnknownPersonal { id: *id });
        }
        let mut ids = personal.to_vec();
        ids.sort_unstable();
        ids.dedup();
        self.emit(Event::PersonalPurged {
            personal: ids,
            reason,
        });
        Ok(())
    }
}
