//! `update()` on the handover screen: deciding every open request, the note, closing the
//! night, taking the handover, instructions.

use super::*;
use crate::app::Screen;
use crate::domain::vocab::InstructionKind;

fn on_handover(d: &mut Desk) {
    d.key(KeyCode::Char('4'));
    assert_eq!(d.app.screen, Screen::Handover);
}

fn select_request(d: &mut Desk, id: RequestId) {
    let h = crate::app::handover::handover(&d.app).expect("a handover");
    let row = crate::app::handover::items(&h)
        .iter()
        .position(|i| *i == crate::app::handover::Item::Request(id))
        .expect("listed");
    d.app.select_handover_row(row);
}

#[test]
fn the_night_closes_once_every_open_request_is_carried_over_or_closed() {
    let mut d = Desk::night();
    let a = d.request_at("vil-kennedy-1", Priority::P2);
    let b = d.request_at("mau-gros-chene-1", Priority::P3);
    on_handover(&mut d);
    d.key(KeyCode::Char('C'));
    assert_eq!(
        d.error().as_deref(),
        Some("Encore 2 sollicitation(s) à décider : « r » reporte, « X » clôt.")
    );
    assert!(d.app.domain.open_night().is_some());

    select_request(&mut d, a);
    d.key(KeyCode::Char('r'));
    assert_eq!(d.app.domain.requests[&a].carried_over.len(), 1);
    select_request(&mut d, b);
    d.key(KeyCode::Char('X'));
    d.key(KeyCode::Right);
    d.key(KeyCode::Right);
    d.key(KeyCode::Enter);
    assert_eq!(
        d.app.domain.requests[&b].status,
        RequestStatus::Dismissed,
        "closed as unfounded"
    );

    d.key(KeyCode::Char('w'));
    d.typed("Nuit calme");
    d.key(KeyCode::Tab);
    d.key(KeyCode::Tab);
    d.typed("Rappeler l'astreinte du bailleur");
    d.key(KeyCode::Enter);
    assert_eq!(d.info().as_deref(), Some("Note de passation enregistrée."));
    d.key(KeyCode::Char('C'));
    assert_eq!(d.info().as_deref(), Some("Nuit clôturée."));
    let h = crate::app::handover::handover(&d.app).expect("the closed night's handover");
    assert!(!h.open);
    assert_eq!(
        h.note.map(|n| n.needs),
        Some("Rappeler l'astreinte du bailleur".to_string())
    );
}

#[test]
fn the_next_coordinator_takes_the_handover_once() {
    let mut d = Desk::night();
    d.prepare(Command::CloseNight);
    d.later(19 * 60);
    on_handover(&mut d);
    d.key(KeyCode::Char('A'));
    assert!(matches!(d.app.mode, Mode::Choice(_)));
    d.key(KeyCode::Enter);
    let ack = d.app.domain.handover.clone().and_then(|h| h.acknowledged);
    assert!(ack.is_some(), "{:?}", d.app.notice);
    assert!(
        d.info()
            .is_some_and(|m| m.starts_with("Passation prise : "))
    );
    d.key(KeyCode::Char('A'));
    d.key(KeyCode::Enter);
    assert!(
        d.error()
            .is_some_and(|e| e.starts_with("La passation a déjà été prise par")),
        "{:?}",
        d.app.notice
    );
    assert_eq!(d.desk.refused.len(), 1);
}

