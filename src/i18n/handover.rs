//! Words for the shift's end: handover log lines, refusals, instruction kinds and scopes.

use super::Lang;
use super::lookup::Lookup;
use crate::domain::Refusal;
use crate::domain::event::{Envelope, Event};
use crate::domain::handover::Scope;
use crate::domain::reference::Territory;
use crate::domain::vocab::InstructionKind;

pub fn instruction_kind(kind: InstructionKind, lang: Lang) -> &'static str {
    match kind {
        InstructionKind::Standing => lang.pick("consigne permanente", "standing instruction"),
        InstructionKind::Temporary => lang.pick("consigne temporaire", "temporary instruction"),
        InstructionKind::WatchPoint => lang.pick("point de vigilance", "watch point"),
    }
}

pub fn scope(territory: &Territory, scope: &Scope, lang: Lang) -> String {
    match scope {
        Scope::Territory => lang
            .pick("tout le territoire", "whole territory")
            .to_string(),
        Scope::District(d) => territory.district(d).map_or(d.clone(), |d| d.name.clone()),
        Scope::Site(s) => territory.site(s).map_or(s.clone(), |s| s.name.clone()),
    }
}

/// The main courante line of a handover or instruction event; `None` for other events.
pub fn describe(env: &Envelope, lookup: &dyn Lookup, lang: Lang) -> Option<String> {
    let l = lang;
    let colon = l.pick(" :", ":");
    let t = lookup.territory();
    let number = |id| {
        lookup
            .request_number(id)
            .map_or(format!("#{id}"), |n| n.to_string())
    };
    Some(match &env.event {
        Event::HandoverWritten { .. } => l
            .pick("Note de passation rédigée", "Handover note written")
            .to_string(),
        Event::RequestCarriedOver { request } => format!(
            "{} {}{colon} {}",
            l.pick("Sollicitation", "Request"),
            number(*request),
            l.pick(
                "reportée à la nuit suivante",
                "carried over to the next night"
            )
        ),
        Event::HandoverAcknowledged { night, coordinator } => {
            let who = t
                .coordinator(coordinator)
                .map_or(coordinator.as_str(), |c| c.name.as_str());
            format!(
                "{} {}{colon} {} {who}",
                l.pick("Passation de la nuit du", "Handover of the night of"),
                night,
                l.pick("prise par", "taken by")
            )
        }
        Event::InstructionAdded {
            instruction,
            instruction_kind,
            scope: s,
            text,
            until,
        } => {
            let until = until.map_or(String::new(), |d| {
                format!(" ({} {d})", l.pick("jusqu'au", "until"))
            });
            format!(
                "{} {instruction} — {}{until}{colon} {text}",
                capitalised(instruction_kind_word(*instruction_kind, l)),
                scope(t, s, l)
            )
        }
        Event::InstructionExtended { instruction, until } => match until {
            Some(d) => format!(
                "{} {instruction}{colon} {} {d}",
                l.pick("Consigne", "Instruction"),
                l.pick("prolongée jusqu'au", "extended until")
            ),
            None => format!(
                "{} {instruction}{colon} {}",
                l.pick("Consigne", "Instruction"),
                l.pick("sans date de fin", "no last day")
            ),
        },
        Event::InstructionEnded { instruction } => format!(
            "{} {instruction}{colon} {}",
            l.pick("Consigne", "Instruction"),
            l.pick("levée", "ended")
        ),
        _ => return None,
    })
}

fn instruction_kind_word(kind: InstructionKind, lang: Lang) -> &'static str {
    instruction_kind(kind, lang)
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map_or(String::new(), |f| f.to_uppercase().chain(c).collect())
}

/// The refusals about the shift's end; `None` for others.
pub fn refusal(r: &Refusal, lang: Lang) -> Option<String> {
    let fr = lang == Lang::Fr;
    let pick = |a: String, b: String| if fr { a } else { b };
    Some(match r {
        Refusal::UndecidedRequests { count } => pick(
            format!(
                "{count} sollicitation(s) encore ouverte(s) : reportez chacune à la nuit suivante ou clôturez-la avant de clôturer la nuit."
            ),
            format!(
                "{count} request(s) still open: carry each one over to the next night or close it before closing the night."
            ),
        ),
        Refusal::AlreadyCarriedOver { request } => pick(
            format!("La sollicitation {request} est déjà reportée."),
            format!("Request {request} is already carried over."),
        ),
        Refusal::NoHandover => lang
            .pick(
                "Aucune passation à prendre : aucune nuit n'a encore été clôturée.",
                "No handover to take: no night has been closed yet.",
            )
            .to_string(),
        Refusal::HandoverAcknowledged { by } => pick(
            format!("{by} a déjà pris la passation."),
            format!("{by} already took the handover."),
        ),
        Refusal::UnknownInstruction { id } => pick(
            format!("Consigne {id} introuvable ou déjà levée."),
            format!("Instruction {id} not found or already ended."),
        ),
        Refusal::NeedsLastDay => lang
            .pick(
                "Une consigne temporaire a besoin de son dernier jour (JJ/MM).",
                "A temporary instruction needs its last day (DD/MM).",
            )
            .to_string(),
        Refusal::DateInPast { date } => pick(
            format!(
                "Le {} est passé : donnez une date à venir.",
                date.format("%d/%m/%Y")
            ),
            format!("{date} is in the past: give a date to come."),
        ),
        _ => return None,
    })
}
