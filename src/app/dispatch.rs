//! The team picker: which team goes to a request. The cursor starts on the suggested team
//! (the nearest free one) and moves by team, never by a row number that a change could
//! shift under it.

pub use super::mode::Picker;
use super::{Action, AppState, Effect, Mode, board};
use crate::domain::Command;
use crate::domain::ids::RequestId;

/// Opens on the suggested team (the nearest free one), else the first.
pub fn open(app: &AppState, request: RequestId) -> Picker {
    let team = board::suggested_team(app, request)
        .or_else(|| board::teams(app).first().map(|t| t.call_sign.clone()));
    Picker { request, team }
}

/// The cursor's row among the teams.
pub fn cursor(app: &AppState, picker: &Picker) -> usize {
    let teams = board::teams(app);
    teams
        .iter()
        .position(|t| Some(&t.call_sign) == picker.team.as_ref())
        .unwrap_or(0)
}

/// Keys in the team picker.
pub(super) fn keys(app: &mut AppState, action: Action) -> Vec<Effect> {
    let Mode::Dispatch(picker) = &app.mode else {
        return Vec::new();
    };
    let at = cursor(app, picker);
    let names: Vec<String> = board::teams(app)
        .iter()
        .map(|t| t.call_sign.clone())
        .collect();
    let request = picker.request;
    let to = match action {
        Action::Up => at.saturating_sub(1),
        Action::Down => (at + 1).min(names.len().saturating_sub(1)),
        Action::Submit => {
            let Some(team) = names.get(at).cloned() else {
                return Vec::new();
            };
            // A team already on it: this one goes as a reinforcement.
            let handled = app
                .domain
                .requests
                .get(&request)
                .is_some_and(|r| r.team.is_some());
            let command = match handled {
                true => Command::Reinforce { request, team },
                false => Command::Dispatch { request, team },
            };
            return super::respond::commit(app, vec![command]);
        }
        Action::Back | Action::Quit => {
            app.mode = Mode::Normal;
            left_waiting(app);
            return Vec::new();
        }
        _ => return Vec::new(),
    };
    if let Mode::Dispatch(picker) = &mut app.mode {
        picker.team = names.get(to).cloned();
    }
    Vec::new()
}

/// Esc in the picker opened after saving: the footer no longer offers to send a team.
fn left_waiting(app: &mut AppState) {
    if let Some(crate::i18n::notice::Notice::Request(
        crate::i18n::request_notice::RequestNotice::SavedSendTeam { number, .. },
    )) = app.notice
    {
        app.notice = Some(crate::i18n::notice::Notice::RequestRecorded { number });
    }
}
