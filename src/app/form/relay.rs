//! Following a relay: the relays engaged tonight and not arrived (and, on an open request,
//! the directory's partners to call), filtered by typing, each with its number; the step
//! chosen with ←/→ (called, answered, arrived, no answer).

use super::{Ctx, Form, Kind, cycle, step_index};
use crate::domain::Command;
use crate::domain::State;
use crate::domain::ids::RequestId;
use crate::domain::reference::Territory;
use crate::domain::watch::{RelayStep, WatchCommand};
use crate::i18n::notice::Fix;
use crate::i18n::watch::DeskFix;
use crate::text::{contains_words, fold, words};
use tui_input::Input;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RelayField {
    Relay,
    Step,
}

/// A line of the list: a partner on a request, engaged already or to call.
#[derive(Debug, Clone, PartialEq)]
pub struct RelayChoice {
    pub request: RequestId,
    pub partner: String,
    pub engaged: bool,
}

#[derive(Debug, Clone)]
pub struct RelayForm {
    /// The open request the board pointed at (its partners can be called).
    pub request: Option<RequestId>,
    pub query: Input,
    pub choice: usize,
    /// `None`: the natural next step (called for a new one, answered for an engaged one).
    pub step: Option<RelayStep>,
}

impl RelayForm {
    pub fn new(request: Option<RequestId>) -> RelayForm {
        RelayForm {
            request,
            query: Input::default(),
            choice: 0,
            step: None,
        }
    }

    /// Engaged relays not arrived first, then the partners to call on the request.
    pub fn matches(&self, state: &State, t: &Territory) -> Vec<RelayChoice> {
        let engaged = state.relays_engaged();
        let mut all: Vec<RelayChoice> = engaged
            .iter()
            .filter(|e| !e.arrived())
            .map(|e| RelayChoice {
                request: e.request,
                partner: e.partner.clone(),
                engaged: true,
            })
            .collect();
        if let Some(r) = self.request {
            let known = |p: &str| engaged.iter().any(|e| e.request == r && e.partner == p);
            all.extend(
                t.partners
                    .iter()
                    .filter(|p| !known(&p.id))
                    .map(|p| RelayChoice {
                        request: r,
                        partner: p.id.clone(),
                        engaged: false,
                    }),
            );
        }
        let w = words(self.query.value());
        let number = |r: RequestId| state.requests.get(&r).map_or(0, |r| r.number);
        all.retain(|c| {
            let p = t.partner(&c.partner);
            let hay = fold(&format!(
                "{} {} {}",
                p.map_or(c.partner.as_str(), |p| p.name.as_str()),
                p.map_or("", |p| p.phone.as_str()),
                number(c.request)
            ));
            contains_words(&hay, &w)
        });
        all
    }

    pub fn chosen(&self, state: &State, t: &Territory) -> Option<RelayChoice> {
        self.matches(state, t).get(self.choice).cloned()
    }

    /// The step that will be recorded for `c`.
    pub fn step_for(&self, c: &RelayChoice) -> RelayStep {
        match (self.step, c.engaged) {
            (Some(s), _) => s,
            (None, false) => RelayStep::Called,
            (None, true) => RelayStep::Answered,
        }
    }
}

impl Form for RelayForm {
    type Field = RelayField;

    fn fields(&self) -> &'static [RelayField] {
        &[RelayField::Relay, RelayField::Step]
    }
    fn kind(&self, field: RelayField) -> Kind {
        match field {
            RelayField::Relay => Kind::List,
            RelayField::Step => Kind::Choice,
        }
    }
    fn input(&mut self, field: RelayField) -> Option<&mut Input> {
        (field == RelayField::Relay).then_some(&mut self.query)
    }
    fn choose(&mut self, field: RelayField, forward: bool, ctx: &Ctx) {
        match field {
            RelayField::Relay => {
                let n = self.matches(ctx.domain, ctx.territory).len();
                self.choice = step_index(self.choice, n, forward);
            }
            RelayField::Step => {
                let now = self
                    .chosen(ctx.domain, ctx.territory)
                    .map_or(RelayStep::Called, |c| self.step_for(&c));
                self.step = Some(cycle(RelayStep::ALL, now, forward));
            }
        }
    }
    fn edited(&mut self, _: RelayField) {
        self.choice = 0;
    }
    fn is_dirty(&self) -> bool {
        !self.query.value().is_empty() || self.step.is_some()
    }
    fn submit(&self, ctx: &Ctx) -> Result<Vec<Command>, (RelayField, Fix)> {
        let c = self
            .chosen(ctx.domain, ctx.territory)
            .ok_or((RelayField::Relay, Fix::Desk(DeskFix::Relay)))?;
        Ok(vec![Command::Watch(WatchCommand::FollowRelay {
            request: c.request,
            step: self.step_for(&c),
            partner: c.partner,
        })])
    }
}
