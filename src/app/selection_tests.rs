//! The coordinator's finger is on a request, a team, a situation — by id: it stays there
//! whatever comes in, leaves or sorts above it, and a request just taken becomes the one
//! the next key is about.

use super::*;

/// Takes a call through the form: Kennedy, a resident, the first category, `priority`.
fn take_call(d: &mut Desk, priority: Priority) -> RequestId {
    let id = RequestId(d.app.domain.counters.request);
    d.act(Action::NewRequest);
    d.typed("kennedy");
    d.acts(&[Action::NextField, Action::ChooseNext]);
    d.acts(&[Action::NextField, Action::ChooseNext]);
    d.act(Action::NextField);
    let steps = Priority::ALL
        .iter()
        .position(|p| *p == priority)
        .unwrap_or(0)
        + 1;
    for _ in 0..steps {
        d.act(Action::ChooseNext);
    }
    d.act(Action::Submit);
    // The team picker opens after saving; Esc leaves the request waiting.
    assert!(matches!(d.app.mode, Mode::Dispatch(_)));
    d.act(Action::Back);
    assert_eq!(d.app.domain.requests[&id].priority, priority);
    id
}

fn picker_request(d: &Desk) -> RequestId {
    match &d.app.mode {
        Mode::Dispatch(p) => p.request,
        other => panic!("the team picker should be open, not {other:?}"),
    }
}

#[test]
fn a_request_just_taken_is_selected_and_d_sends_a_team_to_it() {
    let mut d = Desk::night();
    let one = take_call(&mut d, Priority::P3);
    let two = take_call(&mut d, Priority::P2);
    assert_eq!(d.app.selected_request(), Some(two));
    // The coordinator goes back to call 1, then takes call 3 (P4, sorted last).
    d.focus_request(one);
    d.focus_team("E3");
    let three = take_call(&mut d, Priority::P4);
    assert_eq!(d.app.focus, Pane::Requests, "back on the requests");
    assert_eq!(d.app.selected_request(), Some(three));
    d.act(Action::Dispatch);
    assert_eq!(picker_request(&d), three, "the picker names call 3");
}

#[test]
fn the_selection_stays_on_its_request_when_others_arrive_leave_or_sort_above() {
    let mut d = Desk::night();
    let a = d.request_at("vil-kennedy-1", Priority::P3);
    let b = d.request_at("vil-kennedy-2", Priority::P3);
    let c = d.request_at("mau-gros-chene-1", Priority::P4);
    d.focus_request(b);
    // The world: an urgent call sorts first.
    let urgent = d.request_at("vil-harpe-1", Priority::P1);
    assert_eq!(open_requests(&d.app)[0].id, urgent);
    assert_eq!(d.app.selected_request(), Some(b));
    // The world re-sorts: `c` corrected to P1 goes above `b`.
    d.prepare(Command::CorrectRequest(
        crate::domain::command::Correction {
            entrance: None,
            request: c,
            source: None,
            site: None,
            category: None,
            priority: Some(Priority::P1),
        },
    ));
    assert_eq!(d.app.selected_request(), Some(b));
    // The coordinator's own commit on another request: `a` leaves the list.
    d.dispatch(a, "E1");
    d.focus_request(b);
    d.focus_team("E1");
    d.act(Action::Arrive);
    d.act(Action::Clear);
    d.acts(&[Action::ChooseNext, Action::NextField, Action::ChooseNext]);
    d.act(Action::Submit);
    assert!(!open_requests(&d.app).iter().any(|r| r.id == a), "a left");
    d.app.focus = Pane::Requests;
    assert_eq!(d.app.selected_request(), Some(b));
    // Its own row leaves: the finger stays at its place, on the next row.
    let at = d.app.selected(Pane::Requests);
    d.prepare(Command::Cancel { request: b });
    assert_eq!(
        d.app.selected(Pane::Requests),
        at.min(open_requests(&d.app).len() - 1)
    );
    assert_ne!(d.app.selected_request(), Some(b));
}

