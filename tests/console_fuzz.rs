//! Random key sequences through the keymap and `update()`, with commits performed against
//! the memory desk and a draw after every step at a random size from 1×1 to 300×100:
//! nothing panics, no commit is left pending, the console's state stays the journal's,
//! the cursor stays on the screen.

use chrono::{DateTime, Duration, Utc};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers};
use proptest::prelude::*;

use ratatui::Terminal;
use ratatui::backend::{Backend, TestBackend};
use std::sync::LazyLock;
use vigie::app::memory_desk::MemoryDesk;
use vigie::app::{Action, AppState, dispatch, keymap, update};
use vigie::domain::Command;
use vigie::domain::command::NewRequest;
use vigie::domain::reference::Territory;
use vigie::domain::vocab::{Category, Priority, Source};
use vigie::i18n::Lang;
use vigie::ui::{self, Theme};

static RENNES: LazyLock<Territory> =
    LazyLock::new(|| vigie::territory::rennes().expect("the Rennes territory loads"));

/// Monday 30 November 2026, 21:05 in Rennes.
fn start() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-11-30T21:05:00+01:00")
        .map(|d| d.with_timezone(&Utc))
        .expect("instant")
}

/// A night under way: three teams, four requests, one team on site.
fn seeded() -> MemoryDesk {
    let mut desk = MemoryDesk::new(RENNES.clone());
    let at = start();
    let mut run = |cmd: Command| {
        desk.execute(&[cmd], at).expect("seed");
    };
    run(Command::OpenNight {
        coordinator: "claire-m".into(),
    });
    for (team, a, b) in [
        ("E1", "samir-k", "gwenaelle-p"),
        ("E2", "aicha-d", "loic-m"),
        ("E3", "fatou-s", "erwan-g"),
    ] {
        run(Command::ComposeTeam {
            team: team.into(),
            members: vec![a.into(), b.into()],
            equipment: None,
        });
    }
    for (site, priority) in [
        ("vil-kennedy-1", Priority::P1),
        ("mau-gros-chene-1", Priority::P2),
        ("blo-triangle-3", Priority::P3),
        ("bre-cloteaux-1", Priority::P4),
    ] {
        run(Command::ReceiveRequest(NewRequest {
            address: None,
            entrance: None,
            source: Source::Resident,
            site: site.into(),
            category: Category::Noise,
            priority,
            caller_name: None,
            callback: None,
            description: None,
        }));
    }
    let first = *desk.state.requests.keys().next().expect("a request");
    let mut run = |cmd: Command| {
        desk.execute(&[cmd], at).expect("seed");
    };
    run(Command::Dispatch {
        request: first,
        team: "E2".into(),
    });
    run(Command::Arrive { team: "E2".into() });
    desk
}

/// Whole lines a coordinator types (each followed by Enter), so random runs reach the
/// command line and the forms.
const PHRASES: &[&str] = &[
    ":ouvrir claire",
    ":open nadia",
    ":equipe E4 ines mathieu",
    ":equipe E5 lea moussa thomas",
    ":team E1 samir gwen",
    ":cloturer",
    ":releve yannick",
    "kennedy",
    "gros chêne",
    "BRÉQUIGNY",
    "06 39 98 12 34",
    "12 34",
    "Mme Le Gall, 3e étage — « bruit »",
];

/// Short gestures: a whole request, a dispatch and arrival, a clearance.
fn gestures() -> Vec<Vec<KeyCode>> {
    use KeyCode::{Char, Enter, Esc, Right, Tab};
    // Esc twice first: back on the board from wherever the keys had gone.
    let mut request = vec![Esc, Esc, Char('n')];
    request.extend("kennedy".chars().map(Char));
    request.extend([Tab, Right, Tab, Right, Tab, Right, Enter]);
    let mut scripts = vec![
        request,
        vec![Char('d'), Enter],
        vec![Char('d'), KeyCode::Down, Enter, Char('a')],
        vec![Esc, Esc, Char('x'), Right, Tab, Right, Enter],
        vec![Char('x'), Right, Tab, Right, Tab, Tab, Tab, Right, Enter],
    ];
    for p in PHRASES {
        scripts.push(p.chars().map(Char).chain([Enter]).collect());
    }
    scripts
}

static GESTURES: LazyLock<Vec<Vec<KeyCode>>> = LazyLock::new(gestures);

#[derive(Debug, Clone)]
enum Step {
    Key(KeyCode, KeyModifiers, KeyEventKind),
    /// One of the gestures, typed key after key.
    Gesture(usize),
    Later(i64),
    Resize,
    Click(u16, u16),
}

