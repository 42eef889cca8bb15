//! What the keyboard is doing right now: the board, a form, a picker, a question.

use super::check_in::CheckInForm;
use super::form::answer::AnswerForm;
use super::form::clear::ClearForm;
use super::form::date::DateForm;
use super::form::line::{LineForm, LinePurpose};
use super::form::observation::ObservationForm;
use super::form::plan_item::PlanForm;
use super::form::relay::RelayForm;
use super::form::request::RequestForm;
use super::form::step::CaseStepForm;
use super::form::{Kind, Open};
use super::handover_forms::{Choice, InstructionForm, NoteForm};
use super::night_form::NightForm;
use super::place::PlaceForm;
use super::question::Confirm;
use crate::domain::ids::RequestId;
use tui_input::Input;

/// The team picker: which team goes to a request. It holds the team under the cursor, not
/// a row that a change could shift under it.
#[derive(Debug, Clone, PartialEq)]
pub struct Picker {
    pub request: RequestId,
    /// The team under the cursor (its call sign).
    pub team: Option<String>,
}

#[derive(Debug, Clone)]
pub enum Mode {
    Normal,
    NewRequest(Box<Open<RequestForm>>),
    /// Picking a team for a request.
    Dispatch(Box<Picker>),
    Clear(Box<Open<ClearForm>>),
    /// A line typed in the footer: the `:` command line or a free entry of the main courante.
    Line(Box<Open<LineForm>>),
    /// Where a team is, or where its active presence goes.
    Place(Box<Open<PlaceForm>>),
    /// Open the night: coordinator and teams.
    OpenNight(Box<Open<NightForm>>),
    /// A graduated-response step on the selected situation.
    CaseStep(Box<Open<CaseStepForm>>),
    /// A date: a situation's follow-up, an instruction's new last day.
    Date(Box<Open<DateForm>>),
    /// Typing a search in the main courante (it searches as one types).
    Search(Input),
    /// The handover note's three parts.
    Note(Box<Open<NoteForm>>),
    /// Who takes the handover; how an open request is closed.
    Choice(Box<Choice>),
    Instruction(Box<Open<InstructionForm>>),
    /// An observation for the watch.
    Observation(Box<Open<ObservationForm>>),
    /// A relay's follow-up.
    Relay(Box<Open<RelayForm>>),
    /// An item added to tonight's plan.
    PlanItem(Box<Open<PlanForm>>),
    /// The commissioner's answer to an observation.
    Answer(Box<Open<AnswerForm>>),
    /// Ctrl-C from a form: quit? The form stays underneath, as it was.
    ConfirmQuit(Box<Mode>),
    /// An irreversible key asks first (closing the night, recalling a team).
    Confirm(Box<Confirm>),
    /// A team's check-in and its word.
    CheckIn(Box<Open<CheckInForm>>),
    /// `:aide`: the command line's verbs.
    Verbs,
    /// A request's detail (Enter on it): everything known, and its keys.
    Detail(RequestId),
    /// Correcting a request's site, entrance, source, category, priority.
    Correct(Box<Open<super::form::correct::CorrectForm>>),
    /// A call settled on the phone, without a team.
    Settle(Box<Open<super::form::settle::SettleForm>>),
    /// A resident's callback: when, or how it went.
    Callback(Box<Open<super::form::callback::CallbackForm>>),
}

impl Mode {
    /// A form or a line where something typed would be lost by quitting.
    pub fn is_form(&self) -> bool {
        !matches!(
            self,
            Mode::Normal
                | Mode::ConfirmQuit(_)
                | Mode::Dispatch(_)
                | Mode::Confirm(_)
                | Mode::Verbs
                | Mode::Detail(_)
        )
    }

    /// How the focused field of the open form takes keys.
    pub fn field_kind(&self) -> Option<Kind> {
        Some(match self {
            Mode::NewRequest(o) => o.kind(),
            Mode::Clear(o) => o.kind(),
            Mode::Line(o) => o.kind(),
            Mode::Place(o) => o.kind(),
            Mode::OpenNight(o) => o.kind(),
            Mode::CaseStep(o) => o.kind(),
            Mode::Date(o) => o.kind(),
            Mode::Note(o) => o.kind(),
            Mode::Instruction(o) => o.kind(),
            Mode::Observation(o) => o.kind(),
            Mode::Relay(o) => o.kind(),
            Mode::PlanItem(o) => o.kind(),
            Mode::Answer(o) => o.kind(),
            Mode::CheckIn(o) => o.kind(),
            Mode::Correct(o) => o.kind(),
            Mode::Settle(o) => o.kind(),
            Mode::Callback(o) => o.kind(),
            Mode::Search(_) => Kind::Text,
            _ => return None,
        })
    }

    /// The command line or a log entry, if one is being typed.
    pub fn line(&self, purpose: LinePurpose) -> Option<&Input> {
        match self {
            Mode::Line(o) if o.form.purpose == purpose => Some(&o.form.input),
            _ => None,
        }
    }
}
