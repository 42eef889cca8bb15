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

// --- The request form ---------------------------------------------------------------------

#[test]
fn a_new_request_before_the_night_is_open_opens_the_night_form_instead() {
    let mut d = Desk::dark();
    let effects = d.act(Action::NewRequest);
    assert!(effects.is_empty());
    assert!(matches!(d.app.mode, Mode::OpenNight(_)));
    assert_eq!(
        d.app.message,
        Some(Message::Info(
            "Ouvrez d'abord la nuit : coordinateur·rice et équipes.".into()
        ))
    );
}

#[test]
fn missing_required_fields_are_named_and_the_focus_goes_to_them() {
    let mut d = Desk::night();
    d.act(Action::NewRequest);
    // Nothing typed: the site is asked for first.
    d.acts(&[Action::NextField, Action::NextField]);
    let effects = d.act(Action::Submit);
    assert_eq!(effects, vec![Effect::Bell]);
    assert!(d.error().is_some_and(|e| e.starts_with("Lieu")));
    assert_eq!(d.form().field(), RequestField::Site);

    // A site, then Enter from the description: the source is missing.
    d.typed("kennedy");
    d.acts(&[Action::PrevField]);
    assert_eq!(d.form().field(), RequestField::Description);
    assert_eq!(d.act(Action::Submit), vec![Effect::Bell]);
    assert!(d.error().is_some_and(|e| e.starts_with("Source")));
    assert_eq!(d.form().field(), RequestField::Source);

    d.acts(&[Action::ChooseNext, Action::NextField, Action::ChooseNext]);
    d.act(Action::Submit);
    assert!(d.error().is_some_and(|e| e.starts_with("Priorité")));
    assert_eq!(d.form().field(), RequestField::Priority);

    // A site nobody has: the site again.
    d.acts(&[
        Action::ChooseNext,
        Action::PrevField,
        Action::PrevField,
        Action::PrevField,
    ]);
    assert_eq!(d.form().field(), RequestField::Site);
    d.typed("zzz");
    d.act(Action::Submit);
    assert!(d.error().is_some_and(|e| e.starts_with("Lieu")));
    assert_eq!(d.form().field(), RequestField::Site);

    assert!(matches!(d.app.mode, Mode::NewRequest(_)));
    assert!(d.written.is_empty() && d.refused.is_empty());
    assert!(d.app.domain.requests.is_empty());
    assert!(!d.app.busy);
}

#[test]
fn an_invalid_callback_number_is_refused_and_the_form_stays_open_to_fix_it() {
    let mut d = Desk::night();
    d.filled_form();
    d.typed("06 12 34");
    let effects = d.act(Action::Submit);
    assert!(
        effects.iter().any(is_commit),
        "the domain judges the number"
    );
    assert_eq!(d.refused.len(), 1);
    assert!(
        d.error()
            .is_some_and(|e| e.starts_with("Numéro de rappel invalide « 06 12 34 »")),
        "{:?}",
        d.app.message
    );
    assert!(!d.app.busy);
    assert_eq!(
        d.form().callback.value(),
        "06 12 34",
        "nothing typed is lost"
    );
    assert!(d.app.domain.requests.is_empty());

    // Fixed, it goes through.
    d.typed(" 56 78");
    d.act(Action::Submit);
    assert!(matches!(d.app.mode, Mode::Normal), "{:?}", d.app.message);
    assert_eq!(d.app.domain.requests.len(), 1);
}

#[test]
fn a_site_named_by_what_is_typed_comes_before_one_found_by_its_sector_or_district() {
    let territory = Desk::night().app.territory.clone();
    for (typed, first) in [("gros chene", "Gros-Chêne"), ("blosne", "Blosne")] {
        let found = site_matches(&territory, typed);
        assert!(found.len() >= 2, "{typed}: {}", found.len());
        assert!(found[0].name.contains(first), "{typed}: {}", found[0].name);
        // Nothing named so comes before something named so.
        let named: Vec<bool> = found
            .iter()
            .map(|s| crate::app::form::fold(&s.name).contains(&crate::app::form::fold(first)))
            .collect();
        assert!(
            named.windows(2).all(|w| w[0] || !w[1]),
            "{typed}: {named:?}"
        );
    }
}

