//! The night's plan as the board shows it (a checklist, in the order of the windows) and as
//! the presence picker offers it (`p`: the points not yet passed).

use super::AppState;
use crate::domain::ids::PlanItemId;
use crate::domain::plan::{PlanItem, PlanPlace};
use crate::domain::reference::Territory;
use crate::domain::vocab::Position;

/// Tonight's items not dropped, by window then id.
pub fn items(app: &AppState) -> Vec<&PlanItem> {
    let night = app.domain.night.as_ref().map(|n| n.night);
    let mut items: Vec<&PlanItem> = app
        .domain
        .plan
        .values()
        .filter(|i| !i.dropped && Some(i.night) == night)
        .collect();
    items.sort_by_key(|i| (i.window.sort_key(), i.id));
    items
}

/// A point of the plan a team can go to.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanSpot {
    pub item: PlanItemId,
    pub at: Position,
}

/// The points not yet passed, in the plan's order.
pub fn spots(app: &AppState) -> Vec<PlanSpot> {
    items(app)
        .into_iter()
        .filter(|i| !i.done())
        .map(|i| PlanSpot {
            item: i.id,
            at: position(&i.place),
        })
        .collect()
}

pub fn position(p: &PlanPlace) -> Position {
    match p {
        PlanPlace::Site(s) => Position::Site(s.clone()),
        PlanPlace::District(d) => Position::District(d.clone()),
    }
}

/// The spot a presence at `at` passes: the same place first, else a district holding it.
pub fn spot_for(spots: &[PlanSpot], at: &Position, t: &Territory) -> Option<PlanItemId> {
    let district = match at {
        Position::Site(s) => t.site(s).map(|s| Position::District(s.district.clone())),
        _ => None,
    };
    spots
        .iter()
        .find(|s| s.at == *at)
        .or_else(|| spots.iter().find(|s| Some(&s.at) == district.as_ref()))
        .map(|s| s.item)
}
