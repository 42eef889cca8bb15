//! Keys of the board: moving between panes and rows, taking a call, sending a team, and
//! what a team does (on site, check-in, clearing, statuses, position).

use super::check_in::CheckInForm;
use super::form::Open;
use super::form::clear::ClearForm;
use super::form::request::RequestForm;
use super::place::{PlaceForm, Purpose};
use super::respond::{commit, open_night, say};
use super::{Action, AppState, Effect, Mode, Pane, board, confirm};
use crate::domain::ids::RequestId;
use crate::domain::vocab::{Position, TeamStatus};
use crate::domain::{Command, Refusal};
use crate::i18n::notice::Notice;

pub(super) fn keys(app: &mut AppState, action: Action) -> Vec<Effect> {
    match action {
        Action::Select(pane, row) => {
            app.focus = pane;
            app.select_row(pane, row);
        }
        Action::Up => app.move_selection(app.focus, -1),
        Action::Down => app.move_selection(app.focus, 1),
        Action::NextPane => app.focus = app.focus.next(),
        Action::PrevPane => app.focus = app.focus.prev(),
        Action::Back => app.notice = None,
        Action::NewRequest if app.domain.open_night().is_none() => {
            let effects = open_night(app);
            app.notice = Some(Notice::OpenNightFirst);
            return effects;
        }
        Action::NewRequest => {
            app.mode = Mode::NewRequest(Box::new(Open::new(RequestForm::default())))
        }
        Action::Dispatch => return dispatch(app),
        Action::Detail
        | Action::Correct
        | Action::SettleByPhone
        | Action::CloseRequest
        | Action::Callback
        | Action::NextCallback => return super::request_keys::keys(app, action),
        Action::Arrive
        | Action::Contact
        | Action::Recall
        | Action::IssueCode
        | Action::Clear
        | Action::Locate
        | Action::SetStatus(_) => return team_action(app, action),
        _ => {}
    }
    Vec::new()
}

fn dispatch(app: &mut AppState) -> Vec<Effect> {
    let Some(request) = selected_request(app) else {
        return say(app, Notice::SelectRequest);
    };
    if board::teams(app).is_empty() {
        return say(app, Notice::NoTeams);
    }
    app.mode = Mode::Dispatch(Box::new(super::dispatch::open(app, request)));
    Vec::new()
}

fn selected_request(app: &AppState) -> Option<RequestId> {
    (app.focus == Pane::Requests)
        .then(|| app.selected_request())
        .flatten()
}

/// The team the action is about: the selected team, or the team on the selected request.
fn selected_team(app: &AppState) -> Option<String> {
    match app.focus {
        Pane::Teams => app.selected_team(),
        Pane::Requests => {
            let id = app.selected_request()?;
            app.domain.requests.get(&id).and_then(|r| r.team.clone())
        }
        Pane::Cases => None,
    }
}

fn team_action(app: &mut AppState, action: Action) -> Vec<Effect> {
    let Some(team) = selected_team(app) else {
        return say(app, Notice::SelectTeam);
    };
    for_team(app, team, action)
}

/// What a key does to `team` (the board's finger, or a team named on the `:` line). A key
/// that cannot apply says so before a form opens; an irreversible one asks first.
pub(super) fn for_team(app: &mut AppState, team: String, action: Action) -> Vec<Effect> {
    if let Some(notice) = cannot(app, &team, &action) {
        return say(app, notice);
    }
    let command = match action {
        Action::Arrive => Command::Arrive { team },
        Action::Contact => {
            app.mode = Mode::CheckIn(Box::new(Open::new(CheckInForm::new(team))));
            return Vec::new();
        }
        Action::Recall => match confirm::recall(app, &team) {
            Ok(question) => return confirm::ask(app, question),
            Err(notice) => return say(app, notice),
        },
        Action::Locate => return open_place(app, team, Purpose::Move),
        Action::IssueCode => return vec![Effect::IssueTeamCode(team)],
        // Active presence happens at a point the coordinator targets.
        Action::SetStatus(TeamStatus::ActivePresence) => {
            return open_place(app, team, Purpose::Presence);
        }
        Action::SetStatus(status) => Command::SetTeamStatus {
            team,
            status,
            position: (status == TeamStatus::OffDuty).then_some(Position::Base),
        },
        Action::Clear => {
            app.mode = Mode::Clear(Box::new(Open::new(clear_form(app, team))));
            return Vec::new();
        }
        _ => return Vec::new(),
    };
    commit(app, vec![command])
}

/// Why `action` cannot apply to `team`, said before any form opens: clearing a team with no
/// request, sending a busy team to a targeted point, a status the team already has.
fn cannot(app: &AppState, team: &str, action: &Action) -> Option<Notice> {
    let t = app.domain.teams.get(team)?;
    let busy = t
        .assignment
        .and_then(|(r, _)| app.domain.requests.get(&r))
        .map(|r| r.number);
    let team = team.to_string();
    match (action, busy) {
        (Action::Clear, None) => Some(Notice::Refused(Refusal::TeamNotAssigned { team })),
        (Action::SetStatus(_), Some(request)) => {
            Some(Notice::Refused(Refusal::TeamBusy { team, request }))
        }
        (Action::SetStatus(status), None)
            if t.status() == *status && *status != TeamStatus::ActivePresence =>
        {
            Some(Notice::Already {
                team,
                status: *status,
            })
        }
        _ => None,
    }
}

fn open_place(app: &mut AppState, team: String, purpose: Purpose) -> Vec<Effect> {
    let mut form = PlaceForm::new(team, purpose);
    if purpose == Purpose::Presence {
        form = form.with_plan(super::plan::spots(app));
    }
    app.mode = Mode::Place(Box::new(Open::new(form)));
    Vec::new()
}

/// The clearing form of `team`, offering the open situations at its request's site.
fn clear_form(app: &AppState, team: String) -> ClearForm {
    let site = app
        .domain
        .teams
        .get(&team)
        .and_then(|tm| tm.assignment)
        .and_then(|(r, _)| app.domain.requests.get(&r))
        .map(|r| r.site.clone());
    let cases = board::open_cases(app)
        .iter()
        .filter(|c| Some(&c.site) == site.as_ref())
        .map(|c| c.id)
        .collect();
    ClearForm::new(team, cases)
}

/// Keys in a request's detail: Esc or Enter close it, the request's keys work from it.
pub(super) fn detail(app: &mut AppState, action: Action) -> Vec<Effect> {
    let Mode::Detail(request) = app.mode else {
        return Vec::new();
    };
    app.mode = Mode::Normal;
    match action {
        Action::Back | Action::Detail => Vec::new(),
        // Ctrl-C quits from anywhere; nothing is being typed here.
        Action::Quit => vec![Effect::Quit],
        action => {
            app.focus = Pane::Requests;
            app.selection.request = Some(request);
            keys(app, action)
        }
    }
}