#[test]
fn typing_kennedy_picks_a_villejean_site_and_up_down_cycle_the_matches() {
    let mut d = Desk::night();
    d.act(Action::NewRequest);
    d.typed("kennedy");
    let territory = d.app.territory.clone();
    let n = site_matches(&territory, "kennedy").len();
    assert!(n >= 2, "several places answer to kennedy: {n}");
    let first = d.form().site(&territory).expect("a site").id.clone();
    assert_eq!(
        territory.site(&first).map(|s| s.district.as_str()),
        Some("villejean")
    );

    // ↓ on the site field picks the next match, it does not leave the field.
    d.act(Action::Down);
    assert_eq!(d.form().field(), RequestField::Site);
    assert_eq!(d.form().site_choice, 1);
    let second = d.form().site(&territory).expect("a site").id.clone();
    assert_ne!(first, second);
    assert_eq!(
        territory.site(&second).map(|s| s.district.as_str()),
        Some("villejean")
    );
    // ↑ back, and ↑ again wraps to the last match; ↓ from there wraps to the first.
    d.act(Action::Up);
    assert_eq!(d.form().site_choice, 0);
    d.act(Action::Up);
    assert_eq!(d.form().site_choice, n - 1);
    d.act(Action::Down);
    assert_eq!(d.form().site_choice, 0);
    // Typing again starts over from the first match of the new query.
    d.act(Action::Down);
    d.typed(" 5");
    assert_eq!(d.form().site_choice, 0);
    assert_eq!(
        d.form().site(&territory).map(|s| s.id.as_str()),
        Some("vil-kennedy-5")
    );
    // Accents and case aside: "BREQUIGNY" finds Bréquigny.
    d.act(Action::Edit(InputRequest::DeleteLine));
    d.typed("BREQUIGNY cloteaux");
    let s = d.form().site(&territory).expect("a site");
    assert_eq!(s.district, "brequigny");
}

#[test]
fn moving_the_cursor_in_the_site_field_keeps_the_chosen_match() {
    let mut d = Desk::night();
    d.act(Action::NewRequest);
    d.typed("kennedy");
    d.act(Action::Down);
    assert_eq!(d.form().site_choice, 1);
    d.act(Action::ChoosePrev);
    assert_eq!(d.form().site_choice, 1, "only the cursor moved");
}

#[test]
fn up_and_down_leave_a_field_other_than_the_site() {
    let mut d = Desk::night();
    d.act(Action::NewRequest);
    d.act(Action::NextField);
    assert_eq!(d.form().field(), RequestField::Source);
    d.act(Action::Down);
    assert_eq!(d.form().field(), RequestField::Category);
    d.act(Action::Up);
    d.act(Action::Up);
    assert_eq!(d.form().field(), RequestField::Site);
    // Tab and S-Tab wrap around the form.
    d.act(Action::PrevField);
    assert_eq!(d.form().field(), RequestField::Description);
    d.act(Action::NextField);
    assert_eq!(d.form().field(), RequestField::Site);
}

#[test]
fn esc_on_a_clean_form_closes_it_at_once() {
    let mut d = Desk::night();
    d.act(Action::NewRequest);
    d.act(Action::Back);
    assert!(matches!(d.app.mode, Mode::Normal));
    assert_eq!(d.info(), Some("Saisie abandonnée."));
}

