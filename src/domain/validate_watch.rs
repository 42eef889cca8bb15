//! Import checks of the watch's and the plan's events (docs/journal.md): references to the
//! territory (sites, entrances, districts, commissioners, partners) and to earlier events
//! (observations still followed and their steps in order, requests, teams, the open
//! night's plan items).

use super::event::Event;
use super::ids::{ObservationId, PlanItemId};
use super::plan::{PlanOrigin, PlanPlace};
use super::reference::Territory;
use super::state::State;
use super::validate::{Invalid, earlier, fresh, known};
use super::watch::Observation;

type Check = Result<(), Invalid>;

fn in_step(ok: bool, what: &'static str, id: impl ToString) -> Check {
    if ok {
        Ok(())
    } else {
        Err(Invalid::OutOfStep {
            what,
            id: id.to_string(),
        })
    }
}

/// Checks one watch or plan event against the state before it; other events pass.
pub fn check(state: &State, t: &Territory, event: &Event) -> Check {
    match event {
        Event::ObservationRecorded {
            site,
            district,
            entrance,
            address,
            id,
            request,
            commissioner,
            ..
        } => {
            if let (Some(e), Some(s)) = (entrance, site.as_deref().and_then(|s| t.site(s))) {
                known(s.entrances.contains(e), "entrance", e)?;
            }
            if let Some(a) = address {
                in_step(district.is_some(), "address", a)?;
            }
            if let Some(id) = id {
                fresh(id.0 < state.counters.observation, "observation", id.0)?;
            }
            if let Some(r) = request {
                earlier(r.0 < state.counters.request, "request", r.0)?;
            }
            commissioner.as_deref().map_or(Ok(()), |c| {
                known(t.landlord(c).is_some(), "commissioner", c)
            })
        }
        Event::ObservationTransmitted { observations, .. } => observations
            .iter()
            .try_for_each(|o| followed(state, *o).map(|_| ())),
        Event::ObservationAcknowledged { observation, .. } => {
            let o = followed(state, *observation)?;
            let once = o.transmitted_at.is_some() && o.acknowledged_at.is_none();
            in_step(once, "observation", observation.0)
        }
        Event::ObservationSettled { observation, .. } => followed(state, *observation).map(|_| ()),
        Event::RelayFollowed {
            request, partner, ..
        } => {
            earlier(request.0 < state.counters.request, "request", request.0)?;
            known(t.partner(partner).is_some(), "partner", partner)
        }
        Event::PlanItemAdded {
            item,
            place,
            window,
            origin,
            ..
        } => {
            state.open_night().ok_or(Invalid::NoNightOpen)?;
            fresh(item.0 < state.counters.plan_item, "plan item", item.0)?;
            in_step(!window.is_empty(), "window", item.0)?;
            match place {
                PlanPlace::Site(s) => known(t.site(s).is_some(), "site", s)?,
                PlanPlace::District(d) => known(t.district(d).is_some(), "district", d)?,
            }
            match origin {
                PlanOrigin::Order(c) => known(t.landlord(c).is_some(), "commissioner", c),
                PlanOrigin::Standing | PlanOrigin::Coordinator => Ok(()),
            }
        }
        Event::PlanItemPassed { item, team } => {
            planned(state, *item)?;
            earlier(state.teams.contains_key(team), "team", team)
        }
        Event::PlanItemDropped { item } => planned(state, *item),
        _ => Ok(()),
    }
}

/// An observation recorded earlier and not settled.
fn followed(state: &State, id: ObservationId) -> Result<&Observation, Invalid> {
    let Some(o) = state.observations.get(&id) else {
        return Err(Invalid::UnknownEarlier {
            what: "observation",
            id: id.0.to_string(),
        });
    };
    in_step(o.settled.is_none(), "observation", id.0)?;
    Ok(o)
}

/// An item of the open night's plan, not dropped.
fn planned(state: &State, id: PlanItemId) -> Check {
    let i = state.plan.get(&id);
    earlier(i.is_some(), "plan item", id.0)?;
    in_step(i.is_some_and(|i| !i.dropped), "plan item", id.0)
}
