//! What is being typed, kept so that a crash or a kill loses no line: the runtime writes the
//! draft to disk as it changes and gives it back at the next start.

use super::form::{ClearForm, RequestForm};
use super::shift::NoteForm;
use super::{AppState, Message, Mode};
use crate::domain::command::CaseLink;
use crate::domain::vocab::{Category, Outcome, Priority, ResponseLevel, Source};
use serde::{Deserialize, Serialize};
use tui_input::Input;

/// A form with something typed in it. Holds what the coordinator typed, personal data
/// included: it lives in the data directory only until the form is saved or abandoned.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "form", rename_all = "snake_case")]
pub enum Draft {
    Request {
        field: usize,
        site: String,
        site_choice: usize,
        source: Option<Source>,
        category: Option<Category>,
        priority: Option<Priority>,
        caller: String,
        callback: String,
        description: String,
    },
    Clear {
        team: String,
        field: usize,
        outcome: Option<Outcome>,
        level: Option<ResponseLevel>,
        relay: Option<usize>,
        referral: Option<usize>,
        case: CaseLink,
        cases: Vec<crate::domain::ids::CaseId>,
        note: String,
    },
    Note {
        field: usize,
        parts: [String; 3],
    },
    LogEntry {
        text: String,
    },
}

/// The draft of the open form, if something was typed.
pub fn draft(app: &AppState) -> Option<Draft> {
    of(&app.mode)
}

fn of(mode: &Mode) -> Option<Draft> {
    match mode {
        // Asked whether to quit, the form underneath is still being typed.
        Mode::ConfirmQuit(form) => of(form),
        Mode::NewRequest(f) if f.is_dirty() => Some(Draft::Request {
            field: f.field,
            site: f.site_query.value().to_string(),
            site_choice: f.site_choice,
            source: f.source,
            category: f.category,
            priority: f.priority,
            caller: f.caller.value().to_string(),
            callback: f.callback.value().to_string(),
            description: f.description.value().to_string(),
        }),
        Mode::Clear(f) if f.is_dirty() => Some(Draft::Clear {
            team: f.team.clone(),
            field: f.field,
            outcome: f.outcome,
            level: f.level,
            relay: f.relay,
            referral: f.referral,
            case: f.case,
            cases: f.cases.clone(),
            note: f.note.value().to_string(),
        }),
        Mode::Note(f) if f.parts.iter().any(|p| !p.value().is_empty()) => Some(Draft::Note {
            field: f.field,
            parts: [0, 1, 2].map(|i| f.parts[i].value().to_string()),
        }),
        Mode::LogEntry(input, _) if !input.value().trim().is_empty() => Some(Draft::LogEntry {
            text: input.value().to_string(),
        }),
        _ => None,
    }
}

/// Reopens the form as it was, and says so.
pub fn restore(app: &mut AppState, draft: Draft) {
    app.mode = match draft {
        Draft::Request {
            field,
            site,
            site_choice,
            source,
            category,
            priority,
            caller,
            callback,
            description,
        } => Mode::NewRequest(Box::new(RequestForm {
            field,
            site_query: Input::new(site),
            site_choice,
            source,
            category,
            priority,
            caller: Input::new(caller),
            callback: Input::new(callback),
            description: Input::new(description),
            confirm_cancel: false,
        })),
        Draft::Clear {
            team,
            field,
            outcome,
            level,
            relay,
            referral,
            case,
            cases,
            note,
        } => {
            let mut form = ClearForm::new(team, cases);
            form.field = field;
            form.outcome = outcome;
            form.level = level;
            form.relay = relay;
            form.referral = referral;
            form.case = case;
            form.note = Input::new(note);
            Mode::Clear(Box::new(form))
        }
        Draft::Note { field, parts } => Mode::Note(Box::new(NoteForm {
            parts: parts.map(Input::new),
            field: field.min(2),
            confirm_cancel: false,
        })),
        Draft::LogEntry { text } => Mode::LogEntry(Input::new(text), false),
    };
    app.message = Some(Message::Info(
        app.lang
            .pick(
                "Saisie retrouvée après une interruption : relisez, puis Entrée (ou Esc).",
                "Typing recovered after an interruption: check it, then Enter (or Esc).",
            )
            .to_string(),
    ));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::State;
    use crate::i18n::Lang;
    use tui_input::InputRequest;

    fn app() -> AppState {
        let territory = crate::territory::rennes().expect("Rennes");
        AppState::new(Lang::Fr, State::default(), territory, chrono::Utc::now())
    }

    #[test]
    fn nothing_typed_no_draft() {
        let mut a = app();
        assert_eq!(draft(&a), None);
        a.mode = Mode::NewRequest(Box::default());
        assert_eq!(draft(&a), None);
    }

    #[test]
    fn a_request_form_survives_a_round_trip_through_json() {
        let mut a = app();
        let mut form = RequestForm::default();
        for c in "kennedy".chars() {
            form.site_query.handle(InputRequest::InsertChar(c));
        }
        form.site_choice = 2;
        form.priority = Some(Priority::P2);
        form.callback = Input::new("06 12 34 56 78".into());
        form.field = 5;
        a.mode = Mode::NewRequest(Box::new(form));
        let d = draft(&a).expect("a draft");
        let json = serde_json::to_string(&d).expect("json");
        let back: Draft = serde_json::from_str(&json).expect("parse");
        let mut b = app();
        restore(&mut b, back);
        assert_eq!(draft(&b), Some(d));
        assert!(matches!(b.message, Some(Message::Info(_))));
    }

    #[test]
    fn the_note_and_a_log_entry_come_back_too() {
        let mut a = app();
        a.mode = Mode::LogEntry(Input::new("Appel police".into()), false);
        let d = draft(&a).expect("draft");
        let mut b = app();
        restore(&mut b, d.clone());
        assert_eq!(draft(&b), Some(d));
        let mut note = NoteForm::default();
        note.parts[2] = Input::new("Rappeler le bailleur".into());
        a.mode = Mode::Note(Box::new(note));
        let d = draft(&a).expect("draft");
        restore(&mut b, d.clone());
        assert_eq!(draft(&b), Some(d));
    }
}
