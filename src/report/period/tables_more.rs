//! The period report's other tables: trends, the monthly series, the heat map, partners,
//! the watch, the situations and the early start.

use super::super::*;
use super::{district, weekday};
use crate::i18n::{Lang, report as words, vocab};
use crate::report::period::input::BANDS;
use crate::report::tables::{Table, count_table, place_table};

/// A change in percent, one decimal, as each language writes it; « — » when none.
pub fn pct(v: Option<f64>, l: Lang) -> String {
    match v {
        None => "—".to_string(),
        Some(p) => {
            let s = format!("{p:+.1} %");
            if l == Lang::Fr {
                s.replace('.', ",")
            } else {
                s.replace(" %", "%")
            }
        }
    }
}

pub fn figure(id: &str, l: Lang) -> &'static str {
    match id {
        "nights" => l.pick("Nuits travaillées", "Nights worked"),
        "requests" => l.pick("Sollicitations", "Requests"),
        "interventions" => l.pick("Interventions", "Interventions"),
        "observations" => l.pick("Observations", "Observations"),
        "actions" => l.pick("Actions hors appels", "Actions beyond calls"),
        _ => l.pick("Situations ouvertes", "Situations opened"),
    }
}

pub fn trends(r: &PeriodReport, l: Lang) -> Table {
    let t = &r.trends;
    let mut table = Table::new(
        "trends",
        l.pick("Évolutions", "Trends"),
        &[
            l.pick("Indicateur", "Figure"),
            l.pick("Période", "Period"),
            l.pick("Période précédente", "Previous period"),
            l.pick("Évolution", "Change"),
            l.pick("Un an avant", "A year before"),
            l.pick("Évolution sur un an", "Change over a year"),
        ],
    );
    for h in &t.headline {
        table.rows.push(vec![
            figure(&h.figure, l).to_string(),
            h.value.to_string(),
            h.previous.to_string(),
            pct(h.change_previous_pct, l),
            h.year_before.to_string(),
            pct(h.change_year_before_pct, l),
        ]);
    }
    table.footnote = Some(format!(
        "{} {} → {} · {} {} → {}",
        l.pick("Période précédente :", "Previous period:"),
        t.previous_from,
        t.previous_to,
        l.pick("un an avant :", "a year before:"),
        t.year_before_from,
        t.year_before_to
    ));
    table
}

pub fn monthly(r: &PeriodReport, l: Lang) -> Table {
    let mut t = Table::new(
        "monthly",
        l.pick(
            "Mois par mois, sur 13 mois",
            "Month by month, over 13 months",
        ),
        &[
            l.pick("Mois", "Month"),
            l.pick("Sollicitations", "Requests"),
            l.pick("Interventions", "Interventions"),
            l.pick("Observations", "Observations"),
            l.pick("Sollicitations un an avant", "Requests a year before"),
            l.pick("Interventions un an avant", "Interventions a year before"),
        ],
    );
    for m in &r.trends.monthly {
        t.rows.push(vec![
            m.month.clone(),
            m.requests.to_string(),
            m.interventions.to_string(),
            m.observations.to_string(),
            m.year_before_requests.to_string(),
            m.year_before_interventions.to_string(),
        ]);
    }
    t
}

pub fn heat(r: &PeriodReport, l: Lang) -> Table {
    let mut headers = vec![l.pick("Nuit", "Night")];
    headers.extend(BANDS.iter().map(|b| words::hour_band(*b, l)));
    let mut t = Table::new(
        "heat",
        l.pick(
            "Sollicitations par nuit de la semaine et tranche horaire",
            "Requests by night of the week and hour band",
        ),
        &headers,
    );
    for w in 0..6 {
        let mut row = vec![weekday(w, l).to_string()];
        for b in BANDS {
            let n = r
                .activity
                .heat
                .iter()
                .find(|c| c.weekday == w && c.band == b)
                .map_or(0, |c| c.count);
            row.push(n.to_string());
        }
        t.rows.push(row);
    }
    t
}