#[test]
fn an_instruction_is_added_for_a_site_extended_and_ended_and_leaves_the_board() {
    let mut d = Desk::night();
    on_handover(&mut d);
    d.key(KeyCode::Char('i'));
    d.key(KeyCode::Tab);
    d.typed("kennedy");
    d.key(KeyCode::Tab);
    d.typed("Hall B sans lumière");
    d.key(KeyCode::Enter);
    assert_eq!(
        d.error().as_deref(),
        Some("Une consigne temporaire a besoin de son dernier jour (JJ/MM).")
    );
    d.key(KeyCode::Tab);
    d.typed("+2");
    d.key(KeyCode::Enter);
    assert_eq!(d.info().as_deref(), Some("Consigne enregistrée."));
    let i = d
        .app
        .domain
        .instructions
        .values()
        .next()
        .expect("one")
        .clone();
    assert_eq!(i.kind, InstructionKind::Temporary);
    assert!(matches!(i.scope, crate::domain::handover::Scope::Site(_)));
    assert_eq!(crate::app::board::instructions(&d.app).len(), 1);

    d.app.select_handover_row(0);
    d.key(KeyCode::Char('+'));
    for _ in 0..12 {
        d.act(Action::Edit(InputRequest::DeletePrevChar));
    }
    d.typed("+5");
    d.key(KeyCode::Enter);
    assert_eq!(
        d.app.domain.instructions[&i.id].until,
        Some("2026-12-05".parse().expect("date"))
    );
    d.key(KeyCode::Char('E'));
    assert_eq!(d.info().as_deref(), Some("Consigne levée."));
    assert!(crate::app::board::instructions(&d.app).is_empty());
}

#[test]
fn an_expired_instruction_leaves_the_board_by_itself() {
    let mut d = Desk::night();
    d.prepare(Command::AddInstruction {
        kind: InstructionKind::Temporary,
        scope: crate::domain::handover::Scope::Territory,
        text: "Match au Roazhon Park : circulation difficile".into(),
        until: Some("2026-11-30".parse().expect("date")),
    });
    assert_eq!(crate::app::board::instructions(&d.app).len(), 1);
    d.later(3 * 60);
    assert_eq!(
        crate::app::board::instructions(&d.app).len(),
        1,
        "past midnight it is still Monday the 30th's night: its last day"
    );
    d.later(20 * 60);
    assert!(
        crate::app::board::instructions(&d.app).is_empty(),
        "Tuesday evening: expired, gone from the board"
    );
}

#[test]
fn r_on_the_handover_screen_asks_the_runtime_for_the_nights_report() {
    let mut d = Desk::night();
    on_handover(&mut d);
    let night = d.app.domain.open_night().expect("open").night;
    let effects = d.key(KeyCode::Char('R'));
    assert_eq!(effects, vec![Effect::ExportReport(night)]);
    assert!(
        matches!(d.app.mode, Mode::Normal),
        "no form opens: the runtime writes"
    );

    // What the runtime answers is said in the footer: the path, or why not.
    let path = std::path::PathBuf::from("/data/reports/nuit-2026-11-30.md");
    let effects = d.act(Action::ReportExported(Ok(path)));
    assert!(effects.is_empty());
    assert_eq!(
        d.info().as_deref(),
        Some("Rapport écrit : /data/reports/nuit-2026-11-30.md")
    );
    let effects = d.act(Action::ReportExported(Err("disque plein".into())));
    assert_eq!(effects, vec![Effect::Bell]);
    assert_eq!(d.error().as_deref(), Some("disque plein"));
}

#[test]
fn m_on_the_handover_screen_writes_last_months_reports_and_says_where() {
    let mut d = Desk::night();
    on_handover(&mut d);
    // The night of Monday 30 November: last month is October.
    let effects = d.key(KeyCode::Char('M'));
    let october = chrono::NaiveDate::from_ymd_opt(2026, 10, 1).expect("date");
    assert_eq!(effects, vec![Effect::ExportMonth(october)]);
    assert_eq!(d.desk.months, [october], "through the desk");
    assert_eq!(
        d.info().as_deref(),
        Some("0 fichier(s) de rapports écrits dans reports/2026-10")
    );
    // A January night: December of the year before.
    let jan = "2027-01-05T22:00:00+01:00"
        .parse::<DateTime<Utc>>()
        .expect("instant");
    assert_eq!(
        crate::app::handover::last_month(jan),
        chrono::NaiveDate::from_ymd_opt(2026, 12, 1).expect("date")
    );
}

#[test]
fn r_elsewhere_does_not_export() {
    let mut d = Desk::night();
    // On the board, R recalls a team; it never writes a report.
    let effects = d.key(KeyCode::Char('R'));
    assert!(!effects.iter().any(|e| matches!(e, Effect::ExportReport(_))));
}
