//! The partner directory: every partner with its number and hours, filtered as one types.

use super::theme::Theme;
use crate::app::directory::{kind, rows};
use crate::app::{AppState, Mode};
use crate::text::{fit, width};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

pub fn draw(frame: &mut Frame, area: Rect, app: &AppState, theme: &Theme) {
    let l = app.lang;
    let rows = rows(app);
    let query = match &app.mode {
        Mode::Search(input) => input.value().to_string(),
        _ => app.directory.query.clone(),
    };
    let filter = if query.is_empty() {
        l.pick("/ pour chercher", "/ to search").to_string()
    } else {
        format!("« {query} » — Esc : {}", l.pick("tout", "all"))
    };
    let title = format!(
        "{} ({}) — {filter}",
        l.pick("Annuaire des partenaires", "Partner directory"),
        rows.len()
    );
    let block = Block::bordered()
        .title(Line::styled(title, theme.title()))
        .border_style(theme.focused_border());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if rows.is_empty() {
        let text = l.pick("Aucun partenaire ne correspond.", "No partner matches.");
        frame.render_widget(
            Paragraph::new(text)
                .style(theme.dim())
                .wrap(Wrap { trim: true }),
            inner,
        );
        return;
    }
    let w = inner.width as usize;
    // Number first after the name: it is what the coordinator came for.
    let phone_w = rows
        .iter()
        .map(|p| width(&p.phone))
        .max()
        .unwrap_or(0)
        .min(16);
    // The whole name where the width allows: on a wide terminal the hours take the rest.
    let longest = rows.iter().map(|p| width(&p.name)).max().unwrap_or(0);
    let name_w = (w.saturating_sub(phone_w + 3) * 11 / 20)
        .min(longest + 1)
        .max(12);
    let kind_w = if w >= 120 { 20 } else { 0 };
    let hours_w = w.saturating_sub(name_w + phone_w + kind_w + 4);
    let sel = app.directory.selected.min(rows.len() - 1);
    let first = sel.saturating_sub((inner.height as usize).saturating_sub(1));
    let lines: Vec<Line> = rows
        .iter()
        .enumerate()
        .skip(first)
        .take(inner.height as usize)
        .map(|(i, p)| {
            let hours = p.hours.as_deref().unwrap_or("—");
            let mut spans = vec![
                Span::raw(format!("{} ", fit(&p.name, name_w))),
                Span::styled(format!("{} ", fit(&p.phone, phone_w)), theme.title()),
                Span::raw(format!(" {}", fit(hours, hours_w))),
            ];
            if kind_w > 0 {
                spans.push(Span::styled(
                    format!(" {}", fit(kind(p.kind, l), kind_w)),
                    theme.dim(),
                ));
            }
            let line = Line::from(spans);
            if i == sel {
                line.style(theme.selected())
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
