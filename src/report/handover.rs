//! What the next coordinator must know, critical items first: requests still open, teams not
//! back, check-in alerts of the night, relays engaged, open situations, instructions and
//! watch points, and the outgoing coordinator's note. Pure: built from the live state, the
//! night's record and its events; the console and `vigie handover` only show it.

use crate::domain::calendar::{ServiceNight, service_date};
use crate::domain::event::{Envelope, Event};
use crate::domain::handover::{Acknowledgment, HandoverNote, Instruction};
use crate::domain::ids::{CaseId, RequestId};
use crate::domain::state::{Request, State};
use crate::domain::views::NightRecord;
use crate::domain::vocab::{
    CaseState, Position, Priority, RequestStatus, ResponseLevel, TeamStatus,
};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use std::collections::BTreeMap;

/// A request still open: how long it has waited and what was last done.
#[derive(Debug, Clone, PartialEq)]
pub struct OpenRequest {
    pub id: RequestId,
    pub number: u32,
    pub night: ServiceNight,
    pub priority: Priority,
    pub site: String,
    pub category: crate::domain::vocab::Category,
    pub status: RequestStatus,
    pub team: Option<String>,
    pub age_minutes: i64,
    pub last_action_at: DateTime<Utc>,
    /// Carried over from these nights already.
    pub carried_over: Vec<ServiceNight>,
    /// Carried over from the night handed over (decided): otherwise still to decide.
    pub decided: bool,
}

/// A team that was not back at base and off duty, or still on a request.
#[derive(Debug, Clone, PartialEq)]
pub struct TeamNotBack {
    pub call_sign: String,
    pub status: TeamStatus,
    pub request: Option<u32>,
    pub position: Position,
}

/// A stretch on site without contact longer than the threshold.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckInAlert {
    pub team: String,
    pub from: DateTime<Utc>,
    pub minutes: i64,
    /// Twice the threshold or more.
    pub red: bool,
}

