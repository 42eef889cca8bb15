//! `update()` over the teams' safety and the guard rails, told as a night: a check-in with
//! its word, a team going quiet (amber, red with a bell, escalated, heard from again), the
//! worst alert first, keys that cannot apply saying so, irreversible keys asking first.

use super::*;
use crate::app::safety::{Late, escalated, overdue};
use crate::domain::safety::{CheckInWord, MissedStep};

/// E3 sent to Kennedy (request 1) and on site at 21:15.
fn e3_on_site() -> (Desk, RequestId) {
    let mut d = Desk::night();
    let r = d.request_at("vil-kennedy-1", Priority::P2);
    d.dispatch(r, "E3");
    d.later(10);
    d.focus_team("E3");
    d.act(Action::Arrive);
    (d, r)
}

fn missed(d: &Desk) -> Vec<(String, MissedStep)> {
    d.desk
        .recorded
        .iter()
        .filter_map(|c| match c {
            Command::MissCheckIn { team, step, .. } => Some((team.clone(), *step)),
            _ => None,
        })
        .collect()
}

/// The steps recorded for one team.
fn missed_by(d: &Desk, team: &str) -> Vec<(String, MissedStep)> {
    missed(d).into_iter().filter(|(t, _)| t == team).collect()
}

#[test]
fn a_check_in_carries_its_word_and_an_incident_raises_an_alert_and_a_logbook_line() {
    let (mut d, _) = e3_on_site();
    d.later(5);
    d.key(KeyCode::Char('c'));
    assert!(matches!(&d.app.mode, Mode::CheckIn(f) if f.word == CheckInWord::Ras));
    // « RAS » is one Enter away.
    d.key(KeyCode::Enter);
    assert_eq!(d.info().as_deref(), Some("Équipe E3 : contact enregistré"));

    d.key(KeyCode::Char('c'));
    d.key(KeyCode::Right);
    d.key(KeyCode::Right);
    let effects = d.key(KeyCode::Enter);
    assert_eq!(
        effects,
        vec![Effect::Commit(vec![Command::CheckIn {
            team: "E3".into(),
            word: CheckInWord::Incident
        }])]
    );
    assert_eq!(d.info().as_deref(), Some("Équipe E3 : contact — incident"));
    let e3 = d.team("E3").clone();
    assert_eq!(
        crate::app::board::contact_alert(&e3, d.app.now, &d.app.thresholds).1,
        crate::app::board::Alert::Red
    );
    assert_eq!(overdue(&d.app).worst, Some(Late::Team("E3".into())));
    let last = d.app.log.lines.last().map(|l| l.text.clone());
    assert!(
        last.as_deref()
            .is_some_and(|l| l.contains("INCIDENT signalé")),
        "{last:?}"
    );
    // A « RAS » later: all is clear again.
    d.key(KeyCode::Char('c'));
    d.key(KeyCode::Enter);
    assert_eq!(d.team("E3").reported, None);
    assert_eq!(overdue(&d.app).teams, 0);
}

