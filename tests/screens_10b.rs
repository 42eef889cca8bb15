//! Snapshots of the watch, the relays, the night's plan and the directory (TestBackend +
//! insta), at 80×24 and 160×45, in French and English: the board with its plan, the watch
//! screen, the directory, the observation, relay and plan pop-ups, the presence picker
//! offering the plan, and the handover's new sections. Fixed data and a fixed clock.

#[path = "support/screen.rs"]
mod screen;
use chrono::{DateTime, Duration, Utc};
use screen::render;
use vigie::app::form::Open;
use vigie::app::form::observation::ObservationForm;
use vigie::app::form::plan_item::PlanForm;
use vigie::app::form::relay::RelayForm;
use vigie::app::memory_desk::MemoryDesk;
use vigie::app::place::{PlaceForm, Purpose};
use vigie::app::{AppState, Mode, Pane, Screen};
use vigie::domain::command::{CaseLink, Clearance, NewObservation, NewRequest};
use vigie::domain::plan::PlanCommand;
use vigie::domain::vocab::*;
use vigie::domain::watch::{Channel, RelayStep, WatchCommand};
use vigie::domain::{Command, State};
use vigie::i18n::Lang;

fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s)
        .map(|d| d.with_timezone(&Utc))
        .expect("instant")
}

fn observation(kind: ObservationKind, site: &str, team: &str) -> Command {
    Command::RecordObservation(NewObservation {
        kind,
        site: Some(site.into()),
        district: None,
        team: Some(team.into()),
        note: None,
        entrance: None,
        address: None,
        request: None,
    })
}

/// Monday 30 November at 22:50: three teams, the standing plan (one point passed by E3),
/// a request cleared with the police as relay (answered, not yet arrived), three
/// observations at three stages of their lifecycle.
fn night(lang: Lang) -> AppState {
    let territory = vigie::territory::rennes().expect("Rennes loads");
    let mut desk = MemoryDesk::new(territory.clone());
    let mut t = at("2026-11-30T21:02:00+01:00");
    let mut run = |cmd: Command, t: DateTime<Utc>| {
        desk.execute(&[cmd], t).expect("the fixture night is valid");
    };
    run(
        Command::OpenNight {
            coordinator: "claire-m".into(),
        },
        t,
    );
    run(Command::Plan(PlanCommand::AdoptStanding), t);
    for (team, members) in [
        ("E1", ["samir-k", "gwenaelle-p"]),
        ("E2", ["aicha-d", "loic-m"]),
        ("E3", ["erwan-g", "ines-h"]),
    ] {
        let members = members.iter().map(|m| m.to_string()).collect();
        let compose = Command::ComposeTeam {
            team: team.into(),
            members,
            equipment: None,
        };
        run(compose, t);
    }
    t += Duration::minutes(38);
    run(
        Command::SetTeamStatus {
            team: "E3".into(),
            status: TeamStatus::ActivePresence,
            position: Some(Position::Site("mau-gros-chene-3".into())),
        },
        t,
    );
    run(
        Command::Plan(PlanCommand::Pass {
            item: vigie::domain::ids::PlanItemId(1),
            team: "E3".into(),
        }),
        t,
    );
    t += Duration::minutes(10);
    let call = NewRequest {
        source: Source::Resident,
        site: "mau-gros-chene-1".into(),
        entrance: None,
        address: None,
        category: Category::NeighbourConflict,
        priority: Priority::P2,
        caller_name: None,
        callback: None,
        description: None,
    };
    run(Command::ReceiveRequest(call), t);
    let r = vigie::domain::ids::RequestId(0);
    run(
        Command::Dispatch {
            request: r,
            team: "E1".into(),
        },
        t,
    );
    run(
        Command::Arrive { team: "E1".into() },
        t + Duration::minutes(6),
    );
    let clear = Clearance {
        team: "E1".into(),
        level: ResponseLevel::Relay,
        outcome: Outcome::Relayed,
        relays: vec!["police-17".into()],
        referrals: vec![],
        note: None,
        case: CaseLink::None,
    };
    run(Command::Clear(clear), t + Duration::minutes(20));
    run(
        Command::Watch(WatchCommand::FollowRelay {
            request: r,
            partner: "police-17".into(),
            step: RelayStep::Answered,
        }),
        t + Duration::minutes(24),
    );
    run(
        observation(ObservationKind::Lift, "mau-gros-chene-1", "E1"),
        t + Duration::minutes(21),
    );
    run(
        observation(ObservationKind::Gathering, "vil-kennedy-1", "E2"),
        t + Duration::minutes(30),
    );
    run(
        observation(ObservationKind::Lighting, "blo-triangle-3", "E3"),
        t + Duration::minutes(31),
    );
    let obs = |n| vigie::domain::ids::ObservationId(n);
    run(
        Command::Watch(WatchCommand::Transmit {
            observations: vec![obs(1), obs(2)],
            channel: Channel::Direct,
        }),
        t + Duration::minutes(32),
    );
    run(
        Command::Watch(WatchCommand::Acknowledge {
            observation: obs(1),
            answer: Some("Gardien : ascenseur signalé au prestataire".into()),
        }),
        t + Duration::minutes(33),
    );
    let opening = desk.opening(lang);
    let mut app = AppState::open(lang, territory, at("2026-11-30T22:50:00+01:00"), opening);
    app.focus = Pane::Requests;
    app
}

