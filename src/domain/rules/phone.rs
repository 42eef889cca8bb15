//! The rules of what the desk settles on the phone: a call ended without a team, an
//! entrance of a site, and the residents' callbacks.

use crate::domain::decide::Ctx;
use crate::domain::event::Event;
use crate::domain::ids::RequestId;
use crate::domain::personal::PersonalKind;
use crate::domain::refusal::Refusal;
use crate::domain::vocab::{CallbackOutcome, PhoneOutcome};
use chrono::{DateTime, Duration, Utc};

/// A callback time this far in the past is taken as a slip of the keyboard.
const CALLBACK_SLACK_MINUTES: i64 = 5;

impl Ctx<'_> {
    /// An entrance named for a site must be one of its own.
    pub(in crate::domain) fn entrance(
        &self,
        site: &str,
        entrance: Option<&str>,
    ) -> Result<(), Refusal> {
        let Some(e) = entrance else {
            return Ok(());
        };
        let known = self.territory.site(site).map(|s| &s.entrances);
        if known.is_some_and(|all| all.iter().any(|x| x == e)) {
            Ok(())
        } else {
            Err(Refusal::UnknownEntrance {
                site: site.to_string(),
                entrance: e.to_string(),
            })
        }
    }

    pub(in crate::domain) fn settle(
        &mut self,
        request: RequestId,
        outcome: PhoneOutcome,
        partner: Option<&str>,
        note: Option<&str>,
    ) -> Result<(), Refusal> {
        self.unassigned_open(request)?;
        let partner = partner.map(str::to_string);
        match (&partner, outcome) {
            (None, PhoneOutcome::Oriented) => return Err(Refusal::ReferralMissing),
            (Some(p), _) => self.partners(std::slice::from_ref(p))?,
            (None, _) => {}
        }
        let note = self.note(PersonalKind::RelayNote, note)?;
        self.emit(Event::RequestSettled {
            request,
            outcome,
            partner,
            note,
        });
        Ok(())
    }

    /// Any request the desk still holds (open, or closed tonight) can be called back.
    pub(in crate::domain) fn schedule_callback(
        &mut self,
        request: RequestId,
        due: DateTime<Utc>,
    ) -> Result<(), Refusal> {
        self.night()?;
        self.request(request)?;
        if due < self.at - Duration::minutes(CALLBACK_SLACK_MINUTES) {
            return Err(Refusal::CallbackInPast);
        }
        self.emit(Event::CallbackScheduled { request, due });
        Ok(())
    }

    pub(in crate::domain) fn record_callback(
        &mut self,
        request: RequestId,
        outcome: CallbackOutcome,
    ) -> Result<(), Refusal> {
        self.night()?;
        let r = self.request(request)?;
        if r.pending_callback().is_none() {
            return Err(Refusal::NoCallbackDue { request: r.number });
        }
        self.emit(Event::CallbackMade { request, outcome });
        Ok(())
    }
}

impl Ctx<'_> {
    /// A place not in the list: its address (cleaned, not empty) and a known district.
    pub(in crate::domain) fn free_address(
        &self,
        new: &crate::domain::command::NewRequest,
    ) -> Result<Option<crate::domain::command::FreeAddress>, Refusal> {
        let Some(free) = &new.address else {
            return Ok(None);
        };
        let text =
            crate::domain::personal::clean_text(Some(&free.text)).ok_or(Refusal::EmptyText)?;
        if text.chars().count() > crate::domain::personal::MAX_NAME {
            return Err(Refusal::TextTooLong {
                max: crate::domain::personal::MAX_NAME,
            });
        }
        if self.territory.district(&free.district).is_none() {
            return Err(Refusal::UnknownDistrict {
                id: free.district.clone(),
            });
        }
        Ok(Some(crate::domain::command::FreeAddress {
            text,
            district: free.district.clone(),
        }))
    }
}
