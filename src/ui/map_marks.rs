//! What the map writes over the outlines, laid out in cells so that nothing hides anything:
//! the district names first (never overwritten), then the waiting requests (several at one
//! place merged: « ●3 »), the base and the teams (several at one place merged: « ▲2 »,
//! those at base at the base). A mark whose cells are taken moves to the nearest free row.

use super::theme::Theme;
use crate::app::board::{Alert, open_requests, request_alert, teams};
use crate::app::{AppState, Mode, Pane};
use crate::domain::reference::GeoPoint;
use crate::domain::vocab::Position;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};

/// The map's geographic bounds: west, east, south, north.
pub type Bounds = [f64; 4];

/// Where a point falls in `inner`, as the canvas maps it.
pub fn cell(inner: Rect, b: Bounds, p: GeoPoint) -> Option<(u16, u16)> {
    let [x0, x1, y0, y1] = b;
    if inner.width == 0 || inner.height == 0 || x1 <= x0 || y1 <= y0 {
        return None;
    }
    let fx = ((p.lon - x0) / (x1 - x0)).clamp(0.0, 1.0);
    let fy = ((y1 - p.lat) / (y1 - y0)).clamp(0.0, 1.0);
    let col = (fx * f64::from(inner.width - 1)).round() as u16;
    let row = (fy * f64::from(inner.height - 1)).round() as u16;
    Some((inner.x + col, inner.y + row))
}

/// A team's or a request's place on the map (the base for a team at base).
pub fn point(app: &AppState, p: &Position) -> Option<GeoPoint> {
    match p {
        Position::Base => app.territory.base.as_ref().map(|b| b.at),
        other => crate::app::board::point_of(&app.territory, other),
    }
}

struct Mark {
    at: GeoPoint,
    text: String,
    style: Style,
}

/// The cells already written.
struct Taken(Vec<(u16, u16, u16)>);

impl Taken {
    fn free(&self, x: u16, y: u16, w: u16) -> bool {
        self.0
            .iter()
            .all(|(tx, ty, tw)| *ty != y || x + w <= *tx || *tx + *tw <= x)
    }
}

pub fn draw(frame: &mut Frame, inner: Rect, b: Bounds, app: &AppState, theme: &Theme) {
    let mut taken = Taken(Vec::new());
    let mut marks: Vec<Mark> = app
        .territory
        .districts
        .iter()
        .map(|d| Mark {
            at: d.centroid,
            text: d.name.clone(),
            style: theme.dim(),
        })
        .collect();
    marks.extend(requests(app, theme));
    marks.extend(team_marks(app, theme));
    let buf = frame.buffer_mut();
    for m in marks {
        let Some((x, y)) = cell(inner, b, m.at) else {
            continue;
        };
        let w = crate::text::width(&m.text) as u16;
        let w = w.min(inner.width);
        // Centred on its point, kept inside, moved to the nearest free row if need be.
        let x = x
            .saturating_sub(w / 2)
            .clamp(inner.x, inner.right().saturating_sub(w));
        let rows = [0i32, 1, -1, 2, -2];
        let spot = rows.iter().find_map(|dy| {
            let y = i32::from(y) + dy;
            let inside = y >= i32::from(inner.y) && y < i32::from(inner.bottom());
            let y = y as u16;
            (inside && taken.free(x, y, w)).then_some(y)
        });
        let Some(y) = spot else {
            continue;
        };
        buf.set_stringn(x, y, &m.text, w as usize, m.style);
        taken.0.push((x, y, w));
    }
}

fn color(theme: &Theme, c: Color) -> Color {
    if theme.color { c } else { Color::Reset }
}

/// Requests waiting for a team, one mark per site (« ●3 » for three), in the colour of the
/// latest; the selected one (or the one a team is being picked for) reversed.
fn requests(app: &AppState, theme: &Theme) -> Vec<Mark> {
    let highlighted = match (&app.mode, app.focus) {
        (Mode::Dispatch(picker), _) => Some(picker.request),
        (_, Pane::Requests) => app.selected_request(),
        _ => None,
    };
    let mut by_site: Vec<(String, Vec<Waiting>)> = Vec::new();
    for r in open_requests(app).iter().filter(|r| r.team.is_none()) {
        let (_, alert) = request_alert(r, app.now, &app.thresholds);
        let entry = (r.number, alert, Some(r.id) == highlighted);
        match by_site.iter_mut().find(|(s, _)| *s == r.site) {
            Some((_, v)) => v.push(entry),
            None => by_site.push((r.site.clone(), vec![entry])),
        }
    }
    by_site
        .into_iter()
        .filter_map(|(site, v)| {
            let at = app.territory.site(&site)?.at;
            let worst = v
                .iter()
                .map(|e| e.1)
                .max_by_key(|a| rank(*a))
                .unwrap_or(Alert::None);
            let mut style = match worst {
                Alert::None => Style::new().fg(color(theme, Color::Cyan)),
                a => theme.alert(a),
            };
            if v.iter().any(|e| e.2) {
                style = style.patch(theme.selected());
            }
            let text = match v.as_slice() {
                [one] => format!("●{}", one.0),
                many => format!("●{}", many.len()),
            };
            Some(Mark { at, text, style })
        })
        .collect()
}

/// A waiting request on the map: its number, how late, whether it is the one selected.
type Waiting = (u32, Alert, bool);

fn rank(a: Alert) -> u8 {
    match a {
        Alert::None => 0,
        Alert::Amber => 1,
        Alert::Red => 2,
    }
}

/// Teams, one mark per place (« ▲2 » for two), those at base at the base.
fn team_marks(app: &AppState, theme: &Theme) -> Vec<Mark> {
    let highlighted = (app.focus == Pane::Teams)
        .then(|| app.selected_team())
        .flatten();
    let mut by_place: Vec<(Position, Vec<&str>)> = Vec::new();
    for t in teams(app) {
        match by_place.iter_mut().find(|(p, _)| *p == t.position) {
            Some((_, v)) => v.push(&t.call_sign),
            None => by_place.push((t.position.clone(), vec![&t.call_sign])),
        }
    }
    // The base is drawn even with nobody there; its teams are written with it (« ⌂E2 »).
    if app.territory.base.is_some() && !by_place.iter().any(|(p, _)| *p == Position::Base) {
        by_place.push((Position::Base, Vec::new()));
    }
    by_place
        .into_iter()
        .filter_map(|(p, v)| {
            let at = point(app, &p)?;
            let mut style = Style::new().fg(color(theme, Color::Green));
            if v.iter().any(|c| Some(*c) == highlighted.as_deref()) {
                style = style.patch(theme.selected());
            }
            let sign = if p == Position::Base { "⌂" } else { "▲" };
            let text = match v.as_slice() {
                [] => sign.to_string(),
                [one] => format!("{sign}{one}"),
                many => format!("{sign}{}", many.len()),
            };
            if v.is_empty() {
                style = theme.dim();
            }
            Some(Mark { at, text, style })
        })
        .collect()
}
