//! A phone's action: the form it sent, read into the same domain command the desk sends.
//! The team is always the session's: a field naming another team is never read.

use super::http::{field, fields};
use super::view::unslug;
use crate::domain::command::{CaseLink, Clearance, NewObservation};
use crate::domain::ids::PlanItemId;
use crate::domain::plan::PlanCommand;
use crate::domain::safety::CheckInWord;
use crate::domain::vocab::{ObservationKind, Outcome, ResponseLevel};
use crate::domain::{Command, State};

/// The longest client id the phone may send (the store keeps `team:id`, at most 64).
pub const MAX_ID: usize = 48;

/// A client id as sent: letters, digits, `-` and `_`, not empty, not too long.
pub fn client_id(pairs: &[(String, String)]) -> Option<&str> {
    field(pairs, "id").filter(|id| {
        !id.is_empty()
            && id.len() <= MAX_ID
            && id
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    })
}

fn text(pairs: &[(String, String)], name: &str) -> Option<String> {
    field(pairs, name)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// The command of the form `do=…`, for `team`; `None` when the form is not one.
pub fn command(pairs: &[(String, String)], team: &str, state: &State) -> Option<Command> {
    let team = team.to_string();
    Some(match field(pairs, "do")? {
        // Dispatch already set the team en route: the phone says it heard (a contact).
        "en_route" => Command::RecordContact { team },
        "arrive" => Command::Arrive { team },
        "clear" => Command::Clear(Clearance {
            team,
            level: unslug::<ResponseLevel>(field(pairs, "level")?)?,
            outcome: unslug::<Outcome>(field(pairs, "outcome")?)?,
            relays: fields(pairs, "relay")
                .into_iter()
                .map(String::from)
                .collect(),
            referrals: fields(pairs, "referral")
                .into_iter()
                .map(String::from)
                .collect(),
            note: text(pairs, "note"),
            case: CaseLink::None,
        }),
        "check_in" => Command::CheckIn {
            team,
            word: unslug::<CheckInWord>(field(pairs, "word")?)?,
        },
        "observe" => {
            let site = text(pairs, "site");
            // Seen on the assignment when it is at the assignment's site.
            let request = state
                .teams
                .get(&team)
                .and_then(|t| t.assignment)
                .and_then(|(r, _)| state.requests.get(&r))
                .filter(|r| Some(&r.site) == site.as_ref())
                .map(|r| r.id);
            Command::RecordObservation(NewObservation {
                kind: unslug::<ObservationKind>(field(pairs, "kind")?)?,
                site,
                district: None,
                team: Some(team),
                note: text(pairs, "note"),
                entrance: text(pairs, "entrance"),
                address: None,
                request,
            })
        }
        "pass" => Command::Plan(PlanCommand::Pass {
            item: PlanItemId(field(pairs, "item")?.parse().ok()?),
            team,
        }),
        _ => return None,
    })
}
