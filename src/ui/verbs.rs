//! `:aide`: the command line's verbs, from their table: with their arguments in two
//! columns where the height allows, else their names alone in as many columns as needed
//! (every verb is always listed; a verb typed wrong answers with how it is written).

use super::popup::frame_popup;
use super::theme::Theme;
use crate::app::AppState;
use crate::app::verbs::VERBS;
use crate::i18n::Lang;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

/// Rows needed for `lines` in `cols` columns of `width` cells in all.
fn rows(lines: &[String], cols: usize, width: usize) -> usize {
    let column = (width / cols).max(1);
    lines
        .chunks(lines.len().div_ceil(cols).max(1))
        .map(|c| {
            c.iter()
                .map(|x| {
                    unicode_width::UnicodeWidthStr::width(x.as_str())
                        .div_ceil(column)
                        .max(1)
                })
                .sum::<usize>()
        })
        .max()
        .unwrap_or(0)
}

pub fn draw(frame: &mut Frame, body: Rect, app: &AppState, theme: &Theme) {
    let l = app.lang;
    let width = body.width.min(110).saturating_sub(2) as usize;
    let room = body.height.saturating_sub(2) as usize;
    let full: Vec<String> = VERBS.iter().map(|v| v.usage(l)).collect();
    let names: Vec<String> = VERBS
        .iter()
        .map(|v| format!(":{}", if l == Lang::Fr { v.fr } else { v.en }))
        .collect();
    let choices = [(&full, 2), (&names, 3), (&names, 4), (&names, 5)];
    let (lines, cols) = choices
        .iter()
        .find(|(ls, c)| rows(ls, *c, width) <= room)
        .copied()
        .unwrap_or((&names, 5));
    let height = rows(lines, cols, width) as u16;
    let title = l.pick(
        "Ligne de commande « : » — toute touche ferme",
        "Command line \":\" — any key closes",
    );
    let inner = frame_popup(frame, body, 110, height + 2, title, theme);
    let areas = inner.layout_vec(&Layout::horizontal(vec![Constraint::Fill(1); cols]));
    let wrap = Wrap { trim: false };
    let per = lines.len().div_ceil(cols).max(1);
    for (chunk, area) in lines.chunks(per).zip(areas.iter()) {
        let text: Vec<Line> = chunk.iter().map(|s| Line::raw(s.clone())).collect();
        frame.render_widget(Paragraph::new(text).wrap(wrap), *area);
    }
}
