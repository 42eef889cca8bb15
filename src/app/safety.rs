//! The teams' safety on the board: how long each team out in the field has been silent
//! against its status's threshold, the steps the console records as they are crossed
//! (amber, red with a bell, escalated), the teams that reported an incident or a need,
//! and which alert is the worst — the one the board keeps most visible.

use super::board::{Alert, open_requests, request_alert, teams};
use super::watch::silence;
use super::{AppState, Effect, Pane};
use crate::domain::Command;
use crate::domain::ids::RequestId;
use crate::domain::safety::{CheckInWord, MissedStep};
use crate::domain::state::Team;
use crate::i18n::notice::Notice;

/// Teams whose silence reached the escalation, the longest silent first: each stays on
/// the board until the team is heard from.
pub fn escalated(app: &AppState) -> Vec<&Team> {
    let mut rows: Vec<&Team> = teams(app)
        .into_iter()
        .filter(|t| silence(t, app.now, &app.thresholds).1 == Some(MissedStep::Escalated))
        .collect();
    rows.sort_by_key(|t| t.last_contact);
    rows
}

/// Teams whose last check-in reported an incident, the latest first.
pub fn incidents(app: &AppState) -> Vec<&Team> {
    let mut rows: Vec<&Team> = teams(app)
        .into_iter()
        .filter(|t| t.reported.is_some_and(|r| r.word == CheckInWord::Incident))
        .collect();
    rows.sort_by_key(|t| std::cmp::Reverse(t.reported.map(|r| r.at)));
    rows
}

/// The steps crossed since the last ones recorded: one command each (recorded in the
/// background, like the world's moves), and a bell when a step is red or worse.
pub fn on_tick(app: &AppState) -> Vec<Effect> {
    if app.domain.open_night().is_none() {
        return Vec::new();
    }
    let mut effects = Vec::new();
    let mut ring = false;
    for team in teams(app) {
        let (since, step) = silence(team, app.now, &app.thresholds);
        let Some(step) = step.filter(|s| team.missed.is_none_or(|m| m < *s)) else {
            continue;
        };
        ring |= step >= MissedStep::Red;
        effects.push(Effect::Record(vec![Command::MissCheckIn {
            team: team.call_sign.clone(),
            step,
            minutes: u32::try_from(since).unwrap_or(u32::MAX),
        }]));
    }
    if ring {
        effects.push(Effect::Bell);
    }
    effects
}

/// Something late on the board.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Late {
    Team(String),
    Request(RequestId),
}

/// What is late: how many requests and teams, and the worst of all (an escalation, then
/// an incident, then red before amber, then the furthest past its threshold).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Overdue {
    pub requests: usize,
    pub teams: usize,
    pub worst: Option<Late>,
}

impl Overdue {
    pub fn total(&self) -> usize {
        self.requests + self.teams
    }
}

/// How much an alert weighs: its class, then how far past its threshold (per mille).
type Weight = (u8, i64);

fn team_weight(team: &Team, app: &AppState) -> Option<Weight> {
    let (since, step) = silence(team, app.now, &app.thresholds);
    let class = match (step, team.reported.map(|r| r.word)) {
        (Some(MissedStep::Escalated), _) => 4,
        (_, Some(CheckInWord::Incident)) => 3,
        (Some(MissedStep::Red), _) => 2,
        (Some(MissedStep::Amber), _) | (_, Some(CheckInWord::Reinforcement)) => 1,
        _ => return None,
    };
    let limit = app.thresholds.check_in(team.status()).unwrap_or(1).max(1);
    Some((class, since * 1000 / limit))
}

pub fn overdue(app: &AppState) -> Overdue {
    let mut out = Overdue::default();
    let mut worst: Option<(Weight, Late)> = None;
    let mut consider = |w: Weight, late: Late| {
        if worst.as_ref().is_none_or(|(best, _)| w > *best) {
            worst = Some((w, late));
        }
    };
    for r in open_requests(app) {
        let (age, alert) = request_alert(r, app.now, &app.thresholds);
        let class = match alert {
            Alert::None => continue,
            Alert::Amber => 1,
            Alert::Red => 2,
        };
        out.requests += 1;
        let limit = app.thresholds.wait[r.priority as usize].unwrap_or(1).max(1);
        consider((class, age * 1000 / limit), Late::Request(r.id));
    }
    for team in teams(app) {
        if let Some(w) = team_weight(team, app) {
            out.teams += 1;
            consider(w, Late::Team(team.call_sign.clone()));
        }
    }
    out.worst = worst.map(|(_, late)| late);
    out
}

/// `!`: the finger goes to the worst alert, or the footer says there is none.
pub fn worst_key(app: &mut AppState) -> Vec<Effect> {
    if !go_to_worst(app) {
        app.notice = Some(Notice::NoAlert);
    }
    Vec::new()
}

/// The finger goes to the worst alert, in its pane, on the board.
pub fn go_to_worst(app: &mut AppState) -> bool {
    match overdue(app).worst {
        Some(Late::Team(call_sign)) => {
            app.screen = super::Screen::Board;
            app.focus = Pane::Teams;
            app.selection.team = Some(call_sign);
            true
        }
        Some(Late::Request(id)) => {
            app.screen = super::Screen::Board;
            app.focus = Pane::Requests;
            app.selection.request = Some(id);
            true
        }
        None => false,
    }
}
