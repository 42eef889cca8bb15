//! The console's flows through `update()`, without a screen: keys through the keymap and
//! the same seam as the runtime (`app::dispatch`), over the memory desk.

use chrono::{DateTime, Duration, Utc};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use vigie::app::memory_desk::MemoryDesk;
use vigie::app::{AppState, Mode, dispatch, keymap};
use vigie::domain::State;
use vigie::i18n::Lang;
use vigie::i18n::notice;
use vigie::ui::{self, Theme};

struct Console {
    app: AppState,
    desk: MemoryDesk,
    commits: usize,
    /// The console asked to end the session.
    quit: bool,
}

fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s)
        .map(|d| d.with_timezone(&Utc))
        .expect("instant")
}

impl Console {
    fn new() -> Console {
        let territory = vigie::territory::rennes().expect("Rennes loads");
        let app = AppState::new(
            Lang::Fr,
            State::default(),
            territory.clone(),
            at("2026-11-30T21:05:00+01:00"),
        );
        let desk = MemoryDesk::new(territory);
        Console {
            app,
            desk,
            commits: 0,
            quit: false,
        }
    }

    fn key(&mut self, code: KeyCode) {
        let event = Event::Key(KeyEvent::new(code, KeyModifiers::NONE));
        if let Some(action) = keymap::action_for(&self.app, &event) {
            let before = self.desk.journal.len();
            let now = self.app.now;
            let out = dispatch(&mut self.app, &mut self.desk, action, now);
            self.quit |= out.contains(&vigie::app::Effect::Quit);
            self.commits += usize::from(self.desk.journal.len() > before);
            assert_eq!(
                self.app.domain, self.desk.state,
                "the console is the journal's"
            );
        }
        self.app.now += Duration::seconds(20);
    }

    fn keys(&mut self, codes: &[KeyCode]) {
        for c in codes {
            self.key(*c);
        }
    }

    fn typed(&mut self, text: &str) {
        for c in text.chars() {
            self.key(KeyCode::Char(c));
        }
    }

    fn command(&mut self, line: &str) {
        // A refused line stays open to be fixed; Esc (twice: something is typed) leaves it.
        if matches!(self.app.mode, Mode::Line(_)) {
            self.key(KeyCode::Esc);
            self.key(KeyCode::Esc);
        }
        self.key(KeyCode::Char(':'));
        self.typed(line);
        self.key(KeyCode::Enter);
    }

    fn error(&self) -> Option<String> {
        let n = self.app.notice.as_ref().filter(|n| n.is_error())?;
        Some(notice::text(n, self.app.lang, &self.app.territory))
    }

