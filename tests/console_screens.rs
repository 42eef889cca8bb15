//! Snapshots of the console's screens (TestBackend + insta), at 80×24 and 160×45, in French
//! and English. Fixed data and a fixed clock keep them stable.

#[path = "support/screen.rs"]
mod screen;
use chrono::{DateTime, Duration, Utc};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use screen::render;
use vigie::app::dispatch::Picker;
use vigie::app::form::Open;
use vigie::app::form::clear::ClearForm;
use vigie::app::form::request::RequestForm;
use vigie::app::memory_desk::MemoryDesk;
use vigie::app::{AppState, Mode, Pane, Screen};
use vigie::domain::command::{Clearance, NewRequest};
use vigie::domain::vocab::{Category, Outcome, Priority, ResponseLevel, Source};
use vigie::domain::{Command, State};
use vigie::i18n::Lang;
use vigie::ui::{self, Theme};

fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s)
        .map(|d| d.with_timezone(&Utc))
        .expect("instant")
}

/// A Monday night at 22:40: three teams, five requests in several states, one situation.
fn night(lang: Lang) -> AppState {
    let territory = vigie::territory::rennes().expect("Rennes loads");
    let mut desk = MemoryDesk::new(territory.clone());
    let mut t = at("2026-11-30T21:02:00+01:00");
    let run = |desk: &mut MemoryDesk, cmd: Command, t: DateTime<Utc>| {
        desk.execute(&[cmd], t).expect("the fixture night is valid");
    };
    run(
        &mut desk,
        Command::OpenNight {
            coordinator: "claire-m".into(),
        },
        t,
    );
    for (team, members) in [
        ("E1", ["samir-k", "gwenaelle-p"]),
        ("E2", ["aicha-d", "loic-m"]),
        ("E3", ["erwan-g", "ines-h"]),
    ] {
        let members = members.iter().map(|m| m.to_string()).collect();
        run(
            &mut desk,
            Command::ComposeTeam {
                team: team.into(),
                members,
                equipment: None,
            },
            t,
        );
    }
    let requests = [
        ("vil-kennedy-1", Category::Noise, Priority::P3),
        (
            "mau-gros-chene-1",
            Category::NeighbourConflict,
            Priority::P2,
        ),
        ("vil-kennedy-2", Category::VulnerablePerson, Priority::P1),
        ("mau-gros-chene-1", Category::HallOccupation, Priority::P3),
        ("vil-kennedy-3", Category::TechnicalIssue, Priority::P4),
    ];
    for (site, category, priority) in requests {
        t += Duration::minutes(7);
        let new = NewRequest {
            address: None,
            entrance: None,
            source: Source::Resident,
            site: site.into(),
            category,
            priority,
            caller_name: None,
            callback: None,
            description: None,
        };
        run(&mut desk, Command::ReceiveRequest(new), t);
    }
    let id = |state: &State, n: u32| {
        state
            .requests
            .values()
            .find(|r| r.number == n)
            .map(|r| r.id)
            .expect("request")
    };
    let r1 = id(&desk.state, 1);
    run(
        &mut desk,
        Command::Dispatch {
            request: r1,
            team: "E1".into(),
        },
        t,
    );
    run(
        &mut desk,
        Command::Arrive { team: "E1".into() },
        t + Duration::minutes(5),
    );
    let clear = Clearance {
        team: "E1".into(),
        level: ResponseLevel::Mediation,
        outcome: Outcome::MediationToContinue,
        relays: vec![],
        referrals: vec![],
        note: None,
        case: vigie::domain::command::CaseLink::New,
    };
    run(&mut desk, Command::Clear(clear), t + Duration::minutes(15));
    let r2 = id(&desk.state, 2);
    run(
        &mut desk,
        Command::Dispatch {
            request: r2,
            team: "E2".into(),
        },
        t + Duration::minutes(16),
    );
    run(
        &mut desk,
        Command::Arrive { team: "E2".into() },
        t + Duration::minutes(20),
    );
    let case = *desk.state.cases.keys().next().expect("a situation");
    run(
        &mut desk,
        Command::RecordCaseStep {
            case,
            level: ResponseLevel::FirmReminder,
            note: None,
        },
        t + Duration::minutes(25),
    );
    run(
        &mut desk,
        Command::SetFollowUp {
            case,
            date: Some("2026-12-03".parse().expect("date")),
        },
        t + Duration::minutes(26),
    );
    run(
        &mut desk,
        Command::AddLogEntry {
            text: "Appel de la police municipale : patrouille prévue à Kennedy vers 23 h".into(),
        },
        t + Duration::minutes(27),
    );
    let opening = desk.opening(lang);
    let mut app = AppState::open(lang, territory, at("2026-11-30T22:40:00+01:00"), opening);
    app.focus = Pane::Requests;
    app
}

