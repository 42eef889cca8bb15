//! The teams' rules: composing one, setting its status, its position, a check-in.

use crate::domain::decide::Ctx;
use crate::domain::event::Event;
use crate::domain::refusal::Refusal;
use crate::domain::vocab::{Position, TeamStatus};

impl Ctx<'_> {
    pub(in crate::domain) fn compose(
        &mut self,
        team: &str,
        members: &[String],
        equipment: Option<&str>,
    ) -> Result<(), Refusal> {
        self.night()?;
        let call_sign = team.trim();
        if call_sign.is_empty() {
            return Err(Refusal::EmptyCallSign);
        }
        if self.state.teams.contains_key(call_sign) {
            return Err(Refusal::TeamExists {
                team: call_sign.to_string(),
            });
        }
        if !(2..=3).contains(&members.len()) {
            return Err(Refusal::TeamSize {
                team: call_sign.to_string(),
                count: members.len(),
            });
        }
        for (i, m) in members.iter().enumerate() {
            if self.territory.mediator(m).is_none() {
                return Err(Refusal::UnknownMediator { id: m.clone() });
            }
            let elsewhere = self
                .state
                .teams
                .values()
                .find(|t| t.members.contains(m) && t.status() != TeamStatus::OffDuty);
            if let Some(t) = elsewhere {
                return Err(Refusal::MediatorInTeam {
                    mediator: m.clone(),
                    team: t.call_sign.clone(),
                });
            }
            if members[..i].contains(m) {
                return Err(Refusal::MediatorInTeam {
                    mediator: m.clone(),
                    team: call_sign.to_string(),
                });
            }
        }
        let equipment = self.text(equipment)?;
        self.emit(Event::TeamComposed {
            team: call_sign.to_string(),
            members: members.to_vec(),
            equipment,
        });
        Ok(())
    }

    /// Refuses when a member is in another team on duty (a mediator is in one team at a time).
    pub(in crate::domain) fn members_free(
        &self,
        team: &str,
        members: &[String],
    ) -> Result<(), Refusal> {
        for m in members {
            let other = self.state.teams.values().find(|t| {
                t.call_sign != team && t.members.contains(m) && t.status() != TeamStatus::OffDuty
            });
            if let Some(t) = other {
                return Err(Refusal::MediatorInTeam {
                    mediator: m.clone(),
                    team: t.call_sign.clone(),
                });
            }
        }
        Ok(())
    }

    /// A status the coordinator sets; those that follow a request (en route, on site) come
    /// with their own commands.
    pub(in crate::domain) fn set_status(
        &mut self,
        team: &str,
        status: TeamStatus,
        position: Option<&Position>,
    ) -> Result<(), Refusal> {
        let t = self.team(team)?;
        if !status.is_settable() {
            return Err(Refusal::StatusNotSettable { status });
        }
        if let Some((req, _)) = t.assignment {
            let number = self.request(req)?.number;
            return Err(Refusal::TeamBusy {
                team: team.to_string(),
                request: number,
            });
        }
        // A status the team already has writes nothing (a new place for its presence does).
        if t.status() == status && position.is_none_or(|p| *p == t.position) {
            return Err(Refusal::AlreadyInStatus {
                team: team.to_string(),
                status,
            });
        }
        if t.status() == TeamStatus::OffDuty && status != TeamStatus::OffDuty {
            self.members_free(team, &t.members)?;
        }
        if let Some(p) = position {
            self.position(p)?;
        }
        self.emit(Event::TeamStatusChanged {
            team: team.to_string(),
            status,
            position: position.cloned(),
        });
        Ok(())
    }

    pub(in crate::domain) fn update_position(
        &mut self,
        team: &str,
        position: &Position,
    ) -> Result<(), Refusal> {
        self.team(team)?;
        self.position(position)?;
        self.emit(Event::TeamPositionUpdated {
            team: team.to_string(),
            position: position.clone(),
        });
        Ok(())
    }

    pub(in crate::domain) fn record_contact(&mut self, team: &str) -> Result<(), Refusal> {
        self.team(team)?;
        self.emit(Event::TeamContacted {
            team: team.to_string(),
        });
        Ok(())
    }

    /// A phone's sign-in code for a team of the open night. The hash is made at the edge
    /// (argon2); the rules only keep a malformed one out of the journal.
    pub(in crate::domain) fn issue_team_code(
        &mut self,
        team: &str,
        hash: &str,
    ) -> Result<(), Refusal> {
        self.team(team)?;
        if !hash.starts_with("$argon2") || hash.len() > 256 {
            return Err(Refusal::MalformedCode);
        }
        self.emit(Event::TeamCodeIssued {
            team: team.to_string(),
            hash: hash.to_string(),
        });
        Ok(())
    }
}
