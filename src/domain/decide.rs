//! The rules: a command is checked against the state and the territory and becomes events
//! (plus the personal records they point at), or is refused with a reason. Nothing here
//! mutates; `execute` applies what was decided to a state.

use super::calendar::{Hours, ServiceNight};
use super::command::*;
use super::event::{Envelope, Event, SCHEMA_VERSION};
use super::ids::{CaseId, InterventionId, PersonalId, RequestId};
use super::personal::{
    MAX_NAME, MAX_TEXT, PersonalKind, PersonalRecord, clean_text, normalise_phone,
};
use super::reference::Territory;
use super::refusal::Refusal;
use super::state::{NightState, Request, State, Team};
use super::vocab::*;
use chrono::{DateTime, Utc};

/// What an accepted command produces.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Decision {
    pub events: Vec<Event>,
    pub personal: Vec<PersonalRecord>,
}

struct Ctx<'a> {
    state: &'a State,
    territory: &'a Territory,
    at: DateTime<Utc>,
    out: Decision,
}

pub fn decide(
    state: &State,
    territory: &Territory,
    cmd: &Command,
    at: DateTime<Utc>,
) -> Result<Decision, Refusal> {
    let mut cx = Ctx {
        state,
        territory,
        at,
        out: Decision::default(),
    };
    cx.decide(cmd)?;
    Ok(cx.out)
}

/// Turns decided events into envelopes: sequence numbers after the state's last, the night
/// and hours of the instant, the coordinator on duty. Does not apply them.
pub fn stamp(state: &State, events: Vec<Event>, at: DateTime<Utc>) -> Vec<Envelope> {
    // While a night is open its events belong to it, even past the calendar's boundary
    // (a night closed late the next day); such instants are outside its hours.
    let (calendar, calendar_hours) = ServiceNight::placement(at);
    let night = state.open_night().map_or(calendar, |n| n.night);
    let hours = if night == calendar {
        calendar_hours
    } else {
        Hours::Outside
    };
    let on_duty = state.open_night().map(|n| n.coordinator.clone());
    events
        .into_iter()
        .enumerate()
        .map(|(i, event)| {
            let coordinator = match &event {
                Event::NightOpened { coordinator, .. } => Some(coordinator.clone()),
                _ => on_duty.clone(),
            };
            Envelope {
                v: SCHEMA_VERSION,
                seq: state.last_seq + 1 + i as u64,
                at,
                night,
                hours,
                coordinator,
                event,
            }
        })
        .collect()
}

/// Decides, stamps and applies to `state`. On refusal the state is untouched.
pub fn execute(
    state: &mut State,
    territory: &Territory,
    cmd: &Command,
    at: DateTime<Utc>,
) -> Result<(Vec<Envelope>, Vec<PersonalRecord>), Refusal> {
    let decision = decide(state, territory, cmd, at)?;
    let envelopes = stamp(state, decision.events, at);
    for env in &envelopes {
        state.apply(env);
    }
    Ok((envelopes, decision.personal))
}

impl<'a> Ctx<'a> {
    fn emit(&mut self, e: Event) {
        self.out.events.push(e);
    }

