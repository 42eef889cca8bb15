//! A situation's lines: opened, a request linked, a step, its state, its follow-up.

use super::Words;
use crate::domain::event::Event;
use crate::i18n::vocab;

pub(super) fn describe(event: &Event, w: &Words) -> Option<String> {
    let (l, colon) = (w.l, w.colon);
    let case_word = l.pick("Situation", "Case");
    Some(match event {
        Event::CaseOpened {
            case,
            site,
            category,
        } => format!(
            "{case_word} {case} {}{colon} {}, {}",
            l.pick("ouverte", "opened"),
            vocab::category(*category, l),
            w.site(site)
        ),
        Event::CaseLinked { case, request } => format!(
            "{} {} {} {case}",
            l.pick("Sollicitation", "Request"),
            w.number(request),
            l.pick("liée à la situation", "linked to case")
        ),
        Event::CaseStepRecorded {
            case, level, note, ..
        } => format!(
            "{case_word} {case}{colon} {}{}",
            vocab::level(*level, l),
            w.text(note)
        ),
        Event::CaseStateChanged { case, state } => {
            format!("{case_word} {case}{colon} {}", vocab::case_state(*state, l))
        }
        Event::CaseFollowUpSet { case, date } => match date {
            Some(d) => format!(
                "{case_word} {case}{colon} {} {d}",
                l.pick("prochain suivi le", "next follow-up on")
            ),
            None => format!(
                "{case_word} {case}{colon} {}",
                l.pick("suivi annulé", "follow-up cleared")
            ),
        },
        _ => return None,
    })
}
