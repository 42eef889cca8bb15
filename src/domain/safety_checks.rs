//! The import's checks for the teams' safety events, as `decide` checked them: a missed
//! check-in only while its team is out in the field, each step after the last one recorded
//! since the team was heard from, never longer than its silence; a reported check-in says
//! something (a plain « RAS » is `team_contacted`).

use super::event::{Envelope, Event};
use super::safety::{CheckInWord, is_watched};
use super::state::State;

/// The team whose safety event does not follow from the state before it, if any.
pub fn out_of_order(state: &State, env: &Envelope) -> Option<String> {
    match &env.event {
        Event::CheckInReported { team, word } => (*word == CheckInWord::Ras).then(|| team.clone()),
        Event::CheckInMissed {
            team,
            step,
            minutes,
        } => {
            let t = state.teams.get(team)?;
            let silent = (env.at - t.last_contact).num_minutes();
            let fits = is_watched(t.status())
                && t.missed.is_none_or(|m| m < *step)
                && i64::from(*minutes) <= silent;
            (!fits).then(|| team.clone())
        }
        _ => None,
    }
}
