//! Snapshots of the teams' safety and the guard rails, at 80×24 and 160×45, in French and
//! English: the board with an escalation and an incident, the close of the night and a
//! recall asking first, a check-in's word, the command line's verbs and its error in
//! place, the demo's desk. Colours that carry meaning are checked on the buffer: what is
//! late is coloured where it is late, the worst item whole.

#[path = "support/screen.rs"]
mod screen;
use chrono::{DateTime, Utc};
use ratatui::style::Color;
use screen::{draw, text};
use vigie::app::check_in::CheckInForm;
use vigie::app::confirm;
use vigie::app::form::Open;
use vigie::app::form::line::{LineForm, LinePurpose};
use vigie::app::memory_desk::MemoryDesk;
use vigie::app::{AppState, Mode, Pane, Screen};
use vigie::domain::Command;
use vigie::domain::command::NewRequest;
use vigie::domain::safety::{CheckInWord, MissedStep};
use vigie::domain::vocab::{Category, Position, Priority, Source, TeamStatus};
use vigie::i18n::Lang;
use vigie::i18n::notice::{Fix, Notice};

fn at(hhmm: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(&format!("2026-11-30T{hhmm}:00+01:00"))
        .map(|d| d.with_timezone(&Utc))
        .expect("instant")
}

fn call(site: &str, priority: Priority) -> Command {
    Command::ReceiveRequest(NewRequest {
        source: Source::Resident,
        site: site.into(),
        entrance: None,
        address: None,
        category: Category::NeighbourConflict,
        priority,
        caller_name: None,
        callback: None,
        description: None,
    })
}

/// Monday 22:25: E2 on site at Kennedy since 21:20 and silent since (escalated, each step
/// recorded); E1 in active presence reported an incident at 22:10; a P1 call waits since
/// 22:05; E3 at base.
fn night(lang: Lang) -> AppState {
    let territory = vigie::territory::rennes().expect("Rennes");
    let mut desk = MemoryDesk::new(territory.clone());
    let run = |desk: &mut MemoryDesk, cmd: Command, t: &str| {
        desk.execute(&[cmd], at(t))
            .expect("the fixture night is valid");
    };
    run(
        &mut desk,
        Command::OpenNight {
            coordinator: "claire-m".into(),
        },
        "21:00",
    );
    for (team, members, phone) in [
        (
            "E1",
            ["samir-k", "gwenaelle-p"],
            "Kangoo 2 · 06 12 34 56 78",
        ),
        ("E2", ["aicha-d", "loic-m"], "Clio 1 · 06 98 76 54 32"),
        ("E3", ["erwan-g", "ines-h"], "Clio 3"),
    ] {
        run(
            &mut desk,
            Command::ComposeTeam {
                team: team.into(),
                members: members.iter().map(|m| m.to_string()).collect(),
                equipment: Some(phone.into()),
            },
            "21:01",
        );
    }
    run(&mut desk, call("vil-kennedy-1", Priority::P2), "21:10");
    let first = *desk.state.requests.keys().next().expect("a request");
    run(
        &mut desk,
        Command::Dispatch {
            request: first,
            team: "E2".into(),
        },
        "21:12",
    );
    run(&mut desk, Command::Arrive { team: "E2".into() }, "21:20");
    run(
        &mut desk,
        Command::SetTeamStatus {
            team: "E1".into(),
            status: TeamStatus::ActivePresence,
            position: Some(Position::District("maurepas".into())),
        },
        "21:30",
    );
    for (step, minutes, t) in [
        (MissedStep::Amber, 20, "21:40"),
        (MissedStep::Red, 40, "22:00"),
        (MissedStep::Escalated, 60, "22:20"),
    ] {
        let team = "E2".into();
        run(
            &mut desk,
            Command::MissCheckIn {
                team,
                step,
                minutes,
            },
            t,
        );
    }
    run(&mut desk, call("mau-gros-chene-1", Priority::P1), "22:05");
    run(
        &mut desk,
        Command::CheckIn {
            team: "E1".into(),
            word: CheckInWord::Incident,
        },
        "22:10",
    );
    let opening = desk.opening(lang);
    let mut app = AppState::open(lang, territory, at("22:25"), opening);
    app.focus = Pane::Teams;
    app
}

