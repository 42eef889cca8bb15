//! The night's plan: items added (the weekday's standing plan when the night opens, a
//! commissioner's order, the coordinator's own), passages recorded, items dropped.

use crate::domain::decide::Ctx;
use crate::domain::event::Event;
use crate::domain::ids::PlanItemId;
use crate::domain::plan::{NewPlanItem, PlanCommand, PlanItem, PlanOrigin, PlanPlace};
use crate::domain::refusal::Refusal;
use crate::domain::vocab::{Position, TeamStatus};
use crate::domain::watch::WatchRefusal;
use chrono::Datelike;

impl Ctx<'_> {
    pub(in crate::domain) fn plan(&mut self, p: &PlanCommand) -> Result<(), Refusal> {
        self.night()?;
        match p {
            PlanCommand::AdoptStanding => self.standing_plan(),
            PlanCommand::Add(item) => self.add_plan_item(item),
            PlanCommand::Pass { item, team } => self.pass(*item, team),
            PlanCommand::Drop { item } => {
                self.plan_item(*item)?;
                self.emit(Event::PlanItemDropped { item: *item });
                Ok(())
            }
        }
    }

    /// The weekday's standing items, added once a night (with its opening, by the console).
    fn standing_plan(&mut self) -> Result<(), Refusal> {
        let night = self.night()?.night;
        if self
            .state
            .plan
            .values()
            .any(|i| i.origin == PlanOrigin::Standing)
        {
            return Err(WatchRefusal::PlanAdopted.into());
        }
        let day = night.date().weekday();
        let items: Vec<NewPlanItem> = self
            .territory
            .plan
            .iter()
            .filter(|s| s.days.contains(&day))
            .map(|s| NewPlanItem {
                kind: s.kind,
                place: s.place.clone(),
                window: s.window,
                origin: PlanOrigin::Standing,
            })
            .collect();
        for item in items {
            let id = self.next_plan_item();
            self.emit(added(id, item));
        }
        Ok(())
    }

    /// Ids follow those already handed out, in the state and in this decision (from 1).
    fn next_plan_item(&self) -> PlanItemId {
        let here = self
            .out
            .events
            .iter()
            .filter(|e| matches!(e, Event::PlanItemAdded { .. }))
            .count() as u64;
        PlanItemId(self.state.counters.plan_item.max(1) + here)
    }

    fn add_plan_item(&mut self, item: &NewPlanItem) -> Result<(), Refusal> {
        self.position(&plan_position(&item.place))?;
        if item.window.is_empty() {
            return Err(WatchRefusal::EmptyWindow.into());
        }
        if let PlanOrigin::Order(by) = &item.origin
            && self.territory.landlord(by).is_none()
        {
            return Err(WatchRefusal::UnknownCommissioner { id: by.clone() }.into());
        }
        let id = self.next_plan_item();
        self.emit(added(id, item.clone()));
        Ok(())
    }

    fn plan_item(&self, id: PlanItemId) -> Result<&PlanItem, Refusal> {
        self.state
            .plan
            .get(&id)
            .filter(|i| !i.dropped)
            .ok_or_else(|| WatchRefusal::UnknownPlanItem { id }.into())
    }

    /// A passage: the team is at the item's place (its site, or anywhere in its district).
    fn pass(&mut self, id: PlanItemId, team: &str) -> Result<(), Refusal> {
        let item = self.plan_item(id)?;
        let t = self.team(team)?;
        if t.status() == TeamStatus::OffDuty {
            return Err(Refusal::TeamOffDuty {
                team: team.to_string(),
            });
        }
        let district_of = |p: &Position| match p {
            Position::Site(s) => self.territory.site(s).map(|s| s.district.clone()),
            Position::District(d) => Some(d.clone()),
            Position::Base => None,
        };
        let there = match &item.place {
            PlanPlace::Site(s) => t.position == Position::Site(s.clone()),
            PlanPlace::District(d) => district_of(&t.position).as_ref() == Some(d),
        };
        if !there {
            return Err(WatchRefusal::TeamNotAtPoint {
                team: team.to_string(),
            }
            .into());
        }
        self.emit(Event::PlanItemPassed {
            item: id,
            team: team.to_string(),
        });
        Ok(())
    }
}

/// The team position a plan place stands for.
pub(in crate::domain) fn plan_position(p: &PlanPlace) -> Position {
    match p {
        PlanPlace::Site(s) => Position::Site(s.clone()),
        PlanPlace::District(d) => Position::District(d.clone()),
    }
}

fn added(item: PlanItemId, n: NewPlanItem) -> Event {
    Event::PlanItemAdded {
        item,
        plan_kind: n.kind,
        place: n.place,
        window: n.window,
        origin: n.origin,
    }
}