/// A partner mobilised this night.
#[derive(Debug, Clone, PartialEq)]
pub struct Relay {
    pub at: DateTime<Utc>,
    pub partner: String,
    pub request: Option<u32>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct OpenCase {
    pub id: CaseId,
    pub site: String,
    pub state: CaseState,
    pub last_level: Option<ResponseLevel>,
    pub last_action_at: DateTime<Utc>,
    pub follow_up: Option<NaiveDate>,
    pub due: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Handover {
    pub night: ServiceNight,
    /// Open: the night is still running (the note may not be written yet).
    pub open: bool,
    pub closed_at: Option<DateTime<Utc>>,
    pub coordinators: Vec<String>,
    pub requests: Vec<OpenRequest>,
    pub teams: Vec<TeamNotBack>,
    pub alerts: Vec<CheckInAlert>,
    pub relays: Vec<Relay>,
    /// Residents still to call back.
    pub callbacks: Vec<super::callbacks::CallbackDue>,
    pub cases: Vec<OpenCase>,
    pub instructions: Vec<Instruction>,
    pub note: Option<HandoverNote>,
    pub acknowledged: Option<Acknowledgment>,
    /// Relays awaited, observations new tonight, the night's plan (report/desk.rs).
    pub desk: super::desk::DeskHandover,
}

impl Handover {
    /// Open requests the outgoing coordinator has not yet carried over or closed.
    pub fn undecided(&self) -> usize {
        self.requests.iter().filter(|r| !r.decided).count()
    }
}

/// Builds the handover of `record`'s night. `events` are that night's envelopes (any
/// order); `contact` is the check-in threshold in minutes.
pub fn build(
    state: &State,
    record: &NightRecord,
    events: &[Envelope],
    now: DateTime<Utc>,
    contact: i64,
) -> Handover {
    let night = record.night;
    let live = state.open_night().filter(|n| n.night == night);
    let mut requests: Vec<OpenRequest> = state
        .requests
        .values()
        .filter(|r| !r.status.is_terminal())
        .map(|r| open_request(r, night, now))
        .collect();
    // Most urgent first, then the oldest.
    requests.sort_by_key(|r| (r.priority, r.last_action_at));
    let teams_source = match live {
        Some(_) => state.teams.values().cloned().collect(),
        None => record.teams.clone(),
    };
    let number = |id: RequestId| state.requests.get(&id).map(|r| r.number);
    let teams = teams_source
        .iter()
        .filter(|t| t.assignment.is_some() || t.status() != TeamStatus::OffDuty)
        .map(|t| TeamNotBack {
            call_sign: t.call_sign.clone(),
            status: t.status(),
            request: t.assignment.and_then(|(r, _)| number(r)),
            position: t.position.clone(),
        })
        .collect();
    let today = service_date(now);
    let mut cases: Vec<OpenCase> = state
        .cases
        .values()
        .filter(|c| c.state != CaseState::Closed)
        .map(|c| OpenCase {
            id: c.id,
            site: c.site.clone(),
            state: c.state,
            last_level: c.steps.last().map(|s| s.level),
            last_action_at: c.last_action_at,
            follow_up: c.next_follow_up,
            due: c.next_follow_up.is_some_and(|d| d <= today),
        })
        .collect();
    cases.sort_by_key(|c| (!c.due, std::cmp::Reverse(c.last_action_at)));
    let mut instructions: Vec<Instruction> = state
        .instructions
        .values()
        .filter(|i| i.active_on(today))
        .cloned()
        .collect();
    instructions.sort_by(|a, b| (a.kind, &a.scope).cmp(&(b.kind, &b.scope)));
    let (note, acknowledged) = match live {
        Some(n) => (n.note.clone(), None),
        None => (record.handover.clone(), record.acknowledged.clone()),
    };
    let mut events: Vec<&Envelope> = events.iter().filter(|e| e.night == night).collect();
    events.sort_by_key(|e| e.seq);
    Handover {
        night,
        open: live.is_some(),
        closed_at: record.closed_at,
        coordinators: record.coordinators.iter().map(|(_, c)| c.clone()).collect(),
        requests,
        teams,
        alerts: check_in_alerts(&events, now, contact, live.is_some()),
        relays: relays(&events, &number),
        callbacks: super::callbacks::pending(state),
        cases,
        instructions,
        desk: super::desk::build(state, &events, &number),
        note,
        acknowledged,
    }
}

fn open_request(r: &Request, night: ServiceNight, now: DateTime<Utc>) -> OpenRequest {
    let last = [Some(r.received_at), r.dispatched_at, r.on_site_at]
        .into_iter()
        .flatten()
        .max()
        .unwrap_or(r.received_at);
    // Carried in from an earlier night: its age counts from this night's start.
    let since = match r.night < night {
        true => r.received_at.max(night.start()),
        false => r.received_at,
    };
    OpenRequest {
        id: r.id,
        number: r.number,
        night: r.night,
        priority: r.priority,
        site: r.site.clone(),
        category: r.category,
        status: r.status,
        team: r.team.clone(),
        age_minutes: (now - since).num_minutes().max(0),
        last_action_at: last,
        carried_over: r.carried_over.clone(),
        decided: r.carried_over.last() == Some(&night),
    }
}

/// Partners mobilised: relays in clearances and requests handed straight to a partner.
fn relays(events: &[&Envelope], number: &dyn Fn(RequestId) -> Option<u32>) -> Vec<Relay> {
    let mut out = Vec::new();
    for e in events {
        match &e.event {
            Event::InterventionCleared {
                request, relays, ..
            } => out.extend(relays.iter().map(|p| Relay {
                at: e.at,
                partner: p.clone(),
                request: number(*request),
            })),
            Event::RequestRelayed {
                request, partner, ..
            } => out.push(Relay {
                at: e.at,
                partner: partner.clone(),
                request: number(*request),
            }),
            _ => {}
        }
    }
    out
}

/// Stretches on site without contact past the threshold, from the night's events. While
/// the night runs, a stretch still going counts up to `now`.
fn check_in_alerts(
    events: &[&Envelope],
    now: DateTime<Utc>,
    contact: i64,
    running: bool,
) -> Vec<CheckInAlert> {
    let threshold = Duration::minutes(contact.max(1));
    // Per team: since when it has been on site without contact.
    let mut on_site: BTreeMap<String, DateTime<Utc>> = BTreeMap::new();
    let mut out = Vec::new();
    let close = |team: &str, from: DateTime<Utc>, to: DateTime<Utc>, out: &mut Vec<_>| {
        let gap = to - from;
        if gap >= threshold {
            out.push(CheckInAlert {
                team: team.to_string(),
                from,
                minutes: gap.num_minutes(),
                red: gap >= threshold * 2,
            });
        }
    };
    for e in events {
        match &e.event {
            Event::TeamArrived { team, .. } => {
                on_site.insert(team.clone(), e.at);
            }
            Event::TeamContacted { team }
            | Event::CheckInReported { team, .. }
            | Event::TeamPositionUpdated { team, .. } => {
                if let Some(from) = on_site.get_mut(team) {
                    close(team, *from, e.at, &mut out);
                    *from = e.at;
                }
            }
            Event::InterventionCleared { team, .. }
            | Event::TeamRecalled { team, .. }
            | Event::TeamStatusChanged { team, .. } => {
                if let Some(from) = on_site.remove(team) {
                    close(team, from, e.at, &mut out);
                }
            }
            _ => {}
        }
    }
    if running {
        for (team, from) in on_site {
            close(&team, from, now, &mut out);
        }
    }
    out
}

#[cfg(test)]
#[path = "handover_tests.rs"]
mod tests;
