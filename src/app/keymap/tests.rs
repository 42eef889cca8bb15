//! The keymap is the one source of keys, help and hints: every hint the footer shows, in
//! every mode, is a key that does what the hint says.

use super::*;
use crate::app::dispatch::Picker;
use crate::app::form::Open;
use crate::app::form::clear::ClearForm;
use crate::app::form::date::{DateForm, DatePurpose};
use crate::app::form::line::{LineForm, LinePurpose};
use crate::app::form::request::{RequestField, RequestForm};
use crate::app::form::step::CaseStepForm;
use crate::app::handover_forms::{Choice, InstructionForm, NoteForm};
use crate::app::night_form::NightForm;
use crate::app::place::{PlaceForm, Purpose};
use crate::domain::State;
use crate::domain::ids::{CaseId, InstructionId, RequestId};
use crossterm::event::KeyEvent;
use tui_input::Input;

fn app() -> AppState {
    let t = crate::territory::rennes().expect("Rennes");
    AppState::new(Lang::Fr, State::default(), t, chrono::Utc::now())
}

fn request_on(field: RequestField) -> Mode {
    let i = RequestField::ALL
        .iter()
        .position(|f| *f == field)
        .unwrap_or(0);
    Mode::NewRequest(Box::new(Open::new(RequestForm::default()).at_index(i)))
}

/// One console in each mode and place the keyboard can be in.
fn every_mode() -> Vec<AppState> {
    let mut all = Vec::new();
    for screen in [
        Screen::Board,
        Screen::Cases,
        Screen::Log,
        Screen::Handover,
        Screen::Help,
    ] {
        for pane in Pane::ALL {
            let mut a = app();
            a.screen = screen;
            a.focus = pane;
            all.push(a);
        }
    }
    let line = |p| Mode::Line(Box::new(Open::new(LineForm::new(p, String::new()))));
    let modes = vec![
        request_on(RequestField::Site),
        request_on(RequestField::Source),
        request_on(RequestField::Caller),
        Mode::Clear(Box::new(Open::new(ClearForm::new("E1".into(), vec![])))),
        Mode::Dispatch(Box::new(Picker {
            request: RequestId(0),
            team: None,
        })),
        line(LinePurpose::Command),
        line(LinePurpose::LogEntry),
        Mode::Place(Box::new(Open::new(PlaceForm::new(
            "E1".into(),
            Purpose::Move,
        )))),
        Mode::OpenNight(Box::new(Open::new(NightForm::new(0)))),
        Mode::OpenNight(Box::new(Open::new(NightForm::new(0)).at_index(1))),
        Mode::CaseStep(Box::new(Open::new(CaseStepForm::new(CaseId(0))))),
        Mode::Date(Box::new(Open::new(DateForm::new(
            DatePurpose::Extend(InstructionId(0)),
            None,
        )))),
        Mode::Search(Input::default()),
        Mode::Note(Box::new(Open::new(NoteForm::default()))),
        Mode::Choice(Box::new(Choice::Acknowledge { coordinator: 0 })),
        Mode::Instruction(Box::new(Open::new(InstructionForm::new()))),
        Mode::ConfirmQuit(Box::new(request_on(RequestField::Site))),
    ];
    for mode in modes {
        let mut a = app();
        a.mode = mode;
        all.push(a);
    }
    all
}

fn press(app: &AppState, code: KeyCode) -> Option<Action> {
    action_for(app, &Event::Key(KeyEvent::new(code, KeyModifiers::NONE)))
}

#[test]
fn every_hint_of_every_mode_is_a_key_that_does_what_it_says() {
    for a in every_mode() {
        let hints = hints(&a);
        assert!(
            !hints.is_empty(),
            "no hint in {:?} / {:?}",
            a.mode,
            a.screen
        );
        // A hinted binding whose keys all belong to another is a hint lost.
        let here = place(&a);
        let hinted = tables(&a)
            .iter()
            .flat_map(|t| t.iter())
            .filter(|b| b.hint.contains(&here))
            .count();
        assert_eq!(hints.len(), hinted, "a hint is shadowed in {:?}", a.mode);
        for h in &hints {
            for code in &h.keys {
                let bound = h.binding.action(*code).cloned();
                assert_eq!(
                    press(&a, *code),
                    bound,
                    "{} in {:?} on {:?}",
                    h.label(Lang::Fr),
                    a.mode,
                    a.screen
                );
            }
        }
    }
}

#[test]
fn no_table_binds_a_key_twice() {
    let all = [
        BOARD,
        GLOBAL,
        CASES,
        HELP,
        HANDOVER,
        LOG,
        FORM,
        CHOICE_FIELD,
        LIST_FIELD,
        TEXT_FIELD,
        COMMAND_LINE,
        LOG_ENTRY,
        SEARCH,
        PICKER,
        CHOICE,
        CONFIRM_QUIT,
    ];
    for table in all {
        let keys: Vec<KeyCode> = table
            .iter()
            .flat_map(|b| b.keys.iter().map(|(k, _)| *k))
            .collect();
        for (i, k) in keys.iter().enumerate() {
            assert!(!keys[i + 1..].contains(k), "{k:?} twice in a table");
        }
    }
}

#[test]
fn the_pickers_show_their_arrows_and_the_team_picker_sends() {
    let mut a = app();
    a.mode = Mode::Dispatch(Box::new(Picker {
        request: RequestId(0),
        team: None,
    }));
    let words: Vec<String> = hints(&a)
        .iter()
        .map(|h| format!("{} {}", h.label(Lang::Fr), h.binding.describe(Lang::Fr)))
        .collect();
    assert!(words.contains(&"↑/↓ choisir".to_string()), "{words:?}");
    assert!(words.contains(&"Entrée envoyer".to_string()), "{words:?}");
    a.mode = Mode::Place(Box::new(Open::new(PlaceForm::new(
        "E1".into(),
        Purpose::Move,
    ))));
    let words: Vec<String> = hints(&a).iter().map(|h| h.label(Lang::En)).collect();
    assert_eq!(words[0], "↑/↓", "{words:?}");
    // On a list field ↓ picks: the next-field hint says Tab only.
    assert!(words.contains(&"Tab".to_string()), "{words:?}");
}

#[test]
fn typing_in_a_form_edits_and_the_quit_question_takes_any_other_key_as_no() {
    let mut a = app();
    a.mode = request_on(RequestField::Caller);
    assert!(matches!(
        press(&a, KeyCode::Char('n')),
        Some(Action::Edit(_))
    ));
    a.mode = Mode::ConfirmQuit(Box::new(request_on(RequestField::Caller)));
    assert_eq!(press(&a, KeyCode::Char('x')), Some(Action::Back));
    assert_eq!(press(&a, KeyCode::Enter), Some(Action::Quit));
}
