//! The teams' safety in the state: a check-in that reported something, a step of a missed
//! one. (A plain contact is the team's own `team_contacted`.)

use super::State;
use crate::domain::event::{Envelope, Event};
use crate::domain::safety::Reported;

pub(super) fn apply(state: &mut State, env: &Envelope) {
    let at = env.at;
    match &env.event {
        Event::CheckInReported { team, word } => {
            if let Some(t) = state.teams.get_mut(team) {
                t.heard(at);
                t.reported = Some(Reported { word: *word, at });
            }
        }
        Event::CheckInMissed { team, step, .. } => {
            if let Some(t) = state.teams.get_mut(team) {
                t.missed = Some(*step);
            }
        }
        _ => {}
    }
}
