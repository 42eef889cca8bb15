//! Runs one planned night through the store in one transaction, through the same commands
//! a coordinator uses.

use super::DemoError;
use super::plan::{Action, Planned, Req};
use super::shift;
use crate::domain::command::{CaseLink, Command};
use crate::domain::event::{Envelope, Event};
use crate::domain::ids::RequestId;
use crate::domain::state::{Request, State};
use crate::domain::vocab::CaseState;
use crate::store::{Store, Tx};

/// Runs one night's plan in one transaction; returns how many requests came in. A refusal
/// here is a bug in the planner.
pub(super) fn run_night(
    store: &mut Store,
    planned: Vec<Planned>,
    mut instructions: Vec<Command>,
) -> Result<u64, DemoError> {
    let mut tx = store.begin()?;
    let mut received = Received::default();
    let mut desk = super::desk::Desk::default();
    for p in planned {
        let at = p.at;
        desk.due(&mut tx, at)?;
        let Some(cmd) = received.prepare(&mut tx, p)? else {
            continue;
        };
        if cmd == Command::CloseNight {
            desk.closing(&mut tx, at)?;
        }
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
        for c in before.iter().chain([&cmd]).chain(&after) {
            let envs = tx.execute(c, at)?;
            desk.after(&mut tx, c, &envs, at)?;
        }
    }
    tx.commit()?;
    Ok(received.count)
}

/// The ids the night's calls got when they came in, by their index in the plan.
#[derive(Default)]
struct Received {
    ids: Vec<Option<RequestId>>,
    count: u64,
}

impl Received {
    /// The command a planned action stands for, `None` when its request never came in. A
    /// call is received here at once, since the actions after it need its id.
    fn prepare(&mut self, tx: &mut Tx<'_>, p: Planned) -> Result<Option<Command>, DemoError> {
        Ok(match p.action {
            Action::Command(cmd) => Some(cmd),
            Action::Receive(i, new) => {
                let envs = tx.execute(&Command::ReceiveRequest(new), p.at)?;
                self.record(i, &envs);
                None
            }
            Action::Dispatch(r, team) => self
                .id(r)
                .map(|request| Command::Dispatch { request, team }),
            Action::Relay(r, partner) => self.id(r).map(|request| Command::Relay {
                request,
                partner,
                note: None,
            }),
            Action::Dismiss(r, reason) => self
                .id(r)
                .map(|request| Command::Dismiss { request, reason }),
            Action::Settle(r, outcome, partner) => self.id(r).map(|request| {
                let note = None;
                Command::SettleByPhone {
                    request,
                    outcome,
                    partner,
                    note,
                }
            }),
            Action::Callback(r, due) => self
                .id(r)
                .map(|request| Command::ScheduleCallback { request, due }),
            Action::CalledBack(r, outcome) => self
                .id(r)
                .map(|request| Command::RecordCallback { request, outcome }),
            Action::Reinforce(r, team) => self
                .id(r)
                .map(|request| Command::Reinforce { request, team }),
            Action::Clear(mut clearance, r, start_case) => {
                let state = tx.state();
                if let Some(request) = self.id(r).and_then(|id| state.requests.get(&id)) {
                    clearance.case = case_link(state, request, start_case);
                }
                Some(Command::Clear(clearance))
            }
        })
    }

    fn record(&mut self, i: usize, envs: &[Envelope]) {
        if self.ids.len() <= i {
            self.ids.resize(i + 1, None);
        }
        self.ids[i] = envs.iter().find_map(|e| match e.event {
            Event::RequestReceived { request, .. } => Some(request),
            _ => None,
        });
        self.count += 1;
    }

    fn id(&self, r: Req) -> Option<RequestId> {
        match r {
            Req::New(i) => self.ids.get(i).copied().flatten(),
            Req::Old(id) => Some(id),
        }
    }
}

/// A clearing joins the request's situation, else an open one at the same site for the same
/// category, else opens one when the planner asked for it.
fn case_link(state: &State, request: &Request, start_case: bool) -> CaseLink {
    let existing = state.cases.values().find(|c| {
        c.state != CaseState::Closed && c.site == request.site && c.category == request.category
    });
    match (existing, request.case) {
        (_, Some(case)) => CaseLink::Existing(case),
        (Some(c), None) => CaseLink::Existing(c.id),
        (None, None) if start_case => CaseLink::New,
        (None, None) => CaseLink::None,
    }
}
