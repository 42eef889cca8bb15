//! The situations screen: open cases with their history across nights, and the pop-ups
//! to record a step or set the follow-up date.

use super::popup::FormPopup;
use super::theme::{Theme, alert_mark};
use crate::app::board::Alert;
use crate::app::board::open_cases;
use crate::app::form::Open;
use crate::app::form::step::{CaseStepForm, StepField};
use crate::app::{AppState, Pane};
use crate::domain::state::Case;
use crate::i18n::{Lang, dates, vocab};
use crate::text::fit;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

/// Wide terminals put the history beside the list; narrow ones below it.
const SIDE_BY_SIDE: u16 = 120;

/// The list and the detail. Drawing and clicks share it.
fn areas(area: Rect) -> (Rect, Rect) {
    if area.width >= SIDE_BY_SIDE {
        let [a, b] = area.layout(&Layout::horizontal([
            Constraint::Percentage(55),
            Constraint::Percentage(45),
        ]));
        (a, b)
    } else {
        let [a, b] = area.layout(&Layout::vertical([
            Constraint::Fill(1),
            Constraint::Fill(1),
        ]));
        (a, b)
    }
}

/// The row of the list under a cell, if any.
pub fn hit(area: Rect, app: &AppState, at: ratatui::layout::Position) -> Option<usize> {
    let inner = areas(area).0.inner(ratatui::layout::Margin::new(1, 1));
    if !inner.contains(at) {
        return None;
    }
    let len = open_cases(app).len();
    let sel = app.selected(Pane::Cases).min(len.saturating_sub(1));
    let first = sel.saturating_sub((inner.height as usize).saturating_sub(1));
    let i = first + (at.y - inner.y) as usize;
    (i < len).then_some(i)
}

