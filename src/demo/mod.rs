//! `vigie demo`: simulates past nights through the same commands a coordinator uses, a night
//! per durable commit. Deterministic for a seed.

mod backup;
pub mod live;
mod plan;
pub mod prepare;
mod rng;
mod shift;
mod words;

use crate::domain::calendar::ServiceNight;
use crate::domain::command::{CaseLink, Command};
use crate::domain::event::Event;
use crate::domain::ids::RequestId;
use crate::domain::state::State;
use crate::domain::vocab::CaseState;

use crate::store::{Store, StoreError};
use chrono::Duration;
use plan::{Action, NightInput, Req};
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
        let instructions = shift::instructions(i, *night, store.territory());
        summary.requests += run_night(store, planned, instructions)?;
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

/// Runs one night's plan in one transaction. A refusal here is a bug in the planner.
fn run_night(
    store: &mut Store,
    planned: Vec<plan::Planned>,
    mut instructions: Vec<Command>,
) -> Result<u64, DemoError> {
    let mut tx = store.begin()?;
    let mut received: Vec<Option<RequestId>> = Vec::new();
    let resolve = |received: &Vec<Option<RequestId>>, r: Req| match r {
        Req::New(i) => received.get(i).copied().flatten(),
        Req::Old(id) => Some(id),
    };
    let mut requests = 0;
    for p in planned {
        let cmd = match p.action {
            Action::Command(cmd) => cmd,
            Action::Receive(i, new) => {
                let envs = tx.execute(&Command::ReceiveRequest(new), p.at)?;
                if received.len() <= i {
                    received.resize(i + 1, None);
                }
                received[i] = envs.iter().find_map(|e| match e.event {
                    Event::RequestReceived { request, .. } => Some(request),
                    _ => None,
                });
                requests += 1;
                continue;
            }
            Action::Dispatch(r, team) => match resolve(&received, r) {
                Some(request) => Command::Dispatch { request, team },
                None => continue,
            },
            Action::Relay(r, partner) => match resolve(&received, r) {
                Some(request) => Command::Relay {
                    request,
                    partner,
                    note: None,
                },
                None => continue,
            },
            Action::Dismiss(r, reason) => match resolve(&received, r) {
                Some(request) => Command::Dismiss { request, reason },
                None => continue,
            },
            Action::Clear(mut clearance, r, start_case) => {
                let request = resolve(&received, r).and_then(|id| tx.state().requests.get(&id));
                if let Some(request) = request {
                    let existing = tx.state().cases.values().find(|c| {
                        c.state != CaseState::Closed
                            && c.site == request.site
                            && c.category == request.category
                    });
                    clearance.case = match (existing, request.case) {
                        (_, Some(case)) => CaseLink::Existing(case),
                        (Some(c), None) => CaseLink::Existing(c.id),
                        (None, None) if start_case => CaseLink::New,
                        (None, None) => CaseLink::None,
                    };
                }
                Command::Clear(clearance)
            }
        };
        // The shift's edges: the last handover taken before opening; open requests decided
        // and the note written before closing; the night's consignes just after opening.
        let (before, after) = match &cmd {
            Command::OpenNight { coordinator } => (
                shift::start(tx.state(), coordinator),
                std::mem::take(&mut instructions),
            ),
            Command::CloseNight => (shift::end(tx.state()), Vec::new()),
            _ => (Vec::new(), Vec::new()),
        };
        for c in before {
            tx.execute(&c, p.at)?;
        }
        tx.execute(&cmd, p.at)?;
        for c in after {
            tx.execute(&c, p.at)?;
        }
    }
    tx.commit()?;
    Ok(requests)
}
