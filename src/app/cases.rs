//! The situations screen's keys: moving, and what the coordinator records on a situation —
//! a graduated-response step, the next follow-up, watch, reopen, close.

use super::form::Open;
use super::form::date::{DateForm, DatePurpose};
use super::form::step::CaseStepForm;
use super::{Action, AppState, Effect, Mode, Pane};
use crate::domain::Command;
use crate::domain::ids::CaseId;
use crate::domain::vocab::CaseState;
use crate::i18n::notice::Notice;

/// Keys of the situations screen.
pub(super) fn keys(app: &mut AppState, action: Action) -> Vec<Effect> {
    let page = super::log_keys::PAGE;
    match action {
        Action::Up => app.move_selection(Pane::Cases, -1),
        Action::Down => app.move_selection(Pane::Cases, 1),
        Action::PageUp => app.move_selection(Pane::Cases, -page),
        Action::PageDown => app.move_selection(Pane::Cases, page),
        Action::Home => app.select_row(Pane::Cases, 0),
        Action::End => app.select_row(Pane::Cases, usize::MAX),
        Action::Back => app.notice = None,
        Action::Select(Pane::Cases, row) => app.select_row(Pane::Cases, row),
        Action::CaseStep
        | Action::FollowUp
        | Action::Watch
        | Action::Reopen
        | Action::CloseCase => {
            let Some(case) = app.selected_case() else {
                return super::respond::say(app, Notice::SelectCase);
            };
            if app.domain.open_night().is_none() {
                return super::respond::say(app, Notice::NeedOpenNight);
            }
            return on_case(app, case, action);
        }
        _ => {}
    }
    Vec::new()
}

fn on_case(app: &mut AppState, case: CaseId, action: Action) -> Vec<Effect> {
    let state = match action {
        Action::CaseStep => {
            app.mode = Mode::CaseStep(Box::new(Open::new(CaseStepForm::new(case))));
            return Vec::new();
        }
        Action::FollowUp => {
            let current = app.domain.cases.get(&case).and_then(|c| c.next_follow_up);
            let form = DateForm::new(DatePurpose::FollowUp(case), current);
            app.mode = Mode::Date(Box::new(Open::new(form)));
            return Vec::new();
        }
        Action::Watch => CaseState::Watch,
        Action::Reopen => CaseState::Open,
        _ => CaseState::Closed,
    };
    super::respond::commit(app, vec![Command::SetCaseState { case, state }])
}