#[test]
fn esc_on_a_dirty_form_asks_once_and_the_second_esc_discards() {
    let mut d = Desk::night();
    d.act(Action::NewRequest);
    d.typed("dalle");
    d.act(Action::Back);
    assert!(matches!(d.app.mode, Mode::NewRequest(_)), "asks first");
    assert_eq!(d.info(), Some("Esc encore pour abandonner la saisie."));
    assert!(d.form().confirm_cancel);
    // Anything else in between withdraws the question.
    d.typed(" k");
    assert!(!d.form().confirm_cancel);
    d.act(Action::Back);
    assert!(matches!(d.app.mode, Mode::NewRequest(_)));
    d.act(Action::Back);
    assert!(matches!(d.app.mode, Mode::Normal));
    assert_eq!(d.info(), Some("Saisie abandonnée."));
    assert!(d.written.is_empty() && d.app.domain.requests.is_empty());
    // A choice alone makes the form dirty too.
    d.act(Action::NewRequest);
    d.acts(&[Action::NextField, Action::ChooseNext, Action::Back]);
    assert!(matches!(d.app.mode, Mode::NewRequest(_)));
}

#[test]
fn ctrl_c_in_a_form_asks_then_quits_keeping_the_draft() {
    let mut d = Desk::night();
    let ctrl_c = Event::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    d.act(Action::NewRequest);
    d.typed("dalle");
    let typed = crate::app::draft::draft(&d.app);
    assert!(typed.is_some());
    // Asked, and answered no: the form is back as it was.
    let quit = action_for(&d.app, &ctrl_c).expect("Ctrl-C is bound");
    assert_eq!(d.act(quit.clone()), vec![]);
    assert!(matches!(d.app.mode, Mode::ConfirmQuit(_)));
    assert_eq!(crate::app::draft::draft(&d.app), typed);
    assert_eq!(d.key(KeyCode::Esc), vec![]);
    assert!(matches!(d.app.mode, Mode::NewRequest(_)));
    assert!(!d.app.quit);
    // Asked again, and answered yes: it quits with the form, hence its draft, kept.
    d.act(quit);
    assert_eq!(d.key(KeyCode::Char('o')), vec![Effect::Quit]);
    assert!(d.app.quit);
    assert_eq!(crate::app::draft::draft(&d.app), typed);
}

#[test]
fn ctrl_c_in_the_team_picker_quits() {
    let mut d = Desk::night();
    let request = d.request_at("vil-kennedy-1", Priority::P2);
    d.focus_request(request);
    d.act(Action::Dispatch);
    assert!(matches!(d.app.mode, Mode::Dispatch { .. }));
    let ctrl_c = Event::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    let quit = action_for(&d.app, &ctrl_c).expect("Ctrl-C is bound");
    assert_eq!(d.act(quit), vec![Effect::Quit]);
    assert!(d.app.quit);
}

#[test]
fn enter_saves_and_the_form_closes_only_once_the_store_has_written() {
    let mut d = Desk::night();
    d.filled_form();
    d.typed("06 39 98 12 34");
    d.act(Action::NextField);
    d.typed("musique forte au 3e");
    let effects = update(&mut d.app, Action::Submit);
    let [Effect::Commit(Command::ReceiveRequest(new), msg)] = effects.as_slice() else {
        panic!("one commit: {effects:?}")
    };
    assert_eq!(msg, "Sollicitation enregistrée.");
    assert_eq!(new.site, "vil-kennedy-1");
    assert_eq!(new.source, Source::Resident);
    assert_eq!(new.category, Category::NeighbourConflict);
    assert_eq!(new.priority, Priority::P1);
    assert_eq!(new.callback.as_deref(), Some("06 39 98 12 34"));
    assert_eq!(new.description.as_deref(), Some("musique forte au 3e"));
    assert!(d.app.busy);
    assert!(
        matches!(d.app.mode, Mode::NewRequest(_)),
        "still open while the write is pending"
    );

    d.perform(effects);
    assert!(matches!(d.app.mode, Mode::Normal));
    assert!(!d.app.busy);
    assert_eq!(d.info(), Some("Sollicitation enregistrée."));
    let rows = open_requests(&d.app);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].number, 1);
    assert!(rows[0].personal.is_some(), "caller data kept apart");
}

// --- Dispatch ------------------------------------------------------------------------------

