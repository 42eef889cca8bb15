//! Pop-ups: the new-request form, the clear form, the team picker.

use super::theme::Theme;
use crate::app::AppState;
use crate::app::board::{can_take, suggested_team, teams};
use crate::app::form::{ClearField, ClearForm, RequestField, RequestForm, site_matches};
use crate::domain::command::CaseLink;
use crate::domain::ids::RequestId;
use crate::i18n::vocab;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

pub(super) fn popup(
    frame: &mut Frame,
    body: Rect,
    width: u16,
    height: u16,
    title: &str,
    theme: &Theme,
) -> Rect {
    let area = body.centered(
        Constraint::Length(width.min(body.width)),
        Constraint::Length(height.min(body.height)),
    );
    frame.render_widget(Clear, area);
    let block = Block::bordered()
        .title(Line::styled(title.to_string(), theme.title()))
        .border_style(theme.focused_border());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    inner
}

/// "label  value" with the focused field reversed; `*` marks a required field.
pub(super) fn field<'a>(label: String, value: String, focused: bool, theme: &Theme) -> Line<'a> {
    let style = if focused {
        theme.selected()
    } else {
        ratatui::style::Style::new()
    };
    Line::from(vec![
        Span::styled(crate::text::pad(&label, 16), theme.title()),
        Span::styled(value, style),
    ])
}

/// A one-field popup for a date (follow-up, last day of an instruction): same size, same
/// hint line, same cursor, wherever a date is asked.
pub(super) fn date_popup(
    frame: &mut Frame,
    body: Rect,
    title: &str,
    label: String,
    hint: &str,
    input: &tui_input::Input,
    theme: &Theme,
) {
    let inner = popup(frame, body, 72, 4, title, theme);
    let (value, cursor) = text_field(input, inner.width.saturating_sub(16));
    let lines = vec![
        field(label, value, true, theme),
        Line::styled(hint.to_string(), theme.dim()),
    ];
    frame.render_widget(Paragraph::new(lines), inner);
    frame.set_cursor_position((
        (inner.x + 16 + cursor).min(inner.right().saturating_sub(1)),
        inner.y,
    ));
}

/// The part of a text input that fits `width` cells around the cursor, and the cursor's
/// column in it (emoji and CJK take two cells).
pub(super) fn text_field(input: &tui_input::Input, width: u16) -> (String, u16) {
    let (shown, cursor) = crate::text::field_window(input.value(), input.cursor(), width.into());
    (shown, u16::try_from(cursor).unwrap_or(width))
}

/// The site's and its district's instructions, on one line ("" when none).
fn site_instructions(app: &AppState, site: Option<&crate::domain::reference::Site>) -> String {
    let Some(site) = site else {
        return String::new();
    };
    let local: Vec<_> = crate::app::board::instructions_at(app, site)
        .into_iter()
        .filter(|i| i.scope != crate::domain::handover::Scope::Territory)
        .collect();
    match local.as_slice() {
        [] => String::new(),
        [one] => format!("◆ {}", one.text),
        [first, rest @ ..] => format!("◆ {} (+{})", first.text, rest.len()),
    }
}

