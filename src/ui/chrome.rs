//! Header (night, clock, coordinator, counters) and footer (message, key hints, command line).

use super::popup::text_field;
use super::theme::Theme;
use crate::app::board::Alert;
use crate::app::board::counters;
use crate::app::form::line::LinePurpose;
use crate::app::{AppState, Mode};
use crate::i18n::dates;
use crate::i18n::notice;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn header(frame: &mut Frame, area: Rect, app: &AppState, theme: &Theme) {
    let l = app.lang;
    let night = match app.domain.open_night() {
        Some(n) => {
            let who = app
                .territory
                .coordinator(&n.coordinator)
                .map_or(n.coordinator.as_str(), |c| c.name.as_str());
            format!("{} · {who}", dates::night_title(n.night, l))
        }
        None => l
            .pick(
                "Pas de nuit ouverte — O pour l'ouvrir",
                "No night open — O to open it",
            )
            .to_string(),
    };
    let (waiting, free, alerts) = counters(app);
    // Counters first when the line is short: they matter more than the title.
    let counts = if area.width >= 110 {
        format!(
            " {} {waiting} · {} {free} · {} {alerts} ",
            l.pick("en attente", "waiting"),
            l.pick("équipes libres", "teams free"),
            l.pick("alertes", "alerts")
        )
    } else {
        format!(
            " {} {waiting} · {} {free} · {} {alerts} ",
            l.pick("att.", "wait"),
            l.pick("libres", "free"),
            l.pick("alertes", "alerts")
        )
    };
    let clock = Span::styled(format!(" {} ", dates::clock(app.now)), theme.title());
    let counts = Span::styled(
        counts,
        if alerts > 0 {
            theme.error()
        } else {
            theme.dim()
        },
    );
    let mut line = if area.width >= 110 {
        Line::from(vec![
            Span::styled(" Vigie ·", theme.title()),
            clock,
            Span::raw(night),
            counts,
        ])
    } else {
        Line::from(vec![clock, counts, Span::raw(night)])
    };
    // An escalation comes before anything else but the demo's tag.
    if let Some(alarm) = super::escalation::header(app) {
        line.spans
            .insert(0, Span::styled(alarm, theme.alert(Alert::Red)));
    }
    // A console that only reads says so before anything else.
    if app.read_only {
        let tag = format!(" {} ", l.pick("LECTURE", "READ-ONLY"));
        line.spans.insert(0, Span::styled(tag, theme.demo()));
    }
    // First on the line, so nobody takes a demo for the real night; and who has its desk.
    if let Some(speed) = app.demo {
        let desk = match app.autopilot {
            true => l.pick("pilote auto", "autopilot"),
            false => l.pick("à vous", "your desk"),
        };
        let tag = format!(" {} ×{speed} · {desk} ", l.pick("DÉMO", "DEMO"));
        line.spans.insert(0, Span::styled(tag, theme.demo()));
    }
    frame.render_widget(Paragraph::new(line), area);
}

pub fn footer(frame: &mut Frame, area: Rect, app: &AppState, theme: &Theme) {
    let l = app.lang;
    // A line being typed in the footer: the command line, a logbook entry, a search.
    let typing = match &app.mode {
        Mode::Line(o) if o.form.purpose == LinePurpose::Command => Some((":", &o.form.input)),
        Mode::Line(o) => Some((l.pick("Entrée : ", "Entry: "), &o.form.input)),
        Mode::Search(input) => Some(("/", input)),
        _ => None,
    };
    let message = match (&typing, &app.notice) {
        (Some((prompt, input)), _) => {
            let width = area.width.saturating_sub(crate::text::width(prompt) as u16);
            Line::from(format!("{prompt}{}", text_field(input, width).0))
        }
        (_, Some(n)) => {
            let style = if n.is_error() {
                theme.error()
            } else {
                theme.info()
            };
            Line::styled(notice::text(n, l, &app.territory), style)
        }
        (_, None) => Line::raw(""),
    };
    // Typing a command: its error in place, else how the verb is written, else the keys.
    let hints = match super::hints::line_help(app, typing.is_some()) {
        Some((text, true)) => Line::styled(text, theme.error()),
        Some((text, false)) => Line::styled(text, theme.dim()),
        None => Line::styled(super::hints::fitted(app, area.width.into()), theme.dim()),
    };
    frame.render_widget(Paragraph::new(vec![message, hints]), area);
    if let Some((prompt, input)) = typing {
        let p = crate::text::width(prompt) as u16;
        let x = area.x + p + text_field(input, area.width.saturating_sub(p)).1;
        frame.set_cursor_position((x.min(area.right().saturating_sub(1)), area.y));
    }
}
