//! Interventions: a team sent to a request, arriving, recalled, clearing it. Each event
//! moves the request and the team together.

use super::State;
use crate::domain::event::{Envelope, Event};
use crate::domain::ids::{InterventionId, PersonalId, RequestId};
use crate::domain::vocab::{Outcome, Position, RequestStatus, ResponseLevel, TeamStatus};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Intervention {
    pub id: InterventionId,
    pub team: String,
    pub members: Vec<String>,
    pub dispatched_at: DateTime<Utc>,
    #[serde(default)]
    pub on_site_at: Option<DateTime<Utc>>,
    #[serde(default)]
    pub cleared_at: Option<DateTime<Utc>>,
    #[serde(default)]
    pub recalled_at: Option<DateTime<Utc>>,
    #[serde(default)]
    pub level: Option<ResponseLevel>,
    #[serde(default)]
    pub outcome: Option<Outcome>,
    #[serde(default)]
    pub relays: Vec<String>,
    #[serde(default)]
    pub referrals: Vec<String>,
    #[serde(default)]
    pub note: Option<PersonalId>,
}

impl Intervention {
    /// A team just sent, with the members it had at that moment.
    pub fn dispatched(
        id: InterventionId,
        team: &str,
        members: Vec<String>,
        at: DateTime<Utc>,
    ) -> Self {
        Intervention {
            id,
            team: team.to_string(),
            members,
            dispatched_at: at,
            on_site_at: None,
            cleared_at: None,
            recalled_at: None,
            level: None,
            outcome: None,
            relays: Vec::new(),
            referrals: Vec::new(),
            note: None,
        }
    }
}

/// Applies the events of a team's visit to a request.
pub(super) fn apply(state: &mut State, env: &Envelope) {
    let at = env.at;
    match &env.event {
        Event::RequestAssigned {
            request,
            team,
            intervention,
        } => assigned(state, at, *request, team, *intervention),
        Event::TeamArrived {
            team,
            request,
            intervention,
        } => {
            let site = state.requests.get_mut(request).map(|r| {
                r.status = RequestStatus::OnSite;
                r.on_site_at.get_or_insert(at);
                if let Some(i) = find(&mut r.interventions, *intervention) {
                    i.on_site_at = Some(at);
                }
                r.site.clone()
            });
            if let Some(t) = state.teams.get_mut(team) {
                t.set_status(at, TeamStatus::OnSite);
                if let Some(s) = site {
                    t.move_to(at, Position::Site(s));
                }
            }
        }
        Event::TeamRecalled {
            team,
            request,
            intervention,
        } => {
            if let Some(r) = state.requests.get_mut(request) {
                if let Some(i) = find(&mut r.interventions, *intervention) {
                    i.recalled_at = Some(at);
                }
                // Another team still on it (a reinforcement) keeps it under way.
                if !r.follow_teams() {
                    r.status = RequestStatus::Received;
                }
            }
            free(state, at, team);
        }
        Event::InterventionCleared {
            intervention,
            request,
            team,
            level,
            outcome,
            relays,
            referrals,
            note,
        } => {
            if let Some(r) = state.requests.get_mut(request) {
                if let Some(i) = find(&mut r.interventions, *intervention) {
                    i.cleared_at = Some(at);
                }
                // The request ends with the last team on it.
                if !r.follow_teams() {
                    r.close(at, RequestStatus::Cleared);
                }
                if let Some(i) = find(&mut r.interventions, *intervention) {
                    i.cleared_at = Some(at);
                    i.level = Some(*level);
                    i.outcome = Some(*outcome);
                    i.relays = relays.clone();
                    i.referrals = referrals.clone();
                    i.note = *note;
                }
            }
            free(state, at, team);
        }
        _ => {}
    }
}

/// Sending a team: the request is en route and the team with it, in one fact.
fn assigned(
    state: &mut State,
    at: DateTime<Utc>,
    request: RequestId,
    team: &str,
    intervention: InterventionId,
) {
    state.counters.intervention = state.counters.intervention.max(intervention.0 + 1);
    let members = state
        .teams
        .get(team)
        .map(|t| t.members.clone())
        .unwrap_or_default();
    if let Some(r) = state.requests.get_mut(&request) {
        // A reinforcement leaves a request on site as it is, with its first team.
        if r.team.is_none() {
            r.status = RequestStatus::EnRoute;
            r.team = Some(team.to_string());
        }
        r.dispatched_at.get_or_insert(at);
        let sent = Intervention::dispatched(intervention, team, members, at);
        r.interventions.push(sent);
    }
    if let Some(t) = state.teams.get_mut(team) {
        t.set_status(at, TeamStatus::EnRoute);
        t.assignment = Some((request, intervention));
    }
}

impl Intervention {
    /// Sent and neither recalled nor cleared yet.
    pub fn is_under_way(&self) -> bool {
        self.cleared_at.is_none() && self.recalled_at.is_none()
    }
}

fn find(interventions: &mut [Intervention], id: InterventionId) -> Option<&mut Intervention> {
    interventions.iter_mut().find(|i| i.id == id)
}

/// The team is done with its request (recalled or cleared): available again.
fn free(state: &mut State, at: DateTime<Utc>, team: &str) {
    if let Some(t) = state.teams.get_mut(team) {
        t.set_status(at, TeamStatus::Available);
        t.assignment = None;
        t.reported = None;
    }
}
