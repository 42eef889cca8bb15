//! A request worked from the board: its detail, a correction, a call settled by phone, a
//! close without a visit, a callback asked for and made, a reinforcement — each a durable
//! command, refusals said in words.

use super::*;
use crate::app::form::Form;
use crate::app::form::callback::CallbackField;
use crate::app::form::settle::SettleField;
use crate::domain::vocab::{CallbackOutcome, DismissReason, PhoneOutcome};
use crate::i18n::request_notice::RequestNotice;

/// Claire's night with one request waiting at Les Ajoncs (Hall A), the finger on it.
fn one_call() -> (Desk, RequestId) {
    let mut d = Desk::night();
    let id = d.request_at("mau-gros-chene-1", Priority::P3);
    d.focus_request(id);
    (d, id)
}

fn written_last(d: &Desk) -> Option<&Command> {
    d.desk.written.last()
}

#[test]
fn enter_opens_the_detail_with_the_caller_and_esc_closes_it() {
    let mut d = Desk::night();
    d.filled_form();
    d.typed("06 12 34 56 78");
    d.act(Action::Submit);
    d.act(Action::Back);
    let id = d
        .app
        .selected_request()
        .expect("the new request is selected");
    d.key(KeyCode::Enter);
    assert!(matches!(d.app.mode, Mode::Detail(x) if x == id));
    let detail = crate::app::request_detail::detail(&d.app, id).expect("detail");
    let p = detail.personal.expect("the caller's record is on the desk");
    assert_eq!(p.callback.as_deref(), Some("06 12 34 56 78"));
    assert_eq!(detail.steps.len(), 1, "received");
    // Ctrl-C from the detail quits without asking: nothing is being typed.
    assert_eq!(d.act(Action::Quit), vec![Effect::Quit]);
    d.key(KeyCode::Enter);
    assert!(matches!(d.app.mode, Mode::Detail(_)));
    d.key(KeyCode::Esc);
    assert!(matches!(d.app.mode, Mode::Normal));
}

#[test]
fn the_detail_tells_a_reinforcement_and_keys_work_from_it() {
    let (mut d, id) = one_call();
    d.dispatch(id, "E1");
    d.focus_request(id);
    d.key(KeyCode::Enter);
    // `d` from the detail: the picker, and with a team already on it, a reinforcement.
    d.key(KeyCode::Char('d'));
    let Mode::Dispatch(p) = &d.app.mode else {
        panic!("picker: {:?}", d.app.mode)
    };
    assert_eq!(p.request, id);
    d.app.mode = Mode::Dispatch(Box::new(Picker {
        request: id,
        team: Some("E3".into()),
    }));
    d.act(Action::Submit);
    assert_eq!(
        written_last(&d),
        Some(&Command::Reinforce {
            request: id,
            team: "E3".into()
        })
    );
    let r = &d.app.domain.requests[&id];
    assert_eq!(r.teams_on(), vec!["E1", "E3"]);
    let steps = crate::domain::request_steps::steps(r);
    assert!(steps.iter().any(|s| matches!(
        &s.kind,
        crate::domain::request_steps::StepKind::Sent { team, reinforcement: true } if team == "E3"
    )));
}

#[test]
fn a_correction_opens_on_the_requests_values_and_sends_what_changed() {
    let (mut d, id) = one_call();
    d.key(KeyCode::Char('e'));
    let Mode::Correct(f) = &d.app.mode else {
        panic!("correct form: {:?}", d.app.mode)
    };
    assert_eq!(
        f.form.values.site(&d.app.territory).map(|s| s.id.as_str()),
        Some("mau-gros-chene-1")
    );
    assert!(!f.form.is_dirty());
    // Unchanged: the domain says there is nothing to correct.
    d.act(Action::Submit);
    assert!(
        d.error().is_some_and(|e| e.starts_with("Rien à corriger")),
        "{:?}",
        d.error()
    );
    // The entrance (Hall B), then the priority (« u » : P1 urgent).
    d.key(KeyCode::Tab);
    d.key(KeyCode::Char('b'));
    for _ in 0..3 {
        d.key(KeyCode::Tab);
    }
    d.key(KeyCode::Char('u'));
    d.key(KeyCode::Enter);
    assert!(matches!(d.app.mode, Mode::Normal), "{:?}", d.app.notice);
    let r = &d.app.domain.requests[&id];
    assert_eq!(r.entrance.as_deref(), Some("Hall B"));
    assert_eq!(r.priority, Priority::P1);
    assert_eq!(
        d.app.notice,
        Some(Notice::Request(RequestNotice::Corrected))
    );
}