/// The four sizes and languages of one screen.
fn shots(name: &str, make: impl Fn(Lang) -> AppState) {
    for (lang, l) in [(Lang::Fr, "fr"), (Lang::En, "en")] {
        let app = make(lang);
        for (w, h) in [(80, 24), (160, 45)] {
            insta::assert_snapshot!(format!("{name}_{w}x{h}_{l}"), text(&draw(&app, w, h)));
        }
    }
}

#[test]
fn the_board_with_an_escalation_and_an_incident() {
    shots("board_escalation", night);
}

#[test]
fn closing_the_night_shows_what_is_still_out() {
    shots("close_confirmation", |lang| {
        let mut app = night(lang);
        app.screen = Screen::Handover;
        let question = confirm::closing(&app, 2).expect("a night is open");
        app.mode = Mode::Confirm(Box::new(question));
        app
    });
}

#[test]
fn recalling_a_team_asks_first() {
    shots("recall_confirmation", |lang| {
        let mut app = night(lang);
        let question = confirm::recall(&app, "E2").expect("E2 is on a request");
        app.mode = Mode::Confirm(Box::new(question));
        app
    });
}

#[test]
fn a_check_in_and_its_word() {
    shots("check_in", |lang| {
        let mut app = night(lang);
        let mut form = CheckInForm::new("E2".into());
        form.word = CheckInWord::Reinforcement;
        app.mode = Mode::CheckIn(Box::new(Open::new(form)));
        app
    });
}

#[test]
fn the_command_lines_verbs() {
    shots("verbs", |lang| {
        let mut app = night(lang);
        app.mode = Mode::Verbs;
        app
    });
}

#[test]
fn a_command_line_keeps_its_error_in_place_and_the_demo_says_who_has_the_desk() {
    for (lang, l) in [(Lang::Fr, "fr"), (Lang::En, "en")] {
        let mut app = night(lang);
        let line = LineForm::new(LinePurpose::Command, "envoyer 99 E3".into());
        app.mode = Mode::Line(Box::new(Open::new(line)));
        app.notice = Some(Notice::Fix(Fix::NoRequest { number: 99 }));
        insta::assert_snapshot!(format!("line_error_80x24_{l}"), text(&draw(&app, 80, 24)));
        let mut app = night(lang);
        app.demo = Some(10);
        app.autopilot = true;
        insta::assert_snapshot!(
            format!("demo_autopilot_160x45_{l}"),
            text(&draw(&app, 160, 45))
        );
    }
}

#[test]
fn what_is_late_is_coloured_where_it_is_late_and_the_worst_item_whole() {
    let app = night(Lang::Fr);
    let buf = draw(&app, 160, 45);
    let row = |needle: &str| {
        let area = buf.area;
        (0..area.height)
            .find(|y| {
                let line: String = (0..area.width).map(|x| buf[(x, *y)].symbol()).collect();
                line.contains(needle)
            })
            .unwrap_or_else(|| panic!("no row with {needle}"))
    };
    let red = |x: u16, y: u16| buf[(x, y)].fg == Color::Red;
    // The P1 call: red marker and age, the rest of its row as any other.
    let y = row("Résidence Les Ajoncs");
    let line: Vec<&str> = (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect();
    let mark = line.iter().position(|s| *s == "‼").expect("a marker") as u16;
    let prime = line.iter().position(|s| *s == "′").expect("an age") as u16;
    assert!(red(mark, y) && red(prime, y), "marker and age in red");
    assert!(!red(prime + 3, y), "the category is not painted");
    // E2, escalated: the worst item, its whole row red.
    let y = row("E2  sur place");
    let start = (0..buf.area.width)
        .find(|x| buf[(*x, y)].symbol() == "E")
        .expect("the call sign");
    assert!((start..start + 12).all(|x| red(x, y)));
    // And the strip across the board says it, with the team's phone.
    let strip = text(&buf);
    assert!(
        strip.contains("‼ ESCALADE E2 — sans contact depuis 65′"),
        "{strip}"
    );
    assert!(strip.contains("1. Appeler l'équipe : Clio 1 · 06 98 76 54 32"));
    assert!(strip.contains("‼ INCIDENT E1 signalé à 22:10"));
}
