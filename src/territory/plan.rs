//! `plan.toml` (optional): the standing plan of the night, per weekday — targeted points
//! (a site or a district) with a time window, and the early visits to residents of social
//! structures. Each item becomes a plan item of every night of its weekdays when it opens.

use super::error::TerritoryError;
use super::files::parse_toml;
use super::source::Source;
use crate::domain::plan::{PlanKind, PlanPlace, StandingItem, Window};
use crate::domain::reference::Territory;
use chrono::{NaiveTime, Weekday};
use serde::Deserialize;

pub(crate) const PLAN_FILE: &str = "plan.toml";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PlanFile {
    #[serde(default)]
    items: Vec<ItemEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ItemEntry {
    /// "mon" … "sat" (or "monday", French "lundi" …).
    days: Vec<String>,
    kind: PlanKind,
    #[serde(default)]
    site: Option<String>,
    #[serde(default)]
    district: Option<String>,
    /// "21:30"; `to` may be past midnight.
    from: String,
    to: String,
}

/// Parses `plan.toml` and checks its places against the territory already loaded.
pub(crate) fn load(src: &Source, t: &Territory) -> Result<Vec<StandingItem>, TerritoryError> {
    let file: PlanFile = parse_toml(src)?;
    file.items
        .into_iter()
        .enumerate()
        .map(|(i, e)| item(src, t, i, e))
        .collect()
}

fn item(
    src: &Source,
    t: &Territory,
    i: usize,
    e: ItemEntry,
) -> Result<StandingItem, TerritoryError> {
    let fail = |field: &str, message: String| TerritoryError::Syntax {
        file: src.file.clone(),
        line: nth_item_line(src, i),
        column: None,
        field: Some(format!("items[{i}].{field}")),
        message,
    };
    let place = match (e.site, e.district) {
        (Some(s), None) if t.site(&s).is_some() => PlanPlace::Site(s),
        (None, Some(d)) if t.district(&d).is_some() => PlanPlace::District(d),
        (Some(s), None) => return Err(fail("site", format!("unknown site `{s}`"))),
        (None, Some(d)) => return Err(fail("district", format!("unknown district `{d}`"))),
        _ => {
            return Err(fail("site", "give either `site` or `district`".to_string()));
        }
    };
    let days = e
        .days
        .iter()
        .map(|d| weekday(d).ok_or_else(|| fail("days", format!("unknown day `{d}`"))))
        .collect::<Result<Vec<_>, _>>()?;
    let time = |field: &str, s: &str| {
        NaiveTime::parse_from_str(s, "%H:%M")
            .map_err(|_| fail(field, format!("`{s}` is not a time like 21:30")))
    };
    let window = Window {
        from: time("from", &e.from)?,
        to: time("to", &e.to)?,
    };
    if window.is_empty() {
        return Err(fail("to", "the window ends before it starts".to_string()));
    }
    Ok(StandingItem {
        days,
        kind: e.kind,
        place,
        window,
    })
}

fn weekday(s: &str) -> Option<Weekday> {
    let fr = [
        ("lun", Weekday::Mon),
        ("mar", Weekday::Tue),
        ("mer", Weekday::Wed),
        ("jeu", Weekday::Thu),
        ("ven", Weekday::Fri),
        ("sam", Weekday::Sat),
        ("dim", Weekday::Sun),
    ];
    let lower = s.to_lowercase();
    s.parse::<Weekday>().ok().or_else(|| {
        fr.iter()
            .find(|(p, _)| lower.starts_with(p))
            .map(|(_, d)| *d)
    })
}

/// The line of the `i`-th `[[items]]` header.
fn nth_item_line(src: &Source, i: usize) -> Option<usize> {
    src.text
        .lines()
        .enumerate()
        .filter(|(_, l)| l.trim() == "[[items]]")
        .nth(i)
        .map(|(n, _)| n + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rennes_plan_loads_with_its_places() {
        let t = crate::territory::rennes().expect("Rennes loads");
        assert!(!t.plan.is_empty());
        assert!(t.plan.iter().any(|i| i.kind == PlanKind::EarlyVisit));
        assert!(t.plan.iter().all(|i| !i.days.contains(&Weekday::Sun)));
    }

    #[test]
    fn an_unknown_site_or_a_bad_time_says_where() {
        let t = crate::territory::rennes().expect("Rennes loads");
        let bad = "[[items]]\ndays = [\"mon\"]\nkind = \"targeted_point\"\nsite = \"nowhere\"\nfrom = \"21:00\"\nto = \"22:00\"\n";
        let err = load(&Source::new("plan.toml", bad), &t).unwrap_err();
        assert!(err.to_string().contains("nowhere"), "{err}");
        assert!(err.to_string().contains("items[0].site"), "{err}");
        let bad = bad
            .replace("nowhere", "mau-gros-chene-3")
            .replace("22:00", "9h");
        let err = load(&Source::new("plan.toml", bad), &t).unwrap_err();
        assert!(err.to_string().contains("9h"), "{err}");
    }

    #[test]
    fn days_read_in_english_or_french() {
        assert_eq!(weekday("mon"), Some(Weekday::Mon));
        assert_eq!(weekday("Samedi"), Some(Weekday::Sat));
        assert_eq!(weekday("xyz"), None);
    }
}