pub fn watch(r: &PeriodReport, l: Lang) -> Vec<Table> {
    let w = &r.watch;
    let mut life = Table::new(
        "watch",
        l.pick(
            "Veille sociale et territoriale",
            "Social and territorial watch",
        ),
        &[l.pick("Indicateur", "Figure"), l.pick("Nombre", "Count")],
    );
    let not_yet = l.pick("non suivi à ce jour", "not tracked yet").to_string();
    let opt = |v: Option<u32>| v.map_or(not_yet.clone(), |n| n.to_string());
    for (label, v) in [
        (
            l.pick("Observations techniques", "Technical observations"),
            w.technical.to_string(),
        ),
        (
            l.pick("Observations sociales", "Social observations"),
            w.social.to_string(),
        ),
        (l.pick("Transmises", "Transmitted"), opt(w.transmitted)),
        (
            l.pick("Prises en compte", "Acknowledged"),
            opt(w.acknowledged),
        ),
        (l.pick("Résolues", "Resolved"), opt(w.resolved)),
        (
            l.pick("Délai médian de résolution", "Median time to resolution"),
            match (w.median_resolution_s, w.resolved) {
                (Some(s), _) => words::duration(Some(s)),
                // Followed, none resolved yet.
                (None, Some(_)) => "—".to_string(),
                (None, None) => not_yet.clone(),
            },
        ),
    ] {
        life.rows.push(vec![label.to_string(), v]);
    }
    vec![
        life,
        count_table(
            "watch_by_kind",
            l.pick("Observations par type", "Observations by kind"),
            l.pick("Type", "Kind"),
            l,
            &w.by_kind,
            |k| vocab::observation(k, l).to_string(),
        ),
        place_table(
            "watch_by_commissioner",
            l.pick(
                "Observations par commanditaire",
                "Observations by commissioner",
            ),
            l.pick("Commanditaire", "Commissioner"),
            l,
            &w.by_commissioner,
        ),
    ]
}

pub fn situations(r: &PeriodReport, l: Lang) -> Vec<Table> {
    let s = &r.situations;
    let mut summary = Table::new(
        "situations",
        l.pick("Situations", "Situations"),
        &[l.pick("Indicateur", "Figure"), l.pick("Nombre", "Count")],
    );
    for (label, n) in [
        (
            l.pick("Ouvertes dans la période", "Opened in the period"),
            s.opened,
        ),
        (
            l.pick("Clôturées dans la période", "Closed in the period"),
            s.closed,
        ),
        (
            l.pick("Encore ouvertes à la fin", "Still open at the end"),
            s.still_open,
        ),
        (
            l.pick("Ouvertes sans étape encore", "Open with no step yet"),
            s.open_without_step,
        ),
    ] {
        summary.rows.push(vec![label.to_string(), n.to_string()]);
    }
    let mut by_level = Table::new(
        "situations_by_level",
        l.pick(
            "Situations par niveau atteint",
            "Situations by level reached",
        ),
        &[
            l.pick("Niveau", "Level"),
            l.pick("Clôturées", "Closed"),
            l.pick("Encore ouvertes", "Still open"),
        ],
    );
    for (c, o) in s.closed_by_level.iter().zip(&s.open_by_level) {
        by_level.rows.push(vec![
            vocab::level(c.key, l).to_string(),
            c.count.to_string(),
            o.count.to_string(),
        ]);
    }
    let mut recurring = Table::new(
        "recurring_sites",
        l.pick(
            "Sites qui reviennent (3 nuits ou plus)",
            "Sites that recur (3 nights or more)",
        ),
        &[
            l.pick("Site", "Site"),
            l.pick("Quartier", "District"),
            l.pick("Nuits", "Nights"),
            l.pick("Sollicitations", "Requests"),
        ],
    );
    for x in &s.recurring_sites {
        recurring.rows.push(vec![
            x.name.clone(),
            district(r, &x.district),
            x.nights.to_string(),
            x.requests.to_string(),
        ]);
    }
    vec![summary, by_level, recurring]
}

pub fn early(r: &PeriodReport, l: Lang) -> Table {
    let e = &r.early;
    let mut t = Table::new(
        "early",
        l.pick("Départ anticipé (19:30–21:00)", "Early start (19:30–21:00)"),
        &[l.pick("Indicateur", "Figure"), l.pick("Nombre", "Count")],
    );
    for (label, v) in [
        (
            l.pick(
                "Nuits avec une activité avant 21:00",
                "Nights with activity before 21:00",
            ),
            e.nights.to_string(),
        ),
        (
            l.pick(
                "Sollicitations reçues avant 21:00",
                "Requests received before 21:00",
            ),
            e.requests.to_string(),
        ),
        (
            l.pick(
                "Interventions envoyées avant 21:00",
                "Interventions dispatched before 21:00",
            ),
            e.interventions.to_string(),
        ),
        (
            l.pick(
                "Visites prévues à la feuille de route",
                "Visits planned in the night's plan",
            ),
            e.planned_visits.map_or(
                l.pick("non enregistré à ce jour", "not recorded yet")
                    .to_string(),
                |n| n.to_string(),
            ),
        ),
    ] {
        t.rows.push(vec![label.to_string(), v]);
    }
    t
}
