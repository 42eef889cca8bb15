//! The live demo's own coordinator (`vigie --demo --autopilot`, or `P`): when it has the
//! desk it works the night as a coordinator would, one gesture at a human pace — it calls
//! a team that has gone quiet, lifts a report once the team says all is clear, clears an
//! intervention its team said was done, sends the nearest free team to the call waiting
//! longest, puts an idle team on active presence, and at the end of the night hands over
//! and closes. Pure, like `LiveNight`: time and the state are passed in; the runtime
//! executes what `due` returns through the store.

use super::draw::outcome;
use super::rng::Rng;
use crate::domain::Command;
use crate::domain::command::{CaseLink, Clearance};
use crate::domain::ids::{InterventionId, RequestId};
use crate::domain::reference::Territory;
use crate::domain::safety::{CheckInWord, is_watched};
use crate::domain::state::{State, Team};
use crate::domain::vocab::{Outcome, Position, ResponseLevel, TeamStatus};
use chrono::{DateTime, Duration, Utc};
use std::collections::BTreeSet;

/// How long the demo's coordinator takes between two gestures (simulated seconds).
const PACE: (i64, i64) = (30, 75);

#[derive(Debug, Clone)]
pub struct Autopilot {
    seed: u64,
    next_at: Option<DateTime<Utc>>,
}

/// What the autopilot reads besides the state: the interventions whose team said it was
/// done, and how long a team in each status may go without a check-in.
pub struct Seen<'a> {
    pub territory: &'a Territory,
    pub done: &'a BTreeSet<InterventionId>,
    pub check_in: &'a dyn Fn(TeamStatus) -> Option<i64>,
}

impl Autopilot {
    pub fn new(seed: u64) -> Autopilot {
        Autopilot {
            seed,
            next_at: None,
        }
    }

    /// When it next looks at the board (at once when just handed the desk).
    pub fn next_due(&self, now: DateTime<Utc>) -> DateTime<Utc> {
        self.next_at.unwrap_or(now)
    }

    /// The desk was handed back and forth: the next gesture comes after a pause.
    pub fn pause(&mut self) {
        self.next_at = None;
    }

    /// The gesture due at `now`, if any (at most one, then a pause).
    pub fn due(&mut self, state: &State, seen: &Seen, now: DateTime<Utc>) -> Vec<Command> {
        let mut rng = Rng::new(self.seed ^ (now.timestamp() as u64).wrapping_mul(0x9E37_79B9));
        let Some(at) = self.next_at else {
            self.next_at = Some(now + Duration::seconds(rng.range(PACE.0, PACE.1)));
            return Vec::new();
        };
        if now < at || state.open_night().is_none() {
            return Vec::new();
        }
        self.next_at = Some(now + Duration::seconds(rng.range(PACE.0, PACE.1)));
        gesture(state, seen, now, &mut rng)
    }
}

/// The most pressing thing to do, in the order a coordinator would.
fn gesture(state: &State, seen: &Seen, now: DateTime<Utc>, rng: &mut Rng) -> Vec<Command> {
    let Some(night) = state.open_night() else {
        return Vec::new();
    };
    if now >= night.night.end() {
        return end_of_night(state, seen, rng);
    }
    if let Some(team) = quiet(state, seen, now) {
        return vec![Command::RecordContact { team }];
    }
    if let Some(team) = reported(state, now) {
        let word = CheckInWord::Ras;
        return vec![Command::CheckIn { team, word }];
    }
    if let Some(clear) = done(state, seen, rng) {
        return vec![Command::Clear(clear)];
    }
    if let Some((request, team)) = send(state, seen, now) {
        return vec![Command::Dispatch { request, team }];
    }
    presence(state, seen, now).into_iter().collect()
}

/// The team out in the field silent longest past its threshold: the coordinator calls it.
fn quiet(state: &State, seen: &Seen, now: DateTime<Utc>) -> Option<String> {
    state
        .teams
        .values()
        .filter(|t| is_watched(t.status()))
        .filter(|t| {
            let limit = (seen.check_in)(t.status()).unwrap_or(i64::MAX);
            (now - t.last_contact).num_minutes() >= limit
        })
        .min_by_key(|t| t.last_contact)
        .map(|t| t.call_sign.clone())
}

