//! The edges of a simulated shift, done as a coordinator does them: the incoming coordinator
//! takes the last handover before opening; the outgoing one decides every open request
//! (carried over), writes the note and closes; instructions come and go now and then.

use crate::domain::Command;
use crate::domain::calendar::ServiceNight;
use crate::domain::handover::Scope;
use crate::domain::reference::Territory;
use crate::domain::state::State;
use crate::domain::vocab::{InstructionKind, RequestStatus};
use chrono::Days;

/// Before opening: the handover not yet taken is taken by the night's coordinator.
pub(super) fn start(state: &State, coordinator: &str) -> Vec<Command> {
    match &state.handover {
        Some(h) if h.acknowledged.is_none() => vec![Command::AcknowledgeHandover {
            coordinator: coordinator.to_string(),
        }],
        _ => Vec::new(),
    }
}

/// Before closing: every open request without a team is carried over, then the note.
pub(super) fn end(state: &State) -> Vec<Command> {
    let Some(night) = state.open_night() else {
        return Vec::new();
    };
    let mut commands: Vec<Command> = state
        .requests
        .values()
        .filter(|r| {
            !r.status.is_terminal()
                && r.team.is_none()
                && r.carried_over.last() != Some(&night.night)
        })
        .map(|r| Command::CarryOver { request: r.id })
        .collect();
    let carried = commands.len();
    let tonight = state
        .requests
        .values()
        .filter(|r| r.night == night.night)
        .count();
    let cleared = state
        .requests
        .values()
        .filter(|r| r.night == night.night && r.status == RequestStatus::Cleared)
        .count();
    let watched = state
        .cases
        .values()
        .filter(|c| c.next_follow_up.is_some())
        .count();
    commands.push(Command::WriteHandover {
        situation: format!(
            "Nuit sans incident majeur : {tonight} sollicitation(s), {cleared} intervention(s) clôturée(s)."
        ),
        actions: match carried {
            0 => "Aucune sollicitation reportée.".to_string(),
            n => format!("{n} sollicitation(s) reportée(s) à la nuit suivante, à traiter en premier."),
        },
        needs: format!("{watched} situation(s) avec un suivi programmé : voir l'écran des situations."),
    });
    commands
}

/// Now and then a consigne: a temporary one on a site for the coming week, a watch point
/// on a district for a month, and one standing instruction at the start of the history.
pub(super) fn instructions(
    index: usize,
    night: ServiceNight,
    territory: &Territory,
) -> Vec<Command> {
    let mut out = Vec::new();
    if index == 0 {
        out.push(Command::AddInstruction {
            kind: InstructionKind::Standing,
            scope: Scope::Territory,
            text: "Toute intervention auprès d'une personne vulnérable : prévenir la coordination avant de partir.".into(),
            until: None,
        });
    }
    let date = night.date();
    if index % 9 == 4
        && let Some(site) = territory.sites.get(index % territory.sites.len().max(1))
    {
        out.push(Command::AddInstruction {
            kind: InstructionKind::Temporary,
            scope: Scope::Site(site.id.clone()),
            text: "Travaux dans le hall : éclairage coupé, passer avec des lampes.".into(),
            until: date.checked_add_days(Days::new(6)),
        });
    }
    if index % 25 == 12
        && let Some(d) = territory
            .districts
            .get(index % territory.districts.len().max(1))
    {
        out.push(Command::AddInstruction {
            kind: InstructionKind::WatchPoint,
            scope: Scope::District(d.id.clone()),
            text: "Regroupements signalés en fin de soirée près des halls : passages réguliers."
                .into(),
            until: date.checked_add_days(Days::new(30)),
        });
    }
    out
}