#[test]
fn dispatch_suggests_the_nearest_free_team_with_the_cursor_on_it() {
    let mut d = Desk::night();
    let kennedy = d.request_at("vil-kennedy-1", Priority::P2);
    d.focus_request(kennedy);
    assert_eq!(suggested_team(&d.app, kennedy).as_deref(), Some("E2"));
    d.act(Action::Dispatch);
    assert_eq!(d.dispatch_cursor(), 1, "on E2, in Villejean");
    // The cursor moves and stops at the ends.
    d.acts(&[Action::Down, Action::Down, Action::Down]);
    assert_eq!(d.dispatch_cursor(), 2);
    d.acts(&[Action::Up, Action::Up, Action::Up]);
    assert_eq!(d.dispatch_cursor(), 0);
    d.act(Action::Back);
    assert!(matches!(d.app.mode, Mode::Normal));
    assert!(d.written.is_empty());

    // Accepted as suggested: E2 goes, en route.
    d.act(Action::Dispatch);
    let effects = d.act(Action::Submit);
    assert_eq!(
        effects,
        vec![Effect::Commit(
            Command::Dispatch {
                request: kennedy,
                team: "E2".into()
            },
            "Équipe E2 envoyée".into()
        )]
    );
    assert!(matches!(d.app.mode, Mode::Normal));
    assert_eq!(d.team("E2").status(), TeamStatus::EnRoute);
    assert_eq!(
        d.app.domain.requests[&kennedy].status,
        RequestStatus::EnRoute
    );

    // Next request in Maurepas: E1 is there; E2 is busy and no longer suggested.
    let maurepas = d.request_at("mau-gros-chene-2", Priority::P3);
    assert_eq!(suggested_team(&d.app, maurepas).as_deref(), Some("E1"));
    // Villejean again, E2 out: E1 (Maurepas) is closer than E3 (base).
    let harpe = d.request_at("vil-harpe-2", Priority::P3);
    assert_eq!(suggested_team(&d.app, harpe).as_deref(), Some("E1"));
}

#[test]
fn dispatching_a_busy_team_is_refused_with_its_reason_and_writes_nothing() {
    let mut d = Desk::night();
    let first = d.request_at("vil-kennedy-1", Priority::P1);
    let second = d.request_at("vil-kennedy-2", Priority::P1);
    d.dispatch(first, "E2");
    assert_eq!(d.written.len(), 1);
    let before = d.app.domain.clone();

    d.focus_request(second);
    d.act(Action::Dispatch);
    d.acts(&[Action::Down, Action::Down, Action::Down, Action::Up]);
    assert_eq!(d.dispatch_cursor(), 1, "E2, busy");
    d.act(Action::Submit);
    assert_eq!(d.refused.len(), 1);
    assert_eq!(
        d.error(),
        Some("Équipe E2 est déjà affectée à la sollicitation 1.")
    );
    assert!(
        matches!(d.app.mode, Mode::Dispatch { .. }),
        "the picker stays for another choice"
    );
    assert_eq!(d.app.domain, before);
    assert!(d.app.domain.requests[&second].team.is_none());
}

#[test]
fn dispatch_needs_a_request_row_and_teams() {
    let mut d = Desk::night();
    d.act(Action::Dispatch);
    assert_eq!(d.error(), Some("Choisissez une sollicitation."));
    d.request_at("vil-kennedy-1", Priority::P2);
    d.act(Action::NextPane);
    d.act(Action::Dispatch);
    assert_eq!(
        d.error(),
        Some("Choisissez une sollicitation."),
        "teams pane"
    );
    assert!(matches!(d.app.mode, Mode::Normal));

    // A night with no team yet.
    let mut d = Desk::dark();
    d.prepare(Command::OpenNight {
        coordinator: "nadia-b".into(),
    });
    d.request_at("vil-kennedy-1", Priority::P2);
    d.act(Action::Dispatch);
    assert_eq!(
        d.error(),
        Some("Aucune équipe : composez-les avec « :equipe ».")
    );
    assert!(matches!(d.app.mode, Mode::Normal));
}

// --- Following a team ----------------------------------------------------------------------