    fn screen(&self, w: u16, h: u16) -> String {
        let mut term = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
        term.draw(|f| ui::draw(f, &self.app, &Theme { color: true }))
            .expect("draw");
        let buf = term.backend().buffer().clone();
        (0..h)
            .map(|y| {
                (0..w)
                    .map(|x| buf[(x, y)].symbol().to_string())
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// Opens the night and composes two teams through the command line.
    fn night() -> Console {
        let mut c = Console::new();
        c.command("ouvrir claire");
        c.command("equipe E1 samir gwen thomas");
        c.command("equipe E2 aicha loic");
        assert_eq!(c.commits, 3, "{:?}", c.app.notice);
        c
    }

    /// Types a new request at the Dalle Kennedy: habitant, first category, P1.
    fn new_request(&mut self) {
        self.key(KeyCode::Char('n'));
        self.typed("kennedy");
        self.keys(&[
            KeyCode::Tab,
            KeyCode::Right,
            KeyCode::Tab,
            KeyCode::Right,
            KeyCode::Tab,
            KeyCode::Right,
        ]);
        self.key(KeyCode::Enter);
        // Saved, the team picker opens on the nearest free team: Esc leaves the request
        // waiting, as these tests want it.
        if matches!(self.app.mode, Mode::Dispatch(_)) {
            self.key(KeyCode::Esc);
        }
    }
}

#[test]
fn a_night_from_the_command_line_to_a_cleared_intervention() {
    let mut c = Console::night();
    c.new_request();
    assert!(
        matches!(c.app.mode, Mode::Normal),
        "the form closes once saved"
    );
    assert_eq!(c.app.domain.requests.len(), 1);
    let request = c
        .app
        .domain
        .requests
        .values()
        .next()
        .expect("the request")
        .clone();
    assert!(
        c.app
            .territory
            .site(&request.site)
            .is_some_and(|s| s.district == "villejean")
    );

    c.key(KeyCode::Char('d'));
    assert!(matches!(c.app.mode, Mode::Dispatch(_)));
    c.key(KeyCode::Enter);
    let team = c.app.domain.requests[&request.id]
        .team
        .clone()
        .expect("a team is on it");

    // The team's own actions act from the request row too.
    c.key(KeyCode::Char('a'));
    assert_eq!(
        c.app.domain.teams[&team].status(),
        vigie::domain::vocab::TeamStatus::OnSite
    );
    // A check-in: « RAS » is one Enter away.
    c.keys(&[KeyCode::Char('c'), KeyCode::Enter]);
    c.key(KeyCode::Char('x'));
    assert!(matches!(c.app.mode, Mode::Clear(_)));
    c.key(KeyCode::Enter);
    assert!(
        c.error().is_some(),
        "no outcome: the form says what is missing"
    );
    assert!(matches!(c.app.mode, Mode::Clear(_)), "and stays open");
    c.keys(&[KeyCode::Right, KeyCode::Tab, KeyCode::Right, KeyCode::Enter]);
    assert!(matches!(c.app.mode, Mode::Normal), "{:?}", c.app.notice);
    assert!(c.app.domain.requests[&request.id].status.is_terminal());
    assert!(c.screen(80, 24).contains("Aucune sollicitation en cours"));
}

#[test]
fn required_fields_and_a_wrong_number_are_explained_and_change_nothing() {
    let mut c = Console::night();
    c.key(KeyCode::Char('n'));
    c.key(KeyCode::Enter);
    assert!(
        c.error().is_some_and(|e| e.contains("Lieu")),
        "{:?}",
        c.app.notice
    );
    c.typed("kennedy");
    c.key(KeyCode::Enter);
    assert!(
        c.error().is_some_and(|e| e.contains("Source")),
        "{:?}",
        c.app.notice
    );
    c.keys(&[
        KeyCode::Right,
        KeyCode::Tab,
        KeyCode::Right,
        KeyCode::Tab,
        KeyCode::Right,
    ]);
    // Past the entrance and the caller, to the callback number.
    c.keys(&[KeyCode::Tab, KeyCode::Tab, KeyCode::Tab]);
    c.typed("12 34");
    c.key(KeyCode::Enter);
    assert!(
        c.error()
            .is_some_and(|e| e.contains("Numéro de rappel invalide")),
        "{:?}",
        c.app.notice
    );
    assert!(
        matches!(c.app.mode, Mode::NewRequest(_)),
        "the form stays open to fix it"
    );
    assert!(c.app.domain.requests.is_empty());
    // Esc asks once when something was typed, then discards.
    c.key(KeyCode::Esc);
    assert!(matches!(c.app.mode, Mode::NewRequest(_)));
    c.key(KeyCode::Esc);
    assert!(matches!(c.app.mode, Mode::Normal));
    assert!(c.app.domain.requests.is_empty());
}

#[test]
fn dispatching_a_busy_team_is_refused_with_its_reason() {
    let mut c = Console::night();
    c.new_request();
    c.new_request();
    c.key(KeyCode::Char('d'));
    c.key(KeyCode::Enter);
    let first_team = c
        .app
        .domain
        .requests
        .values()
        .find_map(|r| r.team.clone())
        .expect("sent");
    // The request just taken was the selected one, and is sent; the other one (above it)
    // gets the team already out.
    c.key(KeyCode::Up);
    c.key(KeyCode::Char('d'));
    let Mode::Dispatch(picker) = &mut c.app.mode else {
        panic!("picker open")
    };
    let request = picker.request;
    picker.team = Some(first_team.clone());
    c.key(KeyCode::Enter);
    let msg = c.error().expect("refused");
    assert!(
        msg.contains(&format!("Équipe {first_team} est déjà affectée")),
        "{msg}"
    );
    assert!(c.app.domain.requests[&request].team.is_none());
}

#[test]
fn unknown_names_and_a_closed_night_are_explained() {
    let mut c = Console::new();
    c.key(KeyCode::Char('n'));
    assert!(
        matches!(c.app.mode, Mode::OpenNight(_)),
        "no night: `n` offers to open it"
    );
    c.key(KeyCode::Esc);
    c.command("ouvrir personne");
    assert!(c.error().is_some());
    assert_eq!(c.commits, 0);
    c.command("ouvrir nadia");
    c.command("equipe E1 samir zzz");
    assert!(c.error().is_some_and(|e| e.contains("zzz")));
    assert_eq!(c.commits, 1);
}

#[test]
fn panes_help_and_quit() {
    let mut c = Console::night();
    c.key(KeyCode::Tab);
    assert_eq!(c.app.focus, vigie::app::Pane::Teams);
    c.keys(&[KeyCode::Down, KeyCode::Down, KeyCode::Down]);
    assert_eq!(
        c.app.selected(vigie::app::Pane::Teams),
        1,
        "selection stops at the last team"
    );
    c.key(KeyCode::Char('?'));
    assert!(c.screen(80, 24).contains("nouvelle sollicitation"));
    c.key(KeyCode::Esc);
    assert_eq!(c.app.screen, vigie::app::Screen::Board);
    c.key(KeyCode::Char('q'));
    assert!(c.quit);
}

#[test]
fn overdue_requests_and_late_check_ins_are_coloured_and_marked() {
    let mut c = Console::night();
    c.new_request();
    c.new_request();
    c.key(KeyCode::Down);
    c.key(KeyCode::Char('d'));
    c.key(KeyCode::Enter);
    c.key(KeyCode::Char('a'));
    // 41 minutes later: the P1 left waiting is red, the team on site without contact too.
    c.app.now += Duration::minutes(41);
    let mut term = Terminal::new(TestBackend::new(100, 30)).expect("terminal");
    term.draw(|f| ui::draw(f, &c.app, &Theme { color: true }))
        .expect("draw");
    let buf = term.backend().buffer().clone();
    let red_marks = (0..30)
        .flat_map(|y| (0..100).map(move |x| (x, y)))
        .filter(|&(x, y)| {
            buf[(x, y)].symbol() == "‼" && buf[(x, y)].fg == ratatui::style::Color::Red
        })
        .count();
    assert!(
        red_marks >= 2,
        "a red ‼ on the waiting P1 and on the team: {red_marks}"
    );
    // Without colour the markers stay.
    term.draw(|f| ui::draw(f, &c.app, &Theme { color: false }))
        .expect("draw");
    let buf = term.backend().buffer().clone();
    let marks = (0..30)
        .flat_map(|y| (0..100).map(move |x| (x, y)))
        .filter(|&(x, y)| buf[(x, y)].symbol() == "‼")
        .count();
    let coloured = (0..30)
        .flat_map(|y| (0..100).map(move |x| (x, y)))
        .filter(|&(x, y)| buf[(x, y)].fg != ratatui::style::Color::Reset)
        .count();
    assert!(marks >= 2);
    assert_eq!(coloured, 0, "NO_COLOR: no foreground colour anywhere");
}

#[test]
fn every_size_draws_without_panicking() {
    let mut c = Console::night();
    c.new_request();
    for (w, h) in [
        (1, 1),
        (10, 3),
        (59, 15),
        (60, 16),
        (80, 24),
        (120, 40),
        (200, 60),
        (300, 100),
    ] {
        let screen = c.screen(w, h);
        if w < 60 || h < 16 {
            assert!(
                screen.replace('\n', "").contains("Terminal") || w * h < 40,
                "{w}×{h}: {screen}"
            );
        }
    }
    c.key(KeyCode::Char('n'));
    for (w, h) in [(60, 16), (80, 24), (200, 60)] {
        assert!(c.screen(w, h).contains("Nouvelle sollicitation"));
    }
}

#[test]
fn active_presence_is_in_the_district_the_team_is_in() {
    let mut c = Console::night();
    c.new_request();
    c.key(KeyCode::Char('d'));
    c.key(KeyCode::Enter);
    let team = c
        .app
        .domain
        .requests
        .values()
        .find_map(|r| r.team.clone())
        .expect("sent");
    c.key(KeyCode::Char('a'));
    c.keys(&[
        KeyCode::Char('x'),
        KeyCode::Right,
        KeyCode::Tab,
        KeyCode::Right,
        KeyCode::Enter,
    ]);
    c.key(KeyCode::Tab);
    let row = vigie::app::board::teams(&c.app)
        .iter()
        .position(|t| t.call_sign == team)
        .expect("row");
    c.app.select_row(vigie::app::Pane::Teams, row);
    // `p` asks for the targeted point; Enter with nothing typed: where the team is.
    c.key(KeyCode::Char('p'));
    c.key(KeyCode::Enter);
    let t = &c.app.domain.teams[&team];
    assert_eq!(
        t.status(),
        vigie::domain::vocab::TeamStatus::ActivePresence,
        "{:?}",
        c.app.notice
    );
    assert_eq!(
        t.position,
        vigie::domain::vocab::Position::District("villejean".into())
    );
}
