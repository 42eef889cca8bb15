//! What is being typed, kept so that a crash or a kill loses no line: the runtime writes the
//! draft to disk as it changes and gives it back at the next start.

use super::form::clear::ClearForm;
use super::form::line::{LineForm, LinePurpose};
use super::form::request::RequestForm;
use super::form::{Form, Open};
use super::handover_forms::NoteForm;
use super::{AppState, Mode};
use crate::domain::command::CaseLink;
use crate::domain::vocab::{Category, Outcome, Priority, ResponseLevel, Source};
use crate::i18n::notice::Notice;
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
        #[serde(default)]
        entrance: Option<usize>,
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
        /// Relays and referrals taken already (directory indices).
        #[serde(default)]
        relays: Vec<usize>,
        #[serde(default)]
        referrals: Vec<usize>,
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
        Mode::NewRequest(o) if o.form.is_dirty() => {
            let f = &o.form;
            Some(Draft::Request {
                field: o.field_index(),
                site: f.site_query.value().to_string(),
                site_choice: f.site_choice,
                source: f.source,
                category: f.category,
                priority: f.priority,
                entrance: f.entrance,
                caller: f.caller.value().to_string(),
                callback: f.callback.value().to_string(),
                description: f.description.value().to_string(),
            })
        }
        Mode::Clear(o) if o.form.is_dirty() => {
            let f = &o.form;
            Some(Draft::Clear {
                team: f.team.clone(),
                field: o.field_index(),
                outcome: f.outcome,
                level: f.level,
                relay: f.relay,
                referral: f.referral,
                relays: f.relays.clone(),
                referrals: f.referrals.clone(),
                case: f.case,
                cases: f.cases.clone(),
                note: f.note.value().to_string(),
            })
        }
        Mode::Note(o) if !o.form.is_empty() => Some(Draft::Note {
            field: o.field_index(),
            parts: [0, 1, 2].map(|i| o.form.parts[i].value().to_string()),
        }),
        Mode::Line(o) if o.form.purpose == LinePurpose::LogEntry && o.form.is_dirty() => {
            Some(Draft::LogEntry {
                text: o.form.input.value().to_string(),
            })
        }
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
            entrance,
            caller,
            callback,
            description,
        } => {
            let form = RequestForm {
                site_query: Input::new(site),
                site_choice,
                source,
                category,
                priority,
                entrance,
                caller: Input::new(caller),
                callback: Input::new(callback),
                description: Input::new(description),
            };
            Mode::NewRequest(Box::new(Open::new(form).at_index(field)))
        }
        Draft::Clear {
            team,
            field,
            outcome,
            level,
            relay,
            referral,
            relays,
            referrals,
            case,
            cases,
            note,
        } => {
            let mut form = ClearForm::new(team, cases);
            form.outcome = outcome;
            form.level = level;
            form.relay = relay;
            form.referral = referral;
            form.relays = relays;
            form.referrals = referrals;
            form.case = case;
            form.note = Input::new(note);
            Mode::Clear(Box::new(Open::new(form).at_index(field)))
        }
        Draft::Note { field, parts } => {
            let form = NoteForm::from_parts(parts);
            Mode::Note(Box::new(Open::new(form).at_index(field)))
        }
        Draft::LogEntry { text } => {
            let form = LineForm::new(LinePurpose::LogEntry, text);
            Mode::Line(Box::new(Open::new(form)))
        }
    };
    app.notice = Some(Notice::DraftRecovered);
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
        a.mode = Mode::NewRequest(Box::new(Open::new(RequestForm::default())));
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
        a.mode = Mode::NewRequest(Box::new(Open::new(form).at_index(5)));
        let d = draft(&a).expect("a draft");
        let json = serde_json::to_string(&d).expect("json");
        let back: Draft = serde_json::from_str(&json).expect("parse");
        let mut b = app();
        restore(&mut b, back);
        assert_eq!(draft(&b), Some(d));
        assert_eq!(b.notice, Some(Notice::DraftRecovered));
    }

    #[test]
    fn the_note_and_a_log_entry_come_back_too() {
        let mut a = app();
        let entry = LineForm::new(LinePurpose::LogEntry, "Appel police".into());
        a.mode = Mode::Line(Box::new(Open::new(entry)));
        let d = draft(&a).expect("draft");
        let mut b = app();
        restore(&mut b, d.clone());
        assert_eq!(draft(&b), Some(d));
        let note =
            NoteForm::from_parts([String::new(), String::new(), "Rappeler le bailleur".into()]);
        a.mode = Mode::Note(Box::new(Open::new(note)));
        let d = draft(&a).expect("draft");
        restore(&mut b, d.clone());
        assert_eq!(draft(&b), Some(d));
    }
}
