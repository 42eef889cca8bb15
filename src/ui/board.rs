//! The dispatch board: requests, teams, situations, map.

use super::theme::{Theme, alert_mark};
use crate::app::board::{self, open_cases, open_requests, request_alert, teams};
use crate::app::{AppState, Pane};
use crate::domain::vocab::Position;
use crate::i18n::vocab;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

fn block<'a>(app: &AppState, theme: &Theme, pane: Pane, title: String) -> Block<'a> {
    let b = Block::bordered().title(Line::styled(title, theme.title()));
    if app.focus == pane {
        b.border_style(theme.focused_border())
    } else {
        b
    }
}

/// Draws a pane's frame; when it has nothing to list, says so inside and returns `None`.
fn pane(
    frame: &mut Frame,
    area: Rect,
    app: &AppState,
    theme: &Theme,
    which: Pane,
    title: String,
    empty: Option<&str>,
) -> Option<Rect> {
    let b = block(app, theme, which, title);
    let inner = b.inner(area);
    frame.render_widget(b, area);
    match empty {
        Some(text) => {
            frame.render_widget(Paragraph::new(text.to_string()).style(theme.dim()), inner);
            None
        }
        None => Some(inner),
    }
}

/// Rows with the selection kept in view: returns the first row to show.
fn scroll(selected: usize, height: usize) -> usize {
    if height == 0 {
        0
    } else {
        selected.saturating_sub(height - 1)
    }
}

pub fn draw(frame: &mut Frame, area: Rect, app: &AppState, theme: &Theme) {
    let [left, right] = area.layout(&Layout::horizontal([
        Constraint::Percentage(58),
        Constraint::Percentage(42),
    ]));
    let [requests, cases] = left.layout(&Layout::vertical([
        Constraint::Fill(2),
        Constraint::Fill(1),
    ]));
    let team_rows = teams(app).len().max(1) as u16;
    let [team_area, map] = right.layout(&Layout::vertical([
        Constraint::Length(team_rows * 2 + 2),
        Constraint::Fill(1),
    ]));
    draw_requests(frame, requests, app, theme);
    draw_teams(frame, team_area, app, theme);
    draw_cases(frame, cases, app, theme);
    super::map::draw(frame, map, app, theme);
}

