//! The report laid out as titled tables of words, in the reader's language: the Markdown
//! and CSV renderers both draw these, so the two always say the same thing.

use super::night::*;
use crate::domain::vocab::Category;
use crate::i18n::report as words;
use crate::i18n::{Lang, vocab};

#[path = "tables_lists.rs"]
mod lists;
#[path = "tables_plan.rs"]
mod plan;

/// How durations are written: for reading, or as decimal minutes for a spreadsheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Durations {
    Words,
    Minutes { decimal: char },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Stable name of the section (the CSV's first column, the JSON's field).
    pub id: &'static str,
    pub title: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// Said under the table (the rows withheld for health reasons).
    pub footnote: Option<String>,
}

impl Table {
    /// A health category's count below the threshold reads « < 5 » (its row stays).
    pub(crate) fn health_suppressed(
        mut self,
        items: &[Count<crate::domain::vocab::Category>],
    ) -> Table {
        for (row, c) in self.rows.iter_mut().zip(items) {
            if c.key.is_health() && c.count < crate::report::redact::HEALTH_THRESHOLD {
                row[1] = health_below();
            }
        }
        self
    }

    pub(crate) fn new(id: &'static str, title: &str, headers: &[&str]) -> Table {
        Table {
            id,
            title: title.to_string(),
            headers: headers.iter().map(|h| h.to_string()).collect(),
            rows: Vec::new(),
            footnote: None,
        }
    }
}

/// How a suppressed health count is written.
pub fn health_below() -> String {
    format!("< {}", crate::report::redact::HEALTH_THRESHOLD)
}

/// The lines above the tables: title, which version, when the night opened and closed.
pub fn heading(r: &NightReport, lang: Lang) -> (String, Vec<String>) {
    let l = lang;
    let title = format!(
        "{} — {}",
        l.pick("Rapport de nuit", "Night report"),
        crate::i18n::dates::night_title(r.night, l)
    );
    let version = if r.internal {
        l.pick(
            "Version interne : notes conservées, jamais de nom ni de numéro de rappel. Ne pas transmettre aux commanditaires.",
            "Internal version: notes kept, never a caller's name or callback number. Not for commissioners.",
        )
    } else {
        l.pick(
            "Version pour les commanditaires : sans nom, numéro ni texte libre des personnes.",
            "Commissioners' version: no caller name, number or free text.",
        )
    };
    let at = |t: Option<chrono::DateTime<chrono::Utc>>| t.map_or("—".into(), words::date_time);
    let times = format!(
        "{} {} · {} {}",
        l.pick("Ouverture :", "Opened:"),
        at(r.opened_at),
        l.pick("Clôture :", "Closed:"),
        match r.closed_at {
            Some(c) => words::date_time(c),
            None => l.pick("nuit en cours", "night still running").to_string(),
        }
    );
    (title, vec![version.to_string(), times])
}

pub fn tables(r: &NightReport, lang: Lang, durations: Durations) -> Vec<Table> {
    let mut out = vec![summary(r, lang)];
    out.extend(counts(r, lang));
    out.push(times(r, lang, durations));
    out.extend(lists::lists(r, lang));
    out.extend(plan::plan_table(&r.plan, lang));
    out
}

fn summary(r: &NightReport, l: Lang) -> Table {
    let mut t = Table::new(
        "totals",
        l.pick("Synthèse", "Summary"),
        &[l.pick("Indicateur", "Figure"), l.pick("Nombre", "Count")],
    );
    let s = &r.totals;
    for (label, n) in [
        (
            l.pick("Sollicitations reçues", "Requests received"),
            s.requests,
        ),
        (
            l.pick(
                "Reprises des nuits précédentes",
                "Carried in from earlier nights",
            ),
            s.carried_in,
        ),
        (
            l.pick("Interventions envoyées", "Interventions dispatched"),
            s.interventions,
        ),
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
        (l.pick("Encore ouvertes", "Still open"), s.open),
        (l.pick("Observations", "Observations"), s.observations),
    ] {
        t.rows.push(vec![label.to_string(), n.to_string()]);
    }
    t
}

pub(crate) fn count_table<K: Copy>(
    id: &'static str,
    title: &str,
    head: &str,
    l: Lang,
    items: &[Count<K>],
    word: impl Fn(K) -> String,
) -> Table {
    let mut t = Table::new(id, title, &[head, l.pick("Nombre", "Count")]);
    t.rows = items
        .iter()
        .map(|c| vec![word(c.key), c.count.to_string()])
        .collect();
    t
}

pub(crate) fn place_table(
    id: &'static str,
    title: &str,
    head: &str,
    l: Lang,
    items: &[PlaceCount],
) -> Table {
    let mut t = Table::new(id, title, &[head, l.pick("Nombre", "Count")]);
    t.rows = items
        .iter()
        .map(|c| {
            let name = if c.id.is_empty() {
                l.pick("site inconnu", "unknown site").to_string()
            } else {
                c.name.clone()
            };
            vec![name, c.count.to_string()]
        })
        .collect();
    t
}

