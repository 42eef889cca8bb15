//! The night's teams: who is in them, their status history, where they are, what they do.

use super::State;
use crate::domain::event::{Envelope, Event};
use crate::domain::ids::{InterventionId, RequestId};
use crate::domain::safety::{MissedStep, Reported};
use crate::domain::vocab::{Position, TeamStatus};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusChange {
    pub at: DateTime<Utc>,
    pub status: TeamStatus,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Team {
    pub call_sign: String,
    pub members: Vec<String>,
    #[serde(default)]
    pub equipment: Option<String>,
    /// Never overwritten: the last entry is the current status.
    pub history: Vec<StatusChange>,
    pub position: Position,
    pub position_at: DateTime<Utc>,
    #[serde(default)]
    pub assignment: Option<(RequestId, InterventionId)>,
    pub last_contact: DateTime<Utc>,
    /// The last step of a missed check-in recorded since the team was last heard from.
    #[serde(default)]
    pub missed: Option<MissedStep>,
    /// A check-in that reported a need or an incident, until a « RAS » or the end of the
    /// team's intervention.
    #[serde(default)]
    pub reported: Option<Reported>,
    /// The argon2 hash of the team's phone sign-in code for this night, if one was issued
    /// (teams leave the state when the next night opens, and their codes with them).
    #[serde(default)]
    pub code: Option<String>,
}

impl Team {
    /// A team just composed: available, at the base, heard from now.
    pub fn composed(
        call_sign: &str,
        members: &[String],
        equipment: Option<&str>,
        at: DateTime<Utc>,
    ) -> Self {
        Team {
            call_sign: call_sign.to_string(),
            members: members.to_vec(),
            equipment: equipment.map(str::to_string),
            history: vec![StatusChange {
                at,
                status: TeamStatus::Available,
            }],
            position: Position::Base,
            position_at: at,
            assignment: None,
            last_contact: at,
            missed: None,
            reported: None,
            code: None,
        }
    }

    pub fn status(&self) -> TeamStatus {
        self.history
            .last()
            .map_or(TeamStatus::Available, |c| c.status)
    }
    pub fn status_since(&self) -> Option<DateTime<Utc>> {
        self.history.last().map(|c| c.at)
    }
    /// A status change is also a contact: the team said it.
    pub(super) fn set_status(&mut self, at: DateTime<Utc>, status: TeamStatus) {
        self.history.push(StatusChange { at, status });
        self.heard(at);
    }
    /// The team was heard from: a missed check-in is over.
    pub(super) fn heard(&mut self, at: DateTime<Utc>) {
        self.last_contact = at;
        self.missed = None;
    }
    pub(super) fn move_to(&mut self, at: DateTime<Utc>, position: Position) {
        self.position = position;
        self.position_at = at;
    }
}

/// Applies the events that only concern a team; those that tie a team to a request are in
/// `interventions`.
pub(super) fn apply(state: &mut State, env: &Envelope) {
    let at = env.at;
    match &env.event {
        Event::TeamComposed {
            team,
            members,
            equipment,
        } => {
            let composed = Team::composed(team, members, equipment.as_deref(), at);
            state.teams.insert(team.clone(), composed);
        }
        Event::TeamStatusChanged {
            team,
            status,
            position,
        } => {
            if let Some(t) = state.teams.get_mut(team) {
                t.set_status(at, *status);
                if matches!(status, TeamStatus::Available | TeamStatus::OffDuty) {
                    t.reported = None;
                }
                if let Some(p) = position {
                    t.move_to(at, p.clone());
                }
            }
        }
        Event::TeamPositionUpdated { team, position } => {
            if let Some(t) = state.teams.get_mut(team) {
                t.move_to(at, position.clone());
                t.heard(at);
            }
        }
        Event::TeamContacted { team } => {
            if let Some(t) = state.teams.get_mut(team) {
                // « RAS »: what was reported is over too.
                t.heard(at);
                t.reported = None;
            }
        }
        Event::CheckInReported { .. } | Event::CheckInMissed { .. } => {
            super::safety::apply(state, env)
        }
        Event::TeamCodeIssued { team, hash } => {
            if let Some(t) = state.teams.get_mut(team) {
                t.code = Some(hash.clone());
            }
        }
        _ => {}
    }
}