#[test]
fn arrive_and_contact_from_the_team_row_or_the_request_row() {
    let mut d = Desk::night();
    let r = d.request_at("vil-kennedy-1", Priority::P2);
    d.dispatch(r, "E2");
    d.later(7);
    // From the request row: the action is about its team.
    d.focus_request(r);
    let effects = d.act(Action::Arrive);
    assert_eq!(
        effects,
        vec![Effect::Commit(
            Command::Arrive { team: "E2".into() },
            "Équipe E2 : sur place".into()
        )]
    );
    assert_eq!(d.team("E2").status(), TeamStatus::OnSite);
    assert_eq!(d.app.domain.requests[&r].status, RequestStatus::OnSite);
    assert_eq!(
        d.team("E2").position,
        Position::Site("vil-kennedy-1".into())
    );

    d.later(25);
    d.focus_team("E2");
    d.act(Action::Contact);
    assert_eq!(d.team("E2").last_contact, d.app.now);
    assert_eq!(d.info(), Some("Équipe E2 : contact enregistré"));

    // Arriving twice, or a team sent nowhere, is refused in words.
    d.act(Action::Arrive);
    assert!(
        d.error().is_some_and(|e| e.contains("E2")),
        "{:?}",
        d.app.message
    );
    d.focus_team("E3");
    d.act(Action::Arrive);
    assert_eq!(d.error(), Some("L'équipe E3 n'a pas d'affectation."));
    assert_eq!(d.refused.len(), 2);
    // In English the colon sticks to the word.
    d.app.lang = Lang::En;
    let effects = d.act(Action::SetStatus(TeamStatus::Available));
    assert!(
        matches!(&effects[..], [Effect::Commit(_, m)] if m == "Team E3: available"),
        "{effects:?}"
    );
}

#[test]
fn statuses_are_set_on_a_free_team_and_refused_on_a_busy_one() {
    let mut d = Desk::night();
    d.focus_team("E3");
    // Active presence goes to a targeted point, picked like a site.
    let effects = d.act(Action::SetStatus(TeamStatus::ActivePresence));
    assert!(effects.is_empty());
    assert!(matches!(d.app.mode, Mode::Place(_)));
    d.act(Action::Submit);
    assert!(
        d.error().is_some_and(|e| e.starts_with("Lieu")),
        "E3 is at base: no district to assume"
    );
    d.typed("blosne");
    d.act(Action::Submit);
    assert_eq!(d.team("E3").status(), TeamStatus::ActivePresence);
    assert!(matches!(&d.team("E3").position, Position::District(_)));
    assert!(
        d.info()
            .is_some_and(|m| m.contains("présence active — Le Blosne"))
    );
    for (status, label) in [
        (TeamStatus::Break, "pause"),
        (TeamStatus::ReturnToBase, "retour base"),
        (TeamStatus::Available, "disponible"),
    ] {
        let effects = d.act(Action::SetStatus(status));
        assert!(effects.iter().any(is_commit));
        assert_eq!(d.team("E3").status(), status);
        let msg = d.info().expect("said");
        assert!(
            msg.starts_with("Équipe E3 : ") && msg.to_lowercase().contains(label),
            "{msg}"
        );
    }
    // Off duty sends the team back to base.
    d.focus_team("E1");
    d.act(Action::SetStatus(TeamStatus::OffDuty));
    assert_eq!(d.team("E1").status(), TeamStatus::OffDuty);
    assert_eq!(d.team("E1").position, Position::Base);
    // History, never overwritten.
    assert_eq!(d.team("E3").history.len(), 5);

    // A team out on a request keeps its status.
    let r = d.request_at("vil-kennedy-1", Priority::P2);
    d.dispatch(r, "E2");
    d.focus_team("E2");
    d.act(Action::SetStatus(TeamStatus::Break));
    assert_eq!(
        d.error(),
        Some("Équipe E2 est déjà affectée à la sollicitation 1.")
    );
    assert_eq!(d.team("E2").status(), TeamStatus::EnRoute);
}

