//! The commissioner's answer to an observation: who answered and what, in a few words
//! (a personal record: it names a person).

use super::{Ctx, Form, Kind, text};
use crate::domain::Command;
use crate::domain::ids::ObservationId;
use crate::domain::watch::WatchCommand;
use crate::i18n::notice::Fix;
use crate::i18n::watch::DeskFix;
use tui_input::Input;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AnswerField;

#[derive(Debug, Clone)]
pub struct AnswerForm {
    pub observation: ObservationId,
    pub answer: Input,
}

impl AnswerForm {
    pub fn new(observation: ObservationId) -> AnswerForm {
        AnswerForm {
            observation,
            answer: Input::default(),
        }
    }
}

impl Form for AnswerForm {
    type Field = AnswerField;

    fn fields(&self) -> &'static [AnswerField] {
        &[AnswerField]
    }
    fn kind(&self, _: AnswerField) -> Kind {
        Kind::Text
    }
    fn input(&mut self, _: AnswerField) -> Option<&mut Input> {
        Some(&mut self.answer)
    }
    fn choose(&mut self, _: AnswerField, _: bool, _: &Ctx) {}
    fn is_dirty(&self) -> bool {
        !self.answer.value().is_empty()
    }
    fn submit(&self, _: &Ctx) -> Result<Vec<Command>, (AnswerField, Fix)> {
        let answer = text(&self.answer).ok_or((AnswerField, Fix::Desk(DeskFix::Answer)))?;
        Ok(vec![Command::Watch(WatchCommand::Acknowledge {
            observation: self.observation,
            answer: Some(answer),
        })])
    }
}
