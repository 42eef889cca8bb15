//! The rule of an action beyond calls: its place and partners must be known.

use crate::domain::action::{ActionPlace, NewAction};
use crate::domain::decide::Ctx;
use crate::domain::event::Event;
use crate::domain::personal::PersonalKind;
use crate::domain::refusal::Refusal;
use crate::domain::vocab::Position;

impl Ctx<'_> {
    /// Needs no open night: meetings happen by day. Place and partners must be known.
    pub(crate) fn record_action(&mut self, a: &NewAction) -> Result<(), Refusal> {
        match &a.place {
            ActionPlace::Territory => {}
            ActionPlace::District(d) => self.position(&Position::District(d.clone()))?,
            ActionPlace::Site(s) => self.site(s)?,
        }
        self.partners(&a.partners)?;
        let note = self.note(PersonalKind::ActionNote, a.note.as_deref())?;
        self.emit(Event::ActionRecorded {
            date: a.date,
            action_kind: a.kind,
            place: a.place.clone(),
            partners: a.partners.clone(),
            note,
        });
        Ok(())
    }
}
