//! The watch's lifecycle, the relays' follow-up and the night's plan, in the main courante.

use super::Words;
use crate::domain::event::{Envelope, Event};
use crate::i18n::watch;

pub(super) fn describe(env: &Envelope, w: &Words) -> Option<String> {
    let (l, colon) = (w.l, w.colon);
    Some(match &env.event {
        Event::ObservationRecorded { .. } => return super::notes::describe(&env.event, w),
        Event::ObservationTransmitted {
            observations,
            channel,
        } => {
            let ids: Vec<String> = observations.iter().map(|o| o.to_string()).collect();
            format!(
                "{} ({}){colon} {}",
                l.pick("Observations transmises", "Observations transmitted"),
                watch::channel(*channel, l),
                ids.join(", ")
            )
        }
        Event::ObservationAcknowledged {
            observation,
            answer,
        } => format!(
            "{} {observation} {}{}",
            l.pick("Observation", "Observation"),
            l.pick(
                "prise en compte par le commanditaire",
                "acknowledged by the commissioner"
            ),
            w.text(answer)
        ),
        Event::ObservationSettled {
            observation,
            ending,
        } => format!(
            "{} {observation}{colon} {}",
            l.pick("Observation", "Observation"),
            watch::status(ending.status(), l)
        ),
        Event::RelayFollowed {
            request,
            partner,
            step,
        } => format!(
            "{} {}{colon} {} ({} {})",
            l.pick("Relais", "Relay"),
            w.partner(partner),
            watch::relay_step(*step, l),
            l.pick("sollicitation", "request"),
            w.number(request)
        ),
        Event::PlanItemAdded {
            item,
            plan_kind,
            place,
            window,
            origin,
        } => format!(
            "{} {item}{colon} {} — {} {} ({})",
            l.pick("Feuille de route, point", "Night's plan, item"),
            watch::plan_kind(*plan_kind, l),
            watch::place(place, w.t),
            watch::window(window),
            watch::origin(origin, w.t, l)
        ),
        Event::PlanItemPassed { item, team } => format!(
            "{} {item}{colon} {} {team}",
            l.pick("Feuille de route, point", "Night's plan, item"),
            l.pick("passage de l'équipe", "passage of team")
        ),
        Event::PlanItemDropped { item } => format!(
            "{} {item} {}",
            l.pick("Feuille de route, point", "Night's plan, item"),
            l.pick("retiré", "dropped")
        ),
        _ => return None,
    })
}