#[test]
fn a_team_says_where_it_is_and_presence_with_nothing_typed_stays_in_its_district() {
    let mut d = Desk::night();
    d.focus_team("E1");
    d.key(KeyCode::Char('l'));
    d.typed("kennedy");
    d.key(KeyCode::Down);
    let second = match &d.app.mode {
        Mode::Place(f) => f.chosen(&d.app.territory).expect("a second match"),
        other => panic!("the place picker should be open, not {other:?}"),
    };
    d.key(KeyCode::Enter);
    assert_eq!(d.team("E1").position, second);
    assert!(matches!(d.app.mode, Mode::Normal));
    // E2 is at La Harpe (Villejean): presence with nothing typed stays in Villejean.
    d.focus_team("E2");
    d.key(KeyCode::Char('v'));
    d.key(KeyCode::Char('p'));
    d.key(KeyCode::Enter);
    assert_eq!(d.team("E2").status(), TeamStatus::ActivePresence);
    assert!(
        matches!(&d.team("E2").position, Position::District(v) if v.contains("vil")),
        "{:?}",
        d.team("E2").position
    );
    d.key(KeyCode::Char('l'));
    d.typed("zzzz");
    d.key(KeyCode::Enter);
    assert!(
        d.error().is_some(),
        "nothing matches: said, nothing written"
    );
    d.key(KeyCode::Esc);
    assert!(matches!(d.app.mode, Mode::Normal));
}

#[test]
fn a_team_action_needs_a_team() {
    let mut d = Desk::night();
    let r = d.request_at("vil-kennedy-1", Priority::P2);
    d.focus_request(r);
    for a in [
        Action::Arrive,
        Action::Contact,
        Action::Recall,
        Action::Clear,
        Action::SetStatus(TeamStatus::Break),
    ] {
        let effects = d.act(a.clone());
        assert_eq!(effects, vec![Effect::Bell], "{a:?}");
        assert_eq!(d.error(), Some("Choisissez une équipe."));
        assert!(matches!(d.app.mode, Mode::Normal));
    }
    d.app.focus = Pane::Cases;
    assert_eq!(d.act(Action::Contact), vec![Effect::Bell]);
    assert!(d.written.is_empty());
}

#[test]
fn recall_puts_the_request_back_in_the_queue() {
    let mut d = Desk::night();
    let r = d.request_at("vil-kennedy-1", Priority::P2);
    d.dispatch(r, "E2");
    d.focus_team("E2");
    d.act(Action::Recall);
    assert_eq!(d.info(), Some("Équipe E2 : rappelée"));
    assert_eq!(d.team("E2").status(), TeamStatus::Available);
    assert!(d.team("E2").assignment.is_none());
    assert_eq!(d.app.domain.requests[&r].status, RequestStatus::Received);
    assert!(d.app.domain.requests[&r].team.is_none());
}

// --- Clearing --------------------------------------------------------------------------------

#[test]
fn clearing_needs_an_outcome_and_a_level_then_the_request_leaves_the_board() {
    let mut d = Desk::night();
    let r = d.request_at("vil-kennedy-1", Priority::P2);
    d.dispatch(r, "E2");
    d.focus_team("E2");
    d.act(Action::Arrive);
    d.later(20);

    d.act(Action::Clear);
    assert_eq!(d.clear_form().team, "E2");
    // Nothing chosen: the outcome is asked for, the focus goes there.
    d.act(Action::NextField);
    d.act(Action::NextField);
    assert_eq!(d.act(Action::Submit), vec![Effect::Bell]);
    assert_eq!(
        d.error(),
        Some("Choisissez l'issue et le niveau de réponse (←/→).")
    );
    assert_eq!(d.clear_form().field(), ClearField::Outcome);
    // An outcome alone: the level is missing.
    d.act(Action::ChooseNext);
    assert_eq!(
        d.clear_form().outcome,
        Some(crate::domain::vocab::Outcome::Calmed)
    );
    d.act(Action::Submit);
    assert_eq!(d.clear_form().field(), ClearField::Level);
    assert!(d.written.len() == 2 && d.refused.is_empty());

    d.act(Action::ChooseNext);
    assert_eq!(
        d.clear_form().level,
        Some(crate::domain::vocab::ResponseLevel::Presence)
    );
    d.acts(&[Action::PrevField, Action::PrevField]);
    assert_eq!(d.clear_form().field(), ClearField::Note);
    d.typed("calme revenu");
    let effects = d.act(Action::Submit);
    let [Effect::Commit(Command::Clear(c), _)] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    assert_eq!(c.note.as_deref(), Some("calme revenu"));
    assert!(matches!(d.app.mode, Mode::Normal), "{:?}", d.app.message);
    assert_eq!(d.info(), Some("Intervention clôturée."));
    assert!(open_requests(&d.app).is_empty());
    assert_eq!(d.app.domain.requests[&r].status, RequestStatus::Cleared);
    assert_eq!(d.team("E2").status(), TeamStatus::Available);
}