#[test]
fn a_quiet_team_goes_amber_then_red_with_a_bell_then_escalated_and_each_step_is_logged_once() {
    let (mut d, _) = e3_on_site();
    // Someone is typing a call meanwhile: the steps are recorded without closing it.
    d.act(Action::NewRequest);
    d.typed("gros");
    d.later(19);
    assert!(missed_by(&d, "E3").is_empty());
    d.later(1);
    assert_eq!(missed_by(&d, "E3"), vec![("E3".into(), MissedStep::Amber)]);
    assert!(matches!(d.app.mode, Mode::NewRequest(_)), "the form stays");
    d.later(1);
    assert_eq!(missed_by(&d, "E3").len(), 1, "a step is recorded once");
    let effects = d.act(Action::Tick(d.app.now + Duration::minutes(19)));
    assert!(effects.contains(&Effect::Bell), "red rings: {effects:?}");
    d.later(20);
    assert_eq!(
        missed_by(&d, "E3"),
        vec![
            ("E3".into(), MissedStep::Amber),
            ("E3".into(), MissedStep::Red),
            ("E3".into(), MissedStep::Escalated)
        ]
    );
    assert_eq!(
        escalated(&d.app)
            .iter()
            .map(|t| t.call_sign.as_str())
            .collect::<Vec<_>>(),
        ["E3"]
    );
    let lines: Vec<String> = d.app.log.lines.iter().map(|l| l.text.clone()).collect();
    assert!(
        lines
            .iter()
            .any(|l| l.ends_with("Équipe E3 : sans contact depuis 60′ — ESCALADE")),
        "{lines:?}"
    );
    // It stays until the team is heard from: `!` goes to it, `c` Enter ends it.
    d.act(Action::Back);
    d.act(Action::Back);
    d.app.focus = Pane::Requests;
    d.key(KeyCode::Char('!'));
    assert_eq!(
        (d.app.focus, d.app.selected_team().as_deref()),
        (Pane::Teams, Some("E3"))
    );
    d.later(30);
    assert!(!escalated(&d.app).is_empty(), "still there 30 minutes on");
    d.key(KeyCode::Char('c'));
    d.key(KeyCode::Enter);
    assert!(!escalated(&d.app).iter().any(|t| t.call_sign == "E3"));
    assert_eq!(d.team("E3").missed, None);
}

#[test]
fn every_status_out_in_the_field_is_watched_with_its_own_threshold() {
    let mut d = Desk::night();
    // E1 and E2 in active presence since 21:05 (30 min), E3 at base (never).
    d.later(29);
    assert!(missed(&d).is_empty());
    d.later(1);
    assert_eq!(
        missed(&d),
        vec![
            ("E1".into(), MissedStep::Amber),
            ("E2".into(), MissedStep::Amber)
        ]
    );
    // En route: 20 minutes, from the dispatch.
    let r = d.request_at("vil-kennedy-1", Priority::P3);
    d.dispatch(r, "E3");
    d.later(20);
    assert!(missed(&d).contains(&("E3".into(), MissedStep::Amber)));
    d.later(120);
    assert!(
        !missed(&d)
            .iter()
            .any(|(t, _)| t == "E3" && d.team(t).status() == TeamStatus::Available),
        "a team at base is never late"
    );
}

#[test]
fn the_worst_alert_is_an_escalation_before_a_red_request() {
    let (mut d, _) = e3_on_site();
    let late = d.request_at("mau-gros-chene-1", Priority::P1);
    d.later(12);
    assert_eq!(overdue(&d.app).worst, Some(Late::Request(late)));
    d.later(50);
    let o = overdue(&d.app);
    assert_eq!(o.worst, Some(Late::Team("E3".into())));
    assert!(o.requests >= 1 && o.teams >= 1);
    d.key(KeyCode::Char('c'));
    d.key(KeyCode::Enter);
    d.app.focus = Pane::Teams;
    d.key(KeyCode::Char('!'));
    assert_eq!(
        (d.app.focus, d.app.selected_request()),
        (Pane::Requests, Some(late))
    );
}

#[test]
fn keys_that_cannot_apply_say_so_before_a_form_opens() {
    let (mut d, r) = e3_on_site();
    // `x` on a team with no request.
    d.focus_team("E1");
    d.key(KeyCode::Char('x'));
    assert!(matches!(d.app.mode, Mode::Normal));
    assert_eq!(
        d.error().as_deref(),
        Some("L'équipe E1 n'a pas d'affectation.")
    );
    // `p` on a team on site.
    d.focus_team("E3");
    d.key(KeyCode::Char('p'));
    assert!(matches!(d.app.mode, Mode::Normal));
    let number = d.app.domain.requests[&r].number;
    assert_eq!(
        d.error(),
        Some(format!(
            "Équipe E3 est déjà affectée à la sollicitation {number}."
        ))
    );
    // `v` on a team already available writes nothing, and does not ring.
    d.command("dispo E1");
    d.command("note calme");
    let before = d.desk.written.len();
    d.focus_team("E1");
    let effects = d.key(KeyCode::Char('v'));
    assert!(effects.is_empty(), "{effects:?}");
    assert_eq!(d.desk.written.len(), before);
    assert_eq!(
        d.info().as_deref(),
        Some("L'équipe E1 est déjà « disponible » : rien n'est écrit.")
    );
    assert!(d.desk.refused.is_empty());
}

