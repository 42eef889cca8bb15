//! Irreversible keys ask first. Closing the night shows what is still out — teams not back,
//! requests still open — and asks; recalling a team asks. The question holds the commands
//! it writes when the answer is yes; no writes nothing.

pub use super::question::{Ask, Confirm, Out};
use super::respond::{commit, say};
use super::{Action, AppState, Effect, Mode, board, safety};
use crate::domain::Command;
use crate::domain::Refusal;
use crate::domain::vocab::{Position, TeamStatus};
use crate::i18n::notice::Notice;

/// `C` (or `:cloturer`): what is still out, and the question.
pub fn close_night(app: &AppState) -> Confirm {
    let number = |r| app.domain.requests.get(&r).map(|r| r.number);
    let teams = board::teams(app)
        .into_iter()
        .filter(|t| {
            let home = t.status() == TeamStatus::Available && t.position == Position::Base;
            t.status() != TeamStatus::OffDuty && !home
        })
        .map(|t| Out {
            team: t.call_sign.clone(),
            status: t.status(),
            position: t.position.clone(),
            request: t.assignment.and_then(|(r, _)| number(r)),
        })
        .collect();
    let night = app.domain.open_night().map(|n| n.night);
    let open = board::open_requests(app)
        .into_iter()
        .map(|r| (r.number, night.is_some_and(|n| r.carried_over.contains(&n))))
        .collect();
    let escalated = safety::escalated(app)
        .into_iter()
        .map(|t| t.call_sign.clone())
        .collect();
    Confirm {
        ask: Ask::CloseNight {
            undecided: 0,
            teams,
            open,
            escalated,
        },
        commands: vec![Command::CloseNight],
    }
}

/// Closing the night, asked from the handover screen or the `:` line: the question, with
/// what is still out and how many requests are still to decide (`undecided`).
pub fn closing(app: &AppState, undecided: usize) -> Result<Confirm, Notice> {
    if app.domain.open_night().is_none() {
        return Err(Notice::Refused(Refusal::NoNightOpen));
    }
    let mut question = close_night(app);
    if let Ask::CloseNight { undecided: u, .. } = &mut question.ask {
        *u = undecided;
    }
    Ok(question)
}

/// `R` on a team: it must be on a request to be recalled from it (said before asking).
pub fn recall(app: &AppState, team: &str) -> Result<Confirm, Notice> {
    let assigned = app.domain.teams.get(team).and_then(|t| t.assignment);
    let request = assigned
        .and_then(|(r, _)| app.domain.requests.get(&r))
        .map(|r| r.number);
    let Some(request) = request else {
        return Err(Notice::Refused(Refusal::TeamNotAssigned {
            team: team.to_string(),
        }));
    };
    Ok(Confirm {
        ask: Ask::Recall {
            team: team.to_string(),
            request,
        },
        commands: vec![Command::Recall {
            team: team.to_string(),
        }],
    })
}

/// Opens the question.
pub fn ask(app: &mut AppState, confirm: Confirm) -> Vec<Effect> {
    app.mode = Mode::Confirm(Box::new(confirm));
    Vec::new()
}

/// Yes writes; no (or Esc) writes nothing; Ctrl-C quits.
pub(super) fn keys(app: &mut AppState, action: Action) -> Vec<Effect> {
    let Mode::Confirm(confirm) = &app.mode else {
        return Vec::new();
    };
    match action {
        // Requests still to decide: said, not tried.
        Action::Submit => match &confirm.ask {
            Ask::CloseNight { undecided, .. } if *undecided > 0 => {
                let count = *undecided;
                app.mode = Mode::Normal;
                say(app, Notice::RequestsToDecide { count })
            }
            _ => {
                let commands = confirm.commands.clone();
                app.mode = Mode::Normal;
                commit(app, commands)
            }
        },
        Action::Back => {
            app.mode = Mode::Normal;
            say(app, Notice::NothingWritten)
        }
        Action::Quit => vec![Effect::Quit],
        _ => Vec::new(),
    }
}
