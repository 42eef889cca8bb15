//! The report's lists as tables: interventions, requests and observations by commissioner,
//! the handover note.

use super::Table;
use crate::i18n::report as words;
use crate::i18n::{Lang, vocab};
use crate::report::night::*;

pub(super) fn lists(r: &NightReport, l: Lang) -> Vec<Table> {
    vec![
        interventions(r, l),
        landlord_items(r, l),
        observations(r, l),
        handover(r, l),
    ]
}

fn interventions(r: &NightReport, l: Lang) -> Table {
    let mut headers = vec![
        l.pick("Heure", "Time"),
        l.pick("N°", "No."),
        l.pick("Site", "Site"),
        l.pick("Quartier", "District"),
        l.pick("Catégorie", "Category"),
        l.pick("Priorité", "Priority"),
        l.pick("Équipe", "Team"),
        l.pick("Sur place", "On site"),
        l.pick("Fin", "Ended"),
        l.pick("État", "State"),
        l.pick("Niveau", "Level"),
        l.pick("Issue", "Outcome"),
    ];
    if r.internal {
        headers.push(l.pick("Notes", "Notes"));
    }
    let mut t = Table::new(
        "interventions",
        l.pick("Interventions", "Interventions"),
        &headers,
    );
    let clock = |at: Option<chrono::DateTime<chrono::Utc>>| {
        at.map_or("—".to_string(), |a| words::clock(a, r.night))
    };
    for i in &r.interventions {
        let mut row = vec![
            words::clock(i.dispatched_at, r.night),
            i.request.to_string(),
            i.site_name.clone(),
            district_name(r, &i.district),
            vocab::category(i.category, l).to_string(),
            vocab::priority(i.priority, l).to_string(),
            i.team.clone(),
            clock(i.on_site_at),
            clock(i.ended_at),
            words::intervention_state(i.state, l).to_string(),
            i.level.map_or("—", |v| vocab::level(v, l)).to_string(),
            i.outcome.map_or("—", |v| vocab::outcome(v, l)).to_string(),
        ];
        if r.internal {
            row.push(i.note.clone().unwrap_or_default());
        }
        t.rows.push(row);
    }
    if r.interventions_withheld > 0 {
        let n = r.interventions_withheld;
        t.footnote = Some(match l {
            Lang::Fr => format!(
                "{n} intervention(s) non détaillée(s) : catégorie relevant de la santé, comptée seulement."
            ),
            Lang::En => {
                format!("{n} intervention(s) not listed: a health-related category, counted only.")
            }
        });
    }
    t
}

/// Districts are named in the report by the territory; the report keeps ids in rows.
fn district_name(r: &NightReport, id: &str) -> String {
    r.by_district
        .iter()
        .find(|d| d.id == id)
        .map_or(id.to_string(), |d| d.name.clone())
}

fn landlord_items(r: &NightReport, l: Lang) -> Table {
    let mut t = Table::new(
        "landlord_items",
        l.pick(
            "Sollicitations par bailleur ou commanditaire",
            "Requests by landlord or commissioner",
        ),
        &[
            l.pick("Bailleur", "Landlord"),
            l.pick("Heure", "Time"),
            l.pick("N°", "No."),
            l.pick("Site", "Site"),
            l.pick("Catégorie", "Category"),
            l.pick("Priorité", "Priority"),
            l.pick("Issue", "Outcome"),
        ],
    );
    let mut withheld = 0;
    for s in &r.landlords {
        withheld += s.requests - s.items.len() as u32;
        for i in &s.items {
            t.rows.push(vec![
                s.name.clone(),
                words::clock(i.received_at, r.night),
                i.request.to_string(),
                i.site_name.clone(),
                vocab::category(i.category, l).to_string(),
                vocab::priority(i.priority, l).to_string(),
                words::item_outcome(&i.outcome, l),
            ]);
        }
    }
    if withheld > 0 {
        t.footnote = Some(match l {
            Lang::Fr => format!(
                "{withheld} sollicitation(s) non détaillée(s) : catégorie relevant de la santé, comptée seulement."
            ),
            Lang::En => format!(
                "{withheld} request(s) not listed: a health-related category, counted only."
            ),
        });
    }
    t
}

fn observations(r: &NightReport, l: Lang) -> Table {
    let mut headers = vec![
        l.pick("Commanditaire", "Commissioner"),
        l.pick("Heure", "Time"),
        l.pick("Type", "Kind"),
        l.pick("Nature", "Nature"),
        l.pick("Site", "Site"),
        l.pick("Quartier", "District"),
        l.pick("Équipe", "Team"),
    ];
    if r.internal {
        headers.push(l.pick("Note", "Note"));
    }
    let mut t = Table::new(
        "observations",
        l.pick(
            "Observations (veille sociale et territoriale)",
            "Observations (social and territorial watch)",
        ),
        &headers,
    );
    let rows = r
        .landlords
        .iter()
        .flat_map(|s| s.observations.iter().map(move |o| (s.name.as_str(), o)))
        .chain(r.district_observations.iter().map(|o| ("—", o)));
    for (who, o) in rows {
        let mut row = vec![
            who.to_string(),
            words::clock(o.at, r.night),
            vocab::observation(o.kind, l).to_string(),
            if o.technical {
                l.pick("technique", "technical")
            } else {
                l.pick("sociale", "social")
            }
            .to_string(),
            if o.site_name.is_empty() {
                "—".to_string()
            } else {
                o.site_name.clone()
            },
            district_name(r, &o.district),
            o.team.clone().unwrap_or_else(|| "—".to_string()),
        ];
        if r.internal {
            row.push(o.note.clone().unwrap_or_default());
        }
        t.rows.push(row);
    }
    t
}

fn handover(r: &NightReport, l: Lang) -> Table {
    let mut t = Table::new(
        "handover",
        l.pick("Note de passation", "Handover note"),
        &[l.pick("Partie", "Part"), l.pick("Texte", "Text")],
    );
    match &r.handover {
        Some(n) => {
            for (label, text) in [
                (l.pick("Situation", "Situation"), &n.situation),
                (l.pick("Actions en cours", "Actions under way"), &n.actions),
                (l.pick("Besoins", "Needs"), &n.needs),
            ] {
                t.rows.push(vec![label.to_string(), text.clone()]);
            }
        }
        None => {
            t.footnote = Some(
                l.pick("Pas de note écrite.", "No note written.")
                    .to_string(),
            );
        }
    }
    t
}