#[test]
fn recalling_asks_first_and_no_writes_nothing() {
    let (mut d, r) = e3_on_site();
    d.key(KeyCode::Char('R'));
    let Mode::Confirm(question) = &d.app.mode else {
        panic!("R asks first, not {:?}", d.app.mode);
    };
    assert!(matches!(&question.ask, crate::app::confirm::Ask::Recall { team, .. } if team == "E3"));
    let written = d.desk.written.len();
    d.key(KeyCode::Char('n'));
    assert_eq!(d.desk.written.len(), written);
    assert_eq!(d.info().as_deref(), Some("Rien n'a été écrit."));
    d.key(KeyCode::Char('R'));
    d.key(KeyCode::Char('o'));
    assert_eq!(d.app.domain.requests[&r].team, None);
    // A team with nothing to recall from is told so, no question.
    d.key(KeyCode::Char('R'));
    assert!(matches!(d.app.mode, Mode::Normal));
    assert_eq!(
        d.error().as_deref(),
        Some("L'équipe E3 n'a pas d'affectation.")
    );
}

#[test]
fn closing_the_night_shows_what_is_still_out_and_asks() {
    let (mut d, r) = e3_on_site();
    let waiting = d.request_at("mau-gros-chene-1", Priority::P3);
    let w = d.app.domain.requests[&waiting].number;
    d.command(&format!("reporter {w}"));
    d.key(KeyCode::Char('4'));
    d.key(KeyCode::Char('C'));
    let Mode::Confirm(question) = &d.app.mode else {
        panic!("C asks first, not {:?} {:?}", d.app.mode, d.app.notice);
    };
    let crate::app::confirm::Ask::CloseNight { teams, open, .. } = &question.ask else {
        panic!("{question:?}");
    };
    let out: Vec<(&str, Option<u32>)> =
        teams.iter().map(|t| (t.team.as_str(), t.request)).collect();
    let number = d.app.domain.requests[&r].number;
    assert_eq!(out, [("E1", None), ("E2", None), ("E3", Some(number))]);
    assert_eq!(open, &[(number, false), (w, true)]);
    assert!(question.blocked());
    assert!(matches!(
        question.ask,
        crate::app::confirm::Ask::CloseNight { undecided: 1, .. }
    ));
    // Esc: nothing; yes while E3 is out on its request: said, the night stays open.
    d.key(KeyCode::Esc);
    assert!(d.app.domain.open_night().is_some());
    d.key(KeyCode::Char('C'));
    d.key(KeyCode::Enter);
    assert!(d.app.domain.open_night().is_some());
    assert_eq!(
        d.error().as_deref(),
        Some("Encore 1 sollicitation(s) à décider : « r » reporte, « X » clôt.")
    );
    d.command("rappeler E3");
    d.key(KeyCode::Enter);
    d.command(&format!("reporter {number}"));
    d.key(KeyCode::Char('4'));
    d.key(KeyCode::Char('C'));
    d.key(KeyCode::Enter);
    assert!(d.app.domain.open_night().is_none(), "{:?}", d.app.notice);
}

