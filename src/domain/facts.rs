//! The facts the period reports count, one record per service night, kept up to date at
//! every commit (store/aggregates.rs) so that a year is read in a few hundred small
//! records instead of hundreds of thousands of events. Pure: `project` reads the state
//! just after an event was applied, like `views::project`, and `check` rebuilds them from
//! the journal to prove they agree.
//!
//! What is attributed where (docs/reports.md): a request to the night it was received, with
//! its site, category, source and priority as last corrected; an intervention to the night
//! it was dispatched; a clearance or a relay to the night it was recorded; an observation
//! to its night; an action to the night named by its date. No personal data: ids, places
//! and vocabulary only.

use super::action::{ActionKind, ActionPlace};
use super::calendar::{HourBand, Hours, ServiceNight};
use super::event::{Envelope, Event};
use super::ids::{CaseId, RequestId};
use super::state::State;
use super::vocab::*;
use serde::{Deserialize, Serialize};

/// Bumped when a field changes meaning: the store rebuilds the facts from the journal.
pub const FACTS_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct NightFacts {
    /// The night was opened (worked).
    pub worked: bool,
    /// Requests the night before carried over into this one.
    pub carried_in: u32,
    pub requests: Vec<RequestFact>,
    pub interventions: Vec<InterventionFact>,
    pub clearances: Vec<ClearanceFact>,
    pub relays: Vec<RelayFact>,
    pub observations: Vec<ObservationFact>,
    pub cases_opened: Vec<CaseFact>,
    pub cases_closed: Vec<CaseFact>,
    pub actions: Vec<ActionFact>,
}

