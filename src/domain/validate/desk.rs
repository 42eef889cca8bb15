//! Import checks for what the desk works on the phone and at intake: a site's entrance,
//! a call settled without a team, a resident's callback.

use super::{Check, Earlier, earlier, known, partners};
use crate::domain::event::Event;
use crate::domain::reference::Territory;
use crate::domain::vocab::PhoneOutcome;

fn entrance(t: &Territory, site: &str, entrance: Option<&str>) -> Check {
    let Some(e) = entrance else {
        return Ok(());
    };
    let ok = t
        .site(site)
        .is_some_and(|s| s.entrances.iter().any(|x| x == e));
    known(ok, "entrance", e)
}

pub(super) fn desk_event(e: &Earlier, t: &Territory, event: &Event) -> Check {
    match event {
        Event::RequestReceived {
            site, entrance: h, ..
        } => entrance(t, site, h.as_deref()),
        Event::RequestCorrected {
            request,
            site,
            entrance: h,
            ..
        } => {
            let current = e.0.requests.get(request).map(|r| r.site.as_str());
            match site.as_deref().or(current) {
                Some(s) => entrance(t, s, h.as_deref()),
                None => Ok(()),
            }
        }
        Event::RequestSettled {
            request,
            outcome,
            partner,
            ..
        } => {
            e.request(*request)?;
            let p: &[String] = partner.as_slice();
            partners(t, p)?;
            // Oriented means oriented to someone.
            known(
                partner.is_some() || *outcome != PhoneOutcome::Oriented,
                "partner",
                "",
            )
        }
        Event::CallbackScheduled { request, .. } => {
            e.open()?;
            e.request(*request)
        }
        Event::CallbackMade { request, .. } => {
            e.open()?;
            e.request(*request)?;
            let due = e.0.requests.get(request).and_then(|r| r.pending_callback());
            earlier(due.is_some(), "callback", request.0)
        }
        _ => Ok(()),
    }
}