pub fn request(frame: &mut Frame, body: Rect, app: &AppState, form: &RequestForm, theme: &Theme) {
    let l = app.lang;
    let inner = popup(
        frame,
        body,
        96,
        14,
        l.pick(
            "Nouvelle sollicitation — Entrée enregistre",
            "New request — Enter saves",
        ),
        theme,
    );
    let none = || l.pick("(←/→)", "(←/→)").to_string();
    let site = form.site(&app.territory);
    let matches = site_matches(&app.territory, form.site_query.value()).len();
    let site_line = match site {
        Some(s) => {
            let district = app
                .territory
                .district(&s.district)
                .map_or("", |d| d.name.as_str());
            let landlord = app
                .territory
                .landlord(&s.landlord)
                .map_or("", |d| d.name.as_str());
            // The count first: it says ↑/↓ has more to offer even when the line is cut.
            format!(
                "({}/{matches}) {}, {} — {district}, {landlord}",
                form.site_choice + 1,
                s.name,
                s.address,
            )
        }
        None if form.site_query.value().is_empty() => l
            .pick("tapez un nom ou une adresse", "type a name or an address")
            .to_string(),
        None => l
            .pick("aucun lieu ne correspond", "no site matches")
            .to_string(),
    };
    let f = form.field();
    let width = inner.width.saturating_sub(16);
    let shown = |i: &tui_input::Input| text_field(i, width).0;
    let lines = vec![
        field(
            l.pick("Lieu *", "Site *").into(),
            shown(&form.site_query),
            f == RequestField::Site,
            theme,
        ),
        Line::styled(format!("{:16}{site_line}", ""), theme.dim()),
        // What the coordinator should know about that place before sending anyone.
        Line::styled(
            format!("{:16}{}", "", site_instructions(app, site)),
            theme.alert(crate::app::board::Alert::Amber),
        ),
        field(
            l.pick("Source *", "Source *").into(),
            form.source
                .map_or_else(none, |v| vocab::source(v, l).into()),
            f == RequestField::Source,
            theme,
        ),
        field(
            l.pick("Catégorie *", "Category *").into(),
            form.category
                .map_or_else(none, |v| vocab::category(v, l).into()),
            f == RequestField::Category,
            theme,
        ),
        field(
            l.pick("Priorité *", "Priority *").into(),
            form.priority
                .map_or_else(none, |v| vocab::priority(v, l).into()),
            f == RequestField::Priority,
            theme,
        ),
        field(
            l.pick("Appelant·e", "Caller").into(),
            shown(&form.caller),
            f == RequestField::Caller,
            theme,
        ),
        field(
            l.pick("Rappel (tél.)", "Callback").into(),
            shown(&form.callback),
            f == RequestField::Callback,
            theme,
        ),
        field(
            l.pick("Description", "Description").into(),
            shown(&form.description),
            f == RequestField::Description,
            theme,
        ),
        Line::raw(""),
        Line::styled(
            l.pick(
                "* obligatoire · Tab champ suivant · Esc annuler",
                "* required · Tab next field · Esc cancel",
            ),
            theme.dim(),
        ),
    ];
    frame.render_widget(Paragraph::new(lines), inner);
    let input = match f {
        RequestField::Site => Some((&form.site_query, 0)),
        RequestField::Caller => Some((&form.caller, 6)),
        RequestField::Callback => Some((&form.callback, 7)),
        RequestField::Description => Some((&form.description, 8)),
        _ => None,
    };
    if let Some((input, row)) = input {
        let x = inner.x + 16 + text_field(input, width).1;
        frame.set_cursor_position((x.min(inner.right().saturating_sub(1)), inner.y + row));
    }
}

pub fn clear(frame: &mut Frame, body: Rect, app: &AppState, form: &ClearForm, theme: &Theme) {
    let l = app.lang;
    let title = format!(
        "{} {} — {}",
        l.pick("Clôturer l'intervention de", "Clear the intervention of"),
        form.team,
        l.pick("Entrée enregistre", "Enter saves")
    );
    let inner = popup(frame, body, 72, 10, &title, theme);
    let none = || l.pick("(←/→)", "(←/→)").to_string();
    let partner = |i: Option<usize>| {
        i.and_then(|i| app.territory.partners.get(i))
            .map_or_else(|| l.pick("aucun", "none").to_string(), |p| p.name.clone())
    };
    let case = match form.case {
        CaseLink::None => l.pick("aucune", "none").to_string(),
        CaseLink::New => l
            .pick("ouvrir une nouvelle situation", "open a new situation")
            .to_string(),
        CaseLink::Existing(c) => format!("{} {c}", l.pick("situation", "situation")),
    };
    let f = form.field();
    let lines = vec![
        field(
            l.pick("Issue *", "Outcome *").into(),
            form.outcome
                .map_or_else(none, |v| vocab::outcome(v, l).into()),
            f == ClearField::Outcome,
            theme,
        ),
        field(
            l.pick("Niveau *", "Level *").into(),
            form.level.map_or_else(none, |v| vocab::level(v, l).into()),
            f == ClearField::Level,
            theme,
        ),
        field(
            l.pick("Relais", "Relay").into(),
            partner(form.relay),
            f == ClearField::Relay,
            theme,
        ),
        field(
            l.pick("Orientation", "Referral").into(),
            partner(form.referral),
            f == ClearField::Referral,
            theme,
        ),
        field(
            l.pick("Situation", "Situation").into(),
            case,
            f == ClearField::Case,
            theme,
        ),
        field(
            l.pick("Note", "Note").into(),
            text_field(&form.note, inner.width.saturating_sub(16)).0,
            f == ClearField::Note,
            theme,
        ),
    ];
    frame.render_widget(Paragraph::new(lines), inner);
    if f == ClearField::Note {
        let x = inner.x + 16 + text_field(&form.note, inner.width.saturating_sub(16)).1;
        frame.set_cursor_position((x.min(inner.right().saturating_sub(1)), inner.y + 5));
    }
}

pub fn dispatch(
    frame: &mut Frame,
    body: Rect,
    app: &AppState,
    request: RequestId,
    cursor: usize,
    theme: &Theme,
) {
    let l = app.lang;
    let number = app.domain.requests.get(&request).map_or(0, |r| r.number);
    let title = format!(
        "{} {number} — {}",
        l.pick(
            "Envoyer une équipe : sollicitation",
            "Dispatch a team: request"
        ),
        l.pick("Entrée envoie", "Enter sends")
    );
    let rows = teams(app);
    let inner = popup(frame, body, 60, rows.len() as u16 + 4, &title, theme);
    let suggested = suggested_team(app, request);
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
                ratatui::style::Style::new()
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
