//! `update()` driven without a screen, the way the coordinator works a night: actions in,
//! effects out. A small desk plays the runtime: it performs `Effect::Commit` against the pure
//! domain (`execute` on a copy of the state) and feeds back `Committed` or `Failed`.

use super::*;
use crate::app::board::{open_requests, suggested_team, teams};
use crate::app::form::{ClearField, RequestField, site_matches};
use crate::app::keymap::action_for;
use crate::app::{Pane, RequestForm};
use crate::domain::command::NewRequest;
use crate::domain::execute;
use crate::domain::ids::RequestId;
use crate::domain::vocab::{Category, Priority, RequestStatus, Source};
use crate::i18n::refusal::refusal;
use chrono::Duration;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

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

/// Names for log lines from the console's own state (the desk keeps no personal records).
struct Names<'a>(&'a crate::domain::reference::Territory, &'a State);

impl crate::i18n::log::Lookup for Names<'_> {
    fn territory(&self) -> &crate::domain::reference::Territory {
        self.0
    }
    fn request_number(&self, id: RequestId) -> Option<u32> {
        self.1.requests.get(&id).map(|r| r.number)
    }
    fn personal(
        &self,
        _: crate::domain::ids::PersonalId,
    ) -> Option<crate::domain::personal::PersonalRecord> {
        None
    }
}

/// The coordinator's desk: the console's state plus a runtime over the pure domain.
struct Desk {
    app: AppState,
    /// The journal and its views, as the store keeps them (for the handover screen).
    journal: Vec<crate::domain::Envelope>,
    views: crate::store::views::MemViews,
    /// Commands the runtime wrote, in order.
    written: Vec<Command>,
    /// Commands the domain refused.
    refused: Vec<Command>,
}

impl Desk {
    /// No night open yet.
    fn dark() -> Desk {
        let territory = crate::territory::rennes().expect("the Rennes territory loads");
        Desk {
            app: AppState::new(Lang::Fr, State::default(), territory, monday_2105()),
            written: Vec::new(),
            refused: Vec::new(),
            journal: Vec::new(),
            views: Default::default(),
        }
    }

