//! Words of the actions beyond calls: their kinds, places and the logbook line.

use super::Lang;
use super::log::Lookup;
use crate::domain::action::{ActionKind, ActionPlace};
use crate::domain::event::{Envelope, Event};
use crate::domain::reference::Territory;

pub fn kind(k: ActionKind, lang: Lang) -> &'static str {
    match k {
        ActionKind::PartnerMeeting => lang.pick("instance partenariale", "partner meeting"),
        ActionKind::FragilityMeeting => lang.pick(
            "instance sur la fragilité psychologique",
            "meeting on psychological fragility",
        ),
        ActionKind::InformationAction => lang.pick(
            "action d'information et de sensibilisation",
            "information and awareness action",
        ),
        ActionKind::ResidentsInitiative => lang.pick(
            "soutien à une initiative d'habitants",
            "support to a residents' initiative",
        ),
        ActionKind::TerritoryProject => lang.pick("projet de territoire", "territory project"),
    }
}

/// The kind as typed on the command line (`partner-meeting` …).
pub fn parse_kind(s: &str) -> Option<ActionKind> {
    let s = s.trim().to_ascii_lowercase().replace('_', "-");
    ActionKind::ALL
        .iter()
        .copied()
        .find(|k| crate::domain::vocab::vocab_key(k).replace('_', "-") == s)
}

pub fn place(p: &ActionPlace, t: &Territory, lang: Lang) -> String {
    match p {
        ActionPlace::Territory => lang
            .pick("tout le territoire", "the whole territory")
            .into(),
        ActionPlace::District(d) => t.district(d).map_or(d.clone(), |d| d.name.clone()),
        ActionPlace::Site(s) => t.site(s).map_or(s.clone(), |s| s.name.clone()),
    }
}

/// « Action du 2026-11-12 : instance partenariale — Maurepas (CCAS) — « note » ».
pub fn describe(env: &Envelope, lookup: &dyn Lookup, lang: Lang) -> String {
    let Event::ActionRecorded {
        date,
        action_kind,
        place: p,
        partners,
        note,
    } = &env.event
    else {
        return String::new();
    };
    let t = lookup.territory();
    let names: Vec<String> = partners
        .iter()
        .map(|id| t.partner(id).map_or(id.clone(), |p| p.name.clone()))
        .collect();
    let with = if names.is_empty() {
        String::new()
    } else {
        format!(" ({})", names.join(", "))
    };
    let text = match note.map(|id| lookup.personal(id).and_then(|r| r.text)) {
        None => String::new(),
        Some(Some(text)) => format!(" — « {text} »"),
        Some(None) => lang
            .pick(" — [texte effacé]", " — [text erased]")
            .to_string(),
    };
    format!(
        "{} {date}{} {} — {}{with}{text}",
        lang.pick("Action du", "Action of"),
        lang.colon(),
        kind(*action_kind, lang),
        place(p, t, lang),
    )
}
