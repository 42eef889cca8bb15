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
                origin: None,
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
            address: None,
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

    /// One call per command; the rules are in `rules/`, one file per aggregate.
    pub(super) fn decide(&mut self, cmd: &Command) -> Result<(), Refusal> {
        match cmd {
            Command::OpenNight { coordinator } => self.open_night(coordinator),
            Command::ChangeCoordinator { coordinator } => self.change_coordinator(coordinator),
            Command::CloseNight => self.close_night(),
            Command::ComposeTeam {
                team,
                members,
                equipment,
            } => self.compose(team, members, equipment.as_deref()),
            Command::SetTeamStatus {
                team,
                status,
                position,
            } => self.set_status(team, *status, position.as_ref()),
            Command::UpdatePosition { team, position } => self.update_position(team, position),
            Command::RecordContact { team } => self.record_contact(team),
            Command::ReceiveRequest(new) => self.receive(new),
            Command::CorrectRequest(c) => self.correct(c),
            Command::Dispatch { request, team } => self.dispatch(*request, team),
            Command::Arrive { team } => self.arrive(team),
            Command::Recall { team } => self.recall(team),
            Command::Clear(c) => self.clear(c),
            Command::Relay {
                request,
                partner,
                note,
            } => self.relay(*request, partner, note.as_deref()),
            Command::Dismiss { request, reason } => self.dismiss(*request, *reason),
            Command::Cancel { request } => self.cancel(*request),
            Command::Reinforce { request, team } => self.reinforce(*request, team),
            Command::SettleByPhone {
                request,
                outcome,
                partner,
                note,
            } => self.settle(*request, *outcome, partner.as_deref(), note.as_deref()),
            Command::ScheduleCallback { request, due } => self.schedule_callback(*request, *due),
            Command::RecordCallback { request, outcome } => {
                self.record_callback(*request, *outcome)
            }
            Command::OpenCase {
                site,
                category,
                request,
            } => self.open_case(site, *category, *request),
            Command::LinkToCase { case, request } => self.link_to_case(*case, *request),
            Command::RecordCaseStep { case, level, note } => {
                self.record_step(*case, *level, note.as_deref())
            }
            Command::SetCaseState { case, state } => self.set_case_state(*case, *state),
            Command::SetFollowUp { case, date } => self.set_follow_up(*case, *date),
            Command::AddLogEntry { text } => self.add_log_entry(text),
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
            Command::ErasePersonal { personal, reason } => self.erase_personal(*personal, *reason),
            Command::Watch(w) => self.watch(w),
            Command::Plan(p) => self.plan(p),
            Command::CheckIn { team, word } => self.check_in(team, *word),
            Command::IssueTeamCode { team, hash } => self.issue_team_code(team, hash),
            Command::MissCheckIn {
                team,
                step,
                minutes,
            } => self.miss_check_in(team, *step, *minutes),
        }
    }
}

#[cfg(test)]
#[path = "decide_tests.rs"]
mod tests;
