//! No key sequence and no terminal size panics: random keys through the keymap and
//! `update()`, commits performed against the pure domain, a draw after every key.

use chrono::{DateTime, Duration, Utc};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use vigie::app::{Action, AppState, Effect, keymap, update};
use vigie::domain::command::NewRequest;
use vigie::domain::vocab::{Category, Priority, Source};
use vigie::domain::{Command, State, execute};
use vigie::i18n::Lang;
use vigie::ui::{self, Theme};

const KEYS: &[KeyCode] = &[
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
    KeyCode::F(1),
];
const CHARS: &str = "ndacxRvpborq?:jk ouvrirclaequipeE1samirgwenaicha0612éàç";

fn perform(app: &mut AppState, effects: Vec<Effect>) {
    for effect in effects {
        if let Effect::Commit(cmd, message) = effect {
            let mut state = app.domain.clone();
            let feedback = match execute(&mut state, &app.territory, &cmd, app.now) {
                Ok(_) => Action::Committed {
                    state: Box::new(state),
                    message,
                },
                Err(r) => Action::Failed(r.to_string()),
            };
            let more = update(app, feedback);
            perform(app, more);
        }
    }
}

fn key(i: usize) -> KeyCode {
    let chars: Vec<char> = CHARS.chars().collect();
    if i < KEYS.len() {
        KEYS[i]
    } else {
        KeyCode::Char(chars[(i - KEYS.len()) % chars.len()])
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]
    #[test]
    fn random_keys_and_sizes_never_panic(
        keys in proptest::collection::vec((0usize..80, any::<bool>()), 1..120),
        sizes in proptest::collection::vec((1u16..=300, 1u16..=100), 1..6),
        english in any::<bool>(),
    ) {
        let territory = vigie::territory::rennes().expect("Rennes loads");
        let start: DateTime<Utc> = "2026-11-30T20:05:00Z".parse().expect("instant");
        let lang = if english { Lang::En } else { Lang::Fr };
        // Start from an open night with teams and waiting requests, so keys reach every form.
        let mut state = State::default();
        let seed = [
            Command::OpenNight { coordinator: "claire-m".into() },
            Command::ComposeTeam { team: "E1".into(), members: vec!["samir-k".into(), "gwenaelle-p".into()], equipment: None },
            Command::ComposeTeam { team: "E2".into(), members: vec!["aicha-d".into(), "loic-m".into()], equipment: None },
        ];
        for cmd in &seed {
            execute(&mut state, &territory, cmd, start).expect("seed night");
        }
        for site in ["vil-kennedy-1", "mau-gros-chene-1"] {
            let new = NewRequest { source: Source::Resident, site: site.into(), category: Category::Noise, priority: Priority::P1, caller_name: None, callback: None, description: None };
            execute(&mut state, &territory, &Command::ReceiveRequest(new), start).expect("seed request");
        }
        let mut app = AppState::new(lang, state, territory, start);
        for (n, (k, ctrl)) in keys.iter().enumerate() {
            let modifiers = if *ctrl && n % 7 == 0 { KeyModifiers::CONTROL } else { KeyModifiers::NONE };
            let event = Event::Key(KeyEvent::new(key(*k), modifiers));
            if let Some(action) = keymap::action_for(&app, &event) {
                let effects = update(&mut app, action);
                perform(&mut app, effects);
            }
            app.now += Duration::minutes(3);
            if app.quit {
                app.quit = false;
            }
            let (w, h) = sizes[n % sizes.len()];
            let mut term = Terminal::new(TestBackend::new(w, h)).expect("terminal");
            term.draw(|f| ui::draw(f, &app, &Theme { color: n % 2 == 0 })).expect("draw");
        }
    }
}
