//! A team's phone code from the console: K on the board or `:code E1` asks the runtime
//! for one (an effect); what the runtime answers is applied, and the code stays in this
//! console's memory beside the team. A phone's incident rings like the desk's own.

use super::*;
use crate::domain::safety::CheckInWord;

#[test]
fn k_and_the_code_verb_ask_the_runtime_for_a_teams_code() {
    let mut d = Desk::night();
    d.focus_team("E1");
    assert_eq!(
        d.act(Action::IssueCode),
        vec![Effect::IssueTeamCode("E1".into())]
    );
    let effects = d.command("code E2");
    assert!(
        effects.contains(&Effect::IssueTeamCode("E2".into())),
        "{effects:?}"
    );
    assert!(d.desk.written.is_empty(), "the runtime commits, not update");
}

#[test]
fn an_issued_code_is_kept_in_memory_and_said_once_in_the_footer() {
    let mut d = Desk::night();
    let now = d.app.now;
    let hash = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo".to_string();
    let written = d
        .desk
        .execute(
            &[Command::IssueTeamCode {
                team: "E1".into(),
                hash: hash.clone(),
            }],
            now,
        )
        .unwrap();
    update(
        &mut d.app,
        Action::TeamCodeIssued {
            team: "E1".into(),
            code: "ABCDEFGHJK".into(),
            written,
        },
    );
    assert_eq!(d.team("E1").code.as_deref(), Some(hash.as_str()));
    assert_eq!(d.app.team_codes["E1"], "ABCDEFGHJK");
    let said = d.info().unwrap();
    assert!(
        said.contains("ABCDE FGHJK") && said.contains("E1"),
        "{said}"
    );
    // The journal keeps the hash only; a refused hash is said in words.
    let refused = d.desk.execute(
        &[Command::IssueTeamCode {
            team: "E1".into(),
            hash: "plain".into(),
        }],
        now,
    );
    assert!(refused.is_err());
}

#[test]
fn a_phones_incident_rings_and_is_said_at_the_desk() {
    let mut d = Desk::night();
    let now = d.app.now;
    let written = d
        .desk
        .execute(
            &[Command::CheckIn {
                team: "E1".into(),
                word: CheckInWord::Incident,
            }],
            now,
        )
        .unwrap();
    let effects = update(&mut d.app, Action::WorldMoved(written));
    assert_eq!(effects, vec![Effect::Bell]);
    assert!(d.app.notice.is_some());
    // A plain « RAS » from a phone does not ring.
    let written = d
        .desk
        .execute(
            &[Command::CheckIn {
                team: "E2".into(),
                word: CheckInWord::Ras,
            }],
            now,
        )
        .unwrap();
    assert!(update(&mut d.app, Action::WorldMoved(written)).is_empty());
}
