//! Snapshots of the requests worked from the board (issue 10, part A): a request's detail
//! (pop-up, and the side pane of a wide board), the correction, the call settled by phone
//! and the callback, at 80×24 and 160×45 (the side pane at 200×60), French and English.
//! The caller and the number are invented.

#[path = "support/screen.rs"]
mod screen;
use chrono::{DateTime, Duration, Utc};
use screen::render;
use vigie::app::form::Open;
use vigie::app::form::callback::CallbackForm;
use vigie::app::form::correct::CorrectForm;
use vigie::app::form::settle::{PhoneEnd, SettleForm};
use vigie::app::memory_desk::MemoryDesk;
use vigie::app::{AppState, Mode, Pane};
use vigie::domain::Command;
use vigie::domain::command::NewRequest;
use vigie::domain::handover::Scope;
use vigie::domain::ids::RequestId;
use vigie::domain::vocab::{Category, InstructionKind, Priority, Source};
use vigie::i18n::Lang;

fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s)
        .map(|d| d.with_timezone(&Utc))
        .expect("instant")
}

fn call(site: &str, category: Category, priority: Priority) -> NewRequest {
    NewRequest {
        address: None,
        source: Source::Resident,
        site: site.into(),
        category,
        priority,
        caller_name: None,
        callback: None,
        description: None,
        entrance: None,
    }
}

/// Tuesday 1 December at 22:10: a request carried in from Monday, and tonight's request 2
/// at Les Ajoncs, Hall A (a caller who left a number), E1 on site with E2 as reinforcement,
/// a callback due at 22:30, a situation and a watch point at that site.
fn night(lang: Lang) -> (AppState, RequestId) {
    let territory = vigie::territory::rennes().expect("Rennes loads");
    let mut desk = MemoryDesk::new(territory.clone());
    let mut run = |cmd: Command, t: DateTime<Utc>| {
        desk.execute(&[cmd], t).expect("the fixture night is valid");
    };
    let monday = at("2026-11-30T23:30:00+01:00");
    let open = |c: &str| Command::OpenNight {
        coordinator: c.into(),
    };
    run(open("nadia-b"), monday);
    let carried = call("vil-kennedy-1", Category::Noise, Priority::P3);
    run(Command::ReceiveRequest(carried), monday);
    run(
        Command::CarryOver {
            request: RequestId(0),
        },
        monday,
    );
    run(Command::CloseNight, monday + Duration::minutes(150));
    let mut t = at("2026-12-01T21:02:00+01:00");
    run(open("claire-m"), t);
    for (team, members) in [
        ("E1", ["samir-k", "gwenaelle-p"]),
        ("E2", ["aicha-d", "loic-m"]),
    ] {
        let members = members.iter().map(|m| m.to_string()).collect();
        let team = team.into();
        let equipment = None;
        run(
            Command::ComposeTeam {
                team,
                members,
                equipment,
            },
            t,
        );
    }
    run(
        Command::OpenCase {
            site: "mau-gros-chene-1".into(),
            category: Category::NeighbourConflict,
            request: None,
        },
        t,
    );
    run(
        Command::AddInstruction {
            kind: InstructionKind::WatchPoint,
            scope: Scope::Site("mau-gros-chene-1".into()),
            text: "Hall A : porte d'entrée forcée, prévenir le bailleur".into(),
            until: None,
        },
        t,
    );
    t += Duration::minutes(40);
    let new = NewRequest {
        caller_name: Some("Mme Exemple".into()),
        callback: Some("06 39 98 00 01".into()),
        description: Some("Cris dans la cage d'escalier".into()),
        entrance: Some("Hall A".into()),
        ..call(
            "mau-gros-chene-1",
            Category::NeighbourConflict,
            Priority::P2,
        )
    };
    run(Command::ReceiveRequest(new), t);
    let request = RequestId(1);
    let team = |t: &str| t.to_string();
    run(
        Command::Dispatch {
            request,
            team: team("E1"),
        },
        t + Duration::minutes(2),
    );
    run(
        Command::Arrive { team: team("E1") },
        t + Duration::minutes(9),
    );
    run(
        Command::Reinforce {
            request,
            team: team("E2"),
        },
        t + Duration::minutes(12),
    );
    let due = at("2026-12-01T22:30:00+01:00");
    run(
        Command::ScheduleCallback { request, due },
        t + Duration::minutes(13),
    );
    let opening = desk.opening(lang);
    let mut app = AppState::open(lang, territory, at("2026-12-01T22:10:00+01:00"), opening);
    app.focus = Pane::Requests;
    app.selection.request = Some(request);
    (app, request)
}

fn detail(lang: Lang) -> AppState {
    let (mut app, request) = night(lang);
    app.mode = Mode::Detail(request);
    app
}

#[test]
fn request_detail_80x24_fr() {
    insta::assert_snapshot!(render(&detail(Lang::Fr), 80, 24));
}

#[test]
fn request_detail_80x24_en() {
    insta::assert_snapshot!(render(&detail(Lang::En), 80, 24));
}

#[test]
fn request_detail_160x45_fr() {
    insta::assert_snapshot!(render(&detail(Lang::Fr), 160, 45));
}

#[test]
fn request_detail_160x45_en() {
    insta::assert_snapshot!(render(&detail(Lang::En), 160, 45));
}

#[test]
fn board_with_the_detail_beside_200x60_fr() {
    insta::assert_snapshot!(render(&night(Lang::Fr).0, 200, 60));
}

#[test]
fn board_with_the_detail_beside_200x60_en() {
    insta::assert_snapshot!(render(&night(Lang::En).0, 200, 60));
}

fn settle(lang: Lang) -> AppState {
    let (mut app, _) = night(lang);
    let mut form = SettleForm::new(RequestId(0), 1);
    form.end = Some(PhoneEnd::Oriented);
    app.mode = Mode::Settle(Box::new(Open::new(form)));
    app
}

#[test]
fn settle_form_80x24_fr() {
    insta::assert_snapshot!(render(&settle(Lang::Fr), 80, 24));
}

#[test]
fn settle_form_160x45_en() {
    insta::assert_snapshot!(render(&settle(Lang::En), 160, 45));
}

fn correct(lang: Lang) -> AppState {
    let (mut app, request) = night(lang);
    let r = app.domain.requests[&request].clone();
    let form = CorrectForm::new(&app.territory, &r);
    app.mode = Mode::Correct(Box::new(Open::new(form)));
    app
}

#[test]
fn correct_form_80x24_en() {
    insta::assert_snapshot!(render(&correct(Lang::En), 80, 24));
}

#[test]
fn correct_form_160x45_fr() {
    insta::assert_snapshot!(render(&correct(Lang::Fr), 160, 45));
}

fn callback(lang: Lang) -> AppState {
    let (mut app, request) = night(lang);
    let form = CallbackForm::new(request, 2, true);
    app.mode = Mode::Callback(Box::new(Open::new(form)));
    app
}

#[test]
fn callback_form_80x24_fr() {
    insta::assert_snapshot!(render(&callback(Lang::Fr), 80, 24));
}

#[test]
fn callback_form_160x45_en() {
    insta::assert_snapshot!(render(&callback(Lang::En), 160, 45));
}
