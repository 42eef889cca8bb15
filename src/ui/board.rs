//! The dispatch board: requests, teams, situations, map.

use super::alert_row::AlertRow;
use super::theme::Theme;
use crate::app::board::{self, Alert, open_cases, open_requests, request_alert, teams};
use crate::app::safety::{Late, overdue};
use crate::app::{AppState, Pane};
use crate::domain::vocab::Position;
use crate::i18n::{places, vocab};
use crate::text;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Margin, Position as Cell, Rect};
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
            frame.render_widget(
                Paragraph::new(text.to_string())
                    .style(theme.dim())
                    .wrap(ratatui::widgets::Wrap { trim: true }),
                inner,
            );
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

/// Where each pane goes: requests, situations, teams, map. Drawing and clicks share it.
fn areas(area: Rect, app: &AppState) -> [Rect; 4] {
    let area = super::escalation::split(area, app).1;
    let (left, _, right) = super::request_detail::columns(area);
    // Instructions in force get a strip between requests and situations.
    let shown = board::instructions(app).len().min(4) as u16;
    let strip = if shown == 0 { 0 } else { shown + 2 };
    let [requests, _, cases] = left.layout(&Layout::vertical([
        Constraint::Fill(2),
        Constraint::Length(strip),
        Constraint::Fill(1),
    ]));
    let team_rows = teams(app).len().max(1) as u16;
    let plan = super::plan::strip_height(app, right.height.saturating_sub(team_rows * 2 + 2));
    let [team_area, _, map] = right.layout(&Layout::vertical([
        Constraint::Length(team_rows * 2 + 2),
        Constraint::Length(plan),
        Constraint::Fill(1),
    ]));
    [requests, cases, team_area, map]
}

pub fn draw(frame: &mut Frame, area: Rect, app: &AppState, theme: &Theme) {
    super::escalation::draw(frame, super::escalation::split(area, app).0, app, theme);
    let [requests, cases, team_area, map] = areas(area, app);
    draw_instructions(frame, requests, cases, app, theme);
    draw_requests(frame, requests, app, theme);
    draw_teams(frame, team_area, app, theme);
    super::plan::draw(frame, team_area, map, app, theme);
    draw_cases(frame, cases, app, theme);
    super::map::draw(frame, map, app, theme);
    if let (_, Some(detail), _) = super::request_detail::columns(area) {
        super::request_detail::pane(frame, detail, app, app.selected_request(), theme);
    }
}

/// The pane and row under a cell of the board, if a row is there.
pub fn hit(area: Rect, app: &AppState, at: Cell) -> Option<(Pane, usize)> {
    let [requests, cases, team_area, _] = areas(area, app);
    let inside = |r: Rect| {
        let inner = r.inner(Margin::new(1, 1));
        inner.contains(at).then(|| (at.y - inner.y) as usize)
    };
    let listed = |pane: Pane, r: Rect, len: usize| {
        let line = inside(r)?;
        let first = scroll(
            app.selected(pane).min(len.saturating_sub(1)),
            (r.height as usize).saturating_sub(2),
        );
        let i = first + line;
        (i < len).then_some((pane, i))
    };
    if let Some(hit) = listed(Pane::Requests, requests, open_requests(app).len()) {
        return Some(hit);
    }
    if let Some(hit) = listed(Pane::Cases, cases, open_cases(app).len()) {
        return Some(hit);
    }
    let line = inside(team_area)?;
    let i = line / 2;
    (i < teams(app).len()).then_some((Pane::Teams, i))
}

