//! What the footer says about the watch, the relays and the night's plan: read from what a
//! commit wrote, or the console's own word when a key cannot apply.

use super::{Lang, watch};
use crate::domain::event::Event;
use crate::domain::ids::{ObservationId, PlanItemId};
use crate::domain::reference::Territory;
use crate::domain::watch::{RelayStep, WatchEnding};

#[derive(Debug, Clone, PartialEq)]
pub enum DeskNotice {
    Observed {
        id: ObservationId,
        commissioner: String,
    },
    Transmitted {
        count: usize,
    },
    Answered {
        id: ObservationId,
    },
    Settled {
        id: ObservationId,
        ending: WatchEnding,
    },
    Relay {
        partner: String,
        step: RelayStep,
    },
    PlanAdded {
        count: usize,
    },
    Passed {
        item: PlanItemId,
        team: String,
    },
    PlanDropped {
        item: PlanItemId,
    },
    // The console's own word (errors).
    SelectObservation,
    NoRelayToFollow,
}

impl DeskNotice {
    pub fn is_error(&self) -> bool {
        matches!(
            self,
            DeskNotice::SelectObservation | DeskNotice::NoRelayToFollow
        )
    }
}

/// The notice of a watch, relay or plan event (the first of a commit).
pub fn of_events<'a>(mut events: impl Iterator<Item = &'a Event>) -> Option<DeskNotice> {
    let first = events.next()?;
    Some(match first {
        Event::ObservationRecorded {
            id: Some(id),
            commissioner,
            ..
        } => DeskNotice::Observed {
            id: *id,
            commissioner: commissioner.clone().unwrap_or_default(),
        },
        Event::ObservationTransmitted { observations, .. } => DeskNotice::Transmitted {
            count: observations.len(),
        },
        Event::ObservationAcknowledged { observation, .. } => {
            DeskNotice::Answered { id: *observation }
        }
        Event::ObservationSettled {
            observation,
            ending,
        } => DeskNotice::Settled {
            id: *observation,
            ending: *ending,
        },
        Event::RelayFollowed { partner, step, .. } => DeskNotice::Relay {
            partner: partner.clone(),
            step: *step,
        },
        Event::PlanItemAdded { .. } => DeskNotice::PlanAdded {
            count: 1 + events
                .filter(|e| matches!(e, Event::PlanItemAdded { .. }))
                .count(),
        },
        Event::PlanItemPassed { item, team } => DeskNotice::Passed {
            item: *item,
            team: team.clone(),
        },
        Event::PlanItemDropped { item } => DeskNotice::PlanDropped { item: *item },
        _ => return None,
    })
}

pub fn text(n: &DeskNotice, l: Lang, t: &Territory) -> String {
    match n {
        DeskNotice::Observed { id, commissioner } => format!(
            "{} {id} {} {}.",
            l.pick("Observation", "Observation"),
            l.pick("enregistrée, à transmettre à", "recorded, to transmit to"),
            watch::commissioner(commissioner, t)
        ),
        DeskNotice::Transmitted { count } => match l {
            Lang::Fr => format!("{count} observation(s) marquée(s) transmise(s)."),
            Lang::En => format!("{count} observation(s) marked transmitted."),
        },
        DeskNotice::Answered { id } => format!(
            "{} {id} {}.",
            l.pick("Observation", "Observation"),
            l.pick("prise en compte", "acknowledged")
        ),
        DeskNotice::Settled { id, ending } => format!(
            "{} {id}{} {}.",
            l.pick("Observation", "Observation"),
            l.colon(),
            watch::status(ending.status(), l)
        ),
        DeskNotice::Relay { partner, step } => format!(
            "{} {}{} {}.",
            l.pick("Relais", "Relay"),
            t.partner(partner).map_or(partner.as_str(), |p| p.name.as_str()),
            l.colon(),
            watch::relay_step(*step, l)
        ),
        DeskNotice::PlanAdded { count } => match l {
            Lang::Fr => format!("{count} point(s) ajouté(s) à la feuille de route."),
            Lang::En => format!("{count} item(s) added to the night's plan."),
        },
        DeskNotice::Passed { item, team } => match l {
            Lang::Fr => format!("Passage de l'équipe {team} noté (point {item})."),
            Lang::En => format!("Passage of team {team} recorded (item {item})."),
        },
        DeskNotice::PlanDropped { item } => match l {
            Lang::Fr => format!("Point {item} retiré de la feuille de route."),
            Lang::En => format!("Item {item} taken off the night's plan."),
        },
        DeskNotice::SelectObservation => l
            .pick("Choisissez une observation.", "Select an observation.")
            .into(),
        DeskNotice::NoRelayToFollow => l
            .pick(
                "Aucun relais attendu : choisissez une sollicitation ouverte pour appeler un relais.",
                "No relay awaited: select an open request to call a relay.",
            )
            .into(),
    }
}
