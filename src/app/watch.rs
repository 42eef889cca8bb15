//! How long a team out in the field has been silent, against its status's threshold: the
//! clock of the check-ins, which the board's colours and the recorded steps both read.

use super::Thresholds;
use crate::domain::safety::{MissedStep, is_watched};
use crate::domain::state::Team;
use crate::domain::vocab::TeamStatus;
use chrono::{DateTime, Utc};

impl Thresholds {
    /// Minutes a team in `status` may go without a check-in; `None`: not watched.
    pub fn check_in(&self, status: TeamStatus) -> Option<i64> {
        match status {
            TeamStatus::EnRoute => Some(self.en_route),
            TeamStatus::OnSite => Some(self.contact),
            TeamStatus::ActivePresence => Some(self.presence),
            _ => None,
        }
    }
}

/// Minutes since the team was heard from, and the step its silence reached (only for a
/// team out in the field).
pub fn silence(team: &Team, now: DateTime<Utc>, t: &Thresholds) -> (i64, Option<MissedStep>) {
    let since = (now - team.last_contact).num_minutes().max(0);
    let step = t
        .check_in(team.status())
        .filter(|_| is_watched(team.status()))
        .and_then(|limit| MissedStep::reached(since, limit));
    (since, step)
}
