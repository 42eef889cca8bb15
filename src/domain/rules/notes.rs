//! The rules of what is written down: a free log entry, an observation for the watch, and
//! the erasure of a personal record.

use crate::domain::command::NewObservation;
use crate::domain::decide::Ctx;
use crate::domain::event::Event;
use crate::domain::ids::PersonalId;
use crate::domain::personal::PersonalKind;
use crate::domain::refusal::Refusal;
use crate::domain::vocab::{ErasureReason, Position};

impl Ctx<'_> {
    pub(in crate::domain) fn add_log_entry(&mut self, text: &str) -> Result<(), Refusal> {
        self.night()?;
        let text = self.text(Some(text))?.ok_or(Refusal::EmptyText)?;
        let personal = self.personal(PersonalKind::LogEntry, None, None, Some(text));
        self.emit(Event::LogEntryAdded { personal });
        Ok(())
    }

    pub(in crate::domain) fn observe(&mut self, o: &NewObservation) -> Result<(), Refusal> {
        self.night()?;
        if o.site.is_none() && o.district.is_none() {
            return Err(Refusal::ObservationWithoutPlace);
        }
        if let Some(s) = &o.site {
            self.site(s)?;
        }
        if let Some(d) = &o.district {
            self.position(&Position::District(d.clone()))?;
        }
        if let Some(t) = &o.team {
            self.team(t)?;
        }
        let (entrance, address) = self.observation_place(o)?;
        if let Some(r) = o.request {
            self.request(r)?;
        }
        let note = self.note(PersonalKind::ObservationNote, o.note.as_deref())?;
        self.emit(Event::ObservationRecorded {
            observation: o.kind,
            site: o.site.clone(),
            district: o.district.clone(),
            team: o.team.clone(),
            note,
            id: Some(self.next_observation()),
            entrance,
            address,
            request: o.request,
            commissioner: Some(crate::domain::watch::route(
                self.territory,
                o.site.as_deref(),
            )),
        });
        Ok(())
    }

    pub(in crate::domain) fn erase_personal(
        &mut self,
        personal: PersonalId,
        reason: ErasureReason,
    ) -> Result<(), Refusal> {
        if personal.0 >= self.state.counters.personal {
            return Err(Refusal::UnknownPersonal { id: personal });
        }
        self.emit(Event::PersonalErased { personal, reason });
        Ok(())
    }
}
