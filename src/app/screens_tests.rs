//! `update()` on the situations and logbook screens, the night form, screen switching.

use super::*;
use crate::app::Screen;
use crate::domain::command::{CaseLink, Clearance};
use crate::domain::ids::CaseId;
use crate::domain::vocab::{CaseState, Outcome, ResponseLevel};

/// A night with one situation opened at Kennedy after a cleared intervention.
fn with_case() -> (Desk, CaseId) {
    let mut d = Desk::night();
    let r = d.request_at("vil-kennedy-1", Priority::P2);
    d.prepare(Command::Dispatch {
        request: r,
        team: "E2".into(),
    });
    d.prepare(Command::Arrive { team: "E2".into() });
    d.prepare(Command::Clear(Clearance {
        team: "E2".into(),
        level: ResponseLevel::Mediation,
        outcome: Outcome::MediationToContinue,
        relays: vec![],
        referrals: vec![],
        note: None,
        case: CaseLink::New,
    }));
    let case = *d
        .app
        .domain
        .cases
        .keys()
        .next()
        .expect("a situation was opened");
    (d, case)
}

#[test]
fn digits_and_f_keys_switch_screens_and_help_comes_back_where_it_was() {
    let mut d = Desk::night();
    d.key(KeyCode::Char('2'));
    assert_eq!(d.app.screen, Screen::Cases);
    d.key(KeyCode::F(4));
    assert_eq!(d.app.screen, Screen::Log);
    d.key(KeyCode::Char('?'));
    assert_eq!(d.app.screen, Screen::Help);
    d.key(KeyCode::Esc);
    assert_eq!(d.app.screen, Screen::Log, "help returns to the logbook");
    d.key(KeyCode::F(2));
    assert_eq!(d.app.screen, Screen::Board);
    d.key(KeyCode::F(1));
    d.key(KeyCode::Char('3'));
    assert_eq!(d.app.screen, Screen::Log, "a digit leaves help too");
}

#[test]
fn the_night_form_opens_the_night_with_its_teams_in_one_commit() {
    let mut d = Desk::dark();
    // Opened from the handover screen, as at the start of a shift.
    d.app.screen = Screen::Handover;
    d.key(KeyCode::Char('O'));
    assert!(matches!(d.app.mode, Mode::OpenNight(_)));
    d.key(KeyCode::Right); // the next coordinator
    d.key(KeyCode::Tab);
    d.typed("samir gwen");
    d.key(KeyCode::Tab);
    d.typed("Clio 12 · 06 00 00 00 01");
    d.key(KeyCode::Tab);
    d.typed("AÏCHA loic");
    let effects = d.key(KeyCode::Enter);
    // The opening, two teams, and the weekday's standing plan.
    assert!(matches!(&effects[..], [Effect::Commit(c)] if c.len() == 4));
    assert!(matches!(d.app.mode, Mode::Normal), "closed once written");
    let night = d.app.domain.open_night().expect("the night is open");
    assert_eq!(night.coordinator, d.app.territory.coordinators[1].id);
    assert_eq!(d.team("E1").members, ["samir-k", "gwenaelle-p"]);
    assert_eq!(
        d.team("E1").equipment.as_deref(),
        Some("Clio 12 · 06 00 00 00 01")
    );
    assert_eq!(d.team("E2").members, ["aicha-d", "loic-m"]);
    assert_eq!(
        d.info().as_deref(),
        Some("Nuit ouverte, 2 équipe(s) composée(s).")
    );
    assert_eq!(
        d.app.screen,
        Screen::Board,
        "the night's work is on the board"
    );
    assert!(
        d.app.log.lines.iter().any(|l| l.text.contains("E2")),
        "the logbook has the new night: {:?}",
        d.app.log.lines
    );
}

