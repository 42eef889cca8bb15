//! Help, drawn from the keymap tables themselves.

use super::theme::Theme;
use crate::app::AppState;
use crate::app::keymap::{BOARD, Binding, FORM};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph};

pub fn draw(frame: &mut Frame, area: Rect, app: &AppState, theme: &Theme) {
    let l = app.lang;
    let block = Block::bordered().title(Line::styled(
        l.pick("Aide — Esc pour revenir", "Help — Esc to go back"),
        theme.title(),
    ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [left, right] = inner.layout(&Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Fill(1),
    ]));
    let column = |title: &str, table: &[Binding]| {
        let mut lines = vec![Line::styled(title.to_string(), theme.title())];
        lines.extend(
            table
                .iter()
                .map(|b| Line::raw(format!(" {:<7} {}", b.key_name(l), l.pick(b.fr, b.en)))),
        );
        Paragraph::new(lines)
    };
    frame.render_widget(column(l.pick("Tableau", "Board"), BOARD), left);
    frame.render_widget(column(l.pick("Formulaires", "Forms"), FORM), right);
}
