//! Clearing an intervention: outcome and response level chosen, relays and referrals from
//! the partner directory (typed to filter, ←/→ to pick, Tab to take one and add another),
//! the situation it joins (or opens), a note.

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
    /// Relays and referrals taken already (Tab on the field), by directory index.
    pub relays: Vec<usize>,
    pub referrals: Vec<usize>,
    /// What is typed to filter the directory on the relay and referral fields.
    pub relay_query: Input,
    pub referral_query: Input,
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
            relays: Vec::new(),
            referrals: Vec::new(),
            relay_query: Input::default(),
            referral_query: Input::default(),
            case: CaseLink::None,
            cases,
            note: Input::default(),
        }
    }

    /// The partner chosen on the relay or referral field: the one picked with ←/→ if it
    /// matches what is typed, else the first that does (none with nothing typed or picked).
    pub fn chosen(&self, field: ClearField, territory: &Territory) -> Option<usize> {
        let (current, query) = match field {
            ClearField::Relay => (self.relay, &self.relay_query),
            ClearField::Referral => (self.referral, &self.referral_query),
            _ => return None,
        };
        if query.value().trim().is_empty() {
            return current;
        }
        let m = matching(territory, query);
        current.filter(|c| m.contains(c)).or(m.first().copied())
    }

    pub fn to_clearance(&self, territory: &Territory) -> Result<Clearance, ClearField> {
        // Those taken, then the one chosen, each once, in the order given.
        let partners = |taken: &[usize], current: Option<usize>| {
            let mut ids: Vec<String> = Vec::new();
            for i in taken.iter().copied().chain(current) {
                if let Some(p) = territory.partners.get(i)
                    && !ids.contains(&p.id)
                {
                    ids.push(p.id.clone());
                }
            }
            ids
        };
        Ok(Clearance {
            team: self.team.clone(),
            outcome: self.outcome.ok_or(ClearField::Outcome)?,
            level: self.level.ok_or(ClearField::Level)?,
            relays: partners(&self.relays, self.chosen(ClearField::Relay, territory)),
            referrals: partners(
                &self.referrals,
                self.chosen(ClearField::Referral, territory),
            ),
            note: text(&self.note),
            case: self.case,
        })
    }
}

/// None, then the partners that match what is typed, … None: a partner or none.
fn step_partner(v: Option<usize>, matching: &[usize], forward: bool) -> Option<usize> {
    super::observation::cycle_or_none(matching, v, forward)
}

/// The directory indices of the partners whose name, number or kind hold what is typed.
pub fn matching(territory: &Territory, query: &Input) -> Vec<usize> {
    let found = crate::app::partner_search::matching(
        &territory.partners,
        query.value(),
        crate::i18n::Lang::Fr,
    );
    territory
        .partners
        .iter()
        .enumerate()
        .filter(|(_, p)| found.iter().any(|f| f.id == p.id))
        .map(|(i, _)| i)
        .collect()
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
        match field {
            ClearField::Note => Some(&mut self.note),
            // Typed on the relay or referral field: it filters the directory.
            ClearField::Relay => Some(&mut self.relay_query),
            ClearField::Referral => Some(&mut self.referral_query),
            _ => None,
        }
    }

    fn edited(&mut self, field: ClearField) {
        // Typing starts again from the first partner that matches.
        match field {
            ClearField::Relay => self.relay = None,
            ClearField::Referral => self.referral = None,
            _ => {}
        }
    }

    fn gather(&mut self, field: ClearField, ctx: &Ctx) -> bool {
        let chosen = self.chosen(field, ctx.territory);
        let (current, taken, query) = match field {
            ClearField::Relay => (&mut self.relay, &mut self.relays, &mut self.relay_query),
            ClearField::Referral => (
                &mut self.referral,
                &mut self.referrals,
                &mut self.referral_query,
            ),
            _ => return false,
        };
        let Some(i) = chosen else {
            return false;
        };
        *current = None;
        if !taken.contains(&i) {
            taken.push(i);
        }
        *query = Input::default();
        true
    }

    fn choose(&mut self, field: ClearField, forward: bool, ctx: &Ctx) {
        let t = ctx.territory;
        match field {
            ClearField::Outcome => self.outcome = cycle_opt(Outcome::ALL, self.outcome, forward),
            ClearField::Level => self.level = cycle_opt(ResponseLevel::ALL, self.level, forward),
            ClearField::Relay => {
                let m = matching(t, &self.relay_query);
                self.relay = step_partner(self.relay, &m, forward);
            }
            ClearField::Referral => {
                let m = matching(t, &self.referral_query);
                self.referral = step_partner(self.referral, &m, forward);
            }
            ClearField::Case => {
                let mut links = vec![CaseLink::None, CaseLink::New];
                links.extend(self.cases.iter().map(|c| CaseLink::Existing(*c)));
                self.case = cycle(&links, self.case, forward);
            }
            ClearField::Note => {}
        }
    }

    fn is_dirty(&self) -> bool {
        self.outcome.is_some()
            || self.level.is_some()
            || !self.note.value().is_empty()
            || !self.relays.is_empty()
            || !self.referrals.is_empty()
    }

    fn submit(&self, ctx: &Ctx) -> Result<Vec<Command>, (ClearField, Fix)> {
        self.to_clearance(ctx.territory)
            .map(|c| vec![Command::Clear(c)])
            .map_err(|f| (f, Fix::OutcomeAndLevel))
    }
}
