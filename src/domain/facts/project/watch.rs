//! The facts of the watch's lifecycle, the night's plan and the presence at its points.

use super::*;
use crate::domain::ids::ObservationId;
use crate::domain::plan::PlanTally;
use crate::domain::vocab::TeamStatus;

impl<F: Facts> Projection<'_, F> {
    /// A step of an observation's lifecycle, written on its fact in its own night.
    pub(super) fn watch_step(&mut self) -> Result<(), F::Error> {
        let at = self.env.at.timestamp();
        let (ids, step): (Vec<ObservationId>, Step) = match &self.env.event {
            Event::ObservationTransmitted { observations, .. } => {
                (observations.clone(), Step::Transmitted)
            }
            Event::ObservationAcknowledged { observation, .. } => {
                (vec![*observation], Step::Acknowledged)
            }
            Event::ObservationSettled {
                observation,
                ending,
            } => (vec![*observation], Step::Settled(*ending)),
            _ => return Ok(()),
        };
        for id in ids {
            let Some(home) = self.state.observations.get(&id).map(|o| o.night) else {
                continue;
            };
            let mut n = self.f.facts(home)?;
            if let Some(o) = n.observations.iter_mut().find(|o| o.id == Some(id)) {
                match step {
                    Step::Transmitted => o.transmitted = Some(at),
                    Step::Acknowledged => o.acknowledged = Some(at),
                    Step::Settled(e) => o.settled = Some((at, e)),
                }
                self.f.put_facts(home, n)?;
            }
        }
        Ok(())
    }

    /// The night's plan as it stands after the event.
    pub(super) fn plan(&mut self) -> Result<(), F::Error> {
        let night = self.night();
        let tally = PlanTally::of(self.state.plan.values().filter(|i| i.night == night));
        self.change(night, |n| n.plan.tally = tally)
    }

    /// A team leaves active presence: if it began with a passage at a point of the plan,
    /// its length counts as presence at targeted points.
    pub(super) fn presence_ended(&mut self, team: &str) -> Result<(), F::Error> {
        let Some(t) = self.state.teams.get(team) else {
            return Ok(());
        };
        let n = t.history.len();
        let Some(prev) = n.checked_sub(2).and_then(|i| t.history.get(i)) else {
            return Ok(());
        };
        let at_point = self
            .state
            .plan
            .values()
            .any(|i| i.passages.iter().any(|p| p.team == team && p.at == prev.at));
        if prev.status != TeamStatus::ActivePresence || !at_point {
            return Ok(());
        }
        let seconds = (self.env.at - prev.at).num_seconds().max(0);
        self.change(self.night(), |n| n.plan.presence_s += seconds)
    }
}

#[derive(Clone, Copy)]
enum Step {
    Transmitted,
    Acknowledged,
    Settled(crate::domain::watch::WatchEnding),
}
