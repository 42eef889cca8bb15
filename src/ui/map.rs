//! The map of the districts (ratatui Canvas): outlines, teams, waiting requests.

use super::theme::Theme;
use crate::app::board::{self, Alert, open_requests, request_alert, teams};
use crate::app::{AppState, Mode, Pane};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::symbols::Marker;
use ratatui::text::Line;
use ratatui::widgets::Block;
use ratatui::widgets::canvas::{Canvas, Context, Line as Segment};

pub fn draw(frame: &mut Frame, area: Rect, app: &AppState, theme: &Theme) {
    let l = app.lang;
    let block = Block::bordered().title(Line::styled(l.pick("Carte", "Map"), theme.title()));
    let bounds = bounds(app).filter(|_| area.height >= 5 && area.width >= 12);
    let Some([x0, x1, y0, y1]) = bounds else {
        frame.render_widget(block, area);
        return;
    };
    let canvas = Canvas::default()
        .block(block)
        .marker(Marker::Braille)
        .x_bounds([x0, x1])
        .y_bounds([y0, y1])
        .paint(|ctx| {
            paint_districts(ctx, app, theme);
            ctx.layer();
            paint_requests(ctx, app, theme);
            paint_teams(ctx, app, theme);
        });
    frame.render_widget(canvas, area);
}

/// West, east, south and north of the districts' outlines.
fn bounds(app: &AppState) -> Option<[f64; 4]> {
    let points = app
        .territory
        .districts
        .iter()
        .flat_map(|d| d.outline.iter());
    let (mut x0, mut x1, mut y0, mut y1) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
    for p in points {
        x0 = x0.min(p.lon);
        x1 = x1.max(p.lon);
        y0 = y0.min(p.lat);
        y1 = y1.max(p.lat);
    }
    (x0 <= x1 && y0 <= y1).then_some([x0, x1, y0, y1])
}

fn color(theme: &Theme, c: Color) -> Color {
    if theme.color { c } else { Color::Reset }
}

fn paint_districts(ctx: &mut Context, app: &AppState, theme: &Theme) {
    for d in &app.territory.districts {
        for w in d.outline.windows(2) {
            ctx.draw(&Segment {
                x1: w[0].lon,
                y1: w[0].lat,
                x2: w[1].lon,
                y2: w[1].lat,
                color: color(theme, Color::DarkGray),
            });
        }
        let name = Line::styled(d.name.clone(), theme.dim());
        ctx.print(d.centroid.lon, d.centroid.lat, name);
    }
}

/// Requests waiting for a team, coloured by how late they are; the selected one (or the
/// one a team is being picked for) reversed.
fn paint_requests(ctx: &mut Context, app: &AppState, theme: &Theme) {
    let highlighted = match (&app.mode, app.focus) {
        (Mode::Dispatch(picker), _) => Some(picker.request),
        (_, Pane::Requests) => app.selected_request(),
        _ => None,
    };
    for r in open_requests(app).iter().filter(|r| r.team.is_none()) {
        let Some(site) = app.territory.site(&r.site) else {
            continue;
        };
        let (_, alert) = request_alert(r, app.now, &app.thresholds);
        let mut style = match alert {
            Alert::None => Style::new().fg(color(theme, Color::Cyan)),
            a => theme.alert(a),
        };
        if Some(r.id) == highlighted {
            style = style.patch(theme.selected());
        }
        let marker = Line::styled(format!("●{}", r.number), style);
        ctx.print(site.at.lon, site.at.lat, marker);
    }
}

fn paint_teams(ctx: &mut Context, app: &AppState, theme: &Theme) {
    let highlighted = (app.focus == Pane::Teams)
        .then(|| app.selected_team())
        .flatten();
    for t in teams(app) {
        let Some(p) = board::point_of(&app.territory, &t.position) else {
            continue;
        };
        let mut style = Style::new().fg(color(theme, Color::Green));
        if Some(&t.call_sign) == highlighted.as_ref() {
            style = style.patch(theme.selected());
        }
        ctx.print(
            p.lon,
            p.lat,
            Line::styled(format!("▲{}", t.call_sign), style),
        );
    }
}
