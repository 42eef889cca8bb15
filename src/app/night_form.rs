//! Opening the night: the coordinator on duty and up to three teams, each from the
//! mediators (names typed in part, accents aside) with its vehicle and phone as free text.

use super::command_line::person;
use crate::domain::Command;
use crate::domain::reference::{Mediator, Territory};
use crate::i18n::Lang;
use tui_input::{Input, InputRequest};

pub const TEAMS: usize = 3;

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
    /// 0: coordinator; then members and equipment of each team.
    pub field: usize,
    pub confirm_cancel: bool,
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
    pub const FIELDS: usize = 1 + 2 * TEAMS;

    pub fn new(coordinator: usize) -> NightForm {
        NightForm {
            coordinator,
            ..NightForm::default()
        }
    }

    pub fn is_dirty(&self) -> bool {
        self.teams
            .iter()
            .any(|t| !t.members.value().is_empty() || !t.equipment.value().is_empty())
    }

    pub fn move_field(&mut self, forward: bool) {
        let n = Self::FIELDS;
        self.field = if forward {
            (self.field + 1) % n
        } else {
            (self.field + n - 1) % n
        };
    }

    fn input(&mut self) -> Option<&mut Input> {
        let f = self.field.checked_sub(1)?;
        let row = self.teams.get_mut(f / 2)?;
        Some(if f % 2 == 0 {
            &mut row.members
        } else {
            &mut row.equipment
        })
    }

    pub fn is_text(&self) -> bool {
        self.field > 0
    }

    pub fn edit(&mut self, req: InputRequest) {
        if let Some(input) = self.input() {
            input.handle(req);
        }
    }

    pub fn choose(&mut self, forward: bool, coordinators: usize) {
        let n = coordinators.max(1);
        self.coordinator = if forward {
            (self.coordinator + 1) % n
        } else {
            (self.coordinator + n - 1) % n
        };
    }

    /// The commands that open the night, or the field to fix and why.
    pub fn to_commands(
        &self,
        territory: &Territory,
        lang: Lang,
    ) -> Result<Vec<Command>, (usize, String)> {
        let coordinator = territory
            .coordinators
            .get(self.coordinator)
            .ok_or_else(|| {
                (
                    0,
                    lang.pick(
                        "Aucun·e coordinateur·rice dans le territoire.",
                        "No coordinator in the territory.",
                    )
                    .to_string(),
                )
            })?;
        let mut commands = vec![Command::OpenNight {
            coordinator: coordinator.id.clone(),
        }];
        for (i, row) in self.teams.iter().enumerate() {
            let words = resolve(territory, row.members.value());
            if words.is_empty() {
                continue;
            }
            let mut members = Vec::new();
            for (word, found) in words {
                let Some(mediator) = found else {
                    let msg = match lang {
                        Lang::Fr => format!(
                            "{} : « {word} » ne désigne aucun·e médiateur·rice (ou plusieurs).",
                            call_sign(i)
                        ),
                        Lang::En => format!(
                            "{}: \"{word}\" names no mediator (or several).",
                            call_sign(i)
                        ),
                    };
                    return Err((1 + 2 * i, msg));
                };
                members.push(mediator.id.clone());
            }
            let equipment =
                Some(row.equipment.value().trim().to_string()).filter(|s| !s.is_empty());
            commands.push(Command::ComposeTeam {
                team: call_sign(i),
                members,
                equipment,
            });
        }
        Ok(commands)
    }
}
