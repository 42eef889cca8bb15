//! The watch screen: observations in their lifecycle, filtered (commissioner, status,
//! kind, district, age), and the selected one's detail with its dates.

use super::theme::Theme;
use crate::app::AppState;
use crate::app::watch_screen::{Age, WatchFilter, rows, selected_row};
use crate::domain::reference::Territory;
use crate::domain::watch::{Observation, WatchStatus};
use crate::i18n::{Lang, dates, places, vocab, watch};
use crate::text::fit;
use chrono::{DateTime, Utc};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Wrap};

const SIDE_BY_SIDE: u16 = 120;

fn age(l: Lang, at: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let days = (now - at).num_days();
    match days {
        0 => l.pick("auj.", "today").to_string(),
        d => format!("{d} {}", l.pick("j", "d")),
    }
}

fn filters(f: &WatchFilter, t: &Territory, l: Lang) -> String {
    if f.is_empty() {
        return l
            .pick(
                "sans filtre — c commanditaire · s état · y type · d quartier · e ancienneté",
                "no filter — c commissioner · s status · y kind · d district · e age",
            )
            .to_string();
    }
    let mut parts = Vec::new();
    if let Some(c) = &f.commissioner {
        parts.push(watch::commissioner(c, t));
    }
    if let Some(s) = f.status {
        parts.push(watch::status(s, l).to_string());
    }
    if let Some(k) = f.kind {
        parts.push(vocab::observation(k, l).to_string());
    }
    if let Some(d) = &f.district {
        parts.push(t.district(d).map_or(d.clone(), |d| d.name.clone()));
    }
    if let Some(a) = f.age {
        parts.push(
            match a {
                Age::Tonight => l.pick("ce soir", "tonight"),
                Age::OverWeek => l.pick("plus de 7 jours", "over 7 days"),
                Age::OverMonth => l.pick("plus de 30 jours", "over 30 days"),
            }
            .to_string(),
        );
    }
    format!("{} — Esc : {}", parts.join(" · "), l.pick("tout", "all"))
}

/// Where it was seen, in short: entrance or address, then the site's or district's name.
fn place(o: &Observation, t: &Territory) -> String {
    let at = match (&o.site, &o.district) {
        (Some(s), _) => t.site(s).map_or(s.clone(), |s| s.name.clone()),
        (None, Some(d)) => t.district(d).map_or(d.clone(), |d| d.name.clone()),
        (None, None) => String::new(),
    };
    match o.entrance.as_ref().or(o.address.as_ref()) {
        Some(e) => format!("{at}, {e}"),
        None => at,
    }
}

pub fn draw(frame: &mut Frame, area: Rect, app: &AppState, theme: &Theme) {
    let l = app.lang;
    let t = &app.territory;
    let rows = rows(app);
    let [list, detail] = if area.width >= SIDE_BY_SIDE {
        area.layout(&Layout::horizontal([
            Constraint::Percentage(62),
            Constraint::Percentage(38),
        ]))
    } else {
        area.layout(&Layout::vertical([
            Constraint::Fill(2),
            Constraint::Length(8),
        ]))
    };
    let title = format!(
        "{} ({}) — t a r X",
        l.pick(
            "Veille sociale et territoriale",
            "Social and territorial watch"
        ),
        rows.len()
    );
    let block = Block::bordered()
        .title(Line::styled(title, theme.title()))
        .border_style(theme.focused_border());
    let inner = block.inner(list);
    frame.render_widget(block, list);
    let mut lines = vec![Line::styled(
        fit(&filters(&app.watch.filter, t, l), inner.width as usize),
        theme.dim(),
    )];
    let sel = selected_row(app, &rows);
    let height = (inner.height as usize).saturating_sub(1);
    let first = sel.saturating_sub(height.saturating_sub(1));
    let w = inner.width as usize;
    let status_w = 15;
    let kind_w = 18.min(w / 5);
    let who_w = if w >= 90 { 18 } else { 0 };
    let place_w = w
        .saturating_sub(5 + status_w + kind_w + who_w + 6 + 4)
        .max(8);
    for (i, o) in rows.iter().enumerate().skip(first).take(height) {
        let who = if who_w > 0 {
            format!(" {}", fit(&watch::commissioner(&o.commissioner, t), who_w))
        } else {
            String::new()
        };
        let text = format!(
            "{:>4} {} {} {}{who} {:>5}",
            o.id,
            fit(watch::status(o.status(), l), status_w),
            fit(vocab::observation(o.kind, l), kind_w),
            fit(&place(o, t), place_w),
            age(l, o.recorded_at, app.now)
        );
        let style = if i == sel {
            theme.selected()
        } else if o.status() == WatchStatus::ToTransmit {
            theme.title()
        } else {
            ratatui::style::Style::new()
        };
        lines.push(Line::styled(text, style));
    }
    if rows.is_empty() {
        lines.push(Line::styled(
            l.pick(
                "Aucune observation suivie. Sur le tableau, « w » en note une.",
                "No observation followed. On the board, \"w\" records one.",
            ),
            theme.dim(),
        ));
    }
    frame.render_widget(Paragraph::new(lines), inner);
    draw_detail(frame, detail, app, rows.get(sel).copied(), theme);
}

