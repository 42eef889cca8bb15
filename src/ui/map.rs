//! The map of the districts (ratatui Canvas): outlines and teams en route; names, the base,
//! teams and waiting requests are written over it in cells (map_marks.rs).

use super::theme::Theme;
use crate::app::AppState;
use crate::app::board::teams;
use crate::domain::vocab::TeamStatus;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Color;
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
            paint_en_route(ctx, app, theme);
        });
    frame.render_widget(canvas, area);
    // Names and markers are laid out in cells, so that none hides another.
    let inner = Block::bordered().inner(area);
    super::map_marks::draw(frame, inner, [x0, x1, y0, y1], app, theme);
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
    }
}

/// Teams en route: a line from where they were to the request they go to.
fn paint_en_route(ctx: &mut Context, app: &AppState, theme: &Theme) {
    for t in teams(app) {
        if t.status() != TeamStatus::EnRoute {
            continue;
        }
        let to = t
            .assignment
            .and_then(|(r, _)| app.domain.requests.get(&r))
            .and_then(|r| app.territory.site(&r.site))
            .map(|s| s.at);
        let (Some(from), Some(to)) = (super::map_marks::point(app, &t.position), to) else {
            continue;
        };
        ctx.draw(&Segment {
            x1: from.lon,
            y1: from.lat,
            x2: to.lon,
            y2: to.lat,
            color: color(theme, Color::Green),
        });
    }
}
