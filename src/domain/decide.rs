//! The rules: a command is checked against the state and the territory and becomes events
//! (plus the personal records they point at), or is refused with a reason. Nothing here
//! mutates; `execute` applies what was decided to a state.

use super::calendar::{Hours, ServiceNight};
use super::command::*;
use super::event::{Envelope, Event, SCHEMA_VERSION};
use super::ids::{CaseId, PersonalId, RequestId};
use super::personal::{MAX_TEXT, PersonalKind, PersonalRecord, clean_text};
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

pub(super) struct Ctx<'a> {
    pub(super) state: &'a State,
    pub(super) territory: &'a Territory,
    pub(super) at: DateTime<Utc>,
    pub(super) out: Decision,
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
    pub(super) fn emit(&mut self, e: Event) {
        self.out.events.push(e);
    }

    pub(super) fn night(&self) -> Result<&'a NightState, Refusal> {
        self.state.open_night().ok_or(Refusal::NoNightOpen)
    }

    pub(super) fn team(&self, id: &str) -> Result<&'a Team, Refusal> {
        self.night()?;
        self.state
            .teams
            .get(id)
            .ok_or_else(|| Refusal::UnknownTeam {
                team: id.to_string(),
            })
    }

    pub(super) fn request(&self, id: RequestId) -> Result<&'a Request, Refusal> {
        self.state.requests.get(&id).ok_or(Refusal::UnknownRequest)
    }

    pub(super) fn open_request(&self, id: RequestId) -> Result<&'a Request, Refusal> {
        let r = self.request(id)?;
        if r.status.is_terminal() {
            return Err(Refusal::RequestClosed { request: r.number });
        }
        Ok(r)
    }

    pub(super) fn site(&self, id: &str) -> Result<(), Refusal> {
        self.territory
            .site(id)
            .map(|_| ())
            .ok_or_else(|| Refusal::UnknownSite { id: id.to_string() })
    }

    pub(super) fn partners(&self, ids: &[String]) -> Result<(), Refusal> {
        match ids.iter().find(|p| self.territory.partner(p).is_none()) {
            Some(p) => Err(Refusal::UnknownPartner { id: p.clone() }),
            None => Ok(()),
        }
    }

    pub(super) fn position(&self, p: &Position) -> Result<(), Refusal> {
        match p {
            Position::Base => Ok(()),
            Position::Site(s) => self.site(s),
            Position::District(d) => match self.territory.district(d) {
                Some(_) => Ok(()),
                None => Err(Refusal::UnknownDistrict { id: d.clone() }),
            },
        }
    }

    pub(super) fn text(&self, text: Option<&str>) -> Result<Option<String>, Refusal> {
        let t = clean_text(text);
        match &t {
            Some(s) if s.chars().count() > MAX_TEXT => Err(Refusal::TextTooLong { max: MAX_TEXT }),
            _ => Ok(t),
        }
    }

    /// Allocates a personal record (ids follow those already handed out in this decision).
    pub(super) fn personal(
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

    pub(super) fn note(
        &mut self,
        kind: PersonalKind,
        note: Option<&str>,
    ) -> Result<Option<PersonalId>, Refusal> {
        Ok(self
            .text(note)?
            .map(|t| self.personal(kind, None, None, Some(t))))
    }

    pub(super) fn case(&self, id: CaseId) -> Result<&'a super::state::Case, Refusal> {
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

    pub(super) fn decide(&mut self, cmd: &Command) -> Result<(), Refusal> {
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
                let count = self.undecided()?;
                if count > 0 {
                    return Err(Refusal::UndecidedRequests { count });
                }
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
            Command::RecordAction(a) => self.record_action(a),
            Command::WriteHandover {
                situation,
                actions,
                needs,
            } => self.write_handover(situation, actions, needs),
            Command::CarryOver { request } => self.carry_over(*request),
            Command::AcknowledgeHandover { coordinator } => self.acknowledge(coordinator),
            Command::AddInstruction {
                kind,
                scope,
                text,
                until,
            } => self.add_instruction(*kind, scope, text, *until),
            Command::ExtendInstruction { instruction, until } => {
                self.extend_instruction(*instruction, *until)
            }
            Command::EndInstruction { instruction } => self.end_instruction(*instruction),
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
}

#[cfg(test)]
#[path = "decide_tests.rs"]
mod tests;
