//! The handover's watch, relay and plan sections in words (the console's handover screen
//! and `vigie handover` print the same lines), and the night report's plan table.

use super::desk::DeskHandover;
use super::plan::PlanSummary;
use crate::domain::plan::PlanKind;
use crate::domain::reference::Territory;
use crate::i18n::{Lang, dates, vocab, watch};

/// « Relais attendus »: engaged, not arrived, with their last step.
pub fn awaited(d: &DeskHandover, t: &Territory, l: Lang) -> Vec<String> {
    d.awaited
        .iter()
        .map(|r| {
            let partner = t
                .partner(&r.partner)
                .map_or(r.partner.as_str(), |p| p.name.as_str());
            let phone = t.partner(&r.partner).map_or("", |p| p.phone.as_str());
            let on = r.request.map_or(String::new(), |n| {
                format!(" ({} {n})", l.pick("sollicitation", "request"))
            });
            let last = r.last.map_or(String::new(), |(at, step)| {
                format!(" — {} {}", watch::relay_step(step, l), dates::clock(at))
            });
            format!("  {} {partner} {phone}{on}{last}", dates::clock(r.at))
        })
        .collect()
}

/// « Feuille de route »: the counts, then every item with its passage or « non fait ».
pub fn plan(p: &PlanSummary, t: &Territory, l: Lang) -> Vec<String> {
    if p.is_empty() {
        return Vec::new();
    }
    let mut out = vec![match l {
        Lang::Fr => format!(
            "  prévu {} · fait {} · non fait {} (visites de 19 h 30 : {}/{})",
            p.planned, p.done, p.not_done, p.early_done, p.early_planned
        ),
        Lang::En => format!(
            "  planned {} · done {} · not done {} (19:30 visits: {}/{})",
            p.planned, p.done, p.not_done, p.early_done, p.early_planned
        ),
    }];
    for i in &p.items {
        let teams: Vec<String> = i
            .passages
            .iter()
            .map(|p| format!("{} {}", dates::clock(p.at), p.team))
            .collect();
        let done = match teams.is_empty() {
            false => format!("✓ {}", teams.join(", ")),
            true => l.pick("✗ non fait", "✗ not done").to_string(),
        };
        out.push(format!(
            "  {} {} {} — {done}",
            watch::window(&i.window),
            watch::place(&i.place, t),
            kind_tag(i.kind, l)
        ));
    }
    out
}

fn kind_tag(k: PlanKind, l: Lang) -> String {
    format!("({})", watch::plan_kind(k, l))
}

/// « Veille : nouveau ce soir »: each observation recorded tonight and where it stands.
pub fn observations(d: &DeskHandover, t: &Territory, l: Lang) -> Vec<String> {
    let mut out: Vec<String> = d
        .observations
        .iter()
        .map(|o| {
            let place = match (&o.site, &o.district) {
                (Some(s), _) => t.site(s).map_or(s.clone(), |s| s.name.clone()),
                (None, Some(d)) => t.district(d).map_or(d.clone(), |d| d.name.clone()),
                _ => String::new(),
            };
            let status = o
                .status
                .map_or(l.pick("close", "settled"), |s| watch::status(s, l));
            format!(
                "  {} {} — {place} → {} ({status})",
                o.id,
                vocab::observation(o.kind, l),
                watch::commissioner(&o.commissioner, t)
            )
        })
        .collect();
    if d.to_transmit > 0 {
        out.push(match l {
            Lang::Fr => format!(
                "  {} observation(s) à transmettre en tout — écran 6",
                d.to_transmit
            ),
            Lang::En => format!(
                "  {} observation(s) to transmit in all — screen 6",
                d.to_transmit
            ),
        });
    }
    out
}
