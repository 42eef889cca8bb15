//! The handover screen's forms: the three-part note, a new instruction, and the two small
//! pickers' values (who takes the handover, how an open request is closed).

use super::form::{Ctx, Form, Kind, cycle};
use super::place::{PlaceForm, Purpose};
use crate::domain::Command;
use crate::domain::handover::{HandoverNote, Scope};
use crate::domain::ids::RequestId;
use crate::domain::vocab::{DismissReason, InstructionKind, Position};
use crate::i18n::notice::Fix;
use tui_input::Input;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteField {
    Situation,
    Actions,
    Needs,
}

/// The three parts of the handover note.
#[derive(Debug, Clone, Default)]
pub struct NoteForm {
    pub parts: [Input; 3],
    /// What it showed when opened (the note already written): only a change is to lose.
    initial: [String; 3],
}

impl NoteForm {
    pub fn from_note(note: Option<&HandoverNote>) -> NoteForm {
        let initial = note.map_or_else(Default::default, |n| {
            [n.situation.clone(), n.actions.clone(), n.needs.clone()]
        });
        NoteForm {
            parts: initial.clone().map(Input::new),
            initial,
        }
    }

    /// The form as a draft left it (nothing to compare with: all of it is to keep).
    pub fn from_parts(parts: [String; 3]) -> NoteForm {
        NoteForm {
            parts: parts.map(Input::new),
            initial: Default::default(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.parts.iter().all(|p| p.value().is_empty())
    }
}

fn part(field: NoteField) -> usize {
    match field {
        NoteField::Situation => 0,
        NoteField::Actions => 1,
        NoteField::Needs => 2,
    }
}

impl Form for NoteForm {
    type Field = NoteField;

    fn fields(&self) -> &'static [NoteField] {
        &[NoteField::Situation, NoteField::Actions, NoteField::Needs]
    }
    fn kind(&self, _: NoteField) -> Kind {
        Kind::Text
    }
    fn input(&mut self, field: NoteField) -> Option<&mut Input> {
        self.parts.get_mut(part(field))
    }
    fn choose(&mut self, _: NoteField, _: bool, _: &Ctx) {}
    fn is_dirty(&self) -> bool {
        self.parts
            .iter()
            .zip(&self.initial)
            .any(|(p, i)| p.value() != i)
    }
    fn submit(&self, _: &Ctx) -> Result<Vec<Command>, (NoteField, Fix)> {
        let [a, b, c] = &self.parts;
        Ok(vec![Command::WriteHandover {
            situation: a.value().to_string(),
            actions: b.value().to_string(),
            needs: c.value().to_string(),
        }])
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InstructionField {
    Kind,
    Place,
    Text,
    Until,
}

#[derive(Debug, Clone)]
pub struct InstructionForm {
    pub kind: InstructionKind,
    /// Where: empty is the whole territory.
    pub place: PlaceForm,
    pub text: Input,
    pub until: Input,
}

impl InstructionForm {
    pub fn new() -> InstructionForm {
        InstructionForm {
            kind: InstructionKind::Temporary,
            place: PlaceForm::new(String::new(), Purpose::Move),
            text: Input::default(),
            until: Input::default(),
        }
    }
}

impl Default for InstructionForm {
    fn default() -> Self {
        Self::new()
    }
}

impl Form for InstructionForm {
    type Field = InstructionField;

    fn fields(&self) -> &'static [InstructionField] {
        use InstructionField as F;
        &[F::Kind, F::Place, F::Text, F::Until]
    }
    fn kind(&self, field: InstructionField) -> Kind {
        match field {
            InstructionField::Kind => Kind::Choice,
            InstructionField::Place => Kind::List,
            _ => Kind::Text,
        }
    }
    fn input(&mut self, field: InstructionField) -> Option<&mut Input> {
        match field {
            InstructionField::Kind => None,
            InstructionField::Place => Some(&mut self.place.query),
            InstructionField::Text => Some(&mut self.text),
            InstructionField::Until => Some(&mut self.until),
        }
    }
    fn choose(&mut self, field: InstructionField, forward: bool, ctx: &Ctx) {
        match field {
            InstructionField::Kind => self.kind = cycle(InstructionKind::ALL, self.kind, forward),
            InstructionField::Place => self.place.pick(forward, ctx.territory),
            _ => {}
        }
    }
    fn edited(&mut self, field: InstructionField) {
        if field == InstructionField::Place {
            self.place.choice = 0;
        }
    }
    fn is_dirty(&self) -> bool {
        !self.place.is_empty() || !self.text.value().is_empty() || !self.until.value().is_empty()
    }

    fn submit(&self, ctx: &Ctx) -> Result<Vec<Command>, (InstructionField, Fix)> {
        let scope = if self.place.is_empty() {
            Scope::Territory
        } else {
            match self.place.chosen(ctx.territory) {
                Some(Position::District(d)) => Scope::District(d),
                Some(Position::Site(s)) => Scope::Site(s),
                _ => return Err((InstructionField::Place, Fix::InstructionPlace)),
            }
        };
        let until = super::form::date::parse_follow_up(self.until.value(), ctx.today())
            .map_err(|_| (InstructionField::Until, Fix::LastDay))?;
        Ok(vec![Command::AddInstruction {
            kind: self.kind,
            scope,
            text: self.text.value().to_string(),
            until,
        }])
    }
}

/// How an open request is closed at the shift's end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Closing {
    Cancelled,
    Dismissed(DismissReason),
}

impl Closing {
    pub const ALL: [Closing; 4] = [
        Closing::Cancelled,
        Closing::Dismissed(DismissReason::Duplicate),
        Closing::Dismissed(DismissReason::Unfounded),
        Closing::Dismissed(DismissReason::Unreachable),
    ];
}

/// Picking one of a few values with ←/→: who takes the handover, how a request closes.
#[derive(Debug, Clone, PartialEq)]
pub enum Choice {
    Acknowledge { coordinator: usize },
    CloseRequest { request: RequestId, how: Closing },
}
