//! Situations (cases): lasting situations at a place, spanning nights, with their steps of
//! the graduated response and their next follow-up.

use super::State;
use crate::domain::calendar::ServiceNight;
use crate::domain::event::{Envelope, Event};
use crate::domain::ids::{CaseId, PersonalId, RequestId};
use crate::domain::vocab::{CaseState, Category, ResponseLevel};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseStep {
    pub at: DateTime<Utc>,
    pub night: ServiceNight,
    pub level: ResponseLevel,
    #[serde(default)]
    pub request: Option<RequestId>,
    #[serde(default)]
    pub note: Option<PersonalId>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Case {
    pub id: CaseId,
    pub site: String,
    pub category: Category,
    pub opened_at: DateTime<Utc>,
    pub opened_night: ServiceNight,
    pub state: CaseState,
    pub state_history: Vec<(DateTime<Utc>, CaseState)>,
    #[serde(default)]
    pub requests: Vec<RequestId>,
    #[serde(default)]
    pub steps: Vec<CaseStep>,
    #[serde(default)]
    pub next_follow_up: Option<NaiveDate>,
    pub last_action_at: DateTime<Utc>,
}

impl Case {
    /// A situation just opened at `site`: open, no request, no step yet.
    pub fn opened(
        id: CaseId,
        site: &str,
        category: Category,
        at: DateTime<Utc>,
        night: ServiceNight,
    ) -> Self {
        Case {
            id,
            site: site.to_string(),
            category,
            opened_at: at,
            opened_night: night,
            state: CaseState::Open,
            state_history: vec![(at, CaseState::Open)],
            requests: Vec::new(),
            steps: Vec::new(),
            next_follow_up: None,
            last_action_at: at,
        }
    }
}

/// Applies the situations' events.
pub(super) fn apply(state: &mut State, env: &Envelope) {
    let at = env.at;
    match &env.event {
        Event::CaseOpened {
            case,
            site,
            category,
        } => {
            state.counters.case = state.counters.case.max(case.0 + 1);
            let opened = Case::opened(*case, site, *category, at, env.night);
            state.cases.insert(*case, opened);
        }
        Event::CaseLinked { case, request } => {
            if let Some(c) = state.cases.get_mut(case) {
                c.requests.push(*request);
                c.last_action_at = at;
            }
            if let Some(r) = state.requests.get_mut(request) {
                r.case = Some(*case);
            }
        }
        Event::CaseStepRecorded {
            case,
            level,
            request,
            note,
        } => {
            if let Some(c) = state.cases.get_mut(case) {
                c.steps.push(CaseStep {
                    at,
                    night: env.night,
                    level: *level,
                    request: *request,
                    note: *note,
                });
                c.last_action_at = at;
            }
        }
        Event::CaseStateChanged { case, state: s } => {
            if let Some(c) = state.cases.get_mut(case) {
                c.state = *s;
                c.state_history.push((at, *s));
                c.last_action_at = at;
            }
        }
        Event::CaseFollowUpSet { case, date } => {
            if let Some(c) = state.cases.get_mut(case) {
                c.next_follow_up = *date;
                c.last_action_at = at;
            }
        }
        _ => {}
    }
}
