//! The night's lines: opened, the desk handed over, closed.

use super::Words;
use crate::domain::event::{Envelope, Event};
use crate::i18n::dates;

pub(super) fn describe(env: &Envelope, w: &Words) -> Option<String> {
    let l = w.l;
    Some(match &env.event {
        Event::NightOpened { coordinator: c, .. } => format!(
            "{} — {} {}",
            dates::night_title(env.night, l),
            l.pick("ouverte par", "opened by"),
            w.coordinator(c)
        ),
        Event::CoordinatorChanged { coordinator: c } => format!(
            "{} {}",
            l.pick("Relève : coordination par", "Handover: coordination by"),
            w.coordinator(c)
        ),
        Event::NightClosed { night } => format!(
            "{} — {}",
            dates::night_title(*night, l),
            l.pick("clôturée", "closed")
        ),
        _ => return None,
    })
}
