//! The team picker: every team with its status, the nearest free one marked.

use super::popup::frame_popup;
use super::theme::Theme;
use crate::app::AppState;
use crate::app::board::{can_take, suggested_team, teams};
use crate::app::dispatch::Picker;
use crate::i18n::vocab;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

pub fn draw(frame: &mut Frame, body: Rect, app: &AppState, picker: &Picker, theme: &Theme) {
    let l = app.lang;
    let request = app.domain.requests.get(&picker.request);
    let number = request.map_or(0, |r| r.number);
    // A team already on it: the one chosen goes as a reinforcement.
    let what = match request.and_then(|r| r.team.as_ref()) {
        Some(on) => format!("{} ({on}) :", l.pick("Renfort", "Reinforcement")),
        None => l
            .pick("Envoyer une équipe :", "Dispatch a team:")
            .to_string(),
    };
    let title = format!(
        "{what} {} {number} — {}",
        l.pick("sollicitation", "request"),
        l.pick("Entrée envoie", "Enter sends")
    );
    let rows = teams(app);
    let cursor = crate::app::dispatch::cursor(app, picker);
    let inner = frame_popup(frame, body, 60, rows.len() as u16 + 4, &title, theme);
    let suggested = suggested_team(app, picker.request);
    let mut lines: Vec<Line> = rows
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let mut text = format!("{:<4} {}", t.call_sign, vocab::team_status(t.status(), l));
            if Some(&t.call_sign) == suggested.as_ref() {
                text.push_str(l.pick("  ← la plus proche", "  ← nearest"));
            }
            if !can_take(t) {
                text.push_str(l.pick("  (occupée)", "  (busy)"));
            }
            let style = if i == cursor {
                theme.selected()
            } else if can_take(t) {
                Style::new()
            } else {
                theme.dim()
            };
            Line::styled(text, style)
        })
        .collect();
    if rows.get(cursor).is_some_and(|t| !can_take(t)) {
        lines.push(Line::styled(
            l.pick(
                "Attention : cette équipe est occupée.",
                "Warning: this team is busy.",
            ),
            theme.error(),
        ));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
