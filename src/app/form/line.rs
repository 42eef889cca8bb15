//! One line typed in the footer: a free entry of the main courante, or the `:` command line.

use super::{Ctx, Form, Kind};
use crate::domain::Command;
use crate::i18n::notice::Fix;
use tui_input::Input;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinePurpose {
    LogEntry,
    Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineField;

#[derive(Debug, Clone)]
pub struct LineForm {
    pub purpose: LinePurpose,
    pub input: Input,
}

impl LineForm {
    pub fn new(purpose: LinePurpose, text: String) -> LineForm {
        LineForm {
            purpose,
            input: Input::new(text),
        }
    }
}

impl Form for LineForm {
    type Field = LineField;

    fn fields(&self) -> &'static [LineField] {
        &[LineField]
    }
    fn kind(&self, _: LineField) -> Kind {
        Kind::Text
    }
    fn input(&mut self, _: LineField) -> Option<&mut Input> {
        Some(&mut self.input)
    }
    fn choose(&mut self, _: LineField, _: bool, _: &Ctx) {}
    fn is_dirty(&self) -> bool {
        !self.input.value().trim().is_empty()
    }

    fn submit(&self, ctx: &Ctx) -> Result<Vec<Command>, (LineField, Fix)> {
        let text = self.input.value().trim();
        match self.purpose {
            LinePurpose::LogEntry if text.is_empty() => Err((LineField, Fix::EmptyEntry)),
            LinePurpose::LogEntry => Ok(vec![Command::AddLogEntry { text: text.into() }]),
            LinePurpose::Command => {
                let words: Vec<&str> = text.split_whitespace().collect();
                crate::app::command_desk::parse_all(ctx, &words).map_err(|fix| (LineField, fix))
            }
        }
    }
}