#[test]
fn board_80x24_fr() {
    insta::assert_snapshot!(render(&night(Lang::Fr), 80, 24));
}

#[test]
fn board_80x24_en() {
    insta::assert_snapshot!(render(&night(Lang::En), 80, 24));
}

#[test]
fn board_160x45_fr() {
    insta::assert_snapshot!(render(&night(Lang::Fr), 160, 45));
}

#[test]
fn board_160x45_en() {
    insta::assert_snapshot!(render(&night(Lang::En), 160, 45));
}

/// The request form as typed so far: a site searched, source and category chosen.
fn request_form(lang: Lang) -> AppState {
    let mut app = night(lang);
    let mut form = RequestForm::default();
    for c in "gros chene".chars() {
        form.site_query
            .handle(tui_input::InputRequest::InsertChar(c));
    }
    form.source = Some(Source::Landlord);
    form.category = Some(Category::Damage);
    app.mode = Mode::NewRequest(Box::new(Open::new(form)));
    app
}

#[test]
fn request_form_80x24_fr() {
    insta::assert_snapshot!(render(&request_form(Lang::Fr), 80, 24));
}

#[test]
fn request_form_80x24_en() {
    insta::assert_snapshot!(render(&request_form(Lang::En), 80, 24));
}

#[test]
fn request_form_160x45_fr() {
    insta::assert_snapshot!(render(&request_form(Lang::Fr), 160, 45));
}

#[test]
fn request_form_160x45_en() {
    insta::assert_snapshot!(render(&request_form(Lang::En), 160, 45));
}

#[test]
fn help_80x24_en() {
    insta::assert_snapshot!(render(&on(Lang::En, Screen::Help), 80, 24));
}

#[test]
fn help_80x24_fr() {
    insta::assert_snapshot!(render(&on(Lang::Fr, Screen::Help), 80, 24));
}

#[test]
fn help_160x45_fr() {
    insta::assert_snapshot!(render(&on(Lang::Fr, Screen::Help), 160, 45));
}

#[test]
fn help_160x45_en() {
    insta::assert_snapshot!(render(&on(Lang::En, Screen::Help), 160, 45));
}

#[test]
fn too_small_fr() {
    insta::assert_snapshot!(render(&night(Lang::Fr), 50, 10));
}

fn on(lang: Lang, screen: Screen) -> AppState {
    let mut app = night(lang);
    app.screen = screen;
    app
}

#[test]
fn situations_80x24_fr() {
    insta::assert_snapshot!(render(&on(Lang::Fr, Screen::Cases), 80, 24));
}

#[test]
fn situations_80x24_en() {
    insta::assert_snapshot!(render(&on(Lang::En, Screen::Cases), 80, 24));
}

#[test]
fn situations_160x45_fr() {
    insta::assert_snapshot!(render(&on(Lang::Fr, Screen::Cases), 160, 45));
}

#[test]
fn situations_160x45_en() {
    insta::assert_snapshot!(render(&on(Lang::En, Screen::Cases), 160, 45));
}

#[test]
fn logbook_80x24_fr() {
    insta::assert_snapshot!(render(&on(Lang::Fr, Screen::Log), 80, 24));
}

#[test]
fn logbook_80x24_en() {
    insta::assert_snapshot!(render(&on(Lang::En, Screen::Log), 80, 24));
}

#[test]
fn logbook_160x45_fr() {
    insta::assert_snapshot!(render(&on(Lang::Fr, Screen::Log), 160, 45));
}

#[test]
fn logbook_160x45_en() {
    insta::assert_snapshot!(render(&on(Lang::En, Screen::Log), 160, 45));
}

#[test]
fn logbook_searched_and_scrolled_80x24_fr() {
    let mut app = on(Lang::Fr, Screen::Log);
    assert!(app.log.search("e2"));
    insta::assert_snapshot!(render(&app, 80, 24));
}

