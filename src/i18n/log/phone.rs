//! The lines of what the desk settles on the phone: a call settled without a team, a
//! callback asked for and made.

use super::Words;
use crate::domain::event::Event;
use crate::i18n::{dates, phone};

pub(super) fn describe(event: &Event, w: &Words) -> Option<String> {
    let (l, colon) = (w.l, w.colon);
    let request_word = l.pick("Sollicitation", "Request");
    Some(match event {
        Event::RequestSettled {
            request,
            outcome,
            partner,
            note,
        } => {
            let to = partner
                .as_ref()
                .map_or(String::new(), |p| format!(" ({})", w.partner(p)));
            format!(
                "{request_word} {} {}{colon} {}{to}{}",
                w.number(request),
                l.pick("réglée par téléphone", "settled by phone"),
                phone::phone_outcome(*outcome, l),
                w.text(note)
            )
        }
        Event::CallbackScheduled { request, due } => format!(
            "{request_word} {} — {} {}",
            w.number(request),
            l.pick("à rappeler à", "to call back at"),
            dates::clock(*due)
        ),
        Event::CallbackMade { request, outcome } => format!(
            "{request_word} {} — {}{colon} {}",
            w.number(request),
            l.pick("rappel fait", "called back"),
            phone::callback_outcome(*outcome, l)
        ),
        _ => return None,
    })
}