pub fn draw(frame: &mut Frame, area: Rect, app: &AppState, theme: &Theme) {
    let l = app.lang;
    let rows = open_cases(app);
    let (list, detail) = areas(area);
    let title = format!(
        "{} ({}) — {}",
        l.pick("Situations ouvertes", "Open situations"),
        rows.len(),
        l.pick("suivi dû en premier", "due follow-ups first")
    );
    let block = Block::bordered()
        .title(Line::styled(title, theme.title()))
        .border_style(theme.focused_border());
    let inner = block.inner(list);
    frame.render_widget(block, list);
    if rows.is_empty() {
        let text = l.pick(
            "Aucune situation ouverte. Une situation s'ouvre en clôturant une intervention (x, champ Situation).",
            "No open situation. One is opened when clearing an intervention (x, Situation field).",
        );
        frame.render_widget(
            Paragraph::new(text)
                .style(theme.dim())
                .wrap(Wrap { trim: true }),
            inner,
        );
        draw_detail(frame, detail, app, None, theme);
        return;
    }
    let sel = app.selected(Pane::Cases).min(rows.len() - 1);
    let height = inner.height as usize;
    let first = if height == 0 {
        0
    } else {
        sel.saturating_sub(height - 1)
    };
    let today = dates::service_date(app.now);
    let lines: Vec<Line> = rows
        .iter()
        .enumerate()
        .skip(first)
        .take(height)
        .map(|(i, c)| {
            let site = app
                .territory
                .site(&c.site)
                .map_or(c.site.as_str(), |s| s.name.as_str());
            let due = c.next_follow_up.is_some_and(|d| d <= today);
            let follow = c
                .next_follow_up
                .map_or("—".to_string(), |d| dates::short_date(d, l));
            // Fixed columns; the site and the category share what the width leaves.
            // The state column fits « sous veille » / « under watch » (11).
            let rest = (inner.width as usize).saturating_sub(1 + 4 + 1 + 11 + 1 + 1 + 6);
            let cat_w = (rest * 2 / 5).max(8);
            let site_w = rest.saturating_sub(cat_w + 1).max(8);
            let mark = if due { alert_mark(Alert::Amber) } else { " " };
            let text = format!(
                "{mark}{:>4} {} {} {} {:>6}",
                c.id.0,
                fit(vocab::case_state(c.state, l), 11),
                fit(site, site_w),
                fit(vocab::category(c.category, l), cat_w),
                follow,
            );
            let style = if i == sel {
                theme.selected()
            } else if due {
                theme.alert(Alert::Amber)
            } else {
                Style::new()
            };
            Line::styled(text, style)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
    draw_detail(frame, detail, app, rows.get(sel).copied(), theme);
}

fn draw_detail(frame: &mut Frame, area: Rect, app: &AppState, case: Option<&Case>, theme: &Theme) {
    let l = app.lang;
    let title = match case {
        Some(c) => format!("{} {}", l.pick("Situation", "Situation"), c.id),
        None => l.pick("Situation", "Situation").to_string(),
    };
    let block = Block::bordered().title(Line::styled(title, theme.title()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(c) = case else { return };
    frame.render_widget(
        Paragraph::new(history(app, c, theme)).wrap(Wrap { trim: false }),
        inner,
    );
}

fn label<'a>(text: &str, theme: &Theme) -> Span<'a> {
    Span::styled(crate::text::pad(text, 12), theme.title())
}

/// Where, what, since when, then every step and change of state, newest first.
fn history<'a>(app: &AppState, c: &Case, theme: &Theme) -> Vec<Line<'a>> {
    let l = app.lang;
    let t = &app.territory;
    let site = t.site(&c.site);
    let place = site.map_or(c.site.clone(), |s| {
        let district = t.district(&s.district).map_or("", |d| d.name.as_str());
        format!("{}, {} ({district})", s.name, s.address)
    });
    let landlord = site
        .and_then(|s| t.landlord(&s.landlord))
        .map_or("—".to_string(), |x| x.name.clone());
    let follow = c.next_follow_up.map_or_else(
        || l.pick("aucun", "none").to_string(),
        |d| dates::short_date(d, l),
    );
    // Two lines of facts, then the history: on a short screen the history still shows.
    let requests = match l {
        Lang::Fr => format!("{} sollicitation(s)", c.requests.len()),
        Lang::En => format!("{} request(s)", c.requests.len()),
    };
    let mut lines = vec![
        Line::from(vec![label(l.pick("Lieu", "Site"), theme), Span::raw(place)]),
        Line::from(vec![
            label(l.pick("Suivi", "Follow-up"), theme),
            Span::raw(format!(
                "{follow} · {} · {} · {requests} · {landlord}",
                vocab::case_state(c.state, l),
                vocab::category(c.category, l),
            )),
        ]),
        Line::from(vec![
            label(l.pick("Ouverte", "Opened"), theme),
            Span::raw(dates::date_time(c.opened_at)),
        ]),
        Line::styled(
            l.pick("Historique (récent d'abord)", "History (newest first)"),
            theme.title(),
        ),
    ];
    let mut events: Vec<(chrono::DateTime<chrono::Utc>, String)> = c
        .steps
        .iter()
        .map(|s| {
            let note = if s.note.is_some() {
                l.pick(" · note", " · note")
            } else {
                ""
            };
            (s.at, format!("{}{note}", vocab::level(s.level, l)))
        })
        .chain(c.state_history.iter().map(|(at, state)| {
            (
                *at,
                format!("{} {}", state_word(l), vocab::case_state(*state, l)),
            )
        }))
        .collect();
    events.sort_by_key(|e| std::cmp::Reverse(e.0));
    lines.extend(
        events
            .into_iter()
            .map(|(at, text)| Line::raw(format!(" {}  {text}", dates::date_time(at)))),
    );
    lines
}

fn state_word(l: Lang) -> &'static str {
    l.pick("→", "→")
}

pub fn step_form(
    frame: &mut Frame,
    body: Rect,
    app: &AppState,
    open: &Open<CaseStepForm>,
    theme: &Theme,
) {
    let l = app.lang;
    let form = &open.form;
    let title = format!(
        "{} {} — {}",
        l.pick("Étape de réponse, situation", "Response step, situation"),
        form.case,
        l.pick("Entrée enregistre", "Enter saves")
    );
    let level = form
        .level
        .map_or_else(|| "(←/→)".to_string(), |v| vocab::level(v, l).to_string());
    let mut p = FormPopup::new(title, 72).height(5);
    p.value(
        l.pick("Niveau *", "Level *"),
        level,
        open.field == StepField::Level,
    );
    p.text(
        l.pick("Note", "Note"),
        &form.note,
        open.field == StepField::Note,
    );
    p.draw(frame, body, theme);
}
