//! `update()` driven without a screen, the way the coordinator works a night: actions in,
//! effects out. The desk is the same seam the runtime uses (`seam::perform`), over the
//! memory desk: commits go to the pure domain and come back as what they wrote.

use super::*;
use crate::app::board::{open_requests, suggested_team, teams};
use crate::app::dispatch::Picker;
use crate::app::form::Open;
use crate::app::form::clear::{ClearField, ClearForm};
use crate::app::form::request::{RequestField, RequestForm};
use crate::app::form::sites::site_matches;
use crate::app::keymap::action_for;
use crate::app::memory_desk::MemoryDesk;
use crate::app::{Pane, perform};
use crate::domain::command::NewRequest;
use crate::domain::ids::RequestId;
use crate::domain::vocab::{Category, Position, Priority, RequestStatus, Source, TeamStatus};
use crate::domain::{Command, State};
use crate::i18n::Lang;
use crate::i18n::notice::{self, Notice};
use chrono::{DateTime, Duration, Utc};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use tui_input::InputRequest;

/// An instant given in Paris time ("2026-11-30T21:05:00+01:00").
fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s)
        .map(|d| d.with_timezone(&Utc))
        .expect("a valid instant")
}

/// Monday 30 November 2026, 21:05 in Rennes: the night has just begun.
fn monday_2105() -> DateTime<Utc> {
    at("2026-11-30T21:05:00+01:00")
}

/// The coordinator's desk: the console's state and the store it works on.
struct Desk {
    app: AppState,
    desk: MemoryDesk,
    /// `update` asked to end the session.
    quit: bool,
}

impl Desk {
    /// No night open yet.
    fn dark() -> Desk {
        let territory = crate::territory::rennes().expect("the Rennes territory loads");
        Desk {
            app: AppState::new(Lang::Fr, State::default(), territory.clone(), monday_2105()),
            desk: MemoryDesk::new(territory),
            quit: false,
        }
    }

    /// Claire has opened the night and composed three teams: E1 in Maurepas, E2 in
    /// Villejean (active presence at La Harpe), E3 at base.
    fn night() -> Desk {
        let mut d = Desk::dark();
        d.prepare(Command::OpenNight {
            coordinator: "claire-m".into(),
        });
        for (team, members) in [
            ("E1", ["samir-k", "gwenaelle-p"]),
            ("E2", ["aicha-d", "loic-m"]),
            ("E3", ["fatou-s", "erwan-g"]),
        ] {
            d.prepare(Command::ComposeTeam {
                team: team.into(),
                members: members.iter().map(|m| m.to_string()).collect(),
                equipment: None,
            });
        }
        for (team, site) in [("E1", "mau-gros-chene-1"), ("E2", "vil-harpe-1")] {
            d.prepare(Command::SetTeamStatus {
                team: team.into(),
                status: TeamStatus::ActivePresence,
                position: Some(Position::Site(site.into())),
            });
        }
        d
    }

    /// Written by someone else (the night as it stood before the test begins): the console
    /// sees it arrive like the world's moves.
    fn prepare(&mut self, cmd: Command) {
        let now = self.app.now;
        let written = self
            .desk
            .execute(std::slice::from_ref(&cmd), now)
            .unwrap_or_else(|r| panic!("setup {cmd:?} refused: {r}"));
        update(&mut self.app, Action::WorldMoved(written));
    }

