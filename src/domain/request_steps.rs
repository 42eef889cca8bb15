//! A request's life as steps with their times: received, each team sent (a reinforcement
//! told apart), on site, recalled, cleared, callbacks asked for and made, how it ended
//! without a visit. Read from the request as the state holds it.

use super::state::Request;
use super::vocab::{CallbackOutcome, Outcome, RequestStatus};
use chrono::{DateTime, Utc};

#[derive(Debug, Clone, PartialEq)]
pub enum StepKind {
    Received,
    Sent {
        team: String,
        reinforcement: bool,
    },
    OnSite {
        team: String,
    },
    Recalled {
        team: String,
    },
    Cleared {
        team: String,
        outcome: Option<Outcome>,
    },
    CallbackAsked {
        due: DateTime<Utc>,
    },
    CalledBack {
        outcome: CallbackOutcome,
        by: Option<String>,
    },
    /// How it ended without a visit (relayed, dismissed, cancelled, settled by phone).
    Ended(RequestStatus),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub at: DateTime<Utc>,
    pub kind: StepKind,
}

/// Every step of the request, in time order.
pub fn steps(r: &Request) -> Vec<Step> {
    let mut out = vec![Step {
        at: r.received_at,
        kind: StepKind::Received,
    }];
    for (n, i) in r.interventions.iter().enumerate() {
        let team = || i.team.clone();
        // Sent while another team was still on it: a reinforcement.
        let reinforcement = r.interventions[..n].iter().any(|o| {
            o.cleared_at.is_none_or(|c| c > i.dispatched_at)
                && o.recalled_at.is_none_or(|c| c > i.dispatched_at)
        });
        out.push(Step {
            at: i.dispatched_at,
            kind: StepKind::Sent {
                team: team(),
                reinforcement,
            },
        });
        let mut push = |at: Option<DateTime<Utc>>, kind: StepKind| {
            if let Some(at) = at {
                out.push(Step { at, kind });
            }
        };
        push(i.on_site_at, StepKind::OnSite { team: team() });
        push(i.recalled_at, StepKind::Recalled { team: team() });
        let outcome = i.outcome;
        push(
            i.cleared_at,
            StepKind::Cleared {
                team: team(),
                outcome,
            },
        );
    }
    for c in &r.callbacks {
        out.push(Step {
            at: c.asked_at,
            kind: StepKind::CallbackAsked { due: c.due },
        });
        for a in &c.attempts {
            out.push(Step {
                at: a.at,
                kind: StepKind::CalledBack {
                    outcome: a.outcome,
                    by: a.by.clone(),
                },
            });
        }
    }
    let without_visit = !matches!(r.status, RequestStatus::Cleared) && r.status.is_terminal();
    if let (true, Some(at)) = (without_visit, r.closed_at) {
        out.push(Step {
            at,
            kind: StepKind::Ended(r.status),
        });
    }
    out.sort_by_key(|s| s.at);
    out
}
