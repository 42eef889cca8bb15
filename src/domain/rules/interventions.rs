//! The rules of a team's visit: sending it, its arrival, recalling it, clearing the
//! intervention (with its relays, referrals and situation).

use crate::domain::command::{CaseLink, Clearance};
use crate::domain::decide::Ctx;
use crate::domain::event::Event;
use crate::domain::ids::{CaseId, InterventionId, RequestId};
use crate::domain::personal::PersonalKind;
use crate::domain::refusal::Refusal;
use crate::domain::state::Team;
use crate::domain::vocab::{Outcome, ResponseLevel, TeamStatus};

impl Ctx<'_> {
    pub(in crate::domain) fn dispatch(
        &mut self,
        request: RequestId,
        team: &str,
    ) -> Result<(), Refusal> {
        self.team(team)?;
        let r = self.open_request(request)?;
        if let Some(other) = &r.team {
            return Err(Refusal::RequestHasTeam {
                request: r.number,
                team: other.clone(),
            });
        }
        self.send(request, team)
    }

    /// A second team to a request a team is already on.
    pub(in crate::domain) fn reinforce(
        &mut self,
        request: RequestId,
        team: &str,
    ) -> Result<(), Refusal> {
        self.team(team)?;
        let r = self.open_request(request)?;
        if r.team.is_none() {
            return Err(Refusal::NothingToReinforce { request: r.number });
        }
        self.send(request, team)
    }

    /// Sends a free team (dispatch or reinforcement).
    fn send(&mut self, request: RequestId, team: &str) -> Result<(), Refusal> {
        let t: &Team = self.team(team)?;
        if let Some((busy, _)) = t.assignment {
            let number = self.request(busy)?.number;
            return Err(Refusal::TeamBusy {
                team: team.to_string(),
                request: number,
            });
        }
        if t.status() == TeamStatus::OffDuty {
            return Err(Refusal::TeamOffDuty {
                team: team.to_string(),
            });
        }
        let intervention = InterventionId(self.state.counters.intervention);
        self.emit(Event::RequestAssigned {
            request,
            team: team.to_string(),
            intervention,
        });
        Ok(())
    }

    pub(in crate::domain) fn assignment(
        &self,
        team: &str,
    ) -> Result<(RequestId, InterventionId), Refusal> {
        self.team(team)?
            .assignment
            .ok_or_else(|| Refusal::TeamNotAssigned {
                team: team.to_string(),
            })
    }

    pub(in crate::domain) fn arrive(&mut self, team: &str) -> Result<(), Refusal> {
        let (request, intervention) = self.assignment(team)?;
        if self.team(team)?.status() != TeamStatus::EnRoute {
            return Err(Refusal::TeamNotEnRoute {
                team: team.to_string(),
            });
        }
        self.emit(Event::TeamArrived {
            team: team.to_string(),
            request,
            intervention,
        });
        Ok(())
    }

    pub(in crate::domain) fn recall(&mut self, team: &str) -> Result<(), Refusal> {
        let (request, intervention) = self.assignment(team)?;
        self.emit(Event::TeamRecalled {
            team: team.to_string(),
            request,
            intervention,
        });
        Ok(())
    }

    pub(in crate::domain) fn clear(&mut self, c: &Clearance) -> Result<(), Refusal> {
        let (request, intervention) = self.assignment(&c.team)?;
        if self.team(&c.team)?.status() != TeamStatus::OnSite {
            return Err(Refusal::TeamNotOnSite {
                team: c.team.clone(),
            });
        }
        self.partners(&c.relays)?;
        self.partners(&c.referrals)?;
        let needs_relay = c.outcome == Outcome::Relayed || c.level == ResponseLevel::Relay;
        if needs_relay && c.relays.is_empty() {
            return Err(Refusal::RelayMissing);
        }
        let case = match c.case {
            CaseLink::None => None,
            CaseLink::Existing(id) => {
                self.case(id)?;
                Some((id, false))
            }
            CaseLink::New => Some((CaseId(self.state.counters.case), true)),
        };
        let note = self.note(PersonalKind::InterventionNote, c.note.as_deref())?;
        self.emit(Event::InterventionCleared {
            intervention,
            request,
            team: c.team.clone(),
            level: c.level,
            outcome: c.outcome,
            relays: c.relays.clone(),
            referrals: c.referrals.clone(),
            note,
        });
        if let Some((case, new)) = case {
            let r = self.request(request)?;
            if new {
                let (site, category) = (r.site.clone(), r.category);
                self.emit(Event::CaseOpened {
                    case,
                    site,
                    category,
                });
            }
            match r.case {
                None => self.emit(Event::CaseLinked { case, request }),
                Some(existing) if existing != case => {
                    return Err(Refusal::AlreadyLinked {
                        request: r.number,
                        case: existing,
                    });
                }
                Some(_) => {}
            }
            self.emit(Event::CaseStepRecorded {
                case,
                level: c.level,
                request: Some(request),
                note: None,
            });
        }
        Ok(())
    }
}
