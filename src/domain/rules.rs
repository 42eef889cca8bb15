//! The rules of each command that needs more than a line: opening the night, composing
//! teams, receiving, correcting, dispatching, clearing, linking, observing. `decide.rs` holds
//! the entry points and the lookups these use.

use super::calendar::ServiceNight;
use super::command::*;
use super::decide::Ctx;
use super::event::Event;
use super::ids::{CaseId, InterventionId, RequestId};
use super::personal::{MAX_NAME, PersonalKind, clean_text, normalise_phone};
use super::refusal::Refusal;
use super::state::Team;
use super::vocab::*;

impl Ctx<'_> {
    pub(super) fn coordinator(&self, id: &str) -> Result<(), Refusal> {
        match self.territory.coordinator(id) {
            Some(_) => Ok(()),
            None => Err(Refusal::UnknownCoordinator { id: id.to_string() }),
        }
    }

    pub(super) fn open_night(&mut self, coordinator: &str) -> Result<(), Refusal> {
        let night = ServiceNight::of(self.at);
        if let Some(current) = &self.state.night {
            if current.is_open() {
                return Err(if current.night == night {
                    Refusal::NightAlreadyOpen { night }
                } else {
                    Refusal::PreviousNightOpen {
                        night: current.night,
                    }
                });
            }
            if current.night == night {
                return Err(Refusal::NightAlreadyClosed { night });
            }
        }
        self.coordinator(coordinator)?;
        self.emit(Event::NightOpened {
            night,
            coordinator: coordinator.to_string(),
        });
        Ok(())
    }

    pub(super) fn compose(
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
    pub(super) fn members_free(&self, team: &str, members: &[String]) -> Result<(), Refusal> {
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

    pub(super) fn receive(&mut self, new: &NewRequest) -> Result<(), Refusal> {
        let number = self.night()?.received + 1;
        self.site(&new.site)?;
        let name = clean_text(new.caller_name.as_deref());
        if name.as_ref().is_some_and(|n| n.chars().count() > MAX_NAME) {
            return Err(Refusal::NameTooLong { max: MAX_NAME });
        }
        let callback = match clean_text(new.callback.as_deref()) {
            Some(raw) => Some(normalise_phone(&raw).ok_or(Refusal::InvalidPhone { input: raw })?),
            None => None,
        };
        let description = self.text(new.description.as_deref())?;
        let personal = if name.is_some() || callback.is_some() || description.is_some() {
            Some(self.personal(PersonalKind::Request, name, callback, description))
        } else {
            None
        };
        self.emit(Event::RequestReceived {
            request: RequestId(self.state.counters.request),
            number,
            source: new.source,
            site: new.site.clone(),
            category: new.category,
            priority: new.priority,
            personal,
        });
        Ok(())
    }

    pub(super) fn correct(&mut self, c: &Correction) -> Result<(), Refusal> {
        self.night()?;
        let r = self.request(c.request)?;
        let source = changed(c.source, r.source);
        let category = changed(c.category, r.category);
        let priority = changed(c.priority, r.priority);
        let site = c.site.clone().filter(|s| *s != r.site);
        if let Some(s) = &site {
            self.site(s)?;
        }
        if source.is_none() && category.is_none() && priority.is_none() && site.is_none() {
            return Err(Refusal::NothingToCorrect);
        }
        self.emit(Event::RequestCorrected {
            request: c.request,
            source,
            site,
            category,
            priority,
        });
        Ok(())
    }

    pub(super) fn dispatch(&mut self, request: RequestId, team: &str) -> Result<(), Refusal> {
        let t: &Team = self.team(team)?;
        let r = self.open_request(request)?;
        if let Some(other) = &r.team {
            return Err(Refusal::RequestHasTeam {
                request: r.number,
                team: other.clone(),
            });
        }
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

    pub(super) fn assignment(&self, team: &str) -> Result<(RequestId, InterventionId), Refusal> {
        self.team(team)?
            .assignment
            .ok_or_else(|| Refusal::TeamNotAssigned {
                team: team.to_string(),
            })
    }

    pub(super) fn unassigned_open(&self, request: RequestId) -> Result<(), Refusal> {
        self.night()?;
        let r = self.open_request(request)?;
        match &r.team {
            Some(team) => Err(Refusal::RequestHasTeam {
                request: r.number,
                team: team.clone(),
            }),
            None => Ok(()),
        }
    }

    pub(super) fn clear(&mut self, c: &Clearance) -> Result<(), Refusal> {
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

    pub(super) fn link(&mut self, case: CaseId, request: RequestId) -> Result<(), Refusal> {
        let r = self.request(request)?;
        if let Some(existing) = r.case {
            return Err(Refusal::AlreadyLinked {
                request: r.number,
                case: existing,
            });
        }
        self.emit(Event::CaseLinked { case, request });
        Ok(())
    }

    pub(super) fn observe(&mut self, o: &NewObservation) -> Result<(), Refusal> {
        self.night()?;
        if o.site.is_none() && o.district.is_none() {
            return Err(Refusal::ObservationWithoutPlace);
        }
        if let Some(s) = &o.site {
            self.site(s)?;
        }
        if let Some(d) = &o.district {
            self.position(&Position::District(d.clone()))?;
        }
        if let Some(t) = &o.team {
            self.team(t)?;
        }
        let note = self.note(PersonalKind::ObservationNote, o.note.as_deref())?;
        self.emit(Event::ObservationRecorded {
            observation: o.kind,
            site: o.site.clone(),
            district: o.district.clone(),
            team: o.team.clone(),
            note,
        });
        Ok(())
    }
}

/// The new value of a corrected field, if it differs from the old one.
fn changed<T: PartialEq>(new: Option<T>, old: T) -> Option<T> {
    new.filter(|v| *v != old)
}
