//! The night's rules: opening it, handing the desk over, closing it.

use crate::domain::calendar::ServiceNight;
use crate::domain::decide::Ctx;
use crate::domain::event::Event;
use crate::domain::refusal::Refusal;

impl Ctx<'_> {
    pub(in crate::domain) fn coordinator(&self, id: &str) -> Result<(), Refusal> {
        match self.territory.coordinator(id) {
            Some(_) => Ok(()),
            None => Err(Refusal::UnknownCoordinator { id: id.to_string() }),
        }
    }

    pub(in crate::domain) fn open_night(&mut self, coordinator: &str) -> Result<(), Refusal> {
        let night = ServiceNight::of(self.at);
        if let Some(current) = &self.state.night {
            if current.is_open() {
                return Err(if current.night == night {
                    Refusal::NightAlreadyOpen { night }
                } else {
                    Refusal::PreviousNightOpen {
                        night: current.night,
                    }
                });
            }
            if current.night == night {
                return Err(Refusal::NightAlreadyClosed { night });
            }
        }
        self.coordinator(coordinator)?;
        self.emit(Event::NightOpened {
            night,
            coordinator: coordinator.to_string(),
        });
        Ok(())
    }

    pub(in crate::domain) fn change_coordinator(
        &mut self,
        coordinator: &str,
    ) -> Result<(), Refusal> {
        self.night()?;
        self.coordinator(coordinator)?;
        self.emit(Event::CoordinatorChanged {
            coordinator: coordinator.to_string(),
        });
        Ok(())
    }

    pub(in crate::domain) fn close_night(&mut self) -> Result<(), Refusal> {
        let night = self.night()?.night;
        let count = self.undecided()?;
        if count > 0 {
            return Err(Refusal::UndecidedRequests { count });
        }
        // Nothing may fall between two shifts: a team still out is dealt with first.
        if let Some(t) = self.state.teams.values().find(|t| t.assignment.is_some())
            && let Some((request, _)) = t.assignment
        {
            let number = self.request(request)?.number;
            return Err(Refusal::TeamStillOut {
                team: t.call_sign.clone(),
                request: number,
            });
        }
        self.emit(Event::NightClosed { night });
        Ok(())
    }
}
