//! The situations screen: open situations with their history, and what the coordinator
//! records on one — a graduated-response step, the next follow-up, watch, reopen, close.

use super::form::date::{DateForm, DatePurpose};
use super::form::{Ctx, Form, Kind, Open, cycle_opt, text};
use super::{Action, AppState, Effect, Mode, Pane};
use crate::domain::Command;
use crate::domain::ids::CaseId;
use crate::domain::vocab::{CaseState, ResponseLevel};
use crate::i18n::notice::{Fix, Notice};
use tui_input::Input;

/// Keys of the situations screen.
pub(super) fn keys(app: &mut AppState, action: Action) -> Vec<Effect> {
    let page = super::logbook::PAGE;
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
                return super::update::say(app, Notice::SelectCase);
            };
            if app.domain.open_night().is_none() {
                return super::update::say(app, Notice::NeedOpenNight);
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
    super::update::commit(app, vec![Command::SetCaseState { case, state }])
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepField {
    Level,
    Note,
}

/// A step of the graduated response on a situation: the level reached and a short note.
#[derive(Debug, Clone)]
pub struct CaseStepForm {
    pub case: CaseId,
    pub level: Option<ResponseLevel>,
    pub note: Input,
}

impl CaseStepForm {
    pub fn new(case: CaseId) -> CaseStepForm {
        CaseStepForm {
            case,
            level: None,
            note: Input::default(),
        }
    }
}

impl Form for CaseStepForm {
    type Field = StepField;

    fn fields(&self) -> &'static [StepField] {
        &[StepField::Level, StepField::Note]
    }
    fn kind(&self, field: StepField) -> Kind {
        match field {
            StepField::Level => Kind::Choice,
            StepField::Note => Kind::Text,
        }
    }
    fn input(&mut self, field: StepField) -> Option<&mut Input> {
        (field == StepField::Note).then_some(&mut self.note)
    }
    fn choose(&mut self, field: StepField, forward: bool, _: &Ctx) {
        if field == StepField::Level {
            self.level = cycle_opt(ResponseLevel::ALL, self.level, forward);
        }
    }
    fn is_dirty(&self) -> bool {
        self.level.is_some() || !self.note.value().is_empty()
    }
    fn submit(&self, _: &Ctx) -> Result<Vec<Command>, (StepField, Fix)> {
        let level = self.level.ok_or((StepField::Level, Fix::Level))?;
        Ok(vec![Command::RecordCaseStep {
            case: self.case,
            level,
            note: text(&self.note),
        }])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::form::handle;
    use tui_input::InputRequest;

    #[test]
    fn the_step_form_cycles_levels_and_only_the_note_takes_text() {
        let t = crate::territory::rennes().expect("Rennes");
        let state = crate::domain::State::default();
        let ctx = Ctx {
            territory: &t,
            domain: &state,
            now: chrono::Utc::now(),
        };
        let mut f = Open::new(CaseStepForm::new(CaseId(1)));
        assert!(!f.form.is_dirty());
        handle(&mut f, &Action::ChooseNext, &ctx);
        assert_eq!(f.form.level, Some(ResponseLevel::ALL[0]));
        handle(&mut f, &Action::Edit(InputRequest::InsertChar('x')), &ctx);
        assert_eq!(f.form.note.value(), "");
        handle(&mut f, &Action::NextField, &ctx);
        handle(&mut f, &Action::Edit(InputRequest::InsertChar('x')), &ctx);
        assert_eq!(f.form.note.value(), "x");
        assert!(f.form.is_dirty());
    }
}