#[test]
fn an_unknown_name_in_the_night_form_points_at_the_team_and_writes_nothing() {
    let mut d = Desk::dark();
    d.act(Action::OpenNight);
    d.key(KeyCode::Tab);
    d.key(KeyCode::Tab);
    d.key(KeyCode::Tab);
    d.typed("samir zorglub");
    let effects = d.key(KeyCode::Enter);
    assert_eq!(effects, vec![Effect::Bell]);
    assert_eq!(
        d.error().as_deref(),
        Some("E2 : « zorglub » ne désigne aucun·e médiateur·rice (ou plusieurs).")
    );
    match &d.app.mode {
        Mode::OpenNight(f) => assert_eq!(
            f.field,
            crate::app::night_form::NightField::Members(1),
            "the cursor is on E2's members"
        ),
        other => panic!("the form stays open, not {other:?}"),
    }
    assert!(d.desk.written.is_empty());
}

#[test]
fn a_team_member_already_out_refuses_the_whole_opening() {
    let mut d = Desk::dark();
    d.act(Action::OpenNight);
    d.key(KeyCode::Tab);
    d.typed("samir gwen");
    d.key(KeyCode::Tab);
    d.key(KeyCode::Tab);
    d.typed("samir loic");
    d.key(KeyCode::Enter);
    assert!(d.error().is_some(), "the domain's reason is shown");
    assert!(d.desk.written.is_empty(), "nothing written: all or nothing");
    assert!(d.app.domain.open_night().is_none());
    assert!(
        matches!(d.app.mode, Mode::OpenNight(_)),
        "the form stays to fix it"
    );
}

#[test]
fn opening_twice_is_refused_with_the_way_to_add_a_team() {
    let mut d = Desk::night();
    d.key(KeyCode::Char('O'));
    assert!(matches!(d.app.mode, Mode::Normal));
    assert!(d.error().is_some_and(|e| e.contains(":equipe")));
}

#[test]
fn a_step_the_follow_up_and_the_watch_are_recorded_on_the_selected_situation() {
    let (mut d, case) = with_case();
    d.key(KeyCode::Char('2'));
    d.key(KeyCode::Char('e'));
    d.key(KeyCode::Enter);
    assert_eq!(
        d.error().as_deref(),
        Some("Niveau de réponse : choisissez avec ←/→.")
    );
    d.key(KeyCode::Right);
    d.key(KeyCode::Right);
    d.key(KeyCode::Tab);
    d.typed("rappel du règlement");
    d.key(KeyCode::Enter);
    let c = &d.app.domain.cases[&case];
    assert_eq!(c.steps.last().map(|s| s.level), Some(ResponseLevel::ALL[1]));
    assert!(c.steps.last().is_some_and(|s| s.note.is_some()));

    d.key(KeyCode::Char('s'));
    d.typed("+7");
    d.key(KeyCode::Enter);
    assert_eq!(
        d.app.domain.cases[&case].next_follow_up,
        Some("2026-12-07".parse().expect("date"))
    );
    d.key(KeyCode::Char('s'));
    for _ in 0..12 {
        d.act(Action::Edit(InputRequest::DeletePrevChar));
    }
    d.typed("01/01/2020");
    d.key(KeyCode::Enter);
    assert!(
        d.error()
            .is_some_and(|e| e.starts_with("Le 01/01/2020 est passé")),
        "{:?}",
        d.error()
    );
    assert!(matches!(d.app.mode, Mode::Date(_)), "stays open to fix");
    // A changed date: Esc asks once, like in every form.
    d.key(KeyCode::Esc);
    assert!(matches!(d.app.mode, Mode::Date(_)));
    d.key(KeyCode::Esc);

    d.key(KeyCode::Char('w'));
    assert_eq!(d.app.domain.cases[&case].state, CaseState::Watch);
    d.key(KeyCode::Char('w'));
    assert!(
        d.error().is_some(),
        "already under watch: the domain says so"
    );
    d.key(KeyCode::Char('o'));
    assert_eq!(d.app.domain.cases[&case].state, CaseState::Open);
    d.key(KeyCode::Char('X'));
    assert_eq!(d.app.domain.cases[&case].state, CaseState::Closed);
    assert_eq!(
        crate::app::board::open_cases(&d.app).len(),
        0,
        "a closed situation leaves the list"
    );
    d.key(KeyCode::Char('e'));
    assert_eq!(d.error().as_deref(), Some("Aucune situation choisie."));
}

