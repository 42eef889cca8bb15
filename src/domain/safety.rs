//! The teams' safety: what a check-in says, and the steps of a check-in missed. A team out
//! of base (en route, on site, in active presence) is expected to call in; when it does
//! not, the console records amber, then red, then an escalation, each once, until the team
//! is heard from again.

use super::vocab::TeamStatus;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// What a team says when it calls in.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum CheckInWord {
    /// « RAS »: nothing to report, all well.
    #[default]
    Ras,
    /// The team asks for another team.
    Reinforcement,
    /// Something happened: the coordinator is alerted and the logbook says so.
    Incident,
}

impl CheckInWord {
    pub const ALL: &'static [CheckInWord] = &[
        CheckInWord::Ras,
        CheckInWord::Reinforcement,
        CheckInWord::Incident,
    ];
}

/// How far a missed check-in went: amber past the threshold, red past twice, escalated
/// past three times (it stays on the board until the team is heard from).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MissedStep {
    Amber,
    Red,
    Escalated,
}

impl MissedStep {
    pub const ALL: &'static [MissedStep] =
        &[MissedStep::Amber, MissedStep::Red, MissedStep::Escalated];

    /// The step reached after `minutes` of silence against a threshold of `threshold`.
    pub fn reached(minutes: i64, threshold: i64) -> Option<MissedStep> {
        let t = threshold.max(1);
        match minutes {
            m if m >= 3 * t => Some(MissedStep::Escalated),
            m if m >= 2 * t => Some(MissedStep::Red),
            m if m >= t => Some(MissedStep::Amber),
            _ => None,
        }
    }
}

/// Statuses in which a team is out in the field and must call in.
pub fn is_watched(status: TeamStatus) -> bool {
    matches!(
        status,
        TeamStatus::EnRoute | TeamStatus::OnSite | TeamStatus::ActivePresence
    )
}

/// A check-in that reported something (a need for reinforcement, an incident): it stays
/// on the team until a plain « RAS » check-in or the end of its intervention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reported {
    pub word: CheckInWord,
    pub at: DateTime<Utc>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_follow_the_threshold_twice_and_three_times() {
        assert_eq!(MissedStep::reached(19, 20), None);
        assert_eq!(MissedStep::reached(20, 20), Some(MissedStep::Amber));
        assert_eq!(MissedStep::reached(39, 20), Some(MissedStep::Amber));
        assert_eq!(MissedStep::reached(40, 20), Some(MissedStep::Red));
        assert_eq!(MissedStep::reached(60, 20), Some(MissedStep::Escalated));
        assert!(MissedStep::Amber < MissedStep::Red && MissedStep::Red < MissedStep::Escalated);
        assert!(is_watched(TeamStatus::ActivePresence) && !is_watched(TeamStatus::Break));
    }
}
