//! Where a team is, or where its active presence goes: the query and its matches.

use super::popup::FormPopup;
use super::theme::Theme;
use crate::app::AppState;
use crate::app::form::Open;
use crate::app::place::{PlaceForm, Purpose};
use crate::i18n::places;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;

/// Matches listed around the chosen one.
const SHOWN: usize = 6;

pub fn draw(frame: &mut Frame, body: Rect, app: &AppState, open: &Open<PlaceForm>, theme: &Theme) {
    let l = app.lang;
    let form = &open.form;
    let (what, then) = match form.purpose {
        Purpose::Move => (
            l.pick("Position de", "Position of"),
            l.pick("Entrée enregistre", "Enter saves"),
        ),
        Purpose::Presence => (
            l.pick("Présence active de", "Active presence of"),
            l.pick("point visé, Entrée", "targeted point, Enter"),
        ),
    };
    let title = format!("{what} {} — {then}", form.team);
    let matches = form.matches(&app.territory);
    let hint = match (form.purpose, matches.len()) {
        (Purpose::Presence, _) if form.is_empty() => l.pick(
            "vide : le quartier où l'équipe se trouve",
            "empty: the district the team is in",
        ),
        (_, 0) if form.is_empty() => {
            l.pick("tapez un site ou un quartier", "type a site or a district")
        }
        (_, 0) => l.pick("aucun lieu ne correspond", "no place matches"),
        (_, _) => "",
    };
    let hint = match hint {
        "" => format!("{}/{} · ↑/↓", form.choice + 1, matches.len()),
        h => h.to_string(),
    };
    let mut p = FormPopup::new(title, 80).height(5 + SHOWN as u16);
    p.text(l.pick("Lieu", "Place"), &form.query, true);
    p.under(hint, theme.dim());
    let first = form.choice.saturating_sub(SHOWN - 1);
    for (i, at) in matches.iter().enumerate().skip(first).take(SHOWN) {
        let style = if i == form.choice {
            theme.selected()
        } else {
            Style::new()
        };
        let name = format!("  {}", places::place(&app.territory, at));
        p.line(Line::styled(name, style));
    }
    p.draw(frame, body, theme);
}