/// A team that reported a need or an incident a few minutes ago: all is clear now.
fn reported(state: &State, now: DateTime<Utc>) -> Option<String> {
    state
        .teams
        .values()
        .find(|t| {
            t.reported
                .is_some_and(|r| now - r.at >= Duration::minutes(4))
        })
        .map(|t| t.call_sign.clone())
}

/// An intervention its team said was done: cleared with an outcome fitting the call.
fn done(state: &State, seen: &Seen, rng: &mut Rng) -> Option<Clearance> {
    let team = state.teams.values().find(|t| {
        t.status() == TeamStatus::OnSite
            && t.assignment.is_some_and(|(_, iv)| seen.done.contains(&iv))
    })?;
    Some(clearance(state, seen.territory, team, rng))
}

fn clearance(state: &State, territory: &Territory, team: &Team, rng: &mut Rng) -> Clearance {
    let request = team.assignment.and_then(|(r, _)| state.requests.get(&r));
    let site = request.and_then(|r| territory.site(&r.site));
    let (outcome, level, relays, referrals) = match (site, request) {
        (Some(s), Some(r)) => outcome(rng, territory, s, r.category),
        _ => (Outcome::Calmed, ResponseLevel::Mediation, vec![], vec![]),
    };
    Clearance {
        team: team.call_sign.clone(),
        level,
        outcome,
        relays,
        referrals,
        note: None,
        case: CaseLink::None,
    }
}

/// The request waiting longest among the most urgent, a minute after it came in, and the
/// free team nearest to it.
fn send(state: &State, seen: &Seen, now: DateTime<Utc>) -> Option<(RequestId, String)> {
    let request = state
        .requests
        .values()
        .filter(|r| !r.status.is_terminal() && r.team.is_none())
        .filter(|r| now - r.received_at >= Duration::minutes(1))
        .min_by_key(|r| (r.priority, r.received_at))?;
    let target = seen.territory.site(&request.site)?.at;
    let distance = |t: &Team| {
        let at = match &t.position {
            Position::Site(s) => seen.territory.site(s).map(|s| s.at),
            Position::District(d) => seen.territory.district(d).map(|d| d.centroid),
            Position::Base => None,
        };
        at.map_or(f64::MAX, |p| p.distance_m(&target))
    };
    let team = state
        .teams
        .values()
        .filter(|t| t.assignment.is_none())
        .filter(|t| {
            matches!(
                t.status(),
                TeamStatus::Available | TeamStatus::ActivePresence
            )
        })
        .min_by(|a, b| distance(a).total_cmp(&distance(b)))?;
    Some((request.id, team.call_sign.clone()))
}

/// A team available and idle for a quarter of an hour goes on active presence in a
/// district (each team its own, by its call sign).
fn presence(state: &State, seen: &Seen, now: DateTime<Utc>) -> Option<Command> {
    let districts = &seen.territory.districts;
    let (i, team) = state.teams.values().enumerate().find(|(_, t)| {
        t.status() == TeamStatus::Available
            && t.status_since()
                .is_some_and(|s| now - s >= Duration::minutes(15))
    })?;
    let district = districts.get(i % districts.len().max(1))?;
    Some(Command::SetTeamStatus {
        team: team.call_sign.clone(),
        status: TeamStatus::ActivePresence,
        position: Some(Position::District(district.id.clone())),
    })
}

/// Past the night's end: teams still out are brought in (cleared on site, recalled on
/// the way), then the handover — open requests carried over, the note — and the close.
fn end_of_night(state: &State, seen: &Seen, rng: &mut Rng) -> Vec<Command> {
    if let Some(team) = state.teams.values().find(|t| t.assignment.is_some()) {
        return vec![match team.status() {
            TeamStatus::OnSite => Command::Clear(clearance(state, seen.territory, team, rng)),
            _ => Command::Recall {
                team: team.call_sign.clone(),
            },
        }];
    }
    let mut out = super::shift::end(state);
    out.push(Command::CloseNight);
    out
}

#[cfg(test)]
#[path = "autopilot_tests.rs"]
mod tests;
