//! The night report's table of the night's plan: what was planned, by whom, and the passage
//! (or « non fait »).

use super::Table;
use crate::domain::reference::Territory;
use crate::i18n::{Lang, dates, watch};
use crate::report::plan::PlanSummary;

/// The night report's plan table (none when the night had no plan).
pub(super) fn plan_table(p: &PlanSummary, l: Lang) -> Option<Table> {
    if p.is_empty() {
        return None;
    }
    let mut table = Table::new(
        "plan",
        l.pick(
            "Feuille de route (points ciblés, visites de 19 h 30)",
            "Night's plan (targeted points, 19:30 visits)",
        ),
        &[
            l.pick("Créneau", "Window"),
            l.pick("Nature", "Kind"),
            l.pick("Lieu", "Place"),
            l.pick("Demandé par", "Asked by"),
            l.pick("Passage", "Passage"),
        ],
    );
    for i in &p.items {
        let passage = i
            .passages
            .first()
            .map_or(l.pick("non fait", "not done").to_string(), |p| {
                format!("{} {}", dates::clock(p.at), p.team)
            });
        let origin = match &i.origin {
            crate::domain::plan::PlanOrigin::Order(_) => {
                format!("{} {}", l.pick("demande de", "ordered by"), i.origin_name)
            }
            other => watch::origin(other, &Territory::default(), l),
        };
        table.rows.push(vec![
            watch::window(&i.window),
            watch::plan_kind(i.kind, l).to_string(),
            i.place_name.clone(),
            origin,
            passage,
        ]);
    }
    table.footnote = Some(match l {
        Lang::Fr => format!(
            "Prévu {} · fait {} · non fait {}.",
            p.planned, p.done, p.not_done
        ),
        Lang::En => format!(
            "Planned {} · done {} · not done {}.",
            p.planned, p.done, p.not_done
        ),
    });
    Some(table)
}
