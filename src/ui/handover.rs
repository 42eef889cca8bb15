//! The handover screen: what is left to decide and the instructions on one side, what the
//! next coordinator must read on the other. Its pop-ups are in `handover_forms`.

use super::theme::{Theme, alert_mark};
use crate::app::AppState;
use crate::app::board::Alert;
use crate::app::handover::{Item, handover, items};
use crate::domain::vocab::Position;
use crate::i18n::places::place as place_name;
use crate::i18n::{Lang, dates, handover as words, vocab};
use crate::report::handover::Handover;
use crate::text::fit;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Wrap};

pub fn draw(frame: &mut Frame, area: Rect, app: &AppState, theme: &Theme) {
    let l = app.lang;
    let Some(h) = handover(app) else {
        let block =
            Block::bordered().title(Line::styled(l.pick("Passation", "Handover"), theme.title()));
        let inner = block.inner(area);
        frame.render_widget(block, area);
        frame.render_widget(
            Paragraph::new(l.pick(
                "Aucune nuit enregistrée : la passation se prépare pendant la nuit (O pour l'ouvrir).",
                "No night recorded: the handover is prepared during the night (O to open it).",
            ))
            .style(theme.dim())
            .wrap(Wrap { trim: true }),
            inner,
        );
        return;
    };
    let (left, right) = if area.width >= 120 {
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
    };
    draw_list(frame, left, app, &h, theme);
    draw_reading(frame, right, app, &h, theme);
}

fn status(h: &Handover, app: &AppState) -> String {
    let l = app.lang;
    let name = |id: &str| {
        app.territory
            .coordinator(id)
            .map_or(id.to_string(), |c| c.name.clone())
    };
    match (&h.acknowledged, h.open) {
        (_, true) => match l {
            Lang::Fr => format!("{} à décider", h.undecided()),
            Lang::En => format!("{} to decide", h.undecided()),
        },
        (Some(a), _) => format!(
            "{} {}",
            l.pick("prise par", "taken by"),
            name(&a.coordinator)
        ),
        (None, _) => l.pick("à prendre : A", "to take: A").to_string(),
    }
}

