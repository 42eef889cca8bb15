//! The requests' rules: receiving one (its personal record apart), correcting it, and
//! ending it without a visit (relayed, dismissed, cancelled).

use crate::domain::command::{Correction, NewRequest};
use crate::domain::decide::Ctx;
use crate::domain::event::Event;
use crate::domain::ids::RequestId;
use crate::domain::personal::{MAX_NAME, PersonalKind, clean_text, normalise_phone};
use crate::domain::refusal::Refusal;
use crate::domain::vocab::DismissReason;

impl Ctx<'_> {
    pub(in crate::domain) fn receive(&mut self, new: &NewRequest) -> Result<(), Refusal> {
        let number = self.night()?.received + 1;
        let free = self.free_address(new)?;
        if free.is_none() {
            self.site(&new.site)?;
            self.entrance(&new.site, new.entrance.as_deref())?;
        }
        let name = clean_text(new.caller_name.as_deref());
        if name.as_ref().is_some_and(|n| n.chars().count() > MAX_NAME) {
            return Err(Refusal::NameTooLong { max: MAX_NAME });
        }
        let callback = match clean_text(new.callback.as_deref()) {
            Some(raw) => Some(normalise_phone(&raw).ok_or(Refusal::InvalidPhone { input: raw })?),
            None => None,
        };
        let description = self.text(new.description.as_deref())?;
        let personal =
            if name.is_some() || callback.is_some() || description.is_some() || free.is_some() {
                let id = self.personal(PersonalKind::Request, name, callback, description);
                if let Some(p) = self.out.personal.last_mut() {
                    p.address = free.as_ref().map(|f| f.text.clone());
                }
                Some(id)
            } else {
                None
            };
        self.emit(Event::RequestReceived {
            request: RequestId(self.state.counters.request),
            number,
            source: new.source,
            site: new.site.clone(),
            category: new.category,
            priority: new.priority,
            personal,
            entrance: new.entrance.clone().filter(|_| free.is_none()),
            district: free.map(|f| f.district),
        });
        Ok(())
    }

    pub(in crate::domain) fn correct(&mut self, c: &Correction) -> Result<(), Refusal> {
        self.night()?;
        let r = self.request(c.request)?;
        let source = changed(c.source, r.source);
        let category = changed(c.category, r.category);
        let priority = changed(c.priority, r.priority);
        let site = c.site.clone().filter(|s| *s != r.site);
        if let Some(s) = &site {
            self.site(s)?;
        }
        let at = site.as_deref().unwrap_or(&r.site);
        self.entrance(at, c.entrance.as_deref())?;
        let entrance = c
            .entrance
            .clone()
            .filter(|e| Some(e) != r.entrance.as_ref());
        let nothing = source.is_none() && category.is_none() && priority.is_none();
        if nothing && site.is_none() && entrance.is_none() {
            return Err(Refusal::NothingToCorrect);
        }
        self.emit(Event::RequestCorrected {
            request: c.request,
            source,
            site,
            category,
            priority,
            entrance,
        });
        Ok(())
    }

    /// An open request with no team on it (a team must be recalled or clear first).
    pub(in crate::domain) fn unassigned_open(&self, request: RequestId) -> Result<(), Refusal> {
        self.night()?;
        let r = self.open_request(request)?;
        match &r.team {
            Some(team) => Err(Refusal::RequestHasTeam {
                request: r.number,
                team: team.clone(),
            }),
            None => Ok(()),
        }
    }

    pub(in crate::domain) fn relay(
        &mut self,
        request: RequestId,
        partner: &str,
        note: Option<&str>,
    ) -> Result<(), Refusal> {
        self.unassigned_open(request)?;
        self.partners(&[partner.to_string()])?;
        let note = self.note(PersonalKind::RelayNote, note)?;
        self.emit(Event::RequestRelayed {
            request,
            partner: partner.to_string(),
            note,
        });
        Ok(())
    }

    pub(in crate::domain) fn dismiss(
        &mut self,
        request: RequestId,
        reason: DismissReason,
    ) -> Result<(), Refusal> {
        self.unassigned_open(request)?;
        self.emit(Event::RequestDismissed { request, reason });
        Ok(())
    }

    pub(in crate::domain) fn cancel(&mut self, request: RequestId) -> Result<(), Refusal> {
        self.unassigned_open(request)?;
        self.emit(Event::RequestCancelled { request });
        Ok(())
    }
}

/// The new value of a corrected field, if it differs from the old one.
fn changed<T: PartialEq>(new: Option<T>, old: T) -> Option<T> {
    new.filter(|v| *v != old)
}