#[test]
fn clearing_a_team_not_on_site_or_a_relay_without_partner_is_refused_and_the_form_stays() {
    let mut d = Desk::night();
    let r = d.request_at("vil-kennedy-1", Priority::P2);
    d.dispatch(r, "E2");
    d.focus_team("E2");
    d.act(Action::Clear);
    d.acts(&[Action::ChooseNext, Action::NextField, Action::ChooseNext]);
    d.act(Action::Submit);
    assert_eq!(
        d.error(),
        Some("L'équipe E2 n'est pas sur place : marquez son arrivée d'abord.")
    );
    assert!(matches!(d.app.mode, Mode::Clear(_)));
    d.acts(&[Action::Back, Action::Back]);
    assert!(matches!(d.app.mode, Mode::Normal));

    d.act(Action::Arrive);
    d.act(Action::Clear);
    // Outcome "relayé" (third) without a relay partner.
    d.acts(&[Action::ChooseNext, Action::ChooseNext, Action::ChooseNext]);
    assert_eq!(
        d.clear_form().outcome,
        Some(crate::domain::vocab::Outcome::Relayed)
    );
    d.acts(&[Action::NextField, Action::ChooseNext, Action::Submit]);
    assert!(matches!(d.app.mode, Mode::Clear(_)));
    assert!(d.error().is_some(), "{:?}", d.app.message);
    assert_eq!(d.app.domain.requests[&r].status, RequestStatus::OnSite);
    // With the police as relay it goes through.
    d.act(Action::NextField);
    d.act(Action::ChooseNext);
    assert!(d.clear_form().relay.is_some());
    d.act(Action::Submit);
    assert!(matches!(d.app.mode, Mode::Normal), "{:?}", d.app.message);
    assert!(d.app.domain.requests[&r].status.is_terminal());
}

#[test]
fn clearing_can_open_a_situation_for_the_site() {
    let mut d = Desk::night();
    let r = d.request_at("vil-kennedy-1", Priority::P2);
    d.dispatch(r, "E2");
    d.focus_team("E2");
    d.act(Action::Arrive);
    d.act(Action::Clear);
    d.acts(&[Action::ChooseNext, Action::NextField, Action::ChooseNext]);
    d.acts(&[Action::NextField, Action::NextField, Action::NextField]);
    assert_eq!(d.clear_form().field(), ClearField::Case);
    d.act(Action::ChooseNext);
    d.act(Action::Submit);
    assert_eq!(d.app.domain.cases.len(), 1);
    assert_eq!(
        d.app.domain.requests[&r].case,
        Some(crate::domain::ids::CaseId(0))
    );
    // The next clearance on that site offers the situation.
    let r2 = d.request_at("vil-kennedy-1", Priority::P2);
    d.dispatch(r2, "E2");
    d.focus_team("E2");
    d.act(Action::Arrive);
    d.act(Action::Clear);
    assert_eq!(d.clear_form().cases, [crate::domain::ids::CaseId(0)]);
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
