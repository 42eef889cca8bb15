//! The geometry of the HTML report's charts, in SVG user units: numbers and labels only.
//! The template (templates/period.html) draws them and escapes every label.

use super::PeriodReport;
use super::input::BANDS;
use super::tables::weekday;
use crate::domain::reference::{GeoPoint, Territory};
use crate::i18n::{Lang, report as words, vocab};

/// Rounded to a tenth: short, stable SVG.
fn r1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    pub label: String,
    pub value: String,
    /// Where the label is written (bars are horizontal).
    pub text_y: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct BarChart {
    pub width: f64,
    pub height: f64,
    pub label_x: f64,
    pub bars: Vec<Bar>,
}

/// Horizontal bars, one per (label, value), longest value full width.
pub fn bars(items: &[(String, u32, String)]) -> BarChart {
    let (width, row, left) = (640.0, 22.0, 250.0);
    let max = items.iter().map(|i| i.1).max().unwrap_or(0).max(1) as f64;
    let bars = items
        .iter()
        .enumerate()
        .map(|(i, (label, v, shown))| {
            let y = 4.0 + i as f64 * row;
            Bar {
                x: left,
                y,
                w: r1((width - left - 50.0) * (*v as f64) / max),
                h: row - 6.0,
                label: label.clone(),
                value: shown.clone(),
                text_y: y + row - 10.0,
            }
        })
        .collect();
    BarChart {
        width,
        height: 8.0 + items.len() as f64 * row,
        label_x: left - 8.0,
        bars,
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    pub x: f64,
    pub y: f64,
    pub label: String,
    pub value: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LineChart {
    pub width: f64,
    pub height: f64,
    pub base: f64,
    pub max_label: String,
    pub path: String,
    pub before_path: String,
    pub points: Vec<Point>,
    pub before: Vec<Point>,
}

/// `2026-11` → `11/26`.
fn short_month(m: &str) -> String {
    match m.split_once('-') {
        Some((y, mm)) => format!("{mm}/{}", y.get(2..).unwrap_or(y)),
        None => m.to_string(),
    }
}

/// The 13-month series of requests, with the year-before line dashed.
pub fn monthly(r: &PeriodReport) -> LineChart {
    let (width, height, left, top, base) = (640.0, 220.0, 40.0, 16.0, 190.0);
    let m = &r.trends.monthly;
    let max = m
        .iter()
        .map(|p| p.requests.max(p.year_before_requests))
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    let step = (width - left - 40.0) / (m.len().max(2) - 1) as f64;
    let at = |i: usize, v: u32| {
        (
            r1(left + i as f64 * step),
            r1(base - (base - top) * v as f64 / max),
        )
    };
    let line = |pick: fn(&super::MonthPoint) -> u32| {
        let pts: Vec<Point> = m
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let (x, y) = at(i, pick(p));
                Point {
                    x,
                    y,
                    // « 11/26 »: thirteen labels fit under the axis.
                    label: short_month(&p.month),
                    value: pick(p),
                }
            })
            .collect();
        let path = pts
            .iter()
            .enumerate()
            .map(|(i, p)| format!("{}{} {}", if i == 0 { "M" } else { "L" }, p.x, p.y))
            .collect::<Vec<_>>()
            .join(" ");
        (pts, path)
    };
    let (points, path) = line(|p| p.requests);
    let (before, before_path) = line(|p| p.year_before_requests);
    LineChart {
        width,
        height,
        base,
        max_label: (max as u32).to_string(),
        path,
        before_path,
        points,
        before,
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub x: f64,
    pub y: f64,
    pub opacity: f64,
    pub value: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct HeatChart {
    pub rows: Vec<(f64, String)>,
    pub cols: Vec<(f64, String)>,
    pub cells: Vec<Cell>,
}

/// Weekday (rows) × hour band (columns), shaded by requests.
pub fn heat(r: &PeriodReport, l: Lang) -> HeatChart {
    let (left, top, w, h) = (90.0, 24.0, 80.0, 26.0);
    let max = r
        .activity
        .heat
        .iter()
        .map(|c| c.count)
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    let cells = r
        .activity
        .heat
        .iter()
        .filter_map(|c| {
            let col = BANDS.iter().position(|b| *b == c.band)?;
            Some(Cell {
                x: left + col as f64 * w,
                y: top + c.weekday as f64 * h,
                opacity: r1(0.08 + 0.92 * c.count as f64 / max),
                value: c.count,
            })
        })
        .collect();
    HeatChart {
        rows: (0..6)
            .map(|d| (top + d as f64 * h + 17.0, weekday(d, l).to_string()))
            .collect(),
        cols: BANDS
            .iter()
            .enumerate()
            .map(|(i, b)| {
                (
                    left + i as f64 * w + w / 2.0,
                    words::hour_band(*b, l).to_string(),
                )
            })
            .collect(),
        cells,
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Area {
    pub d: String,
    pub opacity: f64,
    pub label: String,
    pub value: u32,
    pub x: f64,
    pub y: f64,
}

/// The districts drawn from their outlines (equirectangular, north up), shaded by requests.
pub fn districts(r: &PeriodReport, t: &Territory) -> Vec<Area> {
    let pts: Vec<&GeoPoint> = t.districts.iter().flat_map(|d| d.outline.iter()).collect();
    if pts.is_empty() {
        return Vec::new();
    }
    let (mut lat0, mut lat1, mut lon0, mut lon1) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
    for p in &pts {
        (lat0, lat1) = (lat0.min(p.lat), lat1.max(p.lat));
        (lon0, lon1) = (lon0.min(p.lon), lon1.max(p.lon));
    }
    let k = (lat0.to_radians()).cos();
    let (w, h) = (600.0, 360.0);
    let scale = (w / ((lon1 - lon0) * k).max(1e-9)).min(h / (lat1 - lat0).max(1e-9));
    let xy = |p: &GeoPoint| {
        (
            r1(20.0 + (p.lon - lon0) * k * scale),
            r1(20.0 + (lat1 - p.lat) * scale),
        )
    };
    let max = r
        .activity
        .by_district
        .iter()
        .map(|d| d.count)
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    t.districts
        .iter()
        .map(|d| {
            let value = r
                .activity
                .by_district
                .iter()
                .find(|p| p.id == d.id)
                .map_or(0, |p| p.count);
            let path: Vec<String> = d
                .outline
                .iter()
                .enumerate()
                .map(|(i, p)| {
                    let (x, y) = xy(p);
                    format!("{}{x} {y}", if i == 0 { "M" } else { "L" })
                })
                .collect();
            let (x, y) = xy(&d.centroid);
            Area {
                d: format!("{} Z", path.join(" ")),
                opacity: r1(0.1 + 0.85 * value as f64 / max),
                label: d.name.clone(),
                value,
                x,
                y,
            }
        })
        .collect()
}

/// The watch's funnel: recorded, then the lifecycle stages (empty until tracked).
pub fn funnel(r: &PeriodReport, l: Lang) -> BarChart {
    let w = &r.watch;
    let not_yet = l.pick("non suivi", "not tracked").to_string();
    let stage = |label: &str, v: Option<u32>| {
        (
            label.to_string(),
            v.unwrap_or(0),
            v.map_or(not_yet.clone(), |n| n.to_string()),
        )
    };
    bars(&[
        stage(
            l.pick("Observations", "Observations"),
            Some(w.technical + w.social),
        ),
        stage(l.pick("Transmises", "Transmitted"), w.transmitted),
        stage(l.pick("Prises en compte", "Acknowledged"), w.acknowledged),
        stage(l.pick("Résolues", "Resolved"), w.resolved),
    ])
}

/// Requests by category as bars (a health count below 5 drawn as none, written « < 5 »).
pub fn categories(r: &PeriodReport, l: Lang) -> BarChart {
    let items: Vec<(String, u32, String)> = r
        .activity
        .by_category
        .iter()
        .map(|c| {
            let hidden = c.key.is_health() && c.count < crate::report::redact::HEALTH_THRESHOLD;
            let shown = if hidden {
                crate::report::tables::health_below()
            } else {
                c.count.to_string()
            };
            (
                vocab::category(c.key, l).to_string(),
                if hidden { 0 } else { c.count },
                shown,
            )
        })
        .collect();
    bars(&items)
}
