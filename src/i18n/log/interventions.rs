//! A team's visit to a request: sent, on site, recalled, cleared with its outcome.

use super::Words;
use crate::domain::event::Event;
use crate::i18n::vocab;

pub(super) fn describe(event: &Event, w: &Words) -> Option<String> {
    let (l, colon) = (w.l, w.colon);
    let team_word = l.pick("Équipe", "Team");
    Some(match event {
        Event::RequestAssigned { request, team, .. } => format!(
            "{team_word} {team} {} {} — {}",
            l.pick("affectée à la sollicitation", "assigned to request"),
            w.number(request),
            l.pick("en route", "en route")
        ),
        Event::TeamArrived { team, request, .. } => format!(
            "{team_word} {team} {} ({} {})",
            l.pick("sur place", "on site"),
            l.pick("sollicitation", "request"),
            w.number(request)
        ),
        Event::TeamRecalled { team, request, .. } => format!(
            "{team_word} {team} {} {} — {}",
            l.pick("rappelée de la sollicitation", "recalled from request"),
            w.number(request),
            l.pick(
                "la sollicitation attend de nouveau",
                "the request waits again"
            )
        ),
        Event::InterventionCleared {
            request,
            team,
            level,
            outcome,
            relays,
            referrals,
            note,
            ..
        } => {
            let mut s = format!(
                "{} {} {} {team}{colon} {} — {}",
                l.pick("Sollicitation", "Request"),
                w.number(request),
                l.pick("clôturée par l'équipe", "cleared by team"),
                vocab::outcome(*outcome, l),
                vocab::level(*level, l)
            );
            if !relays.is_empty() {
                let label = l.pick("relais :", "relays:");
                s.push_str(&format!(" — {label} {}", w.partners(relays)));
            }
            if !referrals.is_empty() {
                let label = l.pick("orientation :", "referred to:");
                s.push_str(&format!(" — {label} {}", w.partners(referrals)));
            }
            s + &w.text(note)
        }
        _ => return None,
    })
}
