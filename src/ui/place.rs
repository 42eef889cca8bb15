//! Where a team is, or where its active presence goes: the query and its matches.

use super::popup::FormPopup;
use super::theme::Theme;
use crate::app::AppState;
use crate::app::form::Open;
use crate::app::place::{PlaceForm, Purpose};
use crate::i18n::{places, watch};
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
    let offering = form.purpose == Purpose::Presence && form.is_empty();
    let matches = if offering {
        form.offered(&app.domain, &app.territory)
    } else {
        form.matches(&app.territory)
    };
    let hint = match (form.purpose, matches.len()) {
        (Purpose::Presence, 0) if form.is_empty() => l.pick(
            "vide : le quartier où l'équipe se trouve",
            "empty: the district the team is in",
        ),
        (Purpose::Presence, _) if form.is_empty() => l.pick(
            "↑/↓ : son quartier ou la feuille de route ; ou tapez un lieu",
            "↑/↓: its district or the night's plan; or type a place",
        ),
        (_, 0) if form.is_empty() => {
            l.pick("tapez un site ou un quartier", "type a site or a district")
        }
        (_, 0) => l.pick("aucun lieu ne correspond", "no place matches"),
        (_, _) => "",
    };
    let hint = match hint {
        "" => format!("{}/{} · ↑/↓", form.choice + 1, matches.len()),
        h if offering && !matches.is_empty() => {
            format!("{}/{} · {h}", form.choice + 1, matches.len())
        }
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
        // A point of tonight's plan says so, with its window.
        let planned = form
            .plan
            .iter()
            .find(|s| offering && s.at == *at)
            .and_then(|s| app.domain.plan.get(&s.item))
            .map_or(String::new(), |i| {
                format!("[{}] ", watch::window(&i.window))
            });
        let name = format!("  {planned}{}", places::place(&app.territory, at));
        p.line(Line::styled(name, style));
    }
    p.draw(frame, body, theme);
}
