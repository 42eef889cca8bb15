//! The night's plan as reports tell it: what was planned (standing plan, orders, the
//! coordinator's own), done (with each passage), not done. Built from the night's events
//! alone, so a night of long ago reads as it was.

use crate::domain::event::{Envelope, Event};
use crate::domain::ids::PlanItemId;
use crate::domain::plan::{PlanKind, PlanOrigin, PlanPlace, Window};
use crate::domain::reference::Territory;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanPassage {
    pub at: DateTime<Utc>,
    pub team: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanRow {
    pub id: PlanItemId,
    pub kind: PlanKind,
    pub place: PlanPlace,
    /// The place's name (filled by [`PlanSummary::named`]; empty before).
    #[serde(default)]
    pub place_name: String,
    pub window: Window,
    pub origin: PlanOrigin,
    /// The ordering commissioner's name (filled by [`PlanSummary::named`]).
    #[serde(default)]
    pub origin_name: String,
    pub passages: Vec<PlanPassage>,
}

impl PlanRow {
    pub fn done(&self) -> bool {
        !self.passages.is_empty()
    }
}

/// The plan of one night: counts and items (dropped ones left out), in window order.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PlanSummary {
    pub planned: u32,
    pub done: u32,
    pub not_done: u32,
    /// The early visits (19:30) among them: the Département's part.
    pub early_planned: u32,
    pub early_done: u32,
    pub items: Vec<PlanRow>,
}

impl PlanSummary {
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// With the places' names, as the reports print them.
    pub fn named(mut self, t: &Territory) -> PlanSummary {
        for i in &mut self.items {
            i.place_name = crate::i18n::watch::place(&i.place, t);
            if let PlanOrigin::Order(id) = &i.origin {
                i.origin_name = crate::i18n::watch::commissioner(id, t);
            }
        }
        self
    }
}

/// The plan of the night whose events these are (any order).
pub fn summary(events: &[&Envelope]) -> PlanSummary {
    let mut events: Vec<&Envelope> = events.to_vec();
    events.sort_by_key(|e| e.seq);
    let mut items: Vec<PlanRow> = Vec::new();
    for e in events {
        match &e.event {
            Event::PlanItemAdded {
                item,
                plan_kind,
                place,
                window,
                origin,
            } => items.push(PlanRow {
                id: *item,
                kind: *plan_kind,
                place: place.clone(),
                place_name: String::new(),
                window: *window,
                origin: origin.clone(),
                origin_name: String::new(),
                passages: Vec::new(),
            }),
            Event::PlanItemPassed { item, team } => {
                if let Some(i) = items.iter_mut().find(|i| i.id == *item) {
                    i.passages.push(PlanPassage {
                        at: e.at,
                        team: team.clone(),
                    });
                }
            }
            Event::PlanItemDropped { item } => items.retain(|i| i.id != *item),
            _ => {}
        }
    }
    items.sort_by_key(|i| (i.window.sort_key(), i.id));
    let count = |f: &dyn Fn(&PlanRow) -> bool| items.iter().filter(|i| f(i)).count() as u32;
    let early = |i: &PlanRow| i.kind == PlanKind::EarlyVisit;
    PlanSummary {
        planned: items.len() as u32,
        done: count(&|i| i.done()),
        not_done: count(&|i| !i.done()),
        early_planned: count(&early),
        early_done: count(&|i| early(i) && i.done()),
        items,
    }
}
