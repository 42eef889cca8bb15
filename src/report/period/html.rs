//! The period report as one self-contained HTML file: inline CSS and SVG, no script, no
//! font or image fetched from anywhere, a print stylesheet (A4, a page per section). The
//! template (templates/period.html, askama) escapes every text it writes.

use super::charts::{self, Area, BarChart, HeatChart, LineChart};
use super::tables::{self, heading};
use super::{PeriodReport, trends::change};
use crate::domain::reference::Territory;
use crate::i18n::Lang;
use crate::report::tables::{Durations, Table};
use askama::Template;

pub struct Card {
    pub value: String,
    pub label: String,
    pub change: String,
}

pub struct Section {
    pub id: &'static str,
    pub title: String,
    pub line: Vec<LineChart>,
    pub bars: Vec<BarChart>,
    /// `bar` or `funnel`: what the bars stand for.
    pub bar_class: &'static str,
    pub heat: Vec<HeatChart>,
    pub map: Vec<Vec<Area>>,
    pub tables: Vec<Table>,
}

#[derive(Template)]
#[template(path = "period.html")]
struct Page {
    lang: &'static str,
    title: String,
    lines: Vec<String>,
    legend: String,
    cards: Vec<Card>,
    sections: Vec<Section>,
}

impl Page {
    /// Counts and durations align right (every column after the first).
    fn is_number(&self, column: &usize, cell: &str) -> bool {
        *column > 1
            && cell
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_digit() || c == '<' || c == '+' || c == '-')
    }
}

fn section(id: &'static str, title: &str) -> Section {
    Section {
        id,
        title: title.to_string(),
        line: Vec::new(),
        bars: Vec::new(),
        bar_class: "bar",
        heat: Vec::new(),
        map: Vec::new(),
        tables: Vec::new(),
    }
}

/// The tables of `all` whose ids are listed, in that order.
fn take(all: &[Table], ids: &[&str]) -> Vec<Table> {
    ids.iter()
        .filter_map(|id| all.iter().find(|t| t.id == *id).cloned())
        .collect()
}

fn cards(r: &PeriodReport, l: Lang) -> Vec<Card> {
    r.trends
        .headline
        .iter()
        .map(|h| {
            let pct = |c| super::tables::pct(c, l);
            Card {
                value: h.value.to_string(),
                label: super::tables::figure_name(&h.figure, l).to_string(),
                change: format!(
                    "{} {} · {} {}",
                    l.pick("période précédente :", "previous period:"),
                    pct(change(h.value, h.previous)),
                    l.pick("sur un an :", "over a year:"),
                    pct(change(h.value, h.year_before)),
                ),
            }
        })
        .collect()
}

pub fn render(r: &PeriodReport, t: &Territory, l: Lang) -> Result<String, String> {
    let (title, lines) = heading(r, l);
    let page = Page {
        lang: l.pick("fr", "en"),
        title,
        lines,
        legend: l
            .pick(
                "Trait plein : sollicitations par mois ; tirets : le même mois un an avant.",
                "Solid line: requests per month; dashed: the same month a year before.",
            )
            .to_string(),
        cards: cards(r, l),
        sections: sections(r, t, l),
    };
    page.render().map_err(|e| e.to_string())
}

/// The report's sections in order, each with its chart and its tables.
fn sections(r: &PeriodReport, t: &Territory, l: Lang) -> Vec<Section> {
    let all = tables::tables(r, l, Durations::Words);
    let mut trends = section("trends", l.pick("Évolutions", "Trends"));
    trends.line.push(charts::monthly(r));
    trends.tables = take(&all, &["trends", "monthly"]);
    let mut activity = section("activity", l.pick("Activité", "Activity"));
    activity.bars.push(charts::categories(r, l));
    activity.tables = take(
        &all,
        &[
            "totals",
            "by_category",
            "by_source",
            "by_priority",
            "levels",
            "outcomes",
            "partners",
            "times",
        ],
    );
    let mut when = section(
        "when",
        l.pick("Quand : nuits et heures", "When: nights and hours"),
    );
    when.heat.push(charts::heat(r, l));
    when.tables = take(&all, &["heat", "by_weekday", "by_hour_band"]);
    let mut places = section(
        "where",
        l.pick("Où : quartiers et sites", "Where: districts and sites"),
    );
    places.map.push(charts::districts(r, t));
    places.tables = take(
        &all,
        &[
            "by_district",
            "interventions_by_district",
            "territory_by_district",
            "by_site",
        ],
    );
    let mut watch = section(
        "watch",
        l.pick(
            "Veille sociale et territoriale",
            "Social and territorial watch",
        ),
    );
    watch.bars.push(charts::funnel(r, l));
    watch.bar_class = "funnel";
    watch.tables = take(&all, &["watch", "watch_by_kind", "watch_by_commissioner"]);
    let mut cases = section("situations", l.pick("Situations", "Situations"));
    cases.tables = take(
        &all,
        &["situations", "situations_by_level", "recurring_sites"],
    );
    let mut actions = section(
        "actions",
        l.pick("Actions hors appels", "Actions beyond calls"),
    );
    actions.tables = take(
        &all,
        &[
            "actions_by_kind",
            "actions_by_district",
            "actions_partners",
            "early",
        ],
    );
    vec![trends, activity, when, places, watch, cases, actions]
}
