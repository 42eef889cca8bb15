//! What the board shows, computed from the domain state: rows in display order, ages and
//! alert levels, the suggested team. Views only draw these.

use super::{AppState, Thresholds};
use crate::domain::ids::RequestId;
use crate::domain::reference::{GeoPoint, Territory};
use crate::domain::state::{Case, Request, Team};
use crate::domain::vocab::{CaseState, Position, TeamStatus};
use chrono::{DateTime, Utc};

/// How urgent a row's colour is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Alert {
    None,
    Amber,
    Red,
}

/// Amber past the threshold, red past twice the threshold.
fn alert(minutes: i64, threshold: Option<i64>) -> Alert {
    match threshold {
        Some(t) if minutes >= 2 * t => Alert::Red,
        Some(t) if minutes >= t => Alert::Amber,
        _ => Alert::None,
    }
}

fn minutes_since(now: DateTime<Utc>, at: DateTime<Utc>) -> i64 {
    (now - at).num_minutes().max(0)
}

/// Requests still open: by priority, then oldest first.
pub fn open_requests(state: &AppState) -> Vec<&Request> {
    let mut rows: Vec<&Request> = state
        .domain
        .requests
        .values()
        .filter(|r| !r.status.is_terminal())
        .collect();
    rows.sort_by_key(|r| (r.priority, r.received_at));
    rows
}

/// Waiting time and alert of a request (alerts only while nobody is sent).
pub fn request_alert(r: &Request, now: DateTime<Utc>, t: &Thresholds) -> (i64, Alert) {
    // A request carried in from an earlier night waits from tonight's start, not for days.
    let tonight = crate::domain::calendar::ServiceNight::of(now);
    let since = match r.night < tonight {
        true => r.received_at.max(tonight.start()),
        false => r.received_at,
    };
    let age = minutes_since(now, since);
    let waiting = r.team.is_none();
    let level = if waiting {
        alert(age, t.wait[r.priority as usize])
    } else {
        Alert::None
    };
    (age, level)
}

/// Teams of the open night, in call-sign order (none once the night is closed).
pub fn teams(state: &AppState) -> Vec<&Team> {
    match state.domain.open_night() {
        Some(_) => state.domain.teams.values().collect(),
        None => Vec::new(),
    }
}

/// Minutes since the team was last heard from, and the colour of its row: its silence out
/// in the field against its status's threshold (`app::watch`), or what its last check-in
/// reported (an incident is red, a need for reinforcement amber).
pub fn contact_alert(team: &Team, now: DateTime<Utc>, t: &Thresholds) -> (i64, Alert) {
    use crate::domain::safety::{CheckInWord, MissedStep};
    let (since, step) = super::watch::silence(team, now, t);
    let from_silence = match step {
        None => Alert::None,
        Some(MissedStep::Amber) => Alert::Amber,
        Some(_) => Alert::Red,
    };
    let from_report = match team.reported.map(|r| r.word) {
        Some(CheckInWord::Incident) => Alert::Red,
        Some(CheckInWord::Reinforcement) => Alert::Amber,
        _ => Alert::None,
    };
    (since, from_silence.max(from_report))
}

/// Open situations: those whose follow-up is due first, then the most recently active.
pub fn open_cases(state: &AppState) -> Vec<&Case> {
    let today = crate::i18n::dates::service_date(state.now);
    let mut rows: Vec<&Case> = state
        .domain
        .cases
        .values()
        .filter(|c| c.state != CaseState::Closed)
        .collect();
    rows.sort_by_key(|c| {
        let due = c.next_follow_up.is_some_and(|d| d <= today);
        (!due, std::cmp::Reverse(c.last_action_at))
    });
    rows
}

/// Instructions and watch points in force today, the whole territory's first.
pub fn instructions(state: &AppState) -> Vec<&crate::domain::handover::Instruction> {
    let today = crate::i18n::dates::service_date(state.now);
    let mut rows: Vec<_> = state
        .domain
        .instructions
        .values()
        .filter(|i| i.active_on(today))
        .collect();
    rows.sort_by(|a, b| (&a.scope, a.kind).cmp(&(&b.scope, b.kind)));
    rows
}

/// Those that apply at a site: its own, its district's, the whole territory's.
pub fn instructions_at<'a>(
    state: &'a AppState,
    site: &crate::domain::reference::Site,
) -> Vec<&'a crate::domain::handover::Instruction> {
    use crate::domain::handover::Scope;
    instructions(state)
        .into_iter()
        .filter(|i| match &i.scope {
            Scope::Territory => true,
            Scope::District(d) => *d == site.district,
            Scope::Site(s) => *s == site.id,
        })
        .collect()
}

/// Where a position is on the map.
pub fn point_of(territory: &Territory, position: &Position) -> Option<GeoPoint> {
    match position {
        Position::Base => None,
        Position::Site(s) => territory.site(s).map(|s| s.at),
        Position::District(d) => territory.district(d).map(|d| d.centroid),
    }
}

/// Teams that can be sent now: no assignment, not off duty.
pub fn can_take(team: &Team) -> bool {
    team.assignment.is_none() && team.status() != TeamStatus::OffDuty
}

/// The team to suggest for a request: free, nearest by map distance from its last position
/// (a team at base counts as farthest).
pub fn suggested_team(state: &AppState, request: RequestId) -> Option<String> {
    let r = state.domain.requests.get(&request)?;
    // A free address: the nearest team to its district's centre.
    let target = match state.territory.site(&r.site) {
        Some(site) => site.at,
        None => state.territory.district(r.district.as_deref()?)?.centroid,
    };
    teams(state)
        .into_iter()
        .filter(|t| can_take(t))
        .min_by(|a, b| {
            let d = |t: &Team| {
                point_of(&state.territory, &t.position).map_or(f64::MAX, |p| p.distance_m(&target))
            };
            d(a).total_cmp(&d(b))
        })
        .map(|t| t.call_sign.clone())
}

/// Counters for the header: requests waiting for a team, teams free, alerts showing.
pub fn counters(state: &AppState) -> (usize, usize, usize) {
    let waiting = open_requests(state)
        .iter()
        .filter(|r| r.team.is_none())
        .count();
    let free = teams(state).iter().filter(|t| can_take(t)).count();
    let alerts = open_requests(state)
        .iter()
        .filter(|r| request_alert(r, state.now, &state.thresholds).1 != Alert::None)
        .count()
        + teams(state)
            .iter()
            .filter(|t| contact_alert(t, state.now, &state.thresholds).1 != Alert::None)
            .count();
    (waiting, free, alerts)
}
