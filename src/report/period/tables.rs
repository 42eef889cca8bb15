//! The period report laid out as titled tables of words (Markdown, CSV and the tables
//! under the HTML charts all draw these, so they always say the same thing).

use super::*;
use crate::i18n::{Lang, action as action_words};
use crate::report::tables::{
    Durations, Table, category_table, count_table, hour_band_table, levels_table, outcomes_table,
    partners_table, place_table, priority_table, source_table, times_table,
};

#[path = "tables_more.rs"]
mod more;
pub use more::{figure as figure_name, pct};

pub const WEEKDAYS_FR: [&str; 6] = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"];
pub const WEEKDAYS_EN: [&str; 6] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];

pub fn weekday(w: u32, l: Lang) -> &'static str {
    let i = (w as usize).min(5);
    match l {
        Lang::Fr => WEEKDAYS_FR[i],
        Lang::En => WEEKDAYS_EN[i],
    }
}

/// Title and the lines under it: the commissioner, the period, what the version holds.
pub fn heading(r: &PeriodReport, l: Lang) -> (String, Vec<String>) {
    let title = format!(
        "{} — {} — {}",
        l.pick("Rapport d'activité", "Activity report"),
        r.commissioner.name,
        r.period
    );
    let lines = vec![
        format!(
            "{} {} {} {} · {} {}",
            l.pick("Nuits de service du", "Service nights from"),
            r.from,
            l.pick("au", "to"),
            r.to,
            l.pick("nuits travaillées :", "nights worked:"),
            r.nights
        ),
        match r.commissioner.kind.as_str() {
            "service" => l.pick(
                "Rapport du service : tout le territoire, sans nom, numéro ni texte libre des personnes.",
                "The service's report: the whole territory, no caller name, number or free text.",
            ),
            "city" => l.pick(
                "Espaces publics de la Ville nommés ; le reste du territoire par quartier seulement.",
                "The city's public spaces by name; the rest of the territory by district only.",
            ),
            "departement" => l.pick(
                "Activité du départ anticipé (19:30–21:00), tout le territoire, sans site nommé.",
                "Activity of the early start (19:30–21:00), the whole territory, no site named.",
            ),
            _ => l.pick(
                "Vos sites seulement ; aucun nom, numéro ni texte libre des personnes.",
                "Your sites only; no caller name, number or free text.",
            ),
        }
        .to_string(),
    ];
    (title, lines)
}

pub fn tables(r: &PeriodReport, l: Lang, d: Durations) -> Vec<Table> {
    let mut out = vec![totals(r, l), more::trends(r, l), more::monthly(r, l)];
    out.extend(activity(r, l, d));
    out.extend(more::watch(r, l));
    out.extend(more::situations(r, l));
    out.extend(actions(r, l));
    out.push(more::early(r, l));
    out.extend(super::plan::table(r.plan.as_ref(), l));
    out
}

fn rows(t: &mut Table, items: &[(&str, String)]) {
    for (label, v) in items {
        t.rows.push(vec![label.to_string(), v.clone()]);
    }
}

fn totals(r: &PeriodReport, l: Lang) -> Table {
    let mut t = Table::new(
        "totals",
        l.pick("Synthèse", "Summary"),
        &[l.pick("Indicateur", "Figure"), l.pick("Nombre", "Count")],
    );
    let s = &r.totals;
    let mut items = vec![
        (l.pick("Nuits travaillées", "Nights worked"), r.nights),
        (
            l.pick("Sollicitations reçues", "Requests received"),
            s.requests,
        ),
        (
            l.pick("Interventions envoyées", "Interventions dispatched"),
            s.interventions,
        ),
        (
            l.pick("Observations (veille)", "Observations (watch)"),
            s.observations,
        ),
        (
            l.pick("Actions hors appels", "Actions beyond calls"),
            s.actions,
        ),
    ];
    if r.commissioner.kind == "service" {
        items.push((
            l.pick("Reprises d'une nuit à l'autre", "Carried into a night"),
            s.carried_in,
        ));
    }
    items.extend([
        (
            l.pick("Clôturées après intervention", "Cleared after a visit"),
            s.cleared,
        ),
        (
            l.pick("Relayées sans visite", "Relayed without a visit"),
            s.relayed,
        ),
        (l.pick("Sans suite", "No follow-up"), s.dismissed),
        (l.pick("Annulées", "Cancelled"), s.cancelled),
        (
            l.pick("Réglées par téléphone", "Settled by phone"),
            s.settled,
        ),
        (
            l.pick(
                "Encore ouvertes à la fin de la période",
                "Still open at the period's end",
            ),
            s.open,
        ),
        (
            l.pick(
                "Corrections faites après leur nuit",
                "Corrections made after their night",
            ),
            s.late_corrections,
        ),
    ]);
    let items: Vec<(&str, String)> = items.into_iter().map(|(k, v)| (k, v.to_string())).collect();
    rows(&mut t, &items);
    t
}

