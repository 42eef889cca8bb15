//! The pop-ups about teams: opening the night with them, and placing one.

use super::forms::{field, popup, text_field};
use super::theme::Theme;
use crate::app::AppState;
use crate::app::night_form::{NightForm, TEAMS, call_sign, resolve};
use crate::app::place::{PlaceForm, Purpose, place_name};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

pub fn draw(frame: &mut Frame, body: Rect, app: &AppState, form: &NightForm, theme: &Theme) {
    let l = app.lang;
    let title = l.pick(
        "Ouvrir la nuit — Entrée ouvre",
        "Open the night — Enter opens",
    );
    let height = 2 + 2 + 3 * TEAMS as u16 + 2;
    let inner = popup(frame, body, 76, height, title, theme);
    let width = inner.width.saturating_sub(16);
    let coordinator = app
        .territory
        .coordinators
        .get(form.coordinator)
        .map_or("—".to_string(), |c| format!("{} (←/→)", c.name));
    let mut lines = vec![
        field(
            l.pick("Coordination *", "Coordinator *").into(),
            coordinator,
            form.field == 0,
            theme,
        ),
        Line::raw(""),
    ];
    let mut cursor = None;
    for (i, row) in form.teams.iter().enumerate() {
        let members_field = 1 + 2 * i;
        let (members, c1) = text_field(&row.members, width);
        let (equipment, c2) = text_field(&row.equipment, width);
        if form.field == members_field {
            cursor = Some((c1, lines.len() as u16));
        }
        lines.push(field(
            format!("{} {}", call_sign(i), l.pick("équipiers", "members")),
            members,
            form.field == members_field,
            theme,
        ));
        // What the typed names resolve to, so a wrong one shows before Enter.
        let names: Vec<String> = resolve(&app.territory, row.members.value())
            .into_iter()
            .map(|(w, m)| m.map_or(format!("{w} ?"), |m| m.name.clone()))
            .collect();
        lines.push(Line::styled(
            format!("{:16}{}", "", names.join(", ")),
            theme.dim(),
        ));
        if form.field == members_field + 1 {
            cursor = Some((c2, lines.len() as u16));
        }
        lines.push(field(
            format!("  {}", l.pick("véhic., tél.", "vehicle/phone")),
            equipment,
            form.field == members_field + 1,
            theme,
        ));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        l.pick(
            "Noms : début du prénom, accents facultatifs. Équipe vide : ignorée.",
            "Names: start of the first name, accents optional. Empty team: skipped.",
        ),
        theme.dim(),
    ));
    frame.render_widget(Paragraph::new(lines), inner);
    if let Some((x, y)) = cursor {
        let x = (inner.x + 16 + x).min(inner.right().saturating_sub(1));
        if y < inner.height {
            frame.set_cursor_position((x, inner.y + y));
        }
    }
}

/// Where the team is, or where its active presence goes: the query and its matches.
pub fn place(frame: &mut Frame, body: Rect, app: &AppState, form: &PlaceForm, theme: &Theme) {
    let l = app.lang;
    let title = match form.purpose {
        Purpose::Move => format!(
            "{} {} — {}",
            l.pick("Position de", "Position of"),
            form.team,
            l.pick("Entrée enregistre", "Enter saves")
        ),
        Purpose::Presence => format!(
            "{} {} — {}",
            l.pick("Présence active de", "Active presence of"),
            form.team,
            l.pick("point visé, Entrée", "targeted point, Enter")
        ),
    };
    const SHOWN: usize = 6;
    let inner = popup(frame, body, 80, 5 + SHOWN as u16, &title, theme);
    let (query, cursor) = text_field(&form.query, inner.width.saturating_sub(16));
    let matches = form.matches(&app.territory);
    let mut lines = vec![field(l.pick("Lieu", "Place").into(), query, true, theme)];
    let hint = match (form.purpose, matches.len()) {
        (Purpose::Presence, _) if form.query.value().trim().is_empty() => l
            .pick(
                "vide : le quartier où l'équipe se trouve",
                "empty: the district the team is in",
            )
            .to_string(),
        (_, 0) if form.query.value().trim().is_empty() => l
            .pick("tapez un site ou un quartier", "type a site or a district")
            .to_string(),
        (_, 0) => l
            .pick("aucun lieu ne correspond", "no place matches")
            .to_string(),
        (_, n) => format!("{}/{n} · ↑/↓", form.choice + 1),
    };
    lines.push(Line::styled(format!("{:16}{hint}", ""), theme.dim()));
    // The matches around the chosen one.
    let first = form.choice.saturating_sub(SHOWN - 1);
    for (i, p) in matches.iter().enumerate().skip(first).take(SHOWN) {
        let style = if i == form.choice {
            theme.selected()
        } else {
            ratatui::style::Style::new()
        };
        lines.push(Line::styled(
            format!("  {}", place_name(&app.territory, p)),
            style,
        ));
    }
    frame.render_widget(Paragraph::new(lines), inner);
    let x = (inner.x + 16 + cursor).min(inner.right().saturating_sub(1));
    frame.set_cursor_position((x, inner.y));
}
