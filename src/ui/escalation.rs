//! The teams' safety strip, across the top of the board while it has something: a team
//! whose silence is escalated (how long, where it was, its phone, what to do next, in
//! order) and a team that reported an incident. It stays until the team is heard from.

use super::theme::Theme;
use crate::app::AppState;
use crate::app::board::Alert;
use crate::app::safety::{escalated, incidents};
use crate::app::watch::silence;
use crate::domain::reference::PartnerKind;
use crate::domain::safety::MissedStep;
use crate::domain::state::Team;
use crate::domain::vocab::Position;
use crate::i18n::{Lang, dates, places, safety, vocab};
use crate::text;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

/// The strip's height (borders included): none without an alert; the worst escalation
/// with its steps, one line for each other team.
fn height(app: &AppState) -> u16 {
    let (escalations, incidents) = (escalated(app).len(), incidents(app).len());
    match (escalations, incidents) {
        (0, 0) => 0,
        (0, n) => n.min(3) as u16 + 2,
        (e, n) => (e + n).min(6) as u16 + 3 + 2,
    }
}

/// The strip, and what is left of the board under it.
pub fn split(area: Rect, app: &AppState) -> (Rect, Rect) {
    let h = height(app).min(area.height / 2);
    let [strip, rest] = area.layout(&Layout::vertical([
        Constraint::Length(h),
        Constraint::Fill(1),
    ]));
    (strip, rest)
}

pub fn draw(frame: &mut Frame, area: Rect, app: &AppState, theme: &Theme) {
    if area.height < 3 {
        return;
    }
    let l = app.lang;
    let title = l.pick(
        "Sécurité des équipes — c : contact reçu · ! : aller à l'équipe",
        "Teams' safety — c: check-in received · !: go to the team",
    );
    let block = Block::bordered()
        .title(Line::styled(title, theme.title()))
        .border_style(theme.alert(Alert::Red));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = inner.width as usize;
    let mut lines = Vec::new();
    let escalations = escalated(app);
    for (i, team) in escalations.iter().enumerate() {
        lines.push(escalation_line(app, team, width, theme));
        if i == 0 {
            let police = police(app);
            for step in safety::next_steps(team.equipment.as_deref(), &police, l) {
                lines.push(Line::raw(format!(
                    "   {}",
                    text::truncate(&step, width.saturating_sub(3))
                )));
            }
        }
    }
    for team in incidents(app) {
        lines.push(incident_line(app, team, width, theme));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// « ‼ ESCALADE E2 — sans contact depuis 63′ · sur place, Résidence Les Ajoncs ».
fn escalation_line<'a>(app: &AppState, team: &Team, width: usize, theme: &Theme) -> Line<'a> {
    let l = app.lang;
    let (since, _) = silence(team, app.now, &app.thresholds);
    let head = format!(
        "‼ {} {}",
        safety::step(MissedStep::Escalated, l).to_uppercase(),
        team.call_sign
    );
    let rest = format!(
        " — {} {since}′ · {}, {}",
        l.pick("sans contact depuis", "no check-in for"),
        vocab::team_status(team.status(), l),
        place(app, &team.position)
    );
    let rest = text::truncate(&rest, width.saturating_sub(text::width(&head))).to_string();
    Line::from(vec![
        Span::styled(head, theme.alert(Alert::Red)),
        Span::raw(rest),
    ])
}

/// « ‼ INCIDENT E1 signalé à 22:14 — Dalle Kennedy · Véhicule 1 ».
fn incident_line<'a>(app: &AppState, team: &Team, width: usize, theme: &Theme) -> Line<'a> {
    let l = app.lang;
    let at = team.reported.map_or(String::new(), |r| dates::clock(r.at));
    let head = format!("‼ INCIDENT {}", team.call_sign);
    let phone = team
        .equipment
        .as_deref()
        .map_or(String::new(), |e| format!(" · {e}"));
    let rest = match l {
        Lang::Fr => format!(" signalé à {at} — {}{phone}", place(app, &team.position)),
        Lang::En => format!(" reported at {at} — {}{phone}", place(app, &team.position)),
    };
    let rest = text::truncate(&rest, width.saturating_sub(text::width(&head))).to_string();
    Line::from(vec![
        Span::styled(head, theme.alert(Alert::Red)),
        Span::raw(rest),
    ])
}

/// Where the team was last: a site's or a district's name, or the base.
pub(super) fn place(app: &AppState, position: &Position) -> String {
    match position {
        Position::Base => places::base(app.lang).to_string(),
        Position::Site(s) => app.territory.site(s).map_or(s.clone(), |s| s.name.clone()),
        Position::District(d) => app
            .territory
            .district(d)
            .map_or(d.clone(), |d| d.name.clone()),
    }
}

/// The police's number in the directory.
fn police(app: &AppState) -> String {
    app.territory
        .partners
        .iter()
        .find(|p| p.kind == PartnerKind::Police)
        .map_or("17".to_string(), |p| p.phone.clone())
}

/// « ‼ ESCALADE E2 » for the header while a team's silence is escalated.
pub fn header(app: &AppState) -> Option<String> {
    let teams = escalated(app);
    if teams.is_empty() {
        return None;
    }
    let names: Vec<&str> = teams.iter().map(|t| t.call_sign.as_str()).collect();
    let word = safety::step(MissedStep::Escalated, app.lang).to_uppercase();
    Some(format!(" ‼ {word} {} ", names.join(", ")))
}