fn counts(r: &NightReport, l: Lang) -> Vec<Table> {
    vec![
        category_table(l.pick("Par catégorie", "By category"), l, &r.by_category),
        place_table(
            "by_district",
            l.pick("Par quartier", "By district"),
            l.pick("Quartier", "District"),
            l,
            &r.by_district,
        ),
        place_table(
            "by_landlord",
            l.pick(
                "Par bailleur ou commanditaire",
                "By landlord or commissioner",
            ),
            l.pick("Bailleur", "Landlord"),
            l,
            &r.by_landlord,
        ),
        source_table(l, &r.by_source),
        priority_table(l, &r.by_priority),
        hour_band_table(l, &r.by_hour_band),
        outcomes_table(l, &r.outcomes),
        levels_table(l, &r.levels),
        partners_table(l, &r.partners),
    ]
}

/// Requests by category, a health count below the threshold as « < 5 ».
pub(crate) fn category_table(title: &str, l: Lang, items: &[Count<Category>]) -> Table {
    count_table(
        "by_category",
        title,
        l.pick("Catégorie", "Category"),
        l,
        items,
        |k| vocab::category(k, l).to_string(),
    )
    .health_suppressed(items)
}

pub(crate) fn source_table(l: Lang, items: &[Count<crate::domain::vocab::Source>]) -> Table {
    count_table(
        "by_source",
        l.pick("Par source", "By source"),
        l.pick("Source", "Source"),
        l,
        items,
        |k| vocab::source(k, l).to_string(),
    )
}

pub(crate) fn priority_table(l: Lang, items: &[Count<crate::domain::vocab::Priority>]) -> Table {
    count_table(
        "by_priority",
        l.pick("Par priorité", "By priority"),
        l.pick("Priorité", "Priority"),
        l,
        items,
        |k| vocab::priority(k, l).to_string(),
    )
}

pub(crate) fn hour_band_table(
    l: Lang,
    items: &[Count<crate::domain::calendar::HourBand>],
) -> Table {
    count_table(
        "by_hour_band",
        l.pick("Par tranche horaire (réception)", "By hour band (received)"),
        l.pick("Tranche", "Band"),
        l,
        items,
        |k| words::hour_band(k, l).to_string(),
    )
}

pub(crate) fn outcomes_table(l: Lang, items: &[Count<crate::domain::vocab::Outcome>]) -> Table {
    count_table(
        "outcomes",
        l.pick("Issues des interventions", "Outcomes of the interventions"),
        l.pick("Issue", "Outcome"),
        l,
        items,
        |k| vocab::outcome(k, l).to_string(),
    )
}

pub(crate) fn levels_table(l: Lang, items: &[Count<crate::domain::vocab::ResponseLevel>]) -> Table {
    count_table(
        "levels",
        l.pick("Niveaux de réponse atteints", "Response levels reached"),
        l.pick("Niveau", "Level"),
        l,
        items,
        |k| vocab::level(k, l).to_string(),
    )
}

pub(crate) fn partners_table(l: Lang, items: &[PartnerCount]) -> Table {
    let mut t = Table::new(
        "partners",
        l.pick(
            "Relais mobilisés et orientations, par partenaire",
            "Relays mobilised and referrals, by partner",
        ),
        &[
            l.pick("Partenaire", "Partner"),
            l.pick("Relais", "Relays"),
            l.pick("Orientations", "Referrals"),
        ],
    );
    t.rows = items
        .iter()
        .map(|p| {
            vec![
                p.name.clone(),
                p.relays.to_string(),
                p.referrals.to_string(),
            ]
        })
        .collect();
    t
}

fn times(r: &NightReport, l: Lang, durations: Durations) -> Table {
    times_table(&r.times, l, durations)
}

/// Response times, overall and by priority, as one table (night and period reports).
pub(crate) fn times_table(times: &Times, l: Lang, durations: Durations) -> Table {
    let mut t = Table::new(
        "times",
        l.pick(
            "Délais de réponse : médiane et 90e centile",
            "Response times: median and 90th percentile",
        ),
        &[
            l.pick("Priorité", "Priority"),
            l.pick("Mesure", "Measure"),
            l.pick("Reçue → envoyée", "Received → dispatched"),
            l.pick("Envoyée → sur place", "Dispatched → on site"),
            l.pick("Reçue → sur place", "Received → on site"),
        ],
    );
    let d = |s: Option<i64>| match durations {
        Durations::Words => words::duration(s),
        Durations::Minutes { decimal } => words::minutes(s, decimal),
    };
    let mut add = |who: String, s: &Stretches| {
        let parts = [s.to_dispatch, s.to_on_site, s.total];
        let minutes = matches!(durations, Durations::Minutes { .. });
        for (measure, pick) in [
            (
                if minutes {
                    l.pick("médiane (min)", "median (min)")
                } else {
                    l.pick("médiane", "median")
                },
                0,
            ),
            (
                if minutes {
                    l.pick("90e centile (min)", "90th percentile (min)")
                } else {
                    l.pick("90e centile", "90th percentile")
                },
                1,
            ),
            (l.pick("nombre", "count"), 2),
        ] {
            let mut row = vec![who.clone(), measure.to_string()];
            row.extend(parts.iter().map(|p| match pick {
                0 => d(p.median_s),
                1 => d(p.p90_s),
                _ => p.count.to_string(),
            }));
            t.rows.push(row);
        }
    };
    add(l.pick("toutes", "all").to_string(), &times.overall);
    for p in &times.by_priority {
        add(vocab::priority(p.priority, l).to_string(), &p.stretches);
    }
    t
}