#[test]
fn a_call_settled_by_phone_asks_for_the_partner_when_oriented_and_is_not_cancelled() {
    let (mut d, id) = one_call();
    d.key(KeyCode::Char('t'));
    // « o » : oriented; no partner yet: the form says so and keeps the keyboard there.
    d.key(KeyCode::Char('o'));
    d.key(KeyCode::Enter);
    assert!(
        d.error().is_some_and(|e| e.starts_with("Partenaire")),
        "{:?}",
        d.error()
    );
    let Mode::Settle(f) = &d.app.mode else {
        panic!("settle form")
    };
    assert_eq!(f.field(), SettleField::Partner);
    d.key(KeyCode::Char('c'));
    d.key(KeyCode::Enter);
    let r = &d.app.domain.requests[&id];
    assert_eq!(r.status, RequestStatus::Settled, "{:?}", d.app.notice);
    let s = r.settled.as_ref().expect("settled");
    assert_eq!(s.outcome, PhoneOutcome::Oriented);
    assert!(s.partner.is_some());
    assert!(open_requests(&d.app).is_empty());
}

#[test]
fn relayed_without_a_visit_from_the_phone_form_is_a_relay() {
    let (mut d, id) = one_call();
    d.key(KeyCode::Char('t'));
    d.key(KeyCode::Char('r'));
    d.key(KeyCode::Tab);
    d.key(KeyCode::Char('p'));
    d.key(KeyCode::Enter);
    assert!(matches!(written_last(&d), Some(Command::Relay { request, .. }) if *request == id));
    assert_eq!(d.app.domain.requests[&id].status, RequestStatus::Relayed);
}

#[test]
fn x_closes_a_request_from_the_board_as_a_duplicate_and_refuses_one_with_a_team() {
    let (mut d, id) = one_call();
    d.key(KeyCode::Char('X'));
    assert!(matches!(d.app.mode, Mode::Choice(_)));
    d.key(KeyCode::Right);
    d.key(KeyCode::Enter);
    assert_eq!(
        written_last(&d),
        Some(&Command::Dismiss {
            request: id,
            reason: DismissReason::Duplicate
        })
    );
    let other = d.request_at("vil-harpe-1", Priority::P2);
    d.dispatch(other, "E3");
    d.focus_request(other);
    d.key(KeyCode::Char('X'));
    d.key(KeyCode::Enter);
    assert!(
        d.error().is_some_and(|e| e.contains("E3")),
        "{:?}",
        d.error()
    );
    assert_eq!(d.app.domain.requests[&other].status, RequestStatus::EnRoute);
}