fn activity(r: &PeriodReport, l: Lang, d: Durations) -> Vec<Table> {
    let a = &r.activity;
    let mut out = vec![
        category_table(
            l.pick("Sollicitations par catégorie", "Requests by category"),
            l,
            &a.by_category,
        ),
        place_table(
            "by_district",
            l.pick("Sollicitations par quartier", "Requests by district"),
            l.pick("Quartier", "District"),
            l,
            &a.by_district,
        ),
    ];
    let mut sites = Table::new(
        "by_site",
        l.pick("Sollicitations par site", "Requests by site"),
        &[
            l.pick("Site", "Site"),
            l.pick("Quartier", "District"),
            l.pick("Nombre", "Count"),
        ],
    );
    for s in &a.by_site {
        sites.rows.push(vec![
            s.name.clone(),
            district(r, &s.district),
            s.count.to_string(),
        ]);
    }
    out.push(sites);
    out.extend([
        source_table(l, &a.by_source),
        priority_table(l, &a.by_priority),
        count_table(
            "by_weekday",
            l.pick("Par nuit de la semaine", "By night of the week"),
            l.pick("Nuit", "Night"),
            l,
            &a.by_weekday,
            |k| weekday(k, l).to_string(),
        ),
        hour_band_table(l, &a.by_hour_band),
        more::heat(r, l),
        place_table(
            "interventions_by_district",
            l.pick("Interventions par quartier", "Interventions by district"),
            l.pick("Quartier", "District"),
            l,
            &a.interventions_by_district,
        ),
        levels_table(l, &a.levels),
        outcomes_table(l, &a.outcomes),
        partners_table(l, &a.partners),
        times_table(&a.times, l, d),
    ]);
    if !a.territory_by_district.is_empty() {
        out.push(place_table(
            "territory_by_district",
            l.pick(
                "Tout le territoire, par quartier",
                "The whole territory, by district",
            ),
            l.pick("Quartier", "District"),
            l,
            &a.territory_by_district,
        ));
    }
    out
}

/// A district's name, from the report's own district table.
pub(super) fn district(r: &PeriodReport, id: &str) -> String {
    r.activity
        .by_district
        .iter()
        .find(|d| d.id == id)
        .map_or(id.to_string(), |d| d.name.clone())
}

fn actions(r: &PeriodReport, l: Lang) -> Vec<Table> {
    let a = &r.actions;
    let mut by_district = place_table(
        "actions_by_district",
        l.pick(
            "Actions hors appels par quartier",
            "Actions beyond calls by district",
        ),
        l.pick("Quartier", "District"),
        l,
        &a.by_district,
    );
    for (row, p) in by_district.rows.iter_mut().zip(&a.by_district) {
        if p.id.is_empty() {
            row[0] = l
                .pick("tout le territoire", "the whole territory")
                .to_string();
        }
    }
    let mut partners = Table::new(
        "actions_partners",
        l.pick("Partenaires des actions", "Partners of the actions"),
        &[
            l.pick("Partenaire", "Partner"),
            l.pick("Actions", "Actions"),
        ],
    );
    for p in &a.partners {
        partners
            .rows
            .push(vec![p.name.clone(), p.count.to_string()]);
    }
    vec![
        count_table(
            "actions_by_kind",
            l.pick(
                "Actions hors appels par type",
                "Actions beyond calls by kind",
            ),
            l.pick("Type", "Kind"),
            l,
            &a.by_kind,
            |k| action_words::kind(k, l).to_string(),
        ),
        by_district,
        partners,
    ]
}