fn typed(input: &mut tui_input::Input, text: &str) {
    for c in text.chars() {
        input.handle(tui_input::InputRequest::InsertChar(c));
    }
}

fn board(lang: Lang) -> AppState {
    night(lang)
}

fn watch(lang: Lang) -> AppState {
    let mut app = night(lang);
    app.screen = Screen::Watch;
    app
}

fn directory(lang: Lang) -> AppState {
    let mut app = night(lang);
    app.screen = Screen::Directory;
    app.directory.query = "astreinte".into();
    app
}

fn observation_form(lang: Lang) -> AppState {
    let mut app = night(lang);
    let mut form = ObservationForm::new(Some("E2".into()), None);
    form.kind = Some(ObservationKind::Door);
    typed(&mut form.place, "bourbonnais");
    app.mode = Mode::Observation(Box::new(Open::new(form).at_index(1)));
    app
}

fn relay_form(lang: Lang) -> AppState {
    let mut app = night(lang);
    let form = RelayForm::new(None);
    app.mode = Mode::Relay(Box::new(Open::new(form)));
    app
}

fn plan_form(lang: Lang) -> AppState {
    let mut app = night(lang);
    let mut form = PlanForm::default();
    typed(&mut form.place, "serbie");
    typed(&mut form.from, "23:30");
    typed(&mut form.to, "00:30");
    app.mode = Mode::PlanItem(Box::new(Open::new(form).at_index(1)));
    app
}

fn presence_picker(lang: Lang) -> AppState {
    let mut app = night(lang);
    let spots = vigie::app::plan::spots(&app);
    let form = PlaceForm::new("E2".into(), Purpose::Presence).with_plan(spots);
    app.mode = Mode::Place(Box::new(Open::new(form)));
    app
}

fn handover(lang: Lang) -> AppState {
    let mut app = night(lang);
    app.screen = Screen::Handover;
    app
}

macro_rules! snapshots {
    ($($screen:ident),+ $(,)?) => {
        mod snap {
            use super::*;
            $(
                #[test]
                fn $screen() {
                    for (lang, tag) in [(Lang::Fr, "fr"), (Lang::En, "en")] {
                        for (w, h) in [(80, 24), (160, 45)] {
                            let name = format!("{}_{w}x{h}_{tag}", stringify!($screen));
                            insta::assert_snapshot!(name, render(&super::$screen(lang), w, h));
                        }
                    }
                }
            )+
        }
    };
}

snapshots!(
    board,
    watch,
    directory,
    observation_form,
    relay_form,
    plan_form,
    presence_picker,
    handover,
);

#[test]
fn the_fixture_night_is_as_described() {
    let app = night(Lang::Fr);
    let s: &State = &app.domain;
    assert_eq!(s.plan.len(), 3);
    assert_eq!(s.observations.len(), 3);
    assert_eq!(s.relays_engaged().len(), 1);
    assert_eq!(vigie::app::plan::spots(&app).len(), 2);
}