#[test]
fn a_due_follow_up_comes_first() {
    let (mut d, first) = with_case();
    d.later(5);
    let r = d.request_at("mau-gros-chene-1", Priority::P3);
    d.prepare(Command::OpenCase {
        site: "mau-gros-chene-1".into(),
        category: Category::Noise,
        request: Some(r),
    });
    assert_ne!(
        crate::app::board::open_cases(&d.app)[0].id,
        first,
        "newest first"
    );
    d.prepare(Command::SetFollowUp {
        case: first,
        date: Some("2026-11-30".parse().expect("date")),
    });
    assert_eq!(
        crate::app::board::open_cases(&d.app)[0].id,
        first,
        "due today: first"
    );
}

#[test]
fn the_logbook_follows_the_night_searches_and_takes_free_entries() {
    let mut d = Desk::dark();
    d.act(Action::OpenNight);
    d.key(KeyCode::Tab);
    d.typed("samir gwen");
    d.key(KeyCode::Enter);
    d.key(KeyCode::Char('3'));
    let before = d.app.log.lines.len();
    d.key(KeyCode::Char('e'));
    d.typed("Appel de la police municipale : patrouille à Kennedy");
    d.key(KeyCode::Enter);
    assert_eq!(
        d.info().as_deref(),
        Some("Entrée ajoutée à la main courante.")
    );
    assert_eq!(d.app.log.lines.len(), before + 1);
    assert_eq!(
        d.app.log.selected(),
        Some(before),
        "follows the newest line"
    );

    d.key(KeyCode::Char('/'));
    d.typed("equipe");
    assert!(matches!(d.app.mode, Mode::Search(_)));
    d.key(KeyCode::Enter);
    assert!(
        d.info().is_some_and(|m| m.contains("ligne")),
        "{:?}",
        d.app.notice
    );
    let at = d.app.log.selected().expect("a match");
    assert!(d.app.log.is_match(at));
    d.key(KeyCode::Char('/'));
    d.typed("ascenseur");
    d.key(KeyCode::Enter);
    assert_eq!(
        d.error().as_deref(),
        Some("« ascenseur » : introuvable dans la main courante.")
    );
    d.key(KeyCode::Esc);
    assert!(d.app.log.query.is_empty());

    d.key(KeyCode::Char('e'));
    d.key(KeyCode::Enter);
    assert!(d.error().is_some_and(|e| e.starts_with("Entrée vide")));
    d.typed("x");
    d.key(KeyCode::Esc);
    assert!(
        matches!(d.app.mode, Mode::Line(_)),
        "asks before discarding"
    );
    d.key(KeyCode::Esc);
    assert!(matches!(d.app.mode, Mode::Normal));
}

#[test]
fn a_free_entry_needs_an_open_night() {
    let mut d = Desk::dark();
    d.key(KeyCode::Char('3'));
    d.key(KeyCode::Char('e'));
    assert!(matches!(d.app.mode, Mode::Normal));
    assert_eq!(d.error().as_deref(), Some("Ouvrez d'abord la nuit (O)."));
}

#[test]
fn a_click_selects_the_row_and_focuses_its_pane() {
    let mut d = Desk::night();
    d.request_at("vil-kennedy-1", Priority::P2);
    d.request_at("vil-kennedy-2", Priority::P3);
    d.act(Action::Select(Pane::Teams, 2));
    assert_eq!(d.app.focus, Pane::Teams);
    assert_eq!(d.app.selected(Pane::Teams), 2);
    d.act(Action::Select(Pane::Requests, 9));
    assert_eq!(d.app.focus, Pane::Requests);
    assert_eq!(d.app.selected(Pane::Requests), 1, "clamped to the last row");
}