    fn night(&self) -> Result<&'a NightState, Refusal> {
        self.state.open_night().ok_or(Refusal::NoNightOpen)
    }

    fn team(&self, id: &str) -> Result<&'a Team, Refusal> {
        self.night()?;
        self.state
            .teams
            .get(id)
            .ok_or_else(|| Refusal::UnknownTeam {
                team: id.to_string(),
            })
    }

    fn request(&self, id: RequestId) -> Result<&'a Request, Refusal> {
        self.state.requests.get(&id).ok_or(Refusal::UnknownRequest)
    }

    fn open_request(&self, id: RequestId) -> Result<&'a Request, Refusal> {
        let r = self.request(id)?;
        if r.status.is_terminal() {
            return Err(Refusal::RequestClosed { request: r.number });
        }
        Ok(r)
    }

    fn site(&self, id: &str) -> Result<(), Refusal> {
        self.territory
            .site(id)
            .map(|_| ())
            .ok_or_else(|| Refusal::UnknownSite { id: id.to_string() })
    }

    fn partners(&self, ids: &[String]) -> Result<(), Refusal> {
        match ids.iter().find(|p| self.territory.partner(p).is_none()) {
            Some(p) => Err(Refusal::UnknownPartner { id: p.clone() }),
            None => Ok(()),
        }
    }

    fn position(&self, p: &Position) -> Result<(), Refusal> {
        match p {
            Position::Base => Ok(()),
            Position::Site(s) => self.site(s),
            Position::District(d) => match self.territory.district(d) {
                Some(_) => Ok(()),
                None => Err(Refusal::UnknownDistrict { id: d.clone() }),
            },
        }
    }

    fn text(&self, text: Option<&str>) -> Result<Option<String>, Refusal> {
        let t = clean_text(text);
        match &t {
            Some(s) if s.chars().count() > MAX_TEXT => Err(Refusal::TextTooLong { max: MAX_TEXT }),
            _ => Ok(t),
        }
    }

    /// Allocates a personal record (ids follow those already handed out in this decision).
    fn personal(
        &mut self,
        kind: PersonalKind,
        name: Option<String>,
        callback: Option<String>,
        text: Option<String>,
    ) -> PersonalId {
        let id = PersonalId(self.state.counters.personal + self.out.personal.len() as u64);
        self.out.personal.push(PersonalRecord {
            id,
            kind,
            created_at: self.at,
            night: ServiceNight::of(self.at),
            caller_name: name,
            callback,
            text,
        });
        id
    }

    fn note(
        &mut self,
        kind: PersonalKind,
        note: Option<&str>,
    ) -> Result<Option<PersonalId>, Refusal> {
        Ok(self
            .text(note)?
            .map(|t| self.personal(kind, None, None, Some(t))))
    }

    fn case(&self, id: CaseId) -> Result<&'a super::state::Case, Refusal> {
        let c = self
            .state
            .cases
            .get(&id)
            .ok_or(Refusal::UnknownCase { case: id })?;
        if c.state == CaseState::Closed {
            return Err(Refusal::CaseClosed { case: id });
        }
        Ok(c)
    }

    fn decide(&mut self, cmd: &Command) -> Result<(), Refusal> {
        match cmd {
            Command::OpenNight { coordinator } => self.open_night(coordinator),
            Command::ChangeCoordinator { coordinator } => {
                self.night()?;
                self.coordinator(coordinator)?;
                self.emit(Event::CoordinatorChanged {
                    coordinator: coordinator.clone(),
                });
                Ok(())
            }
            Command::CloseNight => {
                let night = self.night()?.night;
                // Nothing may fall between two shifts: a team still out is dealt with first.
                if let Some(t) = self.state.teams.values().find(|t| t.assignment.is_some())
                    && let Some((request, _)) = t.assignment
                {
                    let number = self.request(request)?.number;
                    return Err(Refusal::TeamStillOut {
                        team: t.call_sign.clone(),
                        request: number,
                    });
                }
                self.emit(Event::NightClosed { night });
                Ok(())
            }
            Command::ComposeTeam {
                team,
                members,
                equipment,
            } => self.compose(team, members, equipment.as_deref()),
            Command::SetTeamStatus {
                team,
                status,
                position,
            } => {
                let t = self.team(team)?;
                if !status.is_settable() {
                    return Err(Refusal::StatusNotSettable { status: *status });
                }
                if let Some((req, _)) = t.assignment {
                    let number = self.request(req)?.number;
                    return Err(Refusal::TeamBusy {
                        team: team.clone(),
                        request: number,
                    });
                }
                if t.status() == TeamStatus::OffDuty && *status != TeamStatus::OffDuty {
                    self.members_free(team, &t.members)?;
                }
                if let Some(p) = position {
                    self.position(p)?;
                }
                self.emit(Event::TeamStatusChanged {
                    team: team.clone(),
                    status: *status,
                    position: position.clone(),
                });
                Ok(())
            }
            Command::UpdatePosition { team, position } => {
                self.team(team)?;
                self.position(position)?;
                self.emit(Event::TeamPositionUpdated {
                    team: team.clone(),
                    position: position.clone(),
                });
                Ok(())
            }
            Command::RecordContact { team } => {
                self.team(team)?;
                self.emit(Event::TeamContacted { team: team.clone() });
                Ok(())
            }
            Command::ReceiveRequest(new) => self.receive(new),
            Command::CorrectRequest(c) => self.correct(c),
            Command::Dispatch { request, team } => self.dispatch(*request, team),
            Command::Arrive { team } => {
                let (request, intervention) = self.assignment(team)?;
                if self.team(team)?.status() != TeamStatus::EnRoute {
                    return Err(Refusal::TeamNotEnRoute { team: team.clone() });
                }
                self.emit(Event::TeamArrived {
                    team: team.clone(),
                    request,
                    intervention,
                });
                Ok(())
            }
            Command::Recall { team } => {
                let (request, intervention) = self.assignment(team)?;
                self.emit(Event::TeamRecalled {
                    team: team.clone(),
                    request,
                    intervention,
                });
                Ok(())
            }
            Command::Clear(c) => self.clear(c),
            Command::Relay {
                request,
                partner,
                note,
            } => {
                self.night()?;
                let r = self.open_request(*request)?;
                if let Some(team) = &r.team {
                    return Err(Refusal::RequestHasTeam {
                        request: r.number,
                        team: team.clone(),
                    });
                }
                self.partners(std::slice::from_ref(partner))?;
                let note = self.note(PersonalKind::RelayNote, note.as_deref())?;
                self.emit(Event::RequestRelayed {
                    request: *request,
                    partner: partner.clone(),
                    note,
                });
                Ok(())
            }
            Command::Dismiss { request, reason } => {
                self.unassigned_open(*request)?;
                self.emit(Event::RequestDismissed {
                    request: *request,
                    reason: *reason,
                });
                Ok(())
            }
            Command::Cancel { request } => {
                self.unassigned_open(*request)?;
                self.emit(Event::RequestCancelled { request: *request });
                Ok(())
            }
            Command::OpenCase {
                site,
                category,
                request,
            } => {
                self.night()?;
                self.site(site)?;
                let case = CaseId(self.state.counters.case);
                self.emit(Event::CaseOpened {
                    case,
                    site: site.clone(),
                    category: *category,
                });
                if let Some(r) = request {
                    self.link(case, *r)?;
                }
                Ok(())
            }
            Command::LinkToCase { case, request } => {
                self.night()?;
                self.case(*case)?;
                self.link(*case, *request)
            }
            Command::RecordCaseStep { case, level, note } => {
                self.night()?;
                self.case(*case)?;
                let note = self.note(PersonalKind::CaseNote, note.as_deref())?;
                self.emit(Event::CaseStepRecorded {
                    case: *case,
                    level: *level,
                    request: None,
                    note,
                });
                Ok(())
            }
            Command::SetCaseState { case, state } => {
                self.night()?;
                let c = self.case(*case)?;
                if c.state == *state {
                    return Err(Refusal::CaseAlreadyInState {
                        case: *case,
                        state: *state,
                    });
                }
                self.emit(Event::CaseStateChanged {
                    case: *case,
                    state: *state,
                });
                Ok(())
            }
            Command::SetFollowUp { case, date } => {
                self.night()?;
                self.case(*case)?;
                self.emit(Event::CaseFollowUpSet {
                    case: *case,
                    date: *date,
                });
                Ok(())
            }
            Command::AddLogEntry { text } => {
                self.night()?;
                let text = self.text(Some(text))?.ok_or(Refusal::EmptyText)?;
                let personal = self.personal(PersonalKind::LogEntry, None, None, Some(text));
                self.emit(Event::LogEntryAdded { personal });
                Ok(())
            }
            Command::RecordObservation(o) => self.observe(o),
            Command::ErasePersonal { personal, reason } => {
                if personal.0 >= self.state.counters.personal {
                    return Err(Refusal::UnknownPersonal { id: *personal });
                }
                self.emit(Event::PersonalErased {
                    personal: *personal,
                    reason: *reason,
                });
                Ok(())
            }
        }
    }

    fn coordinator(&self, id: &str) -> Result<(), Refusal> {
        match self.territory.coordinator(id) {
            Some(_) => Ok(()),
            None => Err(Refusal::UnknownCoordinator { id: id.to_string() }),
        }
    }

    fn open_night(&mut self, coordinator: &str) -> Result<(), Refusal> {
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

    fn compose(
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
    fn members_free(&self, team: &str, members: &[String]) -> Result<(), Refusal> {
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

    fn receive(&mut self, new: &NewRequest) -> Result<(), Refusal> {
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

    fn correct(&mut self, c: &Correction) -> Result<(), Refusal> {
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

    fn dispatch(&mut self, request: RequestId, team: &str) -> Result<(), Refusal> {
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

    fn assignment(&self, team: &str) -> Result<(RequestId, InterventionId), Refusal> {
        self.team(team)?
            .assignment
            .ok_or_else(|| Refusal::TeamNotAssigned {
                team: team.to_string(),
            })
    }

    fn unassigned_open(&self, request: RequestId) -> Result<(), Refusal> {
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

    fn clear(&mut self, c: &Clearance) -> Result<(), Refusal> {
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

    fn link(&mut self, case: CaseId, request: RequestId) -> Result<(), Refusal> {
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

    fn observe(&mut self, o: &NewObservation) -> Result<(), Refusal> {
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

#[cfg(test)]
#[path = "decide_tests.rs"]
mod tests;