    /// A request received at `site`, waiting for a team; returns its id.
    fn request_at(&mut self, site: &str, priority: Priority) -> RequestId {
        let id = RequestId(self.app.domain.counters.request);
        self.prepare(Command::ReceiveRequest(NewRequest {
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
        id
    }

    /// What the runtime does with effects, through the same seam.
    fn perform(&mut self, effects: Vec<Effect>) {
        let now = self.app.now;
        perform(&mut self.app, &mut self.desk, effects, now);
    }

    /// One action, its effects performed; returns what `update` asked for.
    fn act(&mut self, action: Action) -> Vec<Effect> {
        let effects = update(&mut self.app, action);
        self.quit |= effects.contains(&Effect::Quit);
        self.perform(effects.clone());
        effects
    }

    fn acts(&mut self, actions: &[Action]) {
        for a in actions {
            self.act(a.clone());
        }
    }

    /// Types text into whatever field or line has the keyboard.
    fn typed(&mut self, text: &str) {
        for c in text.chars() {
            self.act(Action::Edit(InputRequest::InsertChar(c)));
        }
    }

    /// `:` then the line then Enter. A refused line stays open: Esc leaves it first.
    fn command(&mut self, line: &str) -> Vec<Effect> {
        if matches!(self.app.mode, Mode::Line(_)) {
            self.act(Action::Back);
            self.act(Action::Back);
        }
        self.act(Action::CommandLine);
        self.typed(line);
        self.act(Action::Submit)
    }

    /// A key as the terminal sends it, through the keymap.
    fn key(&mut self, code: KeyCode) -> Vec<Effect> {
        let event = Event::Key(KeyEvent::new(code, KeyModifiers::NONE));
        match action_for(&self.app, &event) {
            Some(a) => self.act(a),
            None => Vec::new(),
        }
    }

    fn later(&mut self, minutes: i64) {
        let now = self.app.now + Duration::minutes(minutes);
        self.act(Action::Tick(now));
    }

    /// The footer's text, if it shows an error.
    fn error(&self) -> Option<String> {
        let n = self.app.notice.as_ref().filter(|n| n.is_error())?;
        Some(notice::text(n, self.app.lang, &self.app.territory))
    }

    /// The footer's text, if it shows news.
    fn info(&self) -> Option<String> {
        let n = self.app.notice.as_ref().filter(|n| !n.is_error())?;
        Some(notice::text(n, self.app.lang, &self.app.territory))
    }

    fn form(&self) -> &Open<RequestForm> {
        match &self.app.mode {
            Mode::NewRequest(f) => f,
            other => panic!("the request form should be open, not {other:?}"),
        }
    }

    fn clear_form(&self) -> &Open<ClearForm> {
        match &self.app.mode {
            Mode::Clear(f) => f,
            other => panic!("the clear form should be open, not {other:?}"),
        }
    }

    fn dispatch_cursor(&self) -> usize {
        match &self.app.mode {
            Mode::Dispatch(p) => crate::app::dispatch::cursor(&self.app, p),
            other => panic!("the dispatch picker should be open, not {other:?}"),
        }
    }

    fn team(&self, call_sign: &str) -> &crate::domain::state::Team {
        &self.app.domain.teams[call_sign]
    }

    fn focus_team(&mut self, call_sign: &str) {
        self.app.focus = Pane::Teams;
        let i = teams(&self.app)
            .iter()
            .position(|t| t.call_sign == call_sign)
            .expect("the team is on the board");
        self.app.select_row(Pane::Teams, i);
    }

    fn focus_request(&mut self, id: RequestId) {
        self.app.focus = Pane::Requests;
        let i = open_requests(&self.app)
            .iter()
            .position(|r| r.id == id)
            .expect("the request is on the board");
        self.app.select_row(Pane::Requests, i);
    }

    /// Sends `team` on `request` through the picker.
    fn dispatch(&mut self, request: RequestId, team: &str) {
        self.focus_request(request);
        self.act(Action::Dispatch);
        self.app.mode = Mode::Dispatch(Box::new(Picker {
            request,
            team: Some(team.into()),
        }));
        self.act(Action::Submit);
    }

    /// A form with site, source, category and priority chosen, the focus on the callback.
    fn filled_form(&mut self) {
        self.act(Action::NewRequest);
        self.typed("kennedy");
        for _ in 0..3 {
            self.acts(&[Action::NextField, Action::ChooseNext]);
        }
        // Past the entrance (optional) and the caller.
        self.acts(&[Action::NextField, Action::NextField, Action::NextField]);
        assert_eq!(self.form().field(), RequestField::Callback);
    }
}

fn is_commit(e: &Effect) -> bool {
    matches!(e, Effect::Commit(..))
}

// --- The command line -------------------------------------------------------------------

#[test]
fn the_command_line_opens_the_night_and_composes_teams_by_names_typed_without_accents() {
    let mut d = Desk::dark();
    let effects = d.command("ouvrir claire");
    assert_eq!(
        effects,
        vec![Effect::Commit(vec![
            Command::OpenNight {
                coordinator: "claire-m".into()
            },
            Command::Plan(crate::domain::plan::PlanCommand::AdoptStanding),
        ])]
    );
    assert!(d.app.domain.open_night().is_some());
    assert!(
        matches!(d.app.mode, Mode::Normal),
        "the line closes once done"
    );
    assert_eq!(d.info().as_deref(), Some("Nuit ouverte."));

    // "gwen" for Gwenaëlle, "aicha" for Aïcha, "LOIC" for Loïc; the call sign is upper-cased.
    d.command("equipe e1 samir gwen");
    d.command("equipe E2 aicha LOIC Thomas");
    assert_eq!(d.team("E1").members, ["samir-k", "gwenaelle-p"]);
    assert_eq!(d.team("E2").members, ["aicha-d", "loic-m", "thomas-r"]);
    assert_eq!(d.info().as_deref(), Some("Équipe E2 composée"));
    // Typed with its accents, or by id, a name is found too.
    d.command("equipe E3 Inès lea-t");
    assert_eq!(d.team("E3").members, ["ines-h", "lea-t"]);
    // The opening (with its standing plan) and three teams.
    assert_eq!(d.desk.written.len(), 5);
    assert!(d.desk.refused.is_empty());
}

#[test]
fn the_command_line_understands_english_words_and_closes_the_night() {
    let mut d = Desk::dark();
    d.app.lang = Lang::En;
    d.command("open nadia");
    d.command("team E1 fatou erwan");
    assert_eq!(d.info().as_deref(), Some("Team E1 composed"));
    d.command("handover yannick");
    assert_eq!(
        d.app.domain.open_night().map(|n| n.coordinator.as_str()),
        Some("yannick-l")
    );
    d.command("close");
    assert!(matches!(d.app.mode, Mode::Confirm(_)), "closing asks first");
    d.act(Action::Submit);
    assert!(d.app.domain.open_night().is_none());
    assert_eq!(d.info().as_deref(), Some("Night closed."));
}

#[test]
fn an_ambiguous_or_unknown_name_is_refused_and_nothing_is_committed() {
    let mut d = Desk::night();
    let before = d.app.domain.clone();
    // "m" is Mathieu and Moussa; "l" is Loïc and Léa.
    for (line, word) in [
        ("equipe E4 m ines", "m"),
        ("equipe E4 ines l", "l"),
        ("equipe E4 ines zorro", "zorro"),
    ] {
        let effects = d.command(line);
        assert_eq!(effects, vec![Effect::Bell], "{line}");
        let msg = d.error().expect("an explanation");
        assert!(msg.contains(&format!("« {word} »")), "{line}: {msg}");
        assert!(
            matches!(d.app.mode, Mode::Line(ref o) if o.form.input.value() == line),
            "the line stays to be fixed"
        );
    }
    // An unknown coordinator: how the verb is written; a word that means nothing: so.
    for (line, said) in [
        ("ouvrir personne", "Écrire : :ouvrir NOM"),
        ("ouvrir", "Écrire : :ouvrir NOM"),
        ("equipe E4", "Écrire : :equipe E4 NOM NOM [NOM]"),
        (
            "danser",
            "« danser » : commande inconnue. « :aide » les liste.",
        ),
    ] {
        assert_eq!(d.command(line), vec![Effect::Bell], "{line}");
        assert_eq!(d.error().as_deref(), Some(said), "{line}");
    }
    assert!(!d.app.busy);
    assert!(d.desk.written.is_empty() && d.desk.refused.is_empty());
    assert_eq!(d.app.domain, before);
    // Esc leaves the line without a trace (asking first: something is typed).
    d.act(Action::Back);
    assert!(matches!(d.app.mode, Mode::Line(_)));
    d.act(Action::Back);
    assert!(matches!(d.app.mode, Mode::Normal));
}

#[test]
fn a_name_the_domain_refuses_comes_back_in_words_and_the_line_stays() {
    let mut d = Desk::night();
    // Samir is already in E1.
    d.command("equipe E4 samir ines");
    assert_eq!(d.desk.refused.len(), 1);
    assert!(
        d.error()
            .is_some_and(|e| e.contains("fait déjà partie de l'équipe E1")),
        "{:?}",
        d.app.notice
    );
    assert!(matches!(d.app.mode, Mode::Line(_)));
    assert!(!d.app.domain.teams.contains_key("E4"));
}

#[test]
fn names_in_capitals_with_accents_are_found() {
    let mut d = Desk::night();
    d.prepare(Command::SetTeamStatus {
        team: "E2".into(),
        status: TeamStatus::OffDuty,
        position: None,
    });
    d.prepare(Command::SetTeamStatus {
        team: "E1".into(),
        status: TeamStatus::OffDuty,
        position: None,
    });
    d.command("equipe E4 AÏCHA GWENAËLLE");
    assert_eq!(d.error().as_deref(), None);
    assert_eq!(d.team("E4").members, ["aicha-d", "gwenaelle-p"]);
}

// --- The board -------------------------------------------------------------------------------

#[test]
fn q_quits() {
    let mut d = Desk::night();
    assert_eq!(d.key(KeyCode::Char('q')), vec![Effect::Quit]);
    assert!(d.quit);
}

#[test]
fn help_toggles_and_esc_goes_back() {
    let mut d = Desk::night();
    d.key(KeyCode::Char('?'));
    assert_eq!(d.app.screen, Screen::Help);
    // Board keys do nothing under the help.
    d.key(KeyCode::Char('n'));
    assert!(matches!(d.app.mode, Mode::Normal));
    assert_eq!(d.app.screen, Screen::Help);
    d.key(KeyCode::Char('?'));
    assert_eq!(d.app.screen, Screen::Board);
    d.key(KeyCode::F(1));
    assert_eq!(d.app.screen, Screen::Help);
    d.key(KeyCode::Esc);
    assert_eq!(d.app.screen, Screen::Board);
    assert!(!d.quit);
}

#[test]
fn tab_cycles_the_panes_both_ways() {
    let mut d = Desk::night();
    assert_eq!(d.app.focus, Pane::Requests);
    for expected in [Pane::Teams, Pane::Cases, Pane::Requests] {
        d.key(KeyCode::Tab);
        assert_eq!(d.app.focus, expected);
    }
    for expected in [Pane::Cases, Pane::Teams, Pane::Requests] {
        d.key(KeyCode::BackTab);
        assert_eq!(d.app.focus, expected);
    }
}

#[test]
fn the_selection_stops_at_both_ends_of_each_pane() {
    let mut d = Desk::night();
    for site in ["vil-kennedy-1", "vil-kennedy-2", "mau-gros-chene-1"] {
        d.request_at(site, Priority::P3);
    }
    d.key(KeyCode::Up);
    assert_eq!(d.app.selected(Pane::Requests), 0);
    for _ in 0..5 {
        d.key(KeyCode::Char('j'));
    }
    assert_eq!(d.app.selected(Pane::Requests), 2);
    d.key(KeyCode::Char('k'));
    assert_eq!(d.app.selected(Pane::Requests), 1);
    // Each pane keeps its own selection.
    d.key(KeyCode::Tab);
    for _ in 0..5 {
        d.key(KeyCode::Down);
    }
    assert_eq!(d.app.selected(Pane::Teams), 2);
    d.key(KeyCode::Tab);
    d.key(KeyCode::Down);
    assert_eq!(d.app.selected(Pane::Cases), 0, "no situation: stays at 0");
    assert_eq!(d.app.selected(Pane::Requests), 1);
}

#[test]
fn the_selection_follows_when_the_last_row_leaves_the_list() {
    let mut d = Desk::night();
    let first = d.request_at("vil-kennedy-1", Priority::P1);
    let last = d.request_at("mau-gros-chene-1", Priority::P3);
    d.dispatch(last, "E1");
    d.focus_team("E1");
    d.act(Action::Arrive);
    // The coordinator clears from the request row, the last one.
    d.focus_request(last);
    assert_eq!(d.app.selected(Pane::Requests), 1);
    d.act(Action::Clear);
    d.acts(&[Action::ChooseNext, Action::NextField, Action::ChooseNext]);
    d.act(Action::Submit);
    assert_eq!(open_requests(&d.app).len(), 1);
    // One row left, drawn selected: `d` must act on it.
    d.act(Action::Dispatch);
    assert_eq!(d.error().as_deref(), None, "{:?}", d.app.notice);
    assert!(matches!(&d.app.mode, Mode::Dispatch(p) if p.request == first));
}

#[test]
fn busy_holds_a_second_commit_while_one_is_pending() {
    let mut d = Desk::night();
    d.focus_team("E3");
    let first = update(&mut d.app, Action::SetStatus(TeamStatus::Break));
    assert!(first.iter().any(is_commit));
    assert!(d.app.busy);
    // Not yet written: another command waits (a bell, no commit).
    d.focus_team("E1");
    assert_eq!(
        update(&mut d.app, Action::SetStatus(TeamStatus::Break)),
        vec![Effect::Bell]
    );
    assert_eq!(update(&mut d.app, Action::Arrive), vec![Effect::Bell]);
    let line = update(&mut d.app, Action::CommandLine);
    assert!(line.is_empty());
    for c in "note calme".chars() {
        update(&mut d.app, Action::Edit(InputRequest::InsertChar(c)));
    }
    assert_eq!(update(&mut d.app, Action::Submit), vec![Effect::Bell]);
    update(&mut d.app, Action::Back);
    // The first one is written: busy is lifted, the next goes.
    d.perform(first);
    assert!(!d.app.busy);
    assert_eq!(d.team("E3").status(), TeamStatus::Break);
    assert_eq!(d.team("E1").status(), TeamStatus::ActivePresence);
    assert!(
        d.act(Action::SetStatus(TeamStatus::Break))
            .iter()
            .any(is_commit)
    );
    assert_eq!(d.team("E1").status(), TeamStatus::Break);
    // A failure lifts it too.
    update(&mut d.app, Action::Arrive);
    assert!(d.app.busy);
    assert_eq!(
        update(&mut d.app, Action::Failed(Failure::Store("non".into()))),
        vec![Effect::Bell]
    );
    assert!(!d.app.busy);
    assert_eq!(d.error().as_deref(), Some("non"));
}

#[test]
fn the_clock_moves_without_effects_and_esc_clears_the_message() {
    let mut d = Desk::night();
    d.act(Action::Dispatch);
    assert!(d.error().is_some());
    let then = d.app.now;
    assert!(d.act(Action::Tick(then + Duration::seconds(1))).is_empty());
    assert_eq!(d.app.now, then + Duration::seconds(1));
    d.act(Action::Back);
    assert_eq!(d.app.notice, None);
}

#[path = "request_form_tests.rs"]
mod request_form;

#[path = "team_tests.rs"]
mod teams;

#[path = "clearing_tests.rs"]
mod clearing;

#[path = "team_code_tests.rs"]
mod team_code;

#[path = "screens_tests.rs"]
mod screens;

#[path = "shift_tests.rs"]
mod shift;

#[path = "selection_tests.rs"]
mod selection;

#[test]
fn a_background_notice_is_shown_and_an_error_rings_without_touching_the_form() {
    let mut d = Desk::night();
    update(&mut d.app, Action::NewRequest);
    let mode = format!("{:?}", d.app.mode);
    assert_eq!(
        update(&mut d.app, Action::Notice(Notice::DraftRecovered)),
        vec![]
    );
    assert_eq!(d.app.notice, Some(Notice::DraftRecovered));
    assert_eq!(
        update(
            &mut d.app,
            Action::Notice(Notice::Failed("Sauvegarde impossible".into()))
        ),
        vec![Effect::Bell]
    );
    assert_eq!(d.error().as_deref(), Some("Sauvegarde impossible"));
    // What was being typed is still there.
    assert_eq!(format!("{:?}", d.app.mode), mode);
}

#[path = "desk_tests.rs"]
mod desk;
#[path = "free_address_tests.rs"]
mod free_address;
#[path = "intake_tests.rs"]
mod intake;
#[path = "request_desk_tests.rs"]
mod request_desk;
#[path = "safety_tests.rs"]
mod safety;
