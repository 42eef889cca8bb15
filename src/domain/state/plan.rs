//! The night's plan applied: items of the current night with their passages (they leave
//! when the next night opens; the night's events keep them for the reports).

use super::State;
use crate::domain::event::{Envelope, Event};
use crate::domain::plan::{Passage, PlanItem};

pub(super) fn apply(state: &mut State, env: &Envelope) {
    match &env.event {
        Event::PlanItemAdded {
            item,
            plan_kind,
            place,
            window,
            origin,
        } => {
            state.counters.plan_item = state.counters.plan_item.max(item.0 + 1);
            state.plan.insert(
                *item,
                PlanItem {
                    id: *item,
                    night: env.night,
                    kind: *plan_kind,
                    place: place.clone(),
                    window: *window,
                    origin: origin.clone(),
                    passages: Vec::new(),
                    dropped: false,
                },
            );
        }
        Event::PlanItemPassed { item, team } => {
            if let Some(i) = state.plan.get_mut(item) {
                i.passages.push(Passage {
                    at: env.at,
                    team: team.clone(),
                });
            }
        }
        Event::PlanItemDropped { item } => {
            if let Some(i) = state.plan.get_mut(item) {
                i.dropped = true;
            }
        }
        _ => {}
    }
}
