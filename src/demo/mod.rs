//! `vigie demo`: simulates past nights through the same commands a coordinator uses, a night
//! per durable commit. Deterministic for a seed.

pub mod autopilot;
mod backup;
mod desk;
mod draw;
pub mod live;
mod plan;
pub mod prepare;
mod rng;
mod run;
mod safety;
mod shift;
mod words;

use crate::domain::calendar::ServiceNight;
use crate::domain::command::Command;
use crate::domain::ids::RequestId;
use crate::domain::state::State;
use crate::domain::vocab::CaseState;

use crate::store::{Store, StoreError};
use chrono::Duration;
use plan::{Action, NightInput};
use rng::Rng;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct DemoSummary {
    pub nights: u32,
    pub events: u64,
    pub requests: u64,
    /// Backups written at the simulated closes.
    pub backups: u32,
}

#[derive(Debug)]
pub enum DemoError {
    /// The store already holds nights at or after the first simulated one.
    StoreAhead {
        last: ServiceNight,
    },
    /// A night is open in the store.
    NightOpen {
        night: ServiceNight,
    },
    Store(StoreError),
}

impl From<StoreError> for DemoError {
    fn from(e: StoreError) -> Self {
        DemoError::Store(e)
    }
}

/// The `n` service nights ending with `until`, oldest first.
pub fn nights_until(until: ServiceNight, n: u32) -> Vec<ServiceNight> {
    let mut nights = Vec::with_capacity(n as usize);
    let mut night = if until.is_service_day() {
        until
    } else {
        until.prev_service()
    };
    for _ in 0..n {
        nights.push(night);
        night = night.prev_service();
    }
    nights.reverse();
    nights
}

/// Simulates the given nights into the store, one durable commit per night.
pub fn simulate(
    store: &mut Store,
    nights: &[ServiceNight],
    seed: u64,
    mut progress: impl FnMut(usize),
) -> Result<DemoSummary, DemoError> {
    if let Some(n) = store.state().open_night() {
        return Err(DemoError::NightOpen { night: n.night });
    }
    if let (Some(first), Some(last)) = (nights.first(), store.last_night()?)
        && last.night >= *first
    {
        return Err(DemoError::StoreAhead { last: last.night });
    }
    let mut rng = Rng::new(seed);
    let mut summary = DemoSummary::default();
    let start_seq = store.last_seq();
    let backed_up = backup::nights(nights);
    for (i, night) in nights.iter().enumerate() {
        let coordinators: Vec<String> = store
            .territory()
            .coordinators
            .iter()
            .map(|c| c.id.clone())
            .collect();
        let Some(coordinator) = coordinators.get(i % coordinators.len().max(1)).cloned() else {
            break;
        };
        let carried_over: Vec<RequestId> = store
            .state()
            .requests
            .values()
            .filter(|r| !r.status.is_terminal())
            .map(|r| r.id)
            .collect();
        let input = NightInput {
            night: *night,
            territory: store.territory(),
            coordinator,
            carried_over,
        };
        let mut planned = plan::plan(&mut rng, &input);
        add_case_follow_up(store.state(), *night, &mut planned);
        safety::add(&mut planned, seed);
        let instructions = shift::instructions(i, *night, store.territory());
        summary.requests += run::run_night(store, planned, instructions)?;
        summary.nights += 1;
        if backed_up.contains(night) {
            backup::at_close(store)?;
            summary.backups += 1;
        }
        progress(i + 1);
    }
    summary.events = store.last_seq() - start_seq;
    Ok(summary)
}

/// Situations are reviewed at the start of a night: old quiet ones are closed or watched,
/// active ones get a follow-up date.
fn add_case_follow_up(state: &State, night: ServiceNight, planned: &mut Vec<plan::Planned>) {
    let Some(open_at) = planned.first().map(|p| p.at) else {
        return;
    };
    let at = open_at + Duration::minutes(4);
    let mut extra = Vec::new();
    for case in state
        .cases
        .values()
        .filter(|c| c.state != CaseState::Closed)
    {
        // Quiet since the last step on the ground (setting a follow-up date is desk work).
        let last_step = case.steps.last().map_or(case.opened_at, |s| s.at);
        let quiet_days = (night.start() - last_step).num_days();
        let cmd = if quiet_days > 28 {
            Command::SetCaseState {
                case: case.id,
                state: CaseState::Closed,
            }
        } else if quiet_days > 14 && case.state == CaseState::Open {
            Command::SetCaseState {
                case: case.id,
                state: CaseState::Watch,
            }
        } else if case.next_follow_up.is_none_or(|d| d <= night.date()) {
            Command::SetFollowUp {
                case: case.id,
                date: Some(night.date() + Duration::days(7)),
            }
        } else {
            continue;
        };
        extra.push(cmd);
    }
    let base = planned.len();
    for (k, cmd) in extra.into_iter().enumerate() {
        planned.push(plan::Planned {
            at,
            order: base + k,
            action: Action::Command(cmd),
        });
    }
    planned.sort_by_key(|p| (p.at, p.order));
}