#[test]
fn the_command_line_covers_the_actions_and_shows_its_error_in_place() {
    let mut d = Desk::night();
    let r = d.request_at("vil-kennedy-1", Priority::P2);
    let n = d.app.domain.requests[&r].number;
    d.command("envoyer 99 E3");
    assert!(matches!(&d.app.mode, Mode::Line(o) if o.form.input.value() == "envoyer 99 E3"));
    assert_eq!(
        d.error().as_deref(),
        Some("Aucune sollicitation n° 99 cette nuit.")
    );
    d.command(&format!("envoyer {n} E9"));
    assert_eq!(
        d.error().as_deref(),
        Some("Aucune équipe « E9 » cette nuit.")
    );
    d.command(&format!("envoyer {n} e3"));
    assert!(matches!(d.app.mode, Mode::Normal));
    assert_eq!(d.error(), None, "the next command clears the error");
    assert_eq!(d.team("E3").status(), TeamStatus::EnRoute);
    d.command("surplace E3");
    assert_eq!(d.team("E3").status(), TeamStatus::OnSite);
    d.command("contact E3 renf");
    assert_eq!(
        d.team("E3").reported.map(|r| r.word),
        Some(CheckInWord::Reinforcement)
    );
    d.command("contact E3 danse");
    assert_eq!(
        d.error().as_deref(),
        Some("Écrire : :contact ÉQUIPE [ras|renfort|incident]")
    );
    let other = d.request_at("mau-gros-chene-1", Priority::P3);
    let m = d.app.domain.requests[&other].number;
    d.command(&format!("annuler {m}"));
    assert_eq!(
        d.app.domain.requests[&other].status,
        RequestStatus::Cancelled
    );
    d.command("rappeler E3");
    assert!(matches!(d.app.mode, Mode::Confirm(_)), "asks, as R does");
    d.key(KeyCode::Esc);
    d.command("aide");
    assert!(matches!(d.app.mode, Mode::Verbs));
    d.key(KeyCode::Esc);
    assert!(matches!(d.app.mode, Mode::Normal));
}

#[test]
fn every_verb_has_its_words_in_both_languages_once_and_its_usage() {
    use crate::app::verbs::{VERBS, find};
    let mut words: Vec<&str> = VERBS.iter().flat_map(|v| [v.fr, v.en]).collect();
    for v in VERBS {
        assert!(find(v.fr).is_some() && find(v.en).is_some());
        assert!(v.usage(Lang::Fr).starts_with(&format!(":{}", v.fr)));
        assert_eq!(v.fr, crate::text::fold(v.fr), "typed without accents");
    }
    words.sort_unstable();
    let n = words.len();
    words.dedup();
    // A few verbs are the same word in both languages (note, presence, position, contact).
    assert!(words.len() >= n - 8, "{words:?}");
    assert!(find("ENVOYER").is_some() && find("Clôturer").is_some());
}

#[test]
fn a_mediator_in_another_team_is_refused_by_name() {
    let mut d = Desk::night();
    d.command("equipe E4 samir ines");
    assert_eq!(
        d.error().as_deref(),
        Some("Samir K. fait déjà partie de l'équipe E1.")
    );
}

#[test]
fn the_autopilot_is_a_demos_and_the_user_takes_the_desk_back_by_working() {
    let mut d = Desk::night();
    d.key(KeyCode::Char('D'));
    assert!(!d.app.autopilot);
    assert!(d.error().is_some_and(|e| e.contains("démo")));
    d.app.demo = Some(10);
    d.key(KeyCode::Char('D'));
    assert!(d.app.autopilot);
    // Watching does not take the desk back; writing does.
    d.key(KeyCode::Tab);
    d.key(KeyCode::Down);
    d.later(3);
    assert!(d.app.autopilot);
    d.focus_team("E3");
    d.key(KeyCode::Char('b'));
    assert!(!d.app.autopilot);
    assert_eq!(d.team("E3").status(), TeamStatus::Break);
}

#[test]
fn the_night_form_proposes_whoever_took_the_last_handover() {
    let mut d = Desk::night();
    d.command("cloturer");
    d.key(KeyCode::Enter);
    d.command("prendre yannick");
    d.act(Action::OpenNight);
    let Mode::OpenNight(form) = &d.app.mode else {
        panic!("{:?}", d.app.mode);
    };
    let proposed = &d.app.territory.coordinators[form.form.coordinator];
    assert_eq!(proposed.id, "yannick-l");
}