fn key_code() -> impl Strategy<Value = KeyCode> {
    let specials = prop::sample::select(vec![
        KeyCode::Enter,
        KeyCode::Esc,
        KeyCode::Tab,
        KeyCode::BackTab,
        KeyCode::Up,
        KeyCode::Down,
        KeyCode::Left,
        KeyCode::Right,
        KeyCode::Backspace,
        KeyCode::Delete,
        KeyCode::Home,
        KeyCode::End,
        KeyCode::PageUp,
        KeyCode::PageDown,
        KeyCode::Insert,
        KeyCode::F(1),
        KeyCode::F(2),
        KeyCode::F(3),
        KeyCode::F(4),
        KeyCode::F(12),
        KeyCode::Null,
    ]);
    let board: Vec<char> = "ndacxRvpborqQ?:jkhl EeAaéèêàçïîôûùœÉÀÇ0123456789-+.'«»‼!OXswgGN/123"
        .chars()
        .collect();
    prop_oneof![
        4 => specials,
        6 => prop::sample::select(board).prop_map(KeyCode::Char),
        // Anything at all: wide, combining, control, emoji.
        1 => any::<char>().prop_map(KeyCode::Char),
    ]
}

fn step() -> impl Strategy<Value = Step> {
    let modifiers = prop_oneof![
        12 => Just(KeyModifiers::NONE),
        2 => Just(KeyModifiers::SHIFT),
        1 => Just(KeyModifiers::CONTROL),
        1 => Just(KeyModifiers::ALT),
    ];
    let kind = prop_oneof![
        10 => Just(KeyEventKind::Press),
        1 => Just(KeyEventKind::Repeat),
        1 => Just(KeyEventKind::Release),
    ];
    prop_oneof![
        20 => (key_code(), modifiers, kind).prop_map(|(c, m, k)| Step::Key(c, m, k)),
        3 => (0..GESTURES.len()).prop_map(Step::Gesture),
        1 => (0i64..90).prop_map(Step::Later),
        1 => Just(Step::Resize),
        2 => (0u16..300, 0u16..100).prop_map(|(x, y)| Step::Click(x, y)),
    ]
}

fn draw(app: &AppState, w: u16, h: u16, color: bool) {
    let mut term = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    term.draw(|f| ui::draw(f, app, &Theme { color }))
        .expect("draw");
    let pos = term.backend_mut().get_cursor_position().expect("cursor");
    assert!(
        pos.x < w && pos.y < h,
        "cursor at {pos:?} outside {w}×{h} in mode {:?}",
        app.mode
    );
}

fn press(app: &mut AppState, desk: &mut MemoryDesk, event: &Event) {
    if let Some(action) = keymap::action_for(app, event) {
        let now = app.now;
        dispatch(app, desk, action, now);
    }
}

/// A click where the runtime would place it.
fn click(app: &mut AppState, w: u16, h: u16, x: u16, y: u16) {
    let area = ratatui::layout::Rect::new(0, 0, w, h);
    if let Some((pane, row)) = ui::hit(app, area, x, y) {
        update(app, Action::Select(pane, row));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]
    #[test]
    fn random_keys_at_random_sizes_never_panic(
        steps in prop::collection::vec(step(), 1..60),
        sizes in prop::collection::vec((1u16..=300, 1u16..=100), 1..8),
        english in any::<bool>(),
        night in any::<bool>(),
        color in any::<bool>(),
    ) {
        let lang = if english { Lang::En } else { Lang::Fr };
        let mut desk = if night { seeded() } else { MemoryDesk::new(RENNES.clone()) };
        let mut app = AppState::open(lang, RENNES.clone(), start(), desk.opening(lang));
        let mut size = 0;
        for (n, step) in steps.iter().enumerate() {
            match step {
                Step::Key(code, modifiers, kind) => {
                    let event = Event::Key(KeyEvent {
                        code: *code,
                        modifiers: *modifiers,
                        kind: *kind,
                        state: KeyEventState::NONE,
                    });
                    press(&mut app, &mut desk, &event);
                }
                Step::Gesture(i) => {
                    for code in &GESTURES[*i] {
                        press(&mut app, &mut desk, &Event::Key(KeyEvent::new(*code, KeyModifiers::NONE)));
                    }
                }
                Step::Later(minutes) => {
                    let now = app.now + Duration::minutes(*minutes);
                    update(&mut app, Action::Tick(now));
                }
                Step::Resize => {
                    size += 1;
                    press(&mut app, &mut desk, &Event::Resize(sizes[size % sizes.len()].0, sizes[size % sizes.len()].1));
                }
                Step::Click(x, y) => {
                    let (w, h) = sizes[(size + n) % sizes.len()];
                    click(&mut app, w, h, *x, *y);
                }
            }
            prop_assert!(!app.busy, "a commit left pending after step {n}: {step:?}");
            // The console is a projection of the journal: always the desk's state.
            prop_assert_eq!(&app.domain, &desk.state, "after step {}: {:?}", n, step);
            let (w, h) = sizes[(size + n) % sizes.len()];
            draw(&app, w, h, color);
        }
    }
}
