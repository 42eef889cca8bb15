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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::runtime::StoreDesk;
    use crate::store::Store;

    #[test]
    fn the_code_goes_back_to_the_console_and_only_its_hash_to_the_journal() {
        let dir = tempfile::tempdir().unwrap();
        let territory = crate::territory::rennes().unwrap();
        let store = Store::open(dir.path(), territory).unwrap();
        let mut desk = StoreDesk::new(store, Lang::Fr);
        let now = Utc::now();
        let night = [
            Command::OpenNight {
                coordinator: "nadia-b".into(),
            },
            Command::ComposeTeam {
                team: "E1".into(),
                members: vec!["samir-k".into(), "loic-m".into()],
                equipment: None,
            },
        ];
        desk.commit(&night, now).unwrap();
        let Action::TeamCodeIssued {
            team,
            code: plain,
            written,
        } = issue(&mut desk, "E1", now)
        else {
            panic!("the code is issued");
        };
        assert_eq!(team, "E1");
        let hash = desk.store().state().teams["E1"].code.clone().unwrap();
        assert!(code::verify(&plain, &hash));
        let journal = serde_json::to_string(&written.envelopes).unwrap();
        assert!(
            !journal.contains(&plain),
            "the plain code is not in the journal"
        );
        // A team that does not exist: refused in words, nothing written.
        assert!(matches!(issue(&mut desk, "E9", now), Action::Failed(_)));
    }
}
