//! `update()` sending a team (the picker, the nearest free team, a busy one refused) and
//! following it: on site, check-ins, status and position.

use super::*;

// --- Dispatch ------------------------------------------------------------------------------

#[test]
fn dispatch_suggests_the_nearest_free_team_with_the_cursor_on_it() {
    let mut d = Desk::night();
    let kennedy = d.request_at("vil-kennedy-1", Priority::P2);
    d.focus_request(kennedy);
    assert_eq!(suggested_team(&d.app, kennedy).as_deref(), Some("E2"));
    d.act(Action::Dispatch);
    assert_eq!(d.dispatch_cursor(), 1, "on E2, in Villejean");
    // The cursor moves and stops at the ends.
    d.acts(&[Action::Down, Action::Down, Action::Down]);
    assert_eq!(d.dispatch_cursor(), 2);
    d.acts(&[Action::Up, Action::Up, Action::Up]);
    assert_eq!(d.dispatch_cursor(), 0);
    d.act(Action::Back);
    assert!(matches!(d.app.mode, Mode::Normal));
    assert!(d.desk.written.is_empty());

    // Accepted as suggested: E2 goes, en route.
    d.act(Action::Dispatch);
    let effects = d.act(Action::Submit);
    assert_eq!(
        effects,
        vec![Effect::Commit(vec![Command::Dispatch {
            request: kennedy,
            team: "E2".into()
        }])]
    );
    assert_eq!(d.info().as_deref(), Some("Équipe E2 envoyée"));
    assert!(matches!(d.app.mode, Mode::Normal));
    assert_eq!(d.team("E2").status(), TeamStatus::EnRoute);
    assert_eq!(
        d.app.domain.requests[&kennedy].status,
        RequestStatus::EnRoute
    );

    // Next request in Maurepas: E1 is there; E2 is busy and no longer suggested.
    let maurepas = d.request_at("mau-gros-chene-2", Priority::P3);
    assert_eq!(suggested_team(&d.app, maurepas).as_deref(), Some("E1"));
    // Villejean again, E2 out: E1 (Maurepas) is closer than E3 (base).
    let harpe = d.request_at("vil-harpe-2", Priority::P3);
    assert_eq!(suggested_team(&d.app, harpe).as_deref(), Some("E1"));
}

#[test]
fn dispatching_a_busy_team_is_refused_with_its_reason_and_writes_nothing() {
    let mut d = Desk::night();
    let first = d.request_at("vil-kennedy-1", Priority::P1);
    let second = d.request_at("vil-kennedy-2", Priority::P1);
    d.dispatch(first, "E2");
    assert_eq!(d.desk.written.len(), 1);
    let before = d.app.domain.clone();

    d.focus_request(second);
    d.act(Action::Dispatch);
    d.acts(&[Action::Down, Action::Down, Action::Down, Action::Up]);
    assert_eq!(d.dispatch_cursor(), 1, "E2, busy");
    d.act(Action::Submit);
    assert_eq!(d.desk.refused.len(), 1);
    assert_eq!(
        d.error().as_deref(),
        Some("Équipe E2 est déjà affectée à la sollicitation 1.")
    );
    assert!(
        matches!(d.app.mode, Mode::Dispatch(_)),
        "the picker stays for another choice"
    );
    assert_eq!(d.app.domain, before);
    assert!(d.app.domain.requests[&second].team.is_none());
}

#[test]
fn dispatch_needs_a_request_row_and_teams() {
    let mut d = Desk::night();
    d.act(Action::Dispatch);
    assert_eq!(d.error().as_deref(), Some("Choisissez une sollicitation."));
    d.request_at("vil-kennedy-1", Priority::P2);
    d.act(Action::NextPane);
    d.act(Action::Dispatch);
    assert_eq!(
        d.error().as_deref(),
        Some("Choisissez une sollicitation."),
        "teams pane"
    );
    assert!(matches!(d.app.mode, Mode::Normal));

    // A night with no team yet.
    let mut d = Desk::dark();
    d.prepare(Command::OpenNight {
        coordinator: "nadia-b".into(),
    });
    d.request_at("vil-kennedy-1", Priority::P2);
    d.act(Action::Dispatch);
    assert_eq!(
        d.error().as_deref(),
        Some("Aucune équipe : composez-les avec « :equipe ».")
    );
    assert!(matches!(d.app.mode, Mode::Normal));
}