fn draw_requests(frame: &mut Frame, area: Rect, app: &AppState, theme: &Theme) {
    let l = app.lang;
    let rows = open_requests(app);
    let title = format!("{} ({})", l.pick("Sollicitations", "Requests"), rows.len());
    let empty = rows.is_empty().then(|| {
        l.pick(
            "Aucune sollicitation en cours. « n » pour en saisir une.",
            "No open request. \"n\" to record one.",
        )
    });
    let Some(inner) = pane(frame, area, app, theme, Pane::Requests, title, empty) else {
        return;
    };
    let sel = app.selected(Pane::Requests).min(rows.len() - 1);
    let first = scroll(sel, inner.height as usize);
    let lines: Vec<Line> = rows
        .iter()
        .enumerate()
        .skip(first)
        .take(inner.height as usize)
        .map(|(i, r)| {
            let (age, alert) = request_alert(r, app.now, &app.thresholds);
            let site = app
                .territory
                .site(&r.site)
                .map_or(r.site.as_str(), |s| s.name.as_str());
            let who = r.team.as_deref().map_or_else(
                || vocab::request_status(r.status, l).to_string(),
                |t| format!("{t} {}", vocab::request_status(r.status, l)),
            );
            // Fixed columns, then the site takes what the width leaves.
            let category = vocab::category(r.category, l);
            let width = inner.width as usize;
            let cat_w = match width {
                0..60 => 12,
                60..100 => 18,
                _ => 30,
            };
            let who_w = who.chars().count().min(20);
            let site_w = width
                .saturating_sub(1 + 4 + 3 + 6 + cat_w + 1 + who_w + 1)
                .max(8);
            let text = format!(
                "{}{:>3} {:?} {:>4}′ {:<cat_w$.cat_w$} {:<site_w$.site_w$} {who:.20}",
                alert_mark(alert),
                r.number,
                r.priority,
                age,
                category,
                site,
            );
            let style = if app.focus == Pane::Requests && i == sel {
                theme.selected().patch(theme.alert(alert))
            } else {
                theme.alert(alert)
            };
            Line::styled(text, style)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

fn draw_teams(frame: &mut Frame, area: Rect, app: &AppState, theme: &Theme) {
    let l = app.lang;
    let rows = teams(app);
    let empty = rows.is_empty().then(|| {
        l.pick(
            "Pas d'équipe : « :equipe E1 NOM NOM ».",
            "No team: \":team E1 NAME NAME\".",
        )
    });
    let title = l.pick("Équipes", "Teams").to_string();
    let Some(inner) = pane(frame, area, app, theme, Pane::Teams, title, empty) else {
        return;
    };
    let sel = app.selected(Pane::Teams).min(rows.len() - 1);
    let mut lines = Vec::new();
    for (i, t) in rows.iter().enumerate() {
        let (contact, alert) = board::contact_alert(t, app.now, &app.thresholds);
        let since = t
            .status_since()
            .map_or(0, |s| (app.now - s).num_minutes().max(0));
        let assignment = t
            .assignment
            .and_then(|(r, _)| app.domain.requests.get(&r))
            .map_or(String::new(), |r| format!(" → {}", r.number));
        let head = format!(
            "{}{:<3} {} {since}′{assignment}",
            alert_mark(alert),
            t.call_sign,
            vocab::team_status(t.status(), l)
        );
        let style = if app.focus == Pane::Teams && i == sel {
            theme.selected().patch(theme.alert(alert))
        } else {
            theme.alert(alert)
        };
        lines.push(Line::styled(head, style));
        let members: Vec<&str> = t
            .members
            .iter()
            .map(|m| {
                app.territory
                    .mediator(m)
                    .map_or(m.as_str(), |m| m.name.as_str())
            })
            .collect();
        let place = match &t.position {
            Position::Base => l.pick("base", "base").to_string(),
            Position::Site(s) => app.territory.site(s).map_or(s.clone(), |s| s.name.clone()),
            Position::District(d) => app
                .territory
                .district(d)
                .map_or(d.clone(), |d| d.name.clone()),
        };
        lines.push(Line::from(vec![
            Span::raw("    "),
            Span::styled(
                format!(
                    "{} · {place} · {} {contact}′",
                    members.join(", "),
                    l.pick("contact", "contact")
                ),
                theme.dim(),
            ),
        ]));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

fn draw_cases(frame: &mut Frame, area: Rect, app: &AppState, theme: &Theme) {
    let l = app.lang;
    let rows = open_cases(app);
    let title = format!(
        "{} ({})",
        l.pick("Situations ouvertes", "Open situations"),
        rows.len()
    );
    let empty = rows
        .is_empty()
        .then(|| l.pick("Aucune situation ouverte.", "No open situation."));
    let Some(inner) = pane(frame, area, app, theme, Pane::Cases, title, empty) else {
        return;
    };
    let sel = app.selected(Pane::Cases).min(rows.len() - 1);
    let first = scroll(sel, inner.height as usize);
    let lines: Vec<Line> = rows
        .iter()
        .enumerate()
        .skip(first)
        .take(inner.height as usize)
        .map(|(i, c)| {
            let site = app
                .territory
                .site(&c.site)
                .map_or(c.site.as_str(), |s| s.name.as_str());
            let last = c.steps.last().map_or("—", |s| vocab::level(s.level, l));
            let follow = c.next_follow_up.map_or(String::new(), |d| {
                format!(" · {} {}", l.pick("suivi", "follow-up"), d.format("%d/%m"))
            });
            let text = format!(
                "{:>4} {:<20.20} {:<14.14} {last}{follow}",
                c.id.0,
                site,
                vocab::case_state(c.state, l)
            );
            let style = if app.focus == Pane::Cases && i == sel {
                theme.selected()
            } else {
                ratatui::style::Style::new()
            };
            Line::styled(text, style)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
