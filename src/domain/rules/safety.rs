//! The teams' safety rules: a check-in with its word, and the steps of a missed one.

use crate::domain::decide::Ctx;
use crate::domain::event::Event;
use crate::domain::refusal::Refusal;
use crate::domain::safety::{CheckInWord, MissedStep, is_watched};
use crate::domain::vocab::TeamStatus;

impl Ctx<'_> {
    /// « RAS » is the plain contact it always was; a need or an incident is reported.
    pub(in crate::domain) fn check_in(
        &mut self,
        team: &str,
        word: CheckInWord,
    ) -> Result<(), Refusal> {
        if word == CheckInWord::Ras {
            return self.record_contact(team);
        }
        let t = self.team(team)?;
        if t.status() == TeamStatus::OffDuty {
            return Err(Refusal::TeamOffDuty {
                team: team.to_string(),
            });
        }
        self.emit(Event::CheckInReported {
            team: team.to_string(),
            word,
        });
        Ok(())
    }

    /// A step is recorded once, after the one before, while the team is out and silent for
    /// at least the minutes said (the console says when a threshold is crossed; the rules
    /// keep two desks from recording it twice).
    pub(in crate::domain) fn miss_check_in(
        &mut self,
        team: &str,
        step: MissedStep,
        minutes: u32,
    ) -> Result<(), Refusal> {
        let t = self.team(team)?;
        if !is_watched(t.status()) {
            return Err(Refusal::TeamNotOut {
                team: team.to_string(),
            });
        }
        if t.missed.is_some_and(|m| m >= step) {
            return Err(Refusal::CheckInStepRecorded {
                team: team.to_string(),
                step,
            });
        }
        let silent = (self.at - t.last_contact).num_minutes();
        if i64::from(minutes) > silent {
            return Err(Refusal::TeamHeardSince {
                team: team.to_string(),
                minutes: silent.max(0),
            });
        }
        self.emit(Event::CheckInMissed {
            team: team.to_string(),
            step,
            minutes,
        });
        Ok(())
    }
}
