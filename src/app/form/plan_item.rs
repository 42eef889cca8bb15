//! An item added to tonight's plan: a targeted point or an early visit, its place (a site
//! or a district, found by typing), its window (HH:MM–HH:MM) and who asked for it (the
//! coordinator, or a landlord's or the city's order).

use super::sites::place_matches;
use super::{Ctx, Form, Kind, cycle, step_index};
use crate::domain::Command;
use crate::domain::plan::{NewPlanItem, PlanCommand, PlanKind, PlanOrigin, PlanPlace, Window};
use crate::domain::reference::Territory;
use crate::domain::vocab::Position;
use crate::i18n::notice::Fix;
use crate::i18n::watch::DeskFix;
use chrono::NaiveTime;
use tui_input::Input;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanField {
    Kind,
    Place,
    From,
    To,
    Origin,
}

#[derive(Debug, Clone)]
pub struct PlanForm {
    pub kind: PlanKind,
    pub place: Input,
    pub choice: usize,
    pub from: Input,
    pub to: Input,
    pub origin: PlanOrigin,
}

impl Default for PlanForm {
    fn default() -> Self {
        PlanForm {
            kind: PlanKind::TargetedPoint,
            place: Input::default(),
            choice: 0,
            from: Input::default(),
            to: Input::default(),
            origin: PlanOrigin::Coordinator,
        }
    }
}

/// "21:30", "2130", "21h30", "21h", "21".
pub fn parse_time(s: &str) -> Option<NaiveTime> {
    let s = s.trim().to_lowercase().replace('h', ":");
    let s = s.trim_end_matches(':');
    let (h, m) = match s.split_once(':') {
        Some((h, m)) => (h, m),
        None if s.len() == 4 => s.split_at(2),
        None => (s, "0"),
    };
    let m = if m.is_empty() { "0" } else { m };
    NaiveTime::from_hms_opt(h.parse().ok()?, m.parse().ok()?, 0)
}

impl PlanForm {
    pub fn matches(&self, t: &Territory) -> Vec<PlanPlace> {
        place_matches(t, self.place.value())
            .into_iter()
            .filter_map(|p| match p {
                Position::Site(s) => Some(PlanPlace::Site(s)),
                Position::District(d) => Some(PlanPlace::District(d)),
                Position::Base => None,
            })
            .collect()
    }

    pub fn chosen(&self, t: &Territory) -> Option<PlanPlace> {
        self.matches(t).get(self.choice).cloned()
    }

    fn origins(t: &Territory) -> Vec<PlanOrigin> {
        let mut all = vec![PlanOrigin::Coordinator];
        all.extend(t.landlords.iter().map(|l| PlanOrigin::Order(l.id.clone())));
        all
    }
}

impl Form for PlanForm {
    type Field = PlanField;

    fn fields(&self) -> &'static [PlanField] {
        &[
            PlanField::Kind,
            PlanField::Place,
            PlanField::From,
            PlanField::To,
            PlanField::Origin,
        ]
    }
    fn kind(&self, field: PlanField) -> Kind {
        match field {
            PlanField::Kind | PlanField::Origin => Kind::Choice,
            PlanField::Place => Kind::List,
            PlanField::From | PlanField::To => Kind::Text,
        }
    }
    fn input(&mut self, field: PlanField) -> Option<&mut Input> {
        match field {
            PlanField::Place => Some(&mut self.place),
            PlanField::From => Some(&mut self.from),
            PlanField::To => Some(&mut self.to),
            _ => None,
        }
    }
    fn choose(&mut self, field: PlanField, forward: bool, ctx: &Ctx) {
        match field {
            PlanField::Kind => {
                let kinds = [PlanKind::TargetedPoint, PlanKind::EarlyVisit];
                self.kind = cycle(&kinds, self.kind, forward);
            }
            PlanField::Place => {
                let n = self.matches(ctx.territory).len();
                self.choice = step_index(self.choice, n, forward);
            }
            PlanField::Origin => {
                let all = PlanForm::origins(ctx.territory);
                let i = all.iter().position(|o| *o == self.origin).unwrap_or(0);
                let j = step_index(i, all.len(), forward);
                if let Some(o) = all.get(j) {
                    self.origin = o.clone();
                }
            }
            _ => {}
        }
    }
    fn edited(&mut self, field: PlanField) {
        if field == PlanField::Place {
            self.choice = 0;
        }
    }
    fn is_dirty(&self) -> bool {
        !self.place.value().is_empty()
            || !self.from.value().is_empty()
            || !self.to.value().is_empty()
    }
    fn submit(&self, ctx: &Ctx) -> Result<Vec<Command>, (PlanField, Fix)> {
        let place = self
            .chosen(ctx.territory)
            .ok_or((PlanField::Place, Fix::Desk(DeskFix::PlanPlace)))?;
        let time =
            |f: PlanField, i: &Input| parse_time(i.value()).ok_or((f, Fix::Desk(DeskFix::Window)));
        let window = Window {
            from: time(PlanField::From, &self.from)?,
            to: time(PlanField::To, &self.to)?,
        };
        if window.is_empty() {
            return Err((PlanField::To, Fix::Desk(DeskFix::Window)));
        }
        Ok(vec![Command::Plan(PlanCommand::Add(NewPlanItem {
            kind: self.kind,
            place,
            window,
            origin: self.origin.clone(),
        }))])
    }
}

#[cfg(test)]
mod tests {
    use super::parse_time;

    #[test]
    fn times_are_read_as_a_coordinator_types_them() {
        let t = |s| parse_time(s).map(|t| t.format("%H:%M").to_string());
        assert_eq!(t("21:30").as_deref(), Some("21:30"));
        assert_eq!(t("2130").as_deref(), Some("21:30"));
        assert_eq!(t("21h30").as_deref(), Some("21:30"));
        assert_eq!(t("21h").as_deref(), Some("21:00"));
        assert_eq!(t("1").as_deref(), Some("01:00"));
        assert_eq!(t("25:00"), None);
        assert_eq!(t("soir"), None);
    }
}
