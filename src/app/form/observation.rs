//! An observation for the watch, from the board: its kind, the place (a site or a district
//! found by typing; what matches nothing is a free address, with its district), the site's
//! entrance, the team that saw it, the request it was seen on, a note.

use super::sites::place_matches;
use super::{Ctx, Form, Kind, cycle_opt, step_index, text};
use crate::domain::Command;
use crate::domain::command::NewObservation;
use crate::domain::ids::RequestId;
use crate::domain::reference::Territory;
use crate::domain::vocab::{ObservationKind, Position};
use crate::i18n::notice::Fix;
use crate::i18n::watch::DeskFix;
use tui_input::Input;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ObservationField {
    Kind,
    Place,
    /// The district of a free address.
    District,
    Entrance,
    Team,
    Request,
    Note,
}

impl ObservationField {
    pub const ALL: [ObservationField; 7] = [
        ObservationField::Kind,
        ObservationField::Place,
        ObservationField::District,
        ObservationField::Entrance,
        ObservationField::Team,
        ObservationField::Request,
        ObservationField::Note,
    ];
}

#[derive(Debug, Clone)]
pub struct ObservationForm {
    pub kind: Option<ObservationKind>,
    pub place: Input,
    /// Index among the place's matches.
    pub choice: usize,
    pub district: Option<String>,
    pub entrance: Option<String>,
    pub team: Option<String>,
    pub request: Option<RequestId>,
    pub note: Input,
}

impl ObservationForm {
    /// Starts from what the board points at: the team and its request, if any.
    pub fn new(team: Option<String>, request: Option<RequestId>) -> ObservationForm {
        ObservationForm {
            kind: None,
            place: Input::default(),
            choice: 0,
            district: None,
            entrance: None,
            team,
            request,
            note: Input::default(),
        }
    }

    /// Districts whose name contains the text, then the sites that match it.
    pub fn matches(&self, t: &Territory) -> Vec<Position> {
        place_matches(t, self.place.value())
    }

    pub fn chosen(&self, t: &Territory) -> Option<Position> {
        self.matches(t).get(self.choice).cloned()
    }

    /// A text typed that names no place: a free address.
    pub fn address(&self, t: &Territory) -> Option<String> {
        let typed = text(&self.place)?;
        self.matches(t).is_empty().then_some(typed)
    }

    fn entrances<'t>(&self, t: &'t Territory) -> &'t [String] {
        match self.chosen(t) {
            Some(Position::Site(s)) => t.site(&s).map_or(&[], |s| s.entrances.as_slice()),
            _ => &[],
        }
    }

    pub fn to_observation(&self, t: &Territory) -> Result<NewObservation, (ObservationField, Fix)> {
        let kind = self
            .kind
            .ok_or((ObservationField::Kind, Fix::Desk(DeskFix::ObservationKind)))?;
        let place_fix = |f| (f, Fix::Desk(DeskFix::ObservationPlace));
        let (site, district, address) = match (self.chosen(t), self.address(t)) {
            (Some(Position::Site(s)), _) => (Some(s), None, None),
            (Some(Position::District(d)), _) => (None, Some(d), None),
            (_, Some(a)) => {
                let d = self
                    .district
                    .clone()
                    .ok_or(place_fix(ObservationField::District))?;
                (None, Some(d), Some(a))
            }
            _ => return Err(place_fix(ObservationField::Place)),
        };
        let entrance = self
            .entrance
            .clone()
            .filter(|e| self.entrances(t).contains(e));
        Ok(NewObservation {
            kind,
            site,
            district,
            team: self.team.clone(),
            note: text(&self.note),
            entrance,
            address,
            request: self.request,
        })
    }
}

impl Form for ObservationForm {
    type Field = ObservationField;

    fn fields(&self) -> &'static [ObservationField] {
        &ObservationField::ALL
    }
    fn kind(&self, field: ObservationField) -> Kind {
        match field {
            ObservationField::Place => Kind::List,
            ObservationField::Note => Kind::Text,
            _ => Kind::Choice,
        }
    }
    fn input(&mut self, field: ObservationField) -> Option<&mut Input> {
        match field {
            ObservationField::Place => Some(&mut self.place),
            ObservationField::Note => Some(&mut self.note),
            _ => None,
        }
    }
    fn choose(&mut self, field: ObservationField, forward: bool, ctx: &Ctx) {
        let t = ctx.territory;
        match field {
            ObservationField::Kind => {
                self.kind = cycle_opt(ObservationKind::ALL, self.kind, forward)
            }
            ObservationField::Place => {
                self.choice = step_index(self.choice, self.matches(t).len(), forward);
                self.entrance = None;
            }
            ObservationField::District => {
                let ids: Vec<&String> = t.districts.iter().map(|d| &d.id).collect();
                self.district = cycle_opt(&ids, self.district.as_ref(), forward).cloned();
            }
            ObservationField::Entrance => {
                let all: Vec<&String> = self.entrances(t).iter().collect();
                self.entrance = cycle_opt(&all, self.entrance.as_ref(), forward).cloned();
            }
            ObservationField::Team => {
                let teams: Vec<String> = ctx.domain.teams.keys().cloned().collect();
                self.team = cycle_or_none(&teams, self.team.take(), forward);
            }
            ObservationField::Request => {
                let night = ctx.domain.night.as_ref().map(|n| n.night);
                let ids: Vec<RequestId> = ctx
                    .domain
                    .requests
                    .values()
                    .filter(|r| Some(r.night) == night || !r.status.is_terminal())
                    .map(|r| r.id)
                    .collect();
                self.request = cycle_or_none(&ids, self.request, forward);
            }
            ObservationField::Note => {}
        }
    }
    fn edited(&mut self, field: ObservationField) {
        if field == ObservationField::Place {
            self.choice = 0;
            self.entrance = None;
        }
    }
    fn is_dirty(&self) -> bool {
        self.kind.is_some() || !self.place.value().is_empty() || !self.note.value().is_empty()
    }
    fn submit(&self, ctx: &Ctx) -> Result<Vec<Command>, (ObservationField, Fix)> {
        let o = self.to_observation(ctx.territory)?;
        Ok(vec![Command::RecordObservation(o)])
    }
}

/// None, the first, …, the last, None…: an optional value that can be unset again.
pub fn cycle_or_none<T: Clone + PartialEq>(all: &[T], v: Option<T>, forward: bool) -> Option<T> {
    let i = v
        .and_then(|v| all.iter().position(|x| *x == v))
        .map_or(0, |i| i + 1);
    let j = step_index(i, all.len() + 1, forward);
    j.checked_sub(1).and_then(|j| all.get(j).cloned())
}
