//! The night's plan on the board: a checklist between the teams and the map, each item
//! with its window, place and passage (✓ 21:42 E2), the late ones marked.

use super::theme::Theme;
use crate::app::AppState;
use crate::app::board::Alert;
use crate::app::plan::items;
use crate::domain::plan::{PlanKind, minutes_at, night_minutes};
use crate::i18n::{dates, watch};
use crate::text;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph};

/// Rows the strip takes (borders included) out of `room`, leaving the map some.
pub fn strip_height(app: &AppState, room: u16) -> u16 {
    let n = items(app).len() as u16;
    if n == 0 {
        return 0;
    }
    let rows = n.min(6).min(room.saturating_sub(7));
    if rows == 0 { 0 } else { rows + 2 }
}

/// Draws the strip in the gap between `above` and `below`.
pub fn draw(frame: &mut Frame, above: Rect, below: Rect, app: &AppState, theme: &Theme) {
    let area = Rect::new(
        above.x,
        above.bottom(),
        above.width,
        below.y.saturating_sub(above.bottom()),
    );
    let rows = items(app);
    if rows.is_empty() || area.height < 3 {
        return;
    }
    let l = app.lang;
    let done = rows.iter().filter(|i| i.done()).count();
    let title = format!(
        "{} {done}/{} — p",
        l.pick("Feuille de route", "Night's plan"),
        rows.len()
    );
    let block = Block::bordered().title(Line::styled(title, theme.title()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let now = minutes_at(app.now);
    // The points not passed first (late ones before the rest), so the strip shows what is due.
    let mut rows = rows;
    rows.sort_by_key(|i| (i.done(), i.window.sort_key()));
    let width = inner.width as usize;
    let lines: Vec<Line> = rows
        .iter()
        .take(inner.height as usize)
        .map(|i| {
            let late = !i.done() && night_minutes(i.window.to) < now;
            let mark = match (i.done(), late) {
                (true, _) => "✓",
                (false, true) => "!",
                (false, false) => "○",
            };
            let kind = match i.kind {
                PlanKind::EarlyVisit => l.pick("V ", "V "),
                PlanKind::TargetedPoint => "",
            };
            let passed = i.passages.last().map_or(String::new(), |p| {
                format!(" {} {}", dates::clock(p.at), p.team)
            });
            let head = format!("{mark} {} {kind}", watch::window(&i.window));
            let place_w = width.saturating_sub(text::width(&head) + text::width(&passed));
            let place = text::fit(&watch::place(&i.place, &app.territory), place_w);
            let style = if late {
                theme.alert(Alert::Amber)
            } else if i.done() {
                theme.dim()
            } else {
                ratatui::style::Style::new()
            };
            Line::styled(format!("{head}{place}{passed}"), style)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