// --- Following a team ----------------------------------------------------------------------

#[test]
fn arrive_and_contact_from_the_team_row_or_the_request_row() {
    let mut d = Desk::night();
    let r = d.request_at("vil-kennedy-1", Priority::P2);
    d.dispatch(r, "E2");
    d.later(7);
    // From the request row: the action is about its team.
    d.focus_request(r);
    let effects = d.act(Action::Arrive);
    assert_eq!(
        effects,
        vec![Effect::Commit(vec![Command::Arrive { team: "E2".into() }])]
    );
    assert_eq!(d.info().as_deref(), Some("Équipe E2 : sur place"));
    assert_eq!(d.team("E2").status(), TeamStatus::OnSite);
    assert_eq!(d.app.domain.requests[&r].status, RequestStatus::OnSite);
    assert_eq!(
        d.team("E2").position,
        Position::Site("vil-kennedy-1".into())
    );

    d.later(25);
    d.focus_team("E2");
    d.act(Action::Contact);
    d.act(Action::Submit);
    assert_eq!(d.team("E2").last_contact, d.app.now);
    assert_eq!(d.info().as_deref(), Some("Équipe E2 : contact enregistré"));

    // Arriving twice, or a team sent nowhere, is refused in words.
    d.act(Action::Arrive);
    assert!(
        d.error().is_some_and(|e| e.contains("E2")),
        "{:?}",
        d.app.notice
    );
    d.focus_team("E3");
    d.act(Action::Arrive);
    assert_eq!(
        d.error().as_deref(),
        Some("L'équipe E3 n'a pas d'affectation.")
    );
    assert_eq!(d.desk.refused.len(), 2);
    // In English the colon sticks to the word.
    d.app.lang = Lang::En;
    let effects = d.act(Action::SetStatus(TeamStatus::Break));
    assert!(matches!(&effects[..], [Effect::Commit(_)]), "{effects:?}");
    assert_eq!(d.info().as_deref(), Some("Team E3: break"));
}

#[test]
fn statuses_are_set_on_a_free_team_and_refused_on_a_busy_one() {
    let mut d = Desk::night();
    d.focus_team("E3");
    // Active presence goes to a targeted point, picked like a site.
    let effects = d.act(Action::SetStatus(TeamStatus::ActivePresence));
    assert!(effects.is_empty());
    assert!(matches!(d.app.mode, Mode::Place(_)));
    d.act(Action::Submit);
    assert!(
        d.error().is_some_and(|e| e.starts_with("Lieu")),
        "E3 is at base: no district to assume"
    );
    d.typed("blosne");
    d.act(Action::Submit);
    assert_eq!(d.team("E3").status(), TeamStatus::ActivePresence);
    assert!(matches!(&d.team("E3").position, Position::District(_)));
    assert!(
        d.info()
            .is_some_and(|m| m.contains("présence active — Le Blosne"))
    );
    for (status, label) in [
        (TeamStatus::Break, "pause"),
        (TeamStatus::ReturnToBase, "retour base"),
        (TeamStatus::Available, "disponible"),
    ] {
        let effects = d.act(Action::SetStatus(status));
        assert!(effects.iter().any(is_commit));
        assert_eq!(d.team("E3").status(), status);
        let msg = d.info().expect("said");
        assert!(
            msg.starts_with("Équipe E3 : ") && msg.to_lowercase().contains(label),
            "{msg}"
        );
    }
    // Off duty sends the team back to base.
    d.focus_team("E1");
    d.act(Action::SetStatus(TeamStatus::OffDuty));
    assert_eq!(d.team("E1").status(), TeamStatus::OffDuty);
    assert_eq!(d.team("E1").position, Position::Base);
    // History, never overwritten.
    assert_eq!(d.team("E3").history.len(), 5);

    // A team out on a request keeps its status.
    let r = d.request_at("vil-kennedy-1", Priority::P2);
    d.dispatch(r, "E2");
    d.focus_team("E2");
    d.act(Action::SetStatus(TeamStatus::Break));
    assert_eq!(
        d.error().as_deref(),
        Some("Équipe E2 est déjà affectée à la sollicitation 1.")
    );
    assert_eq!(d.team("E2").status(), TeamStatus::EnRoute);
}

