//! A call settled on the phone, without a team: information given, the resident oriented
//! to a partner, or the call relayed to a partner without a visit; a note (personal data).

use super::choice_keys::{jump, jump_index};
use super::{Ctx, Form, Kind, cycle_opt, text};
use crate::domain::Command;
use crate::domain::ids::RequestId;
use crate::domain::vocab::PhoneOutcome;
use crate::i18n::notice::Fix;
use tui_input::Input;

/// How the call ended: the domain's two phone outcomes, or a relay without a visit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhoneEnd {
    Information,
    Oriented,
    Relayed,
}

impl PhoneEnd {
    pub const ALL: [PhoneEnd; 3] = [PhoneEnd::Information, PhoneEnd::Oriented, PhoneEnd::Relayed];

    pub fn needs_partner(self) -> bool {
        self != PhoneEnd::Information
    }

    pub fn label(self, lang: crate::i18n::Lang) -> &'static str {
        use crate::i18n::phone::{phone_outcome, relayed_without_visit};
        match self {
            PhoneEnd::Information => phone_outcome(PhoneOutcome::Information, lang),
            PhoneEnd::Oriented => phone_outcome(PhoneOutcome::Oriented, lang),
            PhoneEnd::Relayed => relayed_without_visit(lang),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SettleField {
    Outcome,
    Partner,
    Note,
}

#[derive(Debug, Clone)]
pub struct SettleForm {
    pub request: RequestId,
    pub number: u32,
    pub end: Option<PhoneEnd>,
    /// Index in the partner directory.
    pub partner: Option<usize>,
    pub note: Input,
}

impl SettleForm {
    pub fn new(request: RequestId, number: u32) -> SettleForm {
        SettleForm {
            request,
            number,
            end: None,
            partner: None,
            note: Input::default(),
        }
    }
}

impl Form for SettleForm {
    type Field = SettleField;

    fn fields(&self) -> &'static [SettleField] {
        &[
            SettleField::Outcome,
            SettleField::Partner,
            SettleField::Note,
        ]
    }
    fn kind(&self, field: SettleField) -> Kind {
        match field {
            SettleField::Note => Kind::Text,
            _ => Kind::Choice,
        }
    }
    fn input(&mut self, field: SettleField) -> Option<&mut Input> {
        (field == SettleField::Note).then_some(&mut self.note)
    }
    fn choose(&mut self, field: SettleField, forward: bool, ctx: &Ctx) {
        match field {
            SettleField::Outcome => self.end = cycle_opt(&PhoneEnd::ALL, self.end, forward),
            SettleField::Partner => {
                let all: Vec<usize> = (0..ctx.territory.partners.len()).collect();
                self.partner = cycle_opt(&all, self.partner, forward);
            }
            SettleField::Note => {}
        }
    }
    fn jump(&mut self, field: SettleField, letter: char, ctx: &Ctx) {
        let l = ctx.lang;
        match field {
            SettleField::Outcome => {
                self.end = jump(&PhoneEnd::ALL, self.end, letter, |e| e.label(l).to_string())
            }
            SettleField::Partner => {
                let p = &ctx.territory.partners;
                self.partner = jump_index(p.len(), self.partner, letter, |i| p[i].name.clone());
            }
            SettleField::Note => {}
        }
    }
    fn is_dirty(&self) -> bool {
        self.end.is_some() || self.partner.is_some() || !self.note.value().is_empty()
    }
    fn submit(&self, ctx: &Ctx) -> Result<Vec<Command>, (SettleField, Fix)> {
        let end = self.end.ok_or((SettleField::Outcome, Fix::PhoneOutcome))?;
        let partner = self
            .partner
            .and_then(|i| ctx.territory.partners.get(i))
            .map(|p| p.id.clone());
        if end.needs_partner() && partner.is_none() {
            return Err((SettleField::Partner, Fix::Partner));
        }
        let (request, note) = (self.request, text(&self.note));
        Ok(vec![match (end, partner) {
            (PhoneEnd::Relayed, Some(partner)) => Command::Relay {
                request,
                partner,
                note,
            },
            (PhoneEnd::Oriented, partner) => Command::SettleByPhone {
                request,
                outcome: PhoneOutcome::Oriented,
                partner,
                note,
            },
            (_, partner) => Command::SettleByPhone {
                request,
                outcome: PhoneOutcome::Information,
                partner,
                note,
            },
        }])
    }
}
