//! The rules of the shift's end and of instructions: the handover note, carrying a request
//! over, closing the night only once every open request is decided, the acknowledgment,
//! and instructions with their scope and last day.

use crate::domain::calendar::service_date;
use crate::domain::decide::Ctx;
use crate::domain::event::Event;
use crate::domain::handover::Scope;
use crate::domain::ids::{InstructionId, RequestId};
use crate::domain::refusal::Refusal;
use crate::domain::vocab::InstructionKind;
use chrono::NaiveDate;

impl Ctx<'_> {
    pub(in crate::domain) fn write_handover(
        &mut self,
        situation: &str,
        actions: &str,
        needs: &str,
    ) -> Result<(), Refusal> {
        self.night()?;
        let [situation, actions, needs] = [situation, actions, needs].map(|t| self.text(Some(t)));
        let (situation, actions, needs) = (situation?, actions?, needs?);
        if situation.is_none() && actions.is_none() && needs.is_none() {
            return Err(Refusal::EmptyText);
        }
        self.emit(Event::HandoverWritten {
            situation: situation.unwrap_or_default(),
            actions: actions.unwrap_or_default(),
            needs: needs.unwrap_or_default(),
        });
        Ok(())
    }

    /// Open requests not yet decided for the night being closed.
    pub(in crate::domain) fn undecided(&self) -> Result<usize, Refusal> {
        let night = self.night()?.night;
        Ok(self
            .state
            .requests
            .values()
            .filter(|r| !r.status.is_terminal() && r.carried_over.last() != Some(&night))
            .count())
    }

    pub(in crate::domain) fn carry_over(&mut self, request: RequestId) -> Result<(), Refusal> {
        let night = self.night()?.night;
        let r = self.open_request(request)?;
        if let Some(team) = &r.team {
            return Err(Refusal::RequestHasTeam {
                request: r.number,
                team: team.clone(),
            });
        }
        if r.carried_over.last() == Some(&night) {
            return Err(Refusal::AlreadyCarriedOver { request: r.number });
        }
        self.emit(Event::RequestCarriedOver { request });
        Ok(())
    }

    pub(in crate::domain) fn acknowledge(&mut self, coordinator: &str) -> Result<(), Refusal> {
        self.coordinator(coordinator)?;
        let h = self.state.handover.as_ref().ok_or(Refusal::NoHandover)?;
        if let Some(a) = &h.acknowledged {
            return Err(Refusal::HandoverAcknowledged {
                by: a.coordinator.clone(),
            });
        }
        self.emit(Event::HandoverAcknowledged {
            night: h.night,
            coordinator: coordinator.to_string(),
        });
        Ok(())
    }

    fn last_day(&self, kind: InstructionKind, until: Option<NaiveDate>) -> Result<(), Refusal> {
        match until {
            None if kind == InstructionKind::Temporary => Err(Refusal::NeedsLastDay),
            Some(date) if date < service_date(self.at) => Err(Refusal::DateInPast { date }),
            _ => Ok(()),
        }
    }

    pub(in crate::domain) fn add_instruction(
        &mut self,
        kind: InstructionKind,
        scope: &Scope,
        text: &str,
        until: Option<NaiveDate>,
    ) -> Result<(), Refusal> {
        match scope {
            Scope::Territory => {}
            Scope::District(d) => {
                self.position(&crate::domain::vocab::Position::District(d.clone()))?
            }
            Scope::Site(s) => self.site(s)?,
        }
        let text = self.text(Some(text))?.ok_or(Refusal::EmptyText)?;
        self.last_day(kind, until)?;
        self.emit(Event::InstructionAdded {
            instruction: InstructionId(self.state.counters.instruction),
            instruction_kind: kind,
            scope: scope.clone(),
            text,
            until,
        });
        Ok(())
    }

    fn instruction(
        &self,
        id: InstructionId,
    ) -> Result<&crate::domain::handover::Instruction, Refusal> {
        self.state
            .instructions
            .get(&id)
            .filter(|i| i.ended_at.is_none())
            .ok_or(Refusal::UnknownInstruction { id })
    }

    pub(in crate::domain) fn extend_instruction(
        &mut self,
        instruction: InstructionId,
        until: Option<NaiveDate>,
    ) -> Result<(), Refusal> {
        let kind = self.instruction(instruction)?.kind;
        self.last_day(kind, until)?;
        self.emit(Event::InstructionExtended { instruction, until });
        Ok(())
    }

    pub(in crate::domain) fn end_instruction(
        &mut self,
        instruction: InstructionId,
    ) -> Result<(), Refusal> {
        self.instruction(instruction)?;
        self.emit(Event::InstructionEnded { instruction });
        Ok(())
    }
}