fn draw_detail(
    frame: &mut Frame,
    area: Rect,
    app: &AppState,
    o: Option<&Observation>,
    theme: &Theme,
) {
    let l = app.lang;
    let block = Block::bordered().title(Line::styled(
        l.pick("Observation", "Observation"),
        theme.title(),
    ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if let Some(o) = o {
        let lines = detail_lines(app, o);
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), inner);
    }
}

/// The selected observation: kind and status, place, commissioner, who saw it, its dates.
fn detail_lines<'a>(app: &AppState, o: &Observation) -> Vec<Line<'a>> {
    let l = app.lang;
    let t = &app.territory;
    let kind = if o.kind.is_technical() {
        l.pick("technique", "technical")
    } else {
        l.pick("sociale", "social")
    };
    let at = |d: Option<DateTime<Utc>>| {
        d.map_or("—".to_string(), |d| {
            format!(
                "{} {}",
                dates::short_date(dates::local_date(d), l),
                dates::clock(d)
            )
        })
    };
    let mut lines = vec![
        Line::raw(format!(
            "{} {} ({kind}) — {}",
            o.id,
            vocab::observation(o.kind, l),
            watch::status(o.status(), l)
        )),
        Line::raw(match (&o.site, &o.district) {
            (Some(s), _) => places::site(t, s),
            (None, Some(_)) => place(o, t),
            _ => String::new(),
        }),
        Line::raw(format!(
            "{} {}",
            l.pick("Pour :", "For:"),
            watch::commissioner(&o.commissioner, t)
        )),
    ];
    if let Some(e) = o.entrance.as_ref().or(o.address.as_ref()) {
        lines.push(Line::raw(format!(
            "{} {e}",
            l.pick("Précision :", "Detail:")
        )));
    }
    let mut by = Vec::new();
    if let Some(team) = &o.team {
        by.push(format!("{} {team}", l.pick("équipe", "team")));
    }
    if let Some(n) = o.request.and_then(|r| app.domain.requests.get(&r)) {
        by.push(format!(
            "{} {}",
            l.pick("sollicitation", "request"),
            n.number
        ));
    }
    if !by.is_empty() {
        lines.push(Line::raw(by.join(" · ")));
    }
    lines.push(Line::raw(format!(
        "{} {} · {} {}",
        l.pick("Notée", "Recorded"),
        at(Some(o.recorded_at)),
        l.pick("transmise", "transmitted"),
        at(o.transmitted_at)
    )));
    lines.push(Line::raw(format!(
        "{} {} · {} {}",
        l.pick("Prise en compte", "Acknowledged"),
        at(o.acknowledged_at),
        l.pick("close", "settled"),
        at(o.settled.map(|(d, _)| d))
    )));
    lines
}
