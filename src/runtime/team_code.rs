//! A team's phone sign-in code, at the edge: drawn from the system's CSPRNG, hashed with
//! argon2, the hash committed (`IssueTeamCode`); the plain code goes back to the console
//! as an action and nowhere else.

use crate::app::{Action, Desk, Failure};
use crate::domain::Command;
use crate::field::code;
use chrono::{DateTime, Utc};

pub fn issue(desk: &mut dyn Desk, team: &str, now: DateTime<Utc>) -> Action {
    let plain = code::generate();
    let hash = match code::hash(&plain) {
        Ok(h) => h,
        Err(_) => return Action::Failed(Failure::Refused(crate::domain::Refusal::MalformedCode)),
    };
    let command = Command::IssueTeamCode {
        team: team.to_string(),
        hash,
    };
    match desk.commit(&[command], now) {
        Ok(written) => Action::TeamCodeIssued {
            team: team.to_string(),
            code: plain,
            written,
        },
        Err(failure) => Action::Failed(failure),
    }
}