#[test]
fn help_on_the_logbook_80x24_fr() {
    let mut app = on(Lang::Fr, Screen::Help);
    app.previous = Screen::Log;
    insta::assert_snapshot!(render(&app, 80, 24));
}

#[test]
fn dispatch_picker_80x24_fr() {
    let mut app = night(Lang::Fr);
    let request = app
        .domain
        .requests
        .values()
        .find(|r| r.team.is_none() && !r.status.is_terminal())
        .map(|r| r.id)
        .expect("a waiting request");
    let team = Some("E2".to_string());
    app.mode = Mode::Dispatch(Box::new(Picker { request, team }));
    insta::assert_snapshot!(render(&app, 80, 24));
}

#[test]
fn clear_form_80x24_en() {
    let mut app = night(Lang::En);
    let mut form = ClearForm::new("E2".into(), vec![]);
    form.outcome = Some(Outcome::Calmed);
    app.mode = Mode::Clear(Box::new(Open::new(form)));
    insta::assert_snapshot!(render(&app, 80, 24));
}

#[test]
fn open_night_form_80x24_fr() {
    let mut app = AppState::new(
        Lang::Fr,
        State::default(),
        vigie::territory::rennes().expect("Rennes"),
        at("2026-11-30T20:55:00+01:00"),
    );
    let mut form = vigie::app::night_form::NightForm::new(0);
    for c in "samir gwen zz".chars() {
        form.teams[0]
            .members
            .handle(tui_input::InputRequest::InsertChar(c));
    }
    let open = Open::new(form).at_index(1);
    app.mode = Mode::OpenNight(Box::new(open));
    insta::assert_snapshot!(render(&app, 80, 24));
}

#[test]
fn place_picker_160x45_en() {
    let mut app = night(Lang::En);
    let mut form =
        vigie::app::place::PlaceForm::new("E3".into(), vigie::app::place::Purpose::Presence);
    for c in "blosne".chars() {
        form.query.handle(tui_input::InputRequest::InsertChar(c));
    }
    app.mode = Mode::Place(Box::new(Open::new(form)));
    insta::assert_snapshot!(render(&app, 160, 45));
}

#[test]
fn empty_store_welcomes_80x24_fr() {
    let mut app = AppState::new(
        Lang::Fr,
        State::default(),
        vigie::territory::rennes().expect("Rennes"),
        at("2026-11-30T20:55:00+01:00"),
    );
    app.fresh = true;
    insta::assert_snapshot!(render(&app, 80, 24));
}

#[test]
fn handover_80x24_fr() {
    insta::assert_snapshot!(render(&on(Lang::Fr, Screen::Handover), 80, 24));
}

#[test]
fn handover_160x45_en() {
    insta::assert_snapshot!(render(&on(Lang::En, Screen::Handover), 160, 45));
}

#[test]
fn handover_note_form_160x45_fr() {
    let mut app = on(Lang::Fr, Screen::Handover);
    let mut form = vigie::app::handover_forms::NoteForm::default();
    for c in "Nuit agitée à Maurepas".chars() {
        form.parts[0].handle(tui_input::InputRequest::InsertChar(c));
    }
    app.mode = Mode::Note(Box::new(Open::new(form)));
    insta::assert_snapshot!(render(&app, 160, 45));
}

#[test]
fn a_demo_says_so_first_on_the_header_line_in_reverse_video() {
    for (lang, width, tag) in [(Lang::Fr, 80, "DÉMO ×10"), (Lang::En, 160, "DEMO ×10")] {
        let mut app = night(lang);
        app.demo = Some(10);
        let screen = render(&app, width, 24);
        let header = screen.lines().next().unwrap_or_default();
        assert!(header.starts_with(&format!(" {tag} ")), "{header}");
        let mut term = Terminal::new(TestBackend::new(width, 24)).expect("terminal");
        term.draw(|f| ui::draw(f, &app, &Theme { color: false }))
            .expect("draw");
        let cell = &term.backend().buffer()[(1, 0)];
        assert!(cell.modifier.contains(ratatui::style::Modifier::REVERSED));
    }
    // The real console has no tag.
    let header = render(&night(Lang::Fr), 80, 24);
    assert!(!header.lines().next().unwrap_or_default().contains("DÉMO"));
}
