//! Clearing an intervention: outcome and response level chosen, a relay and a referral from
//! the partner directory, the situation it joins (or opens), a note.

use super::{Ctx, Form, Kind, cycle, cycle_opt, text};
use crate::domain::Command;
use crate::domain::command::{CaseLink, Clearance};
use crate::domain::ids::CaseId;
use crate::domain::reference::Territory;
use crate::domain::vocab::{Outcome, ResponseLevel};
use crate::i18n::notice::Fix;
use tui_input::Input;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClearField {
    Outcome,
    Level,
    Relay,
    Referral,
    Case,
    Note,
}

impl ClearField {
    pub const ALL: [ClearField; 6] = [
        ClearField::Outcome,
        ClearField::Level,
        ClearField::Relay,
        ClearField::Referral,
        ClearField::Case,
        ClearField::Note,
    ];
}

#[derive(Debug, Clone)]
pub struct ClearForm {
    pub team: String,
    pub outcome: Option<Outcome>,
    pub level: Option<ResponseLevel>,
    /// Index in the partner directory, `None` for no relay.
    pub relay: Option<usize>,
    pub referral: Option<usize>,
    /// Where the request goes: alone, a new situation, or one of `cases`.
    pub case: CaseLink,
    pub cases: Vec<CaseId>,
    pub note: Input,
}

impl ClearForm {
    pub fn new(team: String, cases: Vec<CaseId>) -> ClearForm {
        ClearForm {
            team,
            outcome: None,
            level: None,
            relay: None,
            referral: None,
            case: CaseLink::None,
            cases,
            note: Input::default(),
        }
    }

    pub fn to_clearance(&self, territory: &Territory) -> Result<Clearance, ClearField> {
        let partner = |i: Option<usize>| {
            i.and_then(|i| territory.partners.get(i))
                .map(|p| p.id.clone())
        };
        Ok(Clearance {
            team: self.team.clone(),
            outcome: self.outcome.ok_or(ClearField::Outcome)?,
            level: self.level.ok_or(ClearField::Level)?,
            relays: partner(self.relay).into_iter().collect(),
            referrals: partner(self.referral).into_iter().collect(),
            note: text(&self.note),
            case: self.case,
        })
    }
}

/// None, 0, 1, … n-1, None …: a partner or none.
fn step_partner(v: Option<usize>, partners: usize, forward: bool) -> Option<usize> {
    let n = partners + 1;
    let i = v.map_or(0, |x| x + 1);
    let j = if forward {
        (i + 1) % n
    } else {
        (i + n - 1) % n
    };
    j.checked_sub(1)
}

impl Form for ClearForm {
    type Field = ClearField;

    fn fields(&self) -> &'static [ClearField] {
        &ClearField::ALL
    }

    fn kind(&self, field: ClearField) -> Kind {
        match field {
            ClearField::Note => Kind::Text,
            _ => Kind::Choice,
        }
    }

    fn input(&mut self, field: ClearField) -> Option<&mut Input> {
        (field == ClearField::Note).then_some(&mut self.note)
    }

    fn choose(&mut self, field: ClearField, forward: bool, ctx: &Ctx) {
        let partners = ctx.territory.partners.len();
        match field {
            ClearField::Outcome => self.outcome = cycle_opt(Outcome::ALL, self.outcome, forward),
            ClearField::Level => self.level = cycle_opt(ResponseLevel::ALL, self.level, forward),
            ClearField::Relay => self.relay = step_partner(self.relay, partners, forward),
            ClearField::Referral => self.referral = step_partner(self.referral, partners, forward),
            ClearField::Case => {
                let mut links = vec![CaseLink::None, CaseLink::New];
                links.extend(self.cases.iter().map(|c| CaseLink::Existing(*c)));
                self.case = cycle(&links, self.case, forward);
            }
            ClearField::Note => {}
        }
    }

    fn is_dirty(&self) -> bool {
        self.outcome.is_some() || self.level.is_some() || !self.note.value().is_empty()
    }

    fn submit(&self, ctx: &Ctx) -> Result<Vec<Command>, (ClearField, Fix)> {
        self.to_clearance(ctx.territory)
            .map(|c| vec![Command::Clear(c)])
            .map_err(|f| (f, Fix::OutcomeAndLevel))
    }
}
