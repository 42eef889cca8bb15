//! `c` on a team: its check-in, with its word — « RAS » (Enter at once), a need for
//! reinforcement, or an incident (which raises an alert and a logbook entry).

use super::form::{Ctx, Form, Kind, cycle};
use crate::domain::Command;
use crate::domain::safety::CheckInWord;
use crate::i18n::notice::Fix;
use tui_input::Input;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordField;

#[derive(Debug, Clone, PartialEq)]
pub struct CheckInForm {
    pub team: String,
    pub word: CheckInWord,
}

impl CheckInForm {
    /// Opens on « RAS », what most check-ins say.
    pub fn new(team: String) -> CheckInForm {
        CheckInForm {
            team,
            word: CheckInWord::Ras,
        }
    }
}

impl Form for CheckInForm {
    type Field = WordField;

    fn fields(&self) -> &'static [WordField] {
        &[WordField]
    }
    fn kind(&self, _: WordField) -> Kind {
        Kind::Choice
    }
    fn input(&mut self, _: WordField) -> Option<&mut Input> {
        None
    }
    fn choose(&mut self, _: WordField, forward: bool, _: &Ctx) {
        self.word = cycle(CheckInWord::ALL, self.word, forward);
    }
    /// Nothing typed: Esc closes at once.
    fn is_dirty(&self) -> bool {
        false
    }
    fn submit(&self, _: &Ctx) -> Result<Vec<Command>, (WordField, Fix)> {
        Ok(vec![Command::CheckIn {
            team: self.team.clone(),
            word: self.word,
        }])
    }
}