fn draw_requests(frame: &mut Frame, area: Rect, app: &AppState, theme: &Theme) {
    let l = app.lang;
    let rows = open_requests(app);
    let title = format!(
        "{} ({}){}",
        l.pick("Sollicitations", "Requests"),
        rows.len(),
        super::request_rows::callbacks_due(app)
    );
    let empty = rows.is_empty().then(|| match (app.fresh, app.domain.open_night()) {
        (true, _) => l.pick(
            "Bienvenue dans Vigie. Pour commencer la nuit : O (coordination et équipes). Puis « n » saisit un appel, « d » envoie une équipe. « ? » liste toutes les touches.",
            "Welcome to Vigie. To start the night: O (coordinator and teams). Then \"n\" records a call, \"d\" dispatches a team. \"?\" lists every key.",
        ),
        (false, None) => l.pick(
            "Pas de nuit ouverte : O pour l'ouvrir (coordination et équipes).",
            "No night open: O to open it (coordinator and teams).",
        ),
        (false, Some(_)) => l.pick(
            "Aucune sollicitation en cours. « n » pour en saisir une.",
            "No open request. \"n\" to record one.",
        ),
    });
    let Some(inner) = pane(frame, area, app, theme, Pane::Requests, title, empty) else {
        return;
    };
    let sel = app.selected(Pane::Requests).min(rows.len() - 1);
    let first = scroll(sel, inner.height as usize);
    let worst = overdue(app).worst;
    let lines: Vec<Line> = rows
        .iter()
        .enumerate()
        .skip(first)
        .take(inner.height as usize)
        .map(|(i, r)| {
            let (age, alert) = request_alert(r, app.now, &app.thresholds);
            let site = places::request_place(&app.territory, &r.site, r.district.as_deref(), l);
            let who = super::request_rows::state(app, r);
            // Fixed columns, then the site takes what the width leaves.
            let category = vocab::category(r.category, l);
            let width = inner.width as usize;
            let cat_w = match width {
                0..60 => 12,
                60..100 => 18,
                _ => 30,
            };
            let who_w = text::width(&who).min(20);
            let site_w = width
                .saturating_sub(1 + 4 + 3 + 6 + cat_w + 1 + who_w + 1)
                .max(8);
            // Only the age and the marker say it is late, except on the worst item.
            let after = format!(
                " {} {} {}",
                text::fit(category, cat_w),
                text::fit(&super::request_rows::site_name(&site, site_w), site_w),
                text::truncate(&who, 20),
            );
            AlertRow {
                alert,
                before: format!("{:>3} {:?} ", r.number, r.priority),
                late: format!("{age:>4}′"),
                after,
                worst: worst == Some(Late::Request(r.id)),
                selected: app.focus == Pane::Requests && i == sel,
            }
            .line(theme)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The strip between the requests and the situations.
fn draw_instructions(frame: &mut Frame, above: Rect, below: Rect, app: &AppState, theme: &Theme) {
    let rows = board::instructions(app);
    let area = Rect::new(
        above.x,
        above.bottom(),
        above.width,
        below.y.saturating_sub(above.bottom()),
    );
    if rows.is_empty() || area.height < 3 {
        return;
    }
    let l = app.lang;
    let title = format!(
        "{} ({}) — 4/F5",
        l.pick("Consignes", "Instructions"),
        rows.len()
    );
    let block = Block::bordered().title(Line::styled(title, theme.title()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let lines: Vec<Line> = rows
        .iter()
        .take(inner.height as usize)
        .map(|i| {
            let scope = crate::i18n::handover::scope(&app.territory, &i.scope, l);
            let mark = if i.kind == crate::domain::vocab::InstructionKind::WatchPoint {
                "!"
            } else {
                "◆"
            };
            Line::raw(format!("{mark} {scope} · {}", i.text))
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

fn draw_teams(frame: &mut Frame, area: Rect, app: &AppState, theme: &Theme) {
    let l = app.lang;
    let rows = teams(app);
    let empty = rows.is_empty().then(|| match app.domain.open_night() {
        None => l.pick(
            "Les équipes se composent en ouvrant la nuit (O).",
            "Teams are composed when the night is opened (O).",
        ),
        Some(_) => l.pick(
            "Pas d'équipe : « :equipe E1 NOM NOM ».",
            "No team: \":team E1 NAME NAME\".",
        ),
    });
    let title = l.pick("Équipes", "Teams").to_string();
    let Some(inner) = pane(frame, area, app, theme, Pane::Teams, title, empty) else {
        return;
    };
    let sel = app.selected(Pane::Teams).min(rows.len() - 1);
    let worst = overdue(app).worst;
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
        // What matters at a glance first: status, time in it, assignment, last contact.
        // Narrow panes say "c" for contact, as the key that records one.
        let contact_word = if inner.width < 44 {
            "c"
        } else {
            l.pick("contact ", "contact ")
        };
        // The silence counts only out in the field (or with something reported).
        let watched = app.thresholds.check_in(t.status()).is_some() || alert != Alert::None;
        let late = if watched {
            format!(" · {contact_word}{contact}′")
        } else {
            String::new()
        };
        let row = AlertRow {
            alert,
            before: format!(
                "{:<3} {} {since}′{assignment}",
                t.call_sign,
                vocab::team_status(t.status(), l)
            ),
            late,
            // The phone's code on the team's first line, where a glance finds it.
            after: crate::i18n::field::code_on_board(
                app.team_codes.get(&t.call_sign).map(String::as_str),
                t.code.is_some(),
                l,
            )
            .map_or(String::new(), |c| format!(" · {c}")),
            worst: worst == Some(Late::Team(t.call_sign.clone())),
            selected: app.focus == Pane::Teams && i == sel,
        };
        lines.push(row.line(theme));
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
            Position::Site(s) => app.territory.site(s).map_or(s.clone(), |s| {
                places::short(&s.name, (inner.width as usize).saturating_sub(24)).to_string()
            }),
            Position::District(d) => app
                .territory
                .district(d)
                .map_or(d.clone(), |d| d.name.clone()),
        };
        lines.push(Line::from(vec![
            Span::raw("    "),
            Span::styled(format!("{place} · {}", members.join(", ")), theme.dim()),
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
            let follow = c
                .next_follow_up
                .map_or("—".to_string(), |d| crate::i18n::dates::short_date(d, l));
            // The site takes what is left after the id, the follow-up and the last step (whole
            // when the pane is wide: « firm reminder of the rules » is 26).
            let last_w = 28.min((inner.width as usize).saturating_sub(20) / 2);
            let site_w = (inner.width as usize)
                .saturating_sub(4 + 1 + 1 + last_w + 1 + 6)
                .max(6);
            let text = format!(
                "{:>4} {} {} {follow:>6}",
                c.id.0,
                text::fit(&places::short(site, site_w), site_w),
                text::fit(last, last_w)
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
