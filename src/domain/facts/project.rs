//! The facts of one envelope, read against the state just after it was applied.

use super::*;
use crate::domain::action::ActionPlace;
use crate::domain::calendar::Hours;
use crate::domain::event::{Envelope, Event};
use crate::domain::state::State;

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
    let mut p = Projection { f, state, env };
    match &env.event {
        Event::NightOpened { .. } => p.night_opened(),
        Event::NightClosed { .. } => p.night_closed(),
        Event::RequestReceived { request, .. } => p.received(*request),
        Event::RequestCorrected { request, .. } => p.corrected(*request),
        Event::RequestAssigned { request, team, .. } => {
            p.presence_ended(team)?;
            p.assigned(*request)
        }
        Event::TeamArrived { request, .. } => p.arrived(*request),
        Event::InterventionCleared { .. } => p.cleared(),
        Event::RequestRelayed { .. } => p.relayed(),
        Event::RequestDismissed { request, .. } => p.ended(*request, Ending::Dismissed),
        Event::RequestCancelled { request } => p.ended(*request, Ending::Cancelled),
        Event::RequestSettled { request, .. } => p.ended(*request, Ending::Settled),
        Event::ObservationRecorded { .. } => p.observed(),
        Event::CaseOpened { case, .. } => p.case(*case, |n| &mut n.cases_opened),
        Event::CaseStateChanged {
            case,
            state: CaseState::Closed,
        } => p.case(*case, |n| &mut n.cases_closed),
        Event::ActionRecorded { .. } => p.action(),
        Event::ObservationTransmitted { .. }
        | Event::ObservationAcknowledged { .. }
        | Event::ObservationSettled { .. } => p.watch_step(),
        Event::PlanItemAdded { .. }
        | Event::PlanItemPassed { .. }
        | Event::PlanItemDropped { .. } => p.plan(),
        Event::TeamStatusChanged { team, .. } => p.presence_ended(team),
        _ => Ok(()),
    }
}

mod watch;

/// One envelope being projected: the facts, the state just after it, the envelope.
struct Projection<'a, F: Facts> {
    f: &'a mut F,
    state: &'a State,
    env: &'a Envelope,
}

