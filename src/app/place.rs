//! Picking a place for a team: where it is now (a position update), or the targeted point of
//! its active presence. Typed like the request form's site: part of a name or an address;
//! a district's name gives the district itself.

use super::form::sites::place_matches;
use super::form::{Ctx, Form, Kind, step_index};
use crate::domain::Command;
use crate::domain::State;
use crate::domain::reference::Territory;
use crate::domain::vocab::{Position, TeamStatus};
use crate::i18n::notice::Fix;
use tui_input::Input;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// The team says where it is.
    Move,
    /// The team starts active presence there.
    Presence,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlaceField;

#[derive(Debug, Clone)]
pub struct PlaceForm {
    pub team: String,
    pub purpose: Purpose,
    pub query: Input,
    /// Index among the matches.
    pub choice: usize,
    /// Tonight's plan points not yet passed (active presence only): offered with nothing
    /// typed, and a presence at one of them records the passage.
    pub plan: Vec<super::plan::PlanSpot>,
}

impl PlaceForm {
    pub fn new(team: String, purpose: Purpose) -> PlaceForm {
        PlaceForm {
            team,
            purpose,
            query: Input::default(),
            choice: 0,
            plan: Vec::new(),
        }
    }

    /// With tonight's plan points to offer.
    pub fn with_plan(mut self, plan: Vec<super::plan::PlanSpot>) -> PlaceForm {
        self.plan = plan;
        self
    }

    /// Nothing typed for an active presence: the district the team is in (if known), then
    /// the plan's points.
    pub fn offered(&self, state: &State, territory: &Territory) -> Vec<Position> {
        let here = current_district(state, territory, &self.team);
        here.into_iter()
            .chain(self.plan.iter().map(|s| s.at.clone()))
            .collect()
    }

    /// Districts whose name contains the query, then sites that match it.
    pub fn matches(&self, territory: &Territory) -> Vec<Position> {
        place_matches(territory, self.query.value())
    }

    pub fn chosen(&self, territory: &Territory) -> Option<Position> {
        self.matches(territory).get(self.choice).cloned()
    }

    pub fn is_empty(&self) -> bool {
        self.query.value().trim().is_empty()
    }

    /// ↑/↓ among the matches.
    pub fn pick(&mut self, forward: bool, territory: &Territory) {
        self.choice = step_index(self.choice, self.matches(territory).len(), forward);
    }
}

impl Form for PlaceForm {
    type Field = PlaceField;

    fn fields(&self) -> &'static [PlaceField] {
        &[PlaceField]
    }
    fn kind(&self, _: PlaceField) -> Kind {
        Kind::List
    }
    fn input(&mut self, _: PlaceField) -> Option<&mut Input> {
        Some(&mut self.query)
    }
    fn choose(&mut self, _: PlaceField, forward: bool, ctx: &Ctx) {
        if self.purpose == Purpose::Presence && self.is_empty() {
            let n = self.offered(ctx.domain, ctx.territory).len();
            self.choice = step_index(self.choice, n, forward);
        } else {
            self.pick(forward, ctx.territory);
        }
    }
    fn edited(&mut self, _: PlaceField) {
        self.choice = 0;
    }
    fn is_dirty(&self) -> bool {
        !self.is_empty()
    }

    fn submit(&self, ctx: &Ctx) -> Result<Vec<Command>, (PlaceField, Fix)> {
        // Active presence with nothing typed: where the team already is.
        let position = match (self.purpose, self.chosen(ctx.territory)) {
            (_, Some(p)) => Some(p),
            (Purpose::Presence, None) if self.is_empty() => self
                .offered(ctx.domain, ctx.territory)
                .get(self.choice)
                .cloned(),
            _ => None,
        };
        let position = position.ok_or((PlaceField, Fix::TeamPlace))?;
        let team = self.team.clone();
        let passed = super::plan::spot_for(&self.plan, &position, ctx.territory);
        let mut commands = vec![match self.purpose {
            Purpose::Move => Command::UpdatePosition { team, position },
            Purpose::Presence => Command::SetTeamStatus {
                team,
                status: TeamStatus::ActivePresence,
                position: Some(position),
            },
        }];
        // A presence at a point of tonight's plan is its passage, in the same commit.
        if let (Purpose::Presence, Some(item)) = (self.purpose, passed) {
            commands.push(Command::Plan(crate::domain::plan::PlanCommand::Pass {
                item,
                team: self.team.clone(),
            }));
        }
        Ok(commands)
    }
}

/// The district a team is in, from its last position.
fn current_district(state: &State, territory: &Territory, team: &str) -> Option<Position> {
    match &state.teams.get(team)?.position {
        Position::Site(s) => territory
            .site(s)
            .map(|s| Position::District(s.district.clone())),
        Position::District(d) => Some(Position::District(d.clone())),
        Position::Base => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tui_input::InputRequest;

    fn typed(text: &str, purpose: Purpose) -> PlaceForm {
        let mut f = PlaceForm::new("E1".into(), purpose);
        for c in text.chars() {
            if f.query.handle(InputRequest::InsertChar(c)).is_some() {
                f.edited(PlaceField);
            }
        }
        f
    }

    #[test]
    fn a_district_name_gives_the_district_first_then_its_sites() {
        let t = crate::territory::rennes().expect("Rennes");
        let f = typed("villejean", Purpose::Presence);
        let m = f.matches(&t);
        assert!(
            matches!(&m[0], Position::District(d) if d.contains("vil")),
            "{m:?}"
        );
        assert!(m.len() > 1, "sites of Villejean follow");
        assert_eq!(f.chosen(&t), Some(m[0].clone()));
    }

    #[test]
    fn up_down_cycle_and_typing_starts_again_from_the_first() {
        let t = crate::territory::rennes().expect("Rennes");
        let mut f = typed("kennedy", Purpose::Move);
        let n = f.matches(&t).len();
        assert!(n >= 2);
        f.pick(false, &t);
        assert_eq!(f.choice, n - 1);
        let moved = f.query.handle(InputRequest::GoToStart);
        assert!(
            !moved.is_some_and(|c| c.value),
            "moving the cursor keeps the choice"
        );
        assert_eq!(f.choice, n - 1);
        f = typed("kennedy ", Purpose::Move);
        assert_eq!(f.choice, 0);
        assert!(typed("", Purpose::Move).chosen(&t).is_none());
        assert!(typed("zzzz", Purpose::Move).chosen(&t).is_none());
    }
}