#[test]
fn a_team_says_where_it_is_and_presence_with_nothing_typed_stays_in_its_district() {
    let mut d = Desk::night();
    d.focus_team("E1");
    d.key(KeyCode::Char('l'));
    d.typed("kennedy");
    d.key(KeyCode::Down);
    let second = match &d.app.mode {
        Mode::Place(f) => f.chosen(&d.app.territory).expect("a second match"),
        other => panic!("the place picker should be open, not {other:?}"),
    };
    d.key(KeyCode::Enter);
    assert_eq!(d.team("E1").position, second);
    assert!(matches!(d.app.mode, Mode::Normal));
    // E2 is at La Harpe (Villejean): presence with nothing typed stays in Villejean.
    d.focus_team("E2");
    d.key(KeyCode::Char('v'));
    d.key(KeyCode::Char('p'));
    d.key(KeyCode::Enter);
    assert_eq!(d.team("E2").status(), TeamStatus::ActivePresence);
    assert!(
        matches!(&d.team("E2").position, Position::District(v) if v.contains("vil")),
        "{:?}",
        d.team("E2").position
    );
    d.key(KeyCode::Char('l'));
    d.typed("zzzz");
    d.key(KeyCode::Enter);
    assert!(
        d.error().is_some(),
        "nothing matches: said, nothing written"
    );
    // Something typed: Esc asks once, like in every form.
    d.key(KeyCode::Esc);
    assert!(matches!(d.app.mode, Mode::Place(_)));
    d.key(KeyCode::Esc);
    assert!(matches!(d.app.mode, Mode::Normal));
}

#[test]
fn a_team_action_needs_a_team() {
    let mut d = Desk::night();
    let r = d.request_at("vil-kennedy-1", Priority::P2);
    d.focus_request(r);
    for a in [
        Action::Arrive,
        Action::Contact,
        Action::Recall,
        Action::Clear,
        Action::SetStatus(TeamStatus::Break),
    ] {
        let effects = d.act(a.clone());
        assert_eq!(effects, vec![Effect::Bell], "{a:?}");
        assert_eq!(d.error().as_deref(), Some("Choisissez une équipe."));
        assert!(matches!(d.app.mode, Mode::Normal));
    }
    d.app.focus = Pane::Cases;
    assert_eq!(d.act(Action::Contact), vec![Effect::Bell]);
    assert!(d.desk.written.is_empty());
}

#[test]
fn recall_puts_the_request_back_in_the_queue() {
    let mut d = Desk::night();
    let r = d.request_at("vil-kennedy-1", Priority::P2);
    d.dispatch(r, "E2");
    d.focus_team("E2");
    d.act(Action::Recall);
    assert!(
        matches!(d.app.mode, Mode::Confirm(_)),
        "recalling asks first"
    );
    assert!(d.team("E2").assignment.is_some());
    d.act(Action::Submit);
    assert_eq!(d.info().as_deref(), Some("Équipe E2 : rappelée"));
    assert_eq!(d.team("E2").status(), TeamStatus::Available);
    assert!(d.team("E2").assignment.is_none());
    assert_eq!(d.app.domain.requests[&r].status, RequestStatus::Received);
    assert!(d.app.domain.requests[&r].team.is_none());
}
