//! A step of the graduated response on a situation: the level reached and a short note.

use super::{Ctx, Form, Kind, cycle_opt, text};
use crate::domain::Command;
use crate::domain::ids::CaseId;
use crate::domain::vocab::ResponseLevel;
use crate::i18n::notice::Fix;
use tui_input::Input;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepField {
    Level,
    Note,
}

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
    use crate::app::Action;
    use crate::app::form::{Open, handle};
    use tui_input::InputRequest;

    #[test]
    fn the_step_form_cycles_levels_and_only_the_note_takes_text() {
        let t = crate::territory::rennes().expect("Rennes");
        let state = crate::domain::State::default();
        let ctx = Ctx {
            territory: &t,
            domain: &state,
            now: chrono::Utc::now(),
            lang: crate::i18n::Lang::Fr,
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
