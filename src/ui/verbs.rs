//! `:aide`: the command line's verbs, from their table, in two columns.

use super::popup::frame_popup;
use super::theme::Theme;
use crate::app::AppState;
use crate::app::verbs::VERBS;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

pub fn draw(frame: &mut Frame, body: Rect, app: &AppState, theme: &Theme) {
    let l = app.lang;
    let half = VERBS.len().div_ceil(2);
    let lines: Vec<Line> = VERBS.iter().map(|v| Line::raw(v.usage(l))).collect();
    let (first, second) = lines.split_at(half);
    // Each column as tall as its lines once wrapped (a long usage takes two).
    let column = (body.width.min(110).saturating_sub(2) / 2).max(1) as usize;
    let tall =
        |ls: &[Line]| -> usize { ls.iter().map(|x| x.width().div_ceil(column).max(1)).sum() };
    let rows = tall(first).max(tall(second)) as u16;
    let title = l.pick(
        "Ligne de commande « : » — toute touche ferme",
        "Command line \":\" — any key closes",
    );
    let inner = frame_popup(frame, body, 110, rows + 2, title, theme);
    let [left, right] = inner.layout(&Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Fill(1),
    ]));
    let wrap = Wrap { trim: false };
    frame.render_widget(Paragraph::new(first.to_vec()).wrap(wrap), left);
    frame.render_widget(Paragraph::new(second.to_vec()).wrap(wrap), right);
}