impl<F: Facts> Projection<'_, F> {
    fn night(&self) -> ServiceNight {
        self.env.night
    }

    /// The night a request was received in (it is in the state while events speak of it).
    fn home(&self, r: RequestId) -> Option<ServiceNight> {
        self.state.requests.get(&r).map(|r| r.night)
    }

    /// Changes this night's record.
    fn change(
        &mut self,
        on: ServiceNight,
        f: impl FnOnce(&mut NightFacts),
    ) -> Result<(), F::Error> {
        let mut n = self.f.facts(on)?;
        f(&mut n);
        self.f.put_facts(on, n)
    }

    fn night_opened(&mut self) -> Result<(), F::Error> {
        let carried = self
            .state
            .handover
            .as_ref()
            .filter(|h| h.night < self.night());
        let carried_in = carried.map_or(0, |h| h.carried_over.len() as u32);
        self.change(self.night(), |n| {
            n.worked = true;
            n.carried_in = carried_in;
        })
    }

    fn night_closed(&mut self) -> Result<(), F::Error> {
        let state = self.state;
        let open = state
            .cases
            .iter()
            .filter(|(_, c)| c.state != CaseState::Closed)
            .filter_map(|(id, _)| case_fact(state, *id))
            .collect();
        self.f.put_open_cases(self.night(), open)
    }

    fn received(&mut self, request: RequestId) -> Result<(), F::Error> {
        let Some(r) = self.state.requests.get(&request) else {
            return Ok(());
        };
        let (night, at) = (self.night(), self.env.at);
        let fact = RequestFact {
            id: request,
            site: r.site.clone(),
            category: r.category,
            source: r.source,
            priority: r.priority,
            band: band(night, at),
            early: self.env.hours == Hours::Early,
            received: at.timestamp(),
            dispatched: None,
            on_site: None,
            ended: None,
            late_corrections: 0,
            district: r.district.clone(),
        };
        self.change(night, |n| n.requests.push(fact))
    }

    fn corrected(&mut self, request: RequestId) -> Result<(), F::Error> {
        let (Some(home), Some(r)) = (self.home(request), self.state.requests.get(&request)) else {
            return Ok(());
        };
        let late = u32::from(home != self.night());
        edit(self.f, home, request, |fact| {
            (fact.site, fact.category) = (r.site.clone(), r.category);
            fact.district = r.district.clone();
            (fact.source, fact.priority) = (r.source, r.priority);
            fact.late_corrections += late;
        })
    }

    fn assigned(&mut self, request: RequestId) -> Result<(), F::Error> {
        let Some(home) = self.home(request) else {
            return Ok(());
        };
        let early = self.env.hours == Hours::Early;
        let fact = InterventionFact {
            request,
            request_night: home,
            early,
        };
        self.change(self.night(), |n| n.interventions.push(fact))?;
        if home != self.night() {
            return Ok(());
        }
        let at = self.env.at.timestamp();
        edit(self.f, home, request, |r| {
            r.dispatched.get_or_insert(at);
        })
    }

    fn arrived(&mut self, request: RequestId) -> Result<(), F::Error> {
        let at = self.env.at.timestamp();
        match self.home(request) {
            Some(home) if home == self.night() => edit(self.f, home, request, |r| {
                r.on_site.get_or_insert(at);
            }),
            _ => Ok(()),
        }
    }

    fn cleared(&mut self) -> Result<(), F::Error> {
        let Event::InterventionCleared {
            request,
            level,
            outcome,
            relays,
            referrals,
            ..
        } = &self.env.event
        else {
            return Ok(());
        };
        let Some(home) = self.home(*request) else {
            return Ok(());
        };
        let fact = ClearanceFact {
            request: *request,
            request_night: home,
            level: *level,
            outcome: *outcome,
            relays: relays.clone(),
            referrals: referrals.clone(),
        };
        self.change(self.night(), |n| n.clearances.push(fact))?;
        // A reinforcement clearing first leaves the request to the team still on it.
        let r = self.state.requests.get(request);
        if r.is_some_and(|r| !r.status.is_terminal()) {
            return Ok(());
        }
        end(self.f, home, *request, self.night(), Ending::Cleared)
    }

    fn relayed(&mut self) -> Result<(), F::Error> {
        let Event::RequestRelayed {
            request, partner, ..
        } = &self.env.event
        else {
            return Ok(());
        };
        let Some(home) = self.home(*request) else {
            return Ok(());
        };
        let fact = RelayFact {
            request: *request,
            request_night: home,
            partner: partner.clone(),
        };
        self.change(self.night(), |n| n.relays.push(fact))?;
        end(self.f, home, *request, self.night(), Ending::Relayed)
    }

    fn ended(&mut self, request: RequestId, how: Ending) -> Result<(), F::Error> {
        match self.home(request) {
            Some(home) => end(self.f, home, request, self.night(), how),
            None => Ok(()),
        }
    }

    fn observed(&mut self) -> Result<(), F::Error> {
        let Event::ObservationRecorded {
            observation,
            site,
            district,
            id,
            ..
        } = &self.env.event
        else {
            return Ok(());
        };
        let fact = ObservationFact {
            kind: *observation,
            site: site.clone(),
            district: district.clone(),
            id: *id,
            recorded: self.env.at.timestamp(),
            transmitted: None,
            acknowledged: None,
            settled: None,
        };
        self.change(self.night(), |n| n.observations.push(fact))
    }

    /// A situation opened or closed, in the list `of` this night's record.
    fn case(
        &mut self,
        case: CaseId,
        of: impl FnOnce(&mut NightFacts) -> &mut Vec<CaseFact>,
    ) -> Result<(), F::Error> {
        match case_fact(self.state, case) {
            Some(c) => self.change(self.night(), |n| of(n).push(c)),
            None => Ok(()),
        }
    }

    fn action(&mut self) -> Result<(), F::Error> {
        let Event::ActionRecorded {
            date,
            action_kind,
            place,
            partners,
            ..
        } = &self.env.event
        else {
            return Ok(());
        };
        let (district, site) = match place {
            ActionPlace::Territory => (None, None),
            ActionPlace::District(d) => (Some(d.clone()), None),
            ActionPlace::Site(s) => (None, Some(s.clone())),
        };
        let fact = ActionFact {
            kind: *action_kind,
            district,
            site,
            partners: partners.clone(),
        };
        self.change(crate::domain::action::action_night(*date), |n| {
            n.actions.push(fact)
        })
    }
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