fn draw_list(frame: &mut Frame, area: Rect, app: &AppState, h: &Handover, theme: &Theme) {
    let l = app.lang;
    let title = format!(
        "{} — {} · {}",
        l.pick("Passation", "Handover"),
        dates::night_title(h.night, l),
        status(h, app)
    );
    let unacknowledged = !h.open && h.acknowledged.is_none();
    let block = Block::bordered()
        .title(Line::styled(
            title,
            if unacknowledged {
                theme.error()
            } else {
                theme.title()
            },
        ))
        .border_style(theme.focused_border());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let list = items(h);
    if list.is_empty() {
        frame.render_widget(
            Paragraph::new(l.pick(
                "Aucune sollicitation ouverte, aucune consigne en cours. « w » écrit la note, « C » clôture la nuit.",
                "No open request, no instruction in force. \"w\" writes the note, \"C\" closes the night.",
            ))
            .style(theme.dim())
            .wrap(Wrap { trim: true }),
            inner,
        );
        return;
    }
    let sel = app.handover_row(&list).min(list.len() - 1);
    let height = inner.height as usize;
    let first = sel.saturating_sub(height.saturating_sub(1));
    let width = inner.width as usize;
    let lines: Vec<Line> = list
        .iter()
        .enumerate()
        .skip(first)
        .take(height)
        .map(|(i, item)| {
            let (text, alert) = match item {
                Item::Request(id) => request_row(app, h, *id, width),
                Item::Instruction(id) => instruction_row(app, h, *id),
            };
            let style = if i == sel {
                theme.selected().patch(theme.alert(alert))
            } else {
                theme.alert(alert)
            };
            let text: String = text.chars().take(width).collect();
            Line::styled(text, style)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

fn request_row(
    app: &AppState,
    h: &Handover,
    id: crate::domain::ids::RequestId,
    width: usize,
) -> (String, Alert) {
    let l = app.lang;
    let Some(r) = h.requests.iter().find(|r| r.id == id) else {
        return (String::new(), Alert::None);
    };
    let site = app
        .territory
        .site(&r.site)
        .map_or(r.site.as_str(), |s| s.name.as_str());
    let state = match (&r.team, r.decided) {
        (Some(team), _) => format!("{team} {}", vocab::request_status(r.status, l)),
        (None, true) => l.pick("reportée", "carried over").to_string(),
        (None, false) => l.pick("à décider", "to decide").to_string(),
    };
    let alert = if r.decided { Alert::None } else { Alert::Amber };
    // Category and site take what a wide pane leaves after the fixed columns and the state.
    let room = width.saturating_sub(15 + 18);
    let cw = (room * 2 / 5).clamp(14, 30);
    let sw = room.saturating_sub(cw + 1).clamp(22, 48);
    (
        format!(
            "{}{:>3} {:?} {:>5}′ {} {} {state}",
            alert_mark(alert),
            r.number,
            r.priority,
            r.age_minutes,
            fit(vocab::category(r.category, l), cw),
            fit(site, sw),
        ),
        alert,
    )
}

fn instruction_row(
    app: &AppState,
    h: &Handover,
    id: crate::domain::ids::InstructionId,
) -> (String, Alert) {
    let l = app.lang;
    let Some(i) = h.instructions.iter().find(|i| i.id == id) else {
        return (String::new(), Alert::None);
    };
    let until = i
        .until
        .map_or(String::new(), |d| format!(" → {}", dates::short_date(d, l)));
    (
        format!(
            " ◆ {} · {}{until} · {}",
            words::instruction_kind(i.kind, l),
            words::scope(&app.territory, &i.scope, l),
            i.text
        ),
        Alert::None,
    )
}

fn draw_reading(frame: &mut Frame, area: Rect, app: &AppState, h: &Handover, theme: &Theme) {
    let l = app.lang;
    let block = Block::bordered().title(Line::styled(
        l.pick(
            "À lire avant de prendre la nuit",
            "To read before taking the night",
        ),
        theme.title(),
    ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let mut lines = note_lines(app, h, theme);
    lines.extend(team_lines(app, h, theme));
    lines.extend(alert_lines(app, h, theme));
    lines.extend(relay_lines(app, h, theme));
    lines.extend(desk_lines(app, h, theme));
    lines.extend(super::request_rows::callback_lines(
        app,
        &h.callbacks,
        theme,
    ));
    lines.extend(case_lines(app, h, theme));
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}

fn head<'a>(text: &str, theme: &Theme) -> Line<'a> {
    Line::styled(text.to_string(), theme.title())
}

fn note_lines<'a>(app: &AppState, h: &Handover, theme: &Theme) -> Vec<Line<'a>> {
    let l = app.lang;
    let mut lines = vec![head(l.pick("Note de passation", "Handover note"), theme)];
    let Some(n) = &h.note else {
        lines.push(Line::styled(
            l.pick(" pas encore écrite (w)", " not written yet (w)"),
            theme.dim(),
        ));
        return lines;
    };
    for (label, text) in [
        (l.pick("Situation", "Situation"), &n.situation),
        (l.pick("En cours", "Under way"), &n.actions),
        (l.pick("Besoins", "Needs"), &n.needs),
    ] {
        let text = if text.is_empty() {
            "—"
        } else {
            text.as_str()
        };
        lines.push(Line::raw(format!(
            " {} {text}",
            crate::text::pad(label, 10)
        )));
    }
    lines
}

fn team_lines<'a>(app: &AppState, h: &Handover, theme: &Theme) -> Vec<Line<'a>> {
    let l = app.lang;
    if h.teams.is_empty() {
        return Vec::new();
    }
    let mut lines = vec![head(
        l.pick("Équipes pas rentrées", "Teams not back"),
        theme,
    )];
    for team in &h.teams {
        let on = team.request.map_or(String::new(), |n| format!(" → {n}"));
        let status = vocab::team_status(team.status, l);
        lines.push(Line::raw(format!(" {} {status}{on}", team.call_sign)));
    }
    lines
}

fn alert_lines<'a>(app: &AppState, h: &Handover, theme: &Theme) -> Vec<Line<'a>> {
    if h.alerts.is_empty() {
        return Vec::new();
    }
    let l = app.lang;
    let mut lines = vec![head(l.pick("Alertes de contact", "Check-in alerts"), theme)];
    for a in &h.alerts {
        let level = if a.red { Alert::Red } else { Alert::Amber };
        let text = format!(
            "{}{} {} {}′",
            alert_mark(level),
            a.team,
            dates::clock(a.from),
            a.minutes
        );
        lines.push(Line::styled(text, theme.alert(level)));
    }
    lines
}

fn relay_lines<'a>(app: &AppState, h: &Handover, theme: &Theme) -> Vec<Line<'a>> {
    if h.relays.is_empty() {
        return Vec::new();
    }
    let l = app.lang;
    let mut lines = vec![head(l.pick("Relais engagés", "Relays engaged"), theme)];
    for r in &h.relays {
        let partner = app
            .territory
            .partner(&r.partner)
            .map_or(r.partner.clone(), |p| p.name.clone());
        let on = r.request.map_or(String::new(), |n| format!(" ({n})"));
        lines.push(Line::raw(format!(" {} {partner}{on}", dates::clock(r.at))));
    }
    lines
}

/// Relays awaited, the night's plan, the watch's news (worded in report/desk_text.rs).
fn desk_lines<'a>(app: &AppState, h: &Handover, theme: &Theme) -> Vec<Line<'a>> {
    use crate::report::desk_text;
    let (l, t) = (app.lang, &app.territory);
    let sections = [
        (
            l.pick("Relais attendus", "Relays awaited"),
            desk_text::awaited(&h.desk, t, l),
        ),
        (
            l.pick("Feuille de route", "Night's plan"),
            desk_text::plan(&h.desk.plan, t, l),
        ),
        (
            l.pick("Veille : nouveau ce soir", "Watch: new tonight"),
            desk_text::observations(&h.desk, t, l),
        ),
    ];
    let mut lines = Vec::new();
    for (title, items) in sections.into_iter().filter(|(_, i)| !i.is_empty()) {
        lines.push(head(title, theme));
        lines.extend(items.into_iter().map(Line::raw));
    }
    lines
}

fn case_lines<'a>(app: &AppState, h: &Handover, theme: &Theme) -> Vec<Line<'a>> {
    let due = h.cases.iter().filter(|c| c.due).count();
    let title = match app.lang {
        Lang::Fr => format!(
            "Situations ouvertes : {} (suivi dû : {due}) — écran 2",
            h.cases.len()
        ),
        Lang::En => format!(
            "Open situations: {} (follow-up due: {due}) — screen 2",
            h.cases.len()
        ),
    };
    let mut lines = vec![head(&title, theme)];
    for c in h.cases.iter().filter(|c| c.due).take(5) {
        let site = place_name(&app.territory, &Position::Site(c.site.clone()));
        lines.push(Line::raw(format!(" {} {site}", c.id)));
    }
    lines
}
