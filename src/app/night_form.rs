//! Opening the night: the coordinator on duty and up to three teams, each from the
//! mediators (names typed in part, accents aside) with its vehicle and phone as free text.

use super::command_line::person;
use super::form::{Ctx, Form, Kind, step_index};
use crate::domain::Command;
use crate::domain::reference::{Mediator, Territory};
use crate::i18n::notice::Fix;
use tui_input::Input;

pub const TEAMS: usize = 3;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NightField {
    Coordinator,
    /// The members of the team on this row.
    Members(usize),
    /// Its vehicle and phone.
    Equipment(usize),
}

const FIELDS: [NightField; 1 + 2 * TEAMS] = [
    NightField::Coordinator,
    NightField::Members(0),
    NightField::Equipment(0),
    NightField::Members(1),
    NightField::Equipment(1),
    NightField::Members(2),
    NightField::Equipment(2),
];

#[derive(Debug, Clone, Default)]
pub struct TeamRow {
    pub members: Input,
    pub equipment: Input,
}

#[derive(Debug, Clone, Default)]
pub struct NightForm {
    /// Index among the territory's coordinators.
    pub coordinator: usize,
    pub teams: [TeamRow; TEAMS],
}

/// The call sign of the team on row `i`.
pub fn call_sign(i: usize) -> String {
    format!("E{}", i + 1)
}

/// What a typed member list resolves to: each word, and the mediator it names if exactly one.
pub fn resolve<'t>(territory: &'t Territory, typed: &str) -> Vec<(String, Option<&'t Mediator>)> {
    typed
        .split([' ', ',', ';'])
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mediators = territory
                .mediators
                .iter()
                .map(|m| (m.id.as_str(), m.name.as_str()));
            let id = person(mediators, w);
            let found = id.and_then(|id| territory.mediators.iter().find(|m| m.id == id));
            (w.to_string(), found)
        })
        .collect()
}

impl NightForm {
    pub fn new(coordinator: usize) -> NightForm {
        NightForm {
            coordinator,
            ..NightForm::default()
        }
    }

    /// The commands of one team row (none when nothing is typed), or the word to fix.
    fn team(&self, i: usize, territory: &Territory) -> Result<Option<Command>, Fix> {
        let row = &self.teams[i];
        let words = resolve(territory, row.members.value());
        if words.is_empty() {
            return Ok(None);
        }
        let mut members = Vec::new();
        for (word, found) in words {
            let mediator = found.ok_or_else(|| Fix::TeamMember {
                team: call_sign(i),
                word,
            })?;
            members.push(mediator.id.clone());
        }
        Ok(Some(Command::ComposeTeam {
            team: call_sign(i),
            members,
            equipment: super::form::text(&row.equipment),
        }))
    }
}

impl Form for NightForm {
    type Field = NightField;

    fn fields(&self) -> &'static [NightField] {
        &FIELDS
    }

    fn kind(&self, field: NightField) -> Kind {
        match field {
            NightField::Coordinator => Kind::Choice,
            _ => Kind::Text,
        }
    }

    fn input(&mut self, field: NightField) -> Option<&mut Input> {
        match field {
            NightField::Coordinator => None,
            NightField::Members(i) => self.teams.get_mut(i).map(|r| &mut r.members),
            NightField::Equipment(i) => self.teams.get_mut(i).map(|r| &mut r.equipment),
        }
    }

    fn choose(&mut self, field: NightField, forward: bool, ctx: &Ctx) {
        if field == NightField::Coordinator {
            let n = ctx.territory.coordinators.len();
            self.coordinator = step_index(self.coordinator, n, forward);
        }
    }

    fn is_dirty(&self) -> bool {
        self.teams
            .iter()
            .any(|t| !t.members.value().is_empty() || !t.equipment.value().is_empty())
    }

    fn submit(&self, ctx: &Ctx) -> Result<Vec<Command>, (NightField, Fix)> {
        let coordinator = ctx
            .territory
            .coordinators
            .get(self.coordinator)
            .ok_or((NightField::Coordinator, Fix::NoCoordinator))?;
        let mut commands = vec![Command::OpenNight {
            coordinator: coordinator.id.clone(),
        }];
        for i in 0..TEAMS {
            match self.team(i, ctx.territory) {
                Ok(team) => commands.extend(team),
                Err(fix) => return Err((NightField::Members(i), fix)),
            }
        }
        // The weekday's standing plan comes with the night (targeted points, early visits).
        commands.push(Command::Plan(
            crate::domain::plan::PlanCommand::AdoptStanding,
        ));
        Ok(commands)
    }
}
