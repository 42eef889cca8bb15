//! The watch's rules: where an observation is, its lifecycle (transmitted, acknowledged,
//! settled), and the follow-up of a relay engaged on a request.

use crate::domain::command::NewObservation;
use crate::domain::decide::Ctx;
use crate::domain::event::Event;
use crate::domain::ids::{ObservationId, RequestId};
use crate::domain::personal::PersonalKind;
use crate::domain::refusal::Refusal;
use crate::domain::watch::{
    Channel, Observation, RelayStep, WatchCommand, WatchEnding, WatchRefusal,
};

impl Ctx<'_> {
    pub(in crate::domain) fn watch(&mut self, w: &WatchCommand) -> Result<(), Refusal> {
        match w {
            WatchCommand::Transmit {
                observations,
                channel,
            } => self.transmit(observations, *channel),
            WatchCommand::Acknowledge {
                observation,
                answer,
            } => self.acknowledge_observation(*observation, answer.as_deref()),
            WatchCommand::Settle {
                observation,
                ending,
            } => self.settle_observation(*observation, *ending),
            WatchCommand::FollowRelay {
                request,
                partner,
                step,
            } => self.follow_relay(*request, partner, *step),
        }
    }

    /// The next observation id (one observation per command), from 1.
    pub(in crate::domain) fn next_observation(&self) -> ObservationId {
        ObservationId(self.state.counters.observation.max(1))
    }

    /// The entrance (one of the site's) and the free address (with a district), cleaned.
    pub(in crate::domain) fn observation_place(
        &self,
        o: &NewObservation,
    ) -> Result<(Option<String>, Option<String>), Refusal> {
        let entrance = self.text(o.entrance.as_deref())?;
        if let Some(e) = &entrance {
            let site = o.site.as_deref().and_then(|s| self.territory.site(s));
            if !site.is_some_and(|s| s.entrances.iter().any(|x| x == e)) {
                return Err(WatchRefusal::UnknownEntrance {
                    site: o.site.clone().unwrap_or_default(),
                    entrance: e.clone(),
                }
                .into());
            }
        }
        let address = self.text(o.address.as_deref())?;
        if address.is_some() && o.district.is_none() {
            return Err(WatchRefusal::AddressWithoutDistrict.into());
        }
        Ok((entrance, address))
    }

    fn observation(&self, id: ObservationId) -> Result<&Observation, Refusal> {
        let o = self
            .state
            .observations
            .get(&id)
            .ok_or(WatchRefusal::UnknownObservation { id })?;
        if o.status().is_settled() {
            return Err(WatchRefusal::ObservationSettled { id }.into());
        }
        Ok(o)
    }

    fn transmit(&mut self, ids: &[ObservationId], channel: Channel) -> Result<(), Refusal> {
        let mut fresh = Vec::new();
        for id in ids {
            let o = self
                .state
                .observations
                .get(id)
                .ok_or(WatchRefusal::UnknownObservation { id: *id })?;
            if o.transmitted_at.is_none() && !o.status().is_settled() && !fresh.contains(id) {
                fresh.push(*id);
            }
        }
        if fresh.is_empty() {
            return Err(WatchRefusal::NothingToTransmit.into());
        }
        self.emit(Event::ObservationTransmitted {
            observations: fresh,
            channel,
        });
        Ok(())
    }

    fn acknowledge_observation(
        &mut self,
        id: ObservationId,
        answer: Option<&str>,
    ) -> Result<(), Refusal> {
        let o = self.observation(id)?;
        if o.transmitted_at.is_none() {
            return Err(WatchRefusal::NotTransmitted { id }.into());
        }
        if o.acknowledged_at.is_some() {
            return Err(WatchRefusal::AlreadyAcknowledged { id }.into());
        }
        let answer = self.note(PersonalKind::ObservationNote, answer)?;
        self.emit(Event::ObservationAcknowledged {
            observation: id,
            answer,
        });
        Ok(())
    }

    fn settle_observation(
        &mut self,
        id: ObservationId,
        ending: WatchEnding,
    ) -> Result<(), Refusal> {
        self.observation(id)?;
        self.emit(Event::ObservationSettled {
            observation: id,
            ending,
        });
        Ok(())
    }

    /// A step of a relay: `Called` engages a partner before the clearance; the others need
    /// the partner engaged (called, in a clearance, or handed the request) and not arrived.
    fn follow_relay(
        &mut self,
        request: RequestId,
        partner: &str,
        step: RelayStep,
    ) -> Result<(), Refusal> {
        self.night()?;
        self.partners(&[partner.to_string()])?;
        let r = self.request(request)?;
        let steps: Vec<RelayStep> = self
            .state
            .relay_steps
            .iter()
            .filter(|s| s.request == request && s.partner == partner)
            .map(|s| s.step)
            .collect();
        let engaged = steps.contains(&RelayStep::Called)
            || r.relayed_to.as_deref() == Some(partner)
            || r.interventions
                .iter()
                .any(|i| i.relays.iter().any(|p| p == partner));
        // Refusals name the partner as the directory does.
        let name = self
            .territory
            .partner(partner)
            .map_or(partner.to_string(), |p| p.name.clone());
        let named = || (r.number, name.clone());
        if step != RelayStep::Called && !engaged {
            let (request, partner) = named();
            return Err(WatchRefusal::RelayNotEngaged { request, partner }.into());
        }
        if step == RelayStep::Called && engaged {
            let (request, partner) = named();
            return Err(WatchRefusal::RelayEngaged { request, partner }.into());
        }
        if steps.contains(&RelayStep::Arrived) {
            let (request, partner) = named();
            return Err(WatchRefusal::RelayArrived { request, partner }.into());
        }
        self.emit(Event::RelayFollowed {
            request,
            partner: partner.to_string(),
            step,
        });
        Ok(())
    }
}