    /// Keeps the journal and views, and reloads the handover source as the runtime does.
    fn record(&mut self, envelopes: &[crate::domain::Envelope]) {
        for e in envelopes {
            let Ok(()) = crate::domain::views::project(&mut self.views, &self.app.domain, e);
            self.journal.push(e.clone());
        }
        let state = &self.app.domain;
        let night = state
            .open_night()
            .map(|n| n.night)
            .or(state.handover.as_ref().map(|h| h.night));
        let record = match night {
            Some(n) => self.views.nights.get(&n),
            None => self.views.nights.values().next_back(),
        };
        self.app.handover_source = record.map(|r| {
            let events = self
                .journal
                .iter()
                .filter(|e| e.night == r.night)
                .cloned()
                .collect();
            Box::new((r.clone(), events))
        });
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

    /// Writes straight into the domain (the night as it stood before the test begins).
    fn prepare(&mut self, cmd: Command) {
        let now = self.app.now;
        let (envs, _) = execute(&mut self.app.domain, &self.app.territory, &cmd, now)
            .unwrap_or_else(|r| panic!("setup {cmd:?} refused: {r}"));
        self.record(&envs);
    }

    /// A request received at `site`, waiting for a team; returns its id.
    fn request_at(&mut self, site: &str, priority: Priority) -> RequestId {
        let id = RequestId(self.app.domain.counters.request);
        self.prepare(Command::ReceiveRequest(NewRequest {
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

    /// What the runtime does with effects: commits go to the domain (several commands
    /// stand or fall together), the log lines and the outcome come back.
    fn perform(&mut self, effects: Vec<Effect>) {
        for effect in effects {
            let (commands, message) = match effect {
                Effect::Commit(cmd, message) => (vec![cmd], message),
                Effect::CommitAll(commands, message) => (commands, message),
                _ => continue,
            };
            let mut state = self.app.domain.clone();
            let mut envelopes = Vec::new();
            let mut refused = None;
            for cmd in &commands {
                match execute(&mut state, &self.app.territory, cmd, self.app.now) {
                    Ok((envs, _)) => envelopes.extend(envs),
                    Err(r) => {
                        refused = Some((cmd.clone(), r));
                        break;
                    }
                }
            }
            let feedback = match refused {
                None => {
                    self.written.extend(commands);
                    let lines = envelopes
                        .iter()
                        .map(|e| crate::app::LogLine {
                            seq: e.seq,
                            night: e.night,
                            text: crate::i18n::log::line(
                                e,
                                &Names(&self.app.territory, &state),
                                self.app.lang,
                            ),
                        })
                        .collect();
                    update(&mut self.app, Action::Logged(lines));
                    let more = update(
                        &mut self.app,
                        Action::Committed {
                            state: Box::new(state),
                            message,
                        },
                    );
                    self.record(&envelopes);
                    self.perform(more);
                    continue;
                }
                Some((cmd, r)) => {
                    self.refused.push(cmd);
                    Action::Failed(refusal(&r, self.app.lang))
                }
            };
            let more = update(&mut self.app, feedback);
            self.perform(more);
        }
    }

    /// One action, its effects performed; returns what `update` asked for.
    fn act(&mut self, action: Action) -> Vec<Effect> {
        let effects = update(&mut self.app, action);
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
        if matches!(self.app.mode, Mode::Command(_)) {
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

    fn error(&self) -> Option<&str> {
        match &self.app.message {
            Some(Message::Error(m)) => Some(m),
            _ => None,
        }
    }

    fn info(&self) -> Option<&str> {
        match &self.app.message {
            Some(Message::Info(m)) => Some(m),
            _ => None,
        }
    }

    fn form(&self) -> &RequestForm {
        match &self.app.mode {
            Mode::NewRequest(f) => f,
            other => panic!("the request form should be open, not {other:?}"),
        }
    }

    fn clear_form(&self) -> &ClearForm {
        match &self.app.mode {
            Mode::Clear(f) => f,
            other => panic!("the clear form should be open, not {other:?}"),
        }
    }

    fn dispatch_cursor(&self) -> usize {
        match self.app.mode {
            Mode::Dispatch { cursor, .. } => cursor,
            ref other => panic!("the dispatch picker should be open, not {other:?}"),
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
        self.app.selected[Pane::Teams as usize] = i;
    }

    fn focus_request(&mut self, id: RequestId) {
        self.app.focus = Pane::Requests;
        let i = open_requests(&self.app)
            .iter()
            .position(|r| r.id == id)
            .expect("the request is on the board");
        self.app.selected[Pane::Requests as usize] = i;
    }

    /// Sends `team` on `request` through the picker.
    fn dispatch(&mut self, request: RequestId, team: &str) {
        self.focus_request(request);
        self.act(Action::Dispatch);
        let cursor = teams(&self.app)
            .iter()
            .position(|t| t.call_sign == team)
            .expect("team");
        self.app.mode = Mode::Dispatch { request, cursor };
        self.act(Action::Submit);
    }

    /// A form with site, source, category and priority chosen, the focus on the callback.
    fn filled_form(&mut self) {
        self.act(Action::NewRequest);
        self.typed("kennedy");
        for _ in 0..3 {
            self.acts(&[Action::NextField, Action::ChooseNext]);
        }
        self.acts(&[Action::NextField, Action::NextField]);
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
        vec![Effect::Commit(
            Command::OpenNight {
                coordinator: "claire-m".into()
            },
            "Nuit ouverte.".into()
        )]
    );
    assert!(d.app.domain.open_night().is_some());
    assert!(
        matches!(d.app.mode, Mode::Normal),
        "the line closes once done"
    );
    assert_eq!(d.info(), Some("Nuit ouverte."));

    // "gwen" for Gwenaëlle, "aicha" for Aïcha, "LOIC" for Loïc; the call sign is upper-cased.
    d.command("equipe e1 samir gwen");
    d.command("equipe E2 aicha LOIC Thomas");
    assert_eq!(d.team("E1").members, ["samir-k", "gwenaelle-p"]);
    assert_eq!(d.team("E2").members, ["aicha-d", "loic-m", "thomas-r"]);
    assert_eq!(d.info(), Some("Équipe E2 composée"));
    // Typed with its accents, or by id, a name is found too.
    d.command("equipe E3 Inès lea-t");
    assert_eq!(d.team("E3").members, ["ines-h", "lea-t"]);
    assert_eq!(d.written.len(), 4);
    assert!(d.refused.is_empty());
}

#[test]
fn the_command_line_understands_english_words_and_closes_the_night() {
    let mut d = Desk::dark();
    d.app.lang = Lang::En;
    d.command("open nadia");
    d.command("team E1 fatou erwan");
    assert_eq!(d.info(), Some("Team E1 composed"));
    d.command("handover yannick");
    assert_eq!(
        d.app.domain.open_night().map(|n| n.coordinator.as_str()),
        Some("yannick-l")
    );
    d.command("close");
    assert!(d.app.domain.open_night().is_none());
    assert_eq!(d.info(), Some("Night closed."));
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
            matches!(d.app.mode, Mode::Command(ref i) if i.value() == line),
            "the line stays to be fixed"
        );
    }
    // An unknown coordinator, or a line that means nothing: the usage.
    for line in ["ouvrir personne", "ouvrir", "equipe E4", "danser"] {
        assert_eq!(d.command(line), vec![Effect::Bell], "{line}");
        assert!(d.error().is_some_and(|e| e.starts_with("Commandes :")));
    }
    assert!(!d.app.busy);
    assert!(d.written.is_empty() && d.refused.is_empty());
    assert_eq!(d.app.domain, before);
    // Esc leaves the line without a trace.
    d.act(Action::Back);
    assert!(matches!(d.app.mode, Mode::Normal));
}

#[test]
fn a_name_the_domain_refuses_comes_back_in_words_and_the_line_stays() {
    let mut d = Desk::night();
    // Samir is already in E1.
    d.command("equipe E4 samir ines");
    assert_eq!(d.refused.len(), 1);
    assert!(
        d.error()
            .is_some_and(|e| e.contains("fait déjà partie de l'équipe E1")),
        "{:?}",
        d.app.message
    );
    assert!(matches!(d.app.mode, Mode::Command(_)));
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
    assert_eq!(d.error(), None);
    assert_eq!(d.team("E4").members, ["aicha-d", "gwenaelle-p"]);
}

// --- The board -------------------------------------------------------------------------------

#[test]
fn q_quits() {
    let mut d = Desk::night();
    assert_eq!(d.key(KeyCode::Char('q')), vec![Effect::Quit]);
    assert!(d.app.quit);
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
    assert!(!d.app.quit);
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
    assert_eq!(d.error(), None, "{:?}", d.app.message);
    assert!(matches!(d.app.mode, Mode::Dispatch { request, .. } if request == first));
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
    assert_eq!(update(&mut d.app, Action::Contact), vec![Effect::Bell]);
    let line = update(&mut d.app, Action::CommandLine);
    assert!(line.is_empty());
    for c in "cloturer".chars() {
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
        update(&mut d.app, Action::Failed("non".into())),
        vec![Effect::Bell]
    );
    assert!(!d.app.busy);
    assert_eq!(d.error(), Some("non"));
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
    assert_eq!(d.app.message, None);
}

#[path = "request_form_tests.rs"]
mod request_form;

#[path = "team_tests.rs"]
mod teams;

#[path = "clearing_tests.rs"]
mod clearing;

#[path = "screens_tests.rs"]
mod screens;

#[path = "shift_tests.rs"]
mod shift;

#[test]
fn a_background_notice_is_shown_and_an_error_rings_without_touching_the_form() {
    let mut d = Desk::night();
    update(&mut d.app, Action::NewRequest);
    let mode = format!("{:?}", d.app.mode);
    assert_eq!(
        update(
            &mut d.app,
            Action::Notice(Message::Info("Sauvegarde écrite : x".into()))
        ),
        vec![]
    );
    assert_eq!(
        d.app.message,
        Some(Message::Info("Sauvegarde écrite : x".into()))
    );
    assert_eq!(
        update(
            &mut d.app,
            Action::Notice(Message::Error("Sauvegarde impossible".into()))
        ),
        vec![Effect::Bell]
    );
    assert_eq!(d.error(), Some("Sauvegarde impossible"));
    // What was being typed is still there.
    assert_eq!(format!("{:?}", d.app.mode), mode);
}
