//! The nights the handover screen is built from, kept as the store keeps its night records:
//! each envelope the console applies is projected with the domain's own `project`, so the
//! screen never asks the store again.

use crate::domain::State;
use crate::domain::calendar::ServiceNight;
use crate::domain::event::Envelope;
use crate::domain::state::{Case, Request};
use crate::domain::views::{NightRecord, Views, project};
use std::collections::BTreeMap;
use std::convert::Infallible;

/// How many nights are kept: the one shown and the one under way are all a screen needs.
const KEEP: usize = 3;

#[derive(Debug, Clone, Default)]
pub struct Nights {
    records: BTreeMap<ServiceNight, NightRecord>,
    events: BTreeMap<ServiceNight, Vec<Envelope>>,
}

impl Nights {
    pub fn load(nights: Vec<(NightRecord, Vec<Envelope>)>) -> Nights {
        let mut n = Nights::default();
        for (record, events) in nights {
            n.events.insert(record.night, events);
            n.records.insert(record.night, record);
        }
        n
    }

    /// One envelope, read against the state just after it was applied.
    pub fn apply(&mut self, state: &State, env: &Envelope) {
        let Ok(()) = project(self, state, env);
        self.events.entry(env.night).or_default().push(env.clone());
        while self.records.len() > KEEP {
            let oldest = *self.records.keys().next().unwrap_or(&env.night);
            if oldest == env.night {
                break;
            }
            self.records.remove(&oldest);
            self.events.remove(&oldest);
        }
    }

    /// The night whose handover is shown: the open one, else the last handed over, else
    /// the last recorded; with its events.
    pub fn shown(&self, state: &State) -> Option<(&NightRecord, &[Envelope])> {
        let night = state
            .open_night()
            .map(|n| n.night)
            .or(state.handover.as_ref().map(|h| h.night));
        let record = match night {
            Some(n) => self.records.get(&n),
            None => self.records.values().next_back(),
        }?;
        let events = self
            .events
            .get(&record.night)
            .map_or(&[][..], Vec::as_slice);
        Some((record, events))
    }

    pub fn record(&self, night: ServiceNight) -> Option<&NightRecord> {
        self.records.get(&night)
    }
}

impl Views for Nights {
    type Error = Infallible;
    fn night(&mut self, night: ServiceNight) -> Result<Option<NightRecord>, Infallible> {
        Ok(self.records.get(&night).cloned())
    }
    fn put_night(&mut self, record: NightRecord) -> Result<(), Infallible> {
        self.records.insert(record.night, record);
        Ok(())
    }
    fn put_request(&mut self, _: &Request) -> Result<(), Infallible> {
        Ok(())
    }
    fn put_case(&mut self, _: &Case) -> Result<(), Infallible> {
        Ok(())
    }
}