/// How a request ended, and in which night.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Ending {
    Cleared,
    Relayed,
    Dismissed,
    Cancelled,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RequestFact {
    pub id: RequestId,
    pub site: String,
    pub category: Category,
    pub source: Source,
    pub priority: Priority,
    pub band: HourBand,
    /// Received in the 19:30–21:00 early start.
    pub early: bool,
    /// Unix seconds: received, first dispatch and first arrival within its own night.
    pub received: i64,
    pub dispatched: Option<i64>,
    pub on_site: Option<i64>,
    pub ended: Option<(ServiceNight, Ending)>,
    /// Corrections recorded in a later night than the request's own.
    pub late_corrections: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InterventionFact {
    pub request: RequestId,
    /// Where the request's own fact is (an earlier night for a carried request).
    pub request_night: ServiceNight,
    pub early: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClearanceFact {
    pub request: RequestId,
    pub request_night: ServiceNight,
    pub level: ResponseLevel,
    pub outcome: Outcome,
    pub relays: Vec<String>,
    pub referrals: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RelayFact {
    pub request: RequestId,
    pub request_night: ServiceNight,
    pub partner: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ObservationFact {
    pub kind: ObservationKind,
    pub site: Option<String>,
    pub district: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseFact {
    pub case: CaseId,
    pub site: String,
    pub category: Category,
    /// The highest response level of its steps (when closed; at opening, none yet).
    pub level: Option<ResponseLevel>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActionFact {
    pub kind: ActionKind,
    pub district: Option<String>,
    pub site: Option<String>,
    pub partners: Vec<String>,
}

/// The situations still open when a night closed, with the level each had reached.
pub type OpenCases = Vec<CaseFact>;

/// The report band of a request received at `at` in `night`: by local wall time inside
/// the night's service hours, `Outside` otherwise (the early start, past 02:00, another
/// calendar night).
pub fn band(night: ServiceNight, at: chrono::DateTime<chrono::Utc>) -> HourBand {
    if ServiceNight::of(at) == night {
        ServiceNight::hour_band(at)
    } else {
        HourBand::Outside
    }
}

/// Where facts are kept: the store over sled, `check` and tests in memory.
pub trait Facts {
    type Error;
    /// The night's facts (empty when none yet).
    fn facts(&mut self, night: ServiceNight) -> Result<NightFacts, Self::Error>;
    fn put_facts(&mut self, night: ServiceNight, facts: NightFacts) -> Result<(), Self::Error>;
    fn put_open_cases(&mut self, night: ServiceNight, open: OpenCases) -> Result<(), Self::Error>;
}

fn level_reached(state: &State, case: CaseId) -> Option<ResponseLevel> {
    state
        .cases
        .get(&case)
        .and_then(|c| c.steps.iter().map(|s| s.level).max())
}

fn case_fact(state: &State, case: CaseId) -> Option<CaseFact> {
    let c = state.cases.get(&case)?;
    Some(CaseFact {
        case,
        site: c.site.clone(),
        category: c.category,
        level: level_reached(state, case),
    })
}

/// Updates the facts for one envelope, reading the state just after it was applied.
pub fn project<F: Facts>(f: &mut F, state: &State, env: &Envelope) -> Result<(), F::Error> {
    let night = env.night;
    let early = env.hours == Hours::Early;
    // The night a request was received in (it is in the state while events speak of it).
    let home = |r: &RequestId| state.requests.get(r).map(|r| (r.night, r));
    match &env.event {
        Event::NightOpened { .. } => {
            let mut n = f.facts(night)?;
            n.worked = true;
            n.carried_in = state
                .handover
                .as_ref()
                .filter(|h| h.night < night)
                .map_or(0, |h| h.carried_over.len() as u32);
            f.put_facts(night, n)?;
        }
        Event::NightClosed { .. } => {
            let open = state
                .cases
                .keys()
                .filter(|c| state.cases[c].state != CaseState::Closed)
                .filter_map(|c| case_fact(state, *c))
                .collect();
            f.put_open_cases(night, open)?;
        }
        Event::RequestReceived { request, .. } => {
            if let Some(r) = state.requests.get(request) {
                let mut n = f.facts(night)?;
                n.requests.push(RequestFact {
                    id: *request,
                    site: r.site.clone(),
                    category: r.category,
                    source: r.source,
                    priority: r.priority,
                    band: band(night, env.at),
                    early,
                    received: env.at.timestamp(),
                    dispatched: None,
                    on_site: None,
                    ended: None,
                    late_corrections: 0,
                });
                f.put_facts(night, n)?;
            }
        }
        Event::RequestCorrected { request, .. } => {
            if let Some((home, r)) = home(request) {
                edit(f, home, *request, |fact| {
                    (fact.site, fact.category) = (r.site.clone(), r.category);
                    (fact.source, fact.priority) = (r.source, r.priority);
                    fact.late_corrections += u32::from(home != night);
                })?;
            }
        }
        Event::RequestAssigned { request, .. } => {
            if let Some((home, _)) = home(request) {
                let mut n = f.facts(night)?;
                n.interventions.push(InterventionFact {
                    request: *request,
                    request_night: home,
                    early,
                });
                f.put_facts(night, n)?;
                if home == night {
                    let at = env.at.timestamp();
                    edit(f, home, *request, |r| {
                        r.dispatched.get_or_insert(at);
                    })?;
                }
            }
        }
        Event::TeamArrived { request, .. } => {
            if let Some((home, _)) = home(request)
                && home == night
            {
                let at = env.at.timestamp();
                edit(f, home, *request, |r| {
                    r.on_site.get_or_insert(at);
                })?;
            }
        }
        Event::InterventionCleared {
            request,
            level,
            outcome,
            relays,
            referrals,
            ..
        } => {
            if let Some((home, _)) = home(request) {
                let mut n = f.facts(night)?;
                n.clearances.push(ClearanceFact {
                    request: *request,
                    request_night: home,
                    level: *level,
                    outcome: *outcome,
                    relays: relays.clone(),
                    referrals: referrals.clone(),
                });
                f.put_facts(night, n)?;
                end(f, home, *request, night, Ending::Cleared)?;
            }
        }
        Event::RequestRelayed {
            request, partner, ..
        } => {
            if let Some((home, _)) = home(request) {
                let mut n = f.facts(night)?;
                n.relays.push(RelayFact {
                    request: *request,
                    request_night: home,
                    partner: partner.clone(),
                });
                f.put_facts(night, n)?;
                end(f, home, *request, night, Ending::Relayed)?;
            }
        }
        Event::RequestDismissed { request, .. } => {
            if let Some((home, _)) = home(request) {
                end(f, home, *request, night, Ending::Dismissed)?;
            }
        }
        Event::RequestCancelled { request } => {
            if let Some((home, _)) = home(request) {
                end(f, home, *request, night, Ending::Cancelled)?;
            }
        }
        Event::ObservationRecorded {
            observation,
            site,
            district,
            ..
        } => {
            let mut n = f.facts(night)?;
            n.observations.push(ObservationFact {
                kind: *observation,
                site: site.clone(),
                district: district.clone(),
            });
            f.put_facts(night, n)?;
        }
        Event::CaseOpened { case, .. } => {
            if let Some(c) = case_fact(state, *case) {
                let mut n = f.facts(night)?;
                n.cases_opened.push(c);
                f.put_facts(night, n)?;
            }
        }
        Event::CaseStateChanged {
            case,
            state: CaseState::Closed,
        } => {
            if let Some(c) = case_fact(state, *case) {
                let mut n = f.facts(night)?;
                n.cases_closed.push(c);
                f.put_facts(night, n)?;
            }
        }
        Event::ActionRecorded {
            date,
            action_kind,
            place,
            partners,
            ..
        } => {
            let on = super::action::action_night(*date);
            let mut n = f.facts(on)?;
            let (district, site) = match place {
                ActionPlace::Territory => (None, None),
                ActionPlace::District(d) => (Some(d.clone()), None),
                ActionPlace::Site(s) => (None, Some(s.clone())),
            };
            n.actions.push(ActionFact {
                kind: *action_kind,
                district,
                site,
                partners: partners.clone(),
            });
            f.put_facts(on, n)?;
        }
        _ => {}
    }
    Ok(())
}

/// Changes the fact of `request` in its night's record.
fn edit<F: Facts>(
    f: &mut F,
    home: ServiceNight,
    request: RequestId,
    change: impl FnOnce(&mut RequestFact),
) -> Result<(), F::Error> {
    let mut n = f.facts(home)?;
    if let Some(r) = n.requests.iter_mut().find(|r| r.id == request) {
        change(r);
        f.put_facts(home, n)?;
    }
    Ok(())
}

fn end<F: Facts>(
    f: &mut F,
    home: ServiceNight,
    request: RequestId,
    night: ServiceNight,
    how: Ending,
) -> Result<(), F::Error> {
    edit(f, home, request, |r| r.ended = Some((night, how)))
}