#[test]
fn a_callback_is_asked_for_then_made_with_m_and_the_next_due_found_with_shift_m() {
    let (mut d, id) = one_call();
    d.key(KeyCode::Char('m'));
    let Mode::Callback(f) = &d.app.mode else {
        panic!("callback form")
    };
    assert_eq!(f.field(), CallbackField::Due);
    d.typed("demain");
    d.key(KeyCode::Enter);
    assert!(d.error().is_some_and(|e| e.starts_with("Heure du rappel")));
    d.act(Action::Edit(InputRequest::DeleteLine));
    d.typed("+20");
    d.key(KeyCode::Enter);
    let due = d.app.now + Duration::minutes(20);
    assert_eq!(
        d.app.domain.requests[&id].pending_callback().map(|c| c.due),
        Some(due)
    );
    assert_eq!(crate::report::callbacks::pending(&d.app.domain).len(), 1);

    // Settled meanwhile: the callback is still due, and Shift-M finds it.
    d.focus_request(id);
    d.key(KeyCode::Char('t'));
    d.key(KeyCode::Char('i'));
    d.key(KeyCode::Enter);
    assert!(open_requests(&d.app).is_empty());
    d.later(25);
    d.key(KeyCode::Char('M'));
    let Mode::Callback(f) = &d.app.mode else {
        panic!("callback form: {:?}", d.app.mode)
    };
    assert_eq!(f.field(), CallbackField::Outcome);
    // No answer, and again at +15: both in one commit.
    d.key(KeyCode::Char('p'));
    d.key(KeyCode::Tab);
    d.typed("+15");
    d.key(KeyCode::Enter);
    let r = &d.app.domain.requests[&id];
    let c = r.pending_callback().expect("still to make");
    assert_eq!(c.attempts.len(), 1);
    assert_eq!(c.attempts[0].outcome, CallbackOutcome::NoAnswer);
    assert_eq!(c.attempts[0].by.as_deref(), Some("claire-m"));
    d.key(KeyCode::Char('M'));
    d.key(KeyCode::Char('j'));
    d.key(KeyCode::Enter);
    assert!(crate::report::callbacks::pending(&d.app.domain).is_empty());
    d.key(KeyCode::Char('M'));
    assert_eq!(
        d.app.notice,
        Some(Notice::Request(RequestNotice::NoCallbackDue))
    );
}

#[test]
fn keys_on_no_request_say_to_select_one() {
    let mut d = Desk::night();
    for key in ['e', 't', 'X', 'm'] {
        d.key(KeyCode::Char(key));
        assert_eq!(d.app.notice, Some(Notice::SelectRequest), "{key}");
        assert!(matches!(d.app.mode, Mode::Normal));
    }
    d.key(KeyCode::Enter);
    assert_eq!(d.app.notice, Some(Notice::SelectRequest));
}

#[test]
fn the_command_line_works_a_request_by_its_number_in_french_and_english() {
    let (mut d, id) = one_call();
    d.dispatch(id, "E1");
    d.command("renfort 1 e3");
    assert_eq!(d.app.domain.requests[&id].teams_on(), vec!["E1", "E3"]);
    d.command("corriger 1 p1 hallb");
    let r = &d.app.domain.requests[&id];
    assert_eq!(
        (r.priority, r.entrance.as_deref()),
        (Priority::P1, Some("Hall B"))
    );
    d.command("rappel 1 +30");
    assert!(d.app.domain.requests[&id].pending_callback().is_some());
    d.command("calledback 1 reached");
    assert!(d.app.domain.requests[&id].pending_callback().is_none());

    let two = d.request_at("vil-harpe-1", Priority::P3);
    let number = d.app.domain.requests[&two].number;
    d.command(&format!("phone {number} oriented"));
    assert!(
        d.error().is_some_and(|e| e.starts_with("Partenaire")),
        "{:?}",
        d.error()
    );
    d.command(&format!("telephone {number} oriente cdas-villejean"));
    assert_eq!(d.app.domain.requests[&two].status, RequestStatus::Settled);

    let three = d.request_at("vil-harpe-1", Priority::P3);
    let number = d.app.domain.requests[&three].number;
    d.command(&format!("sanssuite {number} injoignable"));
    assert_eq!(
        d.app.domain.requests[&three].dismissed,
        Some(DismissReason::Unreachable)
    );
    let four = d.request_at("vil-harpe-1", Priority::P3);
    let number = d.app.domain.requests[&four].number;
    d.command(&format!("cancel {number}"));
    assert_eq!(
        d.app.domain.requests[&four].status,
        RequestStatus::Cancelled
    );
    // A number nobody has: the usage, nothing written.
    let before = d.desk.written.len();
    d.command("annuler 99");
    assert!(d.error().is_some());
    assert_eq!(d.desk.written.len(), before);
}