#[test]
fn the_team_picker_keeps_its_team_when_a_team_is_composed_above_it() {
    let mut d = Desk::night();
    let r = d.request_at("vil-kennedy-1", Priority::P2);
    d.focus_request(r);
    d.act(Action::Dispatch);
    d.act(Action::Down);
    let chosen = match &d.app.mode {
        Mode::Dispatch(p) => p.team.clone(),
        _ => None,
    };
    // A team composed meanwhile sorts first ("E0" < "E1").
    d.prepare(Command::ComposeTeam {
        team: "E0".into(),
        members: vec!["ines-h".into(), "lea-t".into()],
        equipment: None,
    });
    d.act(Action::Submit);
    assert_eq!(d.app.domain.requests[&r].team, chosen);
}

/// Every form, with something typed or chosen in it.
fn dirty_forms(d: &mut Desk) -> Vec<(&'static str, Vec<Action>)> {
    let case = {
        let r = d.request_at("mau-gros-chene-1", Priority::P3);
        d.prepare(Command::OpenCase {
            site: "mau-gros-chene-1".into(),
            category: Category::Noise,
            request: Some(r),
        });
        d.app.domain.cases.keys().next().copied()
    };
    assert!(case.is_some());
    let type_x = Action::Edit(InputRequest::InsertChar('x'));
    vec![
        (
            "request",
            vec![
                Action::Show(Screen::Board),
                Action::NewRequest,
                type_x.clone(),
            ],
        ),
        ("command line", vec![Action::CommandLine, type_x.clone()]),
        (
            "place",
            vec![Action::Show(Screen::Board), Action::Locate, type_x.clone()],
        ),
        (
            "clear",
            vec![
                Action::Show(Screen::Board),
                Action::Clear,
                Action::ChooseNext,
            ],
        ),
        (
            "step",
            vec![
                Action::Show(Screen::Cases),
                Action::CaseStep,
                Action::ChooseNext,
            ],
        ),
        (
            "follow-up",
            vec![
                Action::Show(Screen::Cases),
                Action::FollowUp,
                type_x.clone(),
            ],
        ),
        (
            "log entry",
            vec![Action::Show(Screen::Log), Action::LogEntry, type_x.clone()],
        ),
        (
            "note",
            vec![
                Action::Show(Screen::Handover),
                Action::WriteNote,
                type_x.clone(),
            ],
        ),
        (
            "instruction",
            vec![
                Action::Show(Screen::Handover),
                Action::NewInstruction,
                Action::NextField,
                type_x.clone(),
            ],
        ),
    ]
}

#[test]
fn esc_asks_once_in_every_form_with_something_typed_and_closes_an_untouched_one() {
    let mut d = Desk::night();
    let r = d.request_at("vil-kennedy-1", Priority::P2);
    d.dispatch(r, "E1");
    d.focus_team("E1");
    d.act(Action::Arrive);
    for (name, open) in dirty_forms(&mut d) {
        d.app.focus = Pane::Requests;
        d.focus_team("E1");
        d.acts(&open);
        assert!(d.app.mode.is_form(), "{name}: open");
        d.act(Action::Back);
        assert!(d.app.mode.is_form(), "{name}: the first Esc asks");
        assert_eq!(d.app.notice, Some(Notice::EscAgain), "{name}");
        d.act(Action::Back);
        assert!(
            matches!(d.app.mode, Mode::Normal),
            "{name}: the second closes"
        );
        assert_eq!(d.app.notice, Some(Notice::Discarded), "{name}");
        // Untouched: one Esc closes.
        d.acts(&open[..open.len() - 1]);
        assert!(d.app.mode.is_form(), "{name}: open again");
        d.act(Action::Back);
        assert!(
            matches!(d.app.mode, Mode::Normal),
            "{name}: nothing typed, closed at once"
        );
    }
    assert_eq!(d.desk.written.len(), 2, "nothing written by any Esc");
}
