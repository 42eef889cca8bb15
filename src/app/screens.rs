//! `update` for the situations and logbook screens and their small forms, and for the
//! form that opens the night.

use super::board;
use super::casework::{CaseStepForm, FollowUpForm, parse_follow_up};
use super::logbook::Logbook;
use super::night_form::NightForm;
use super::update::{Action, Effect, commit, t};
use super::{AppState, Message, Mode, Pane};
use crate::domain::Command;
use crate::domain::ids::CaseId;
use crate::domain::vocab::CaseState;
use crate::i18n::Lang;
use tui_input::{Input, InputRequest};

/// Lines a page moves in the logbook.
const PAGE: isize = 10;

/// Esc on a form: closes it when nothing was typed or on the second press. True: close.
pub(super) fn cancel(app: &mut AppState, dirty: bool, confirm: &mut bool) -> bool {
    if dirty && !*confirm {
        *confirm = true;
        app.message = Some(Message::Info(t(
            app.lang,
            "Esc encore pour abandonner la saisie.",
            "Esc again to discard.",
        )));
        false
    } else {
        app.message = Some(Message::Info(t(
            app.lang,
            "Saisie abandonnée.",
            "Discarded.",
        )));
        true
    }
}

fn error(app: &mut AppState, text: String) -> Vec<Effect> {
    app.message = Some(Message::Error(text));
    vec![Effect::Bell]
}

pub(super) fn open_night(app: &mut AppState) -> Vec<Effect> {
    if app.domain.open_night().is_some() {
        return error(
            app,
            t(
                app.lang,
                "La nuit est déjà ouverte. « :equipe E4 NOM NOM » ajoute une équipe.",
                "The night is already open. \":team E4 NAME NAME\" adds a team.",
            ),
        );
    }
    // The coordinator who worked last starts selected: most nights it is the same person.
    let last = app
        .coordinator
        .as_ref()
        .and_then(|c| app.territory.coordinators.iter().position(|x| &x.id == c))
        .unwrap_or(0);
    app.mode = Mode::OpenNight(Box::new(NightForm::new(last)));
    Vec::new()
}

pub(super) fn night_form(app: &mut AppState, mut form: NightForm, action: Action) -> Vec<Effect> {
    let mut effects = Vec::new();
    if !matches!(action, Action::Back | Action::Quit) {
        form.confirm_cancel = false;
    }
    let coordinators = app.territory.coordinators.len();
    match action {
        Action::NextField | Action::Down => form.move_field(true),
        Action::PrevField | Action::Up => form.move_field(false),
        Action::ChooseNext if form.is_text() => form.edit(InputRequest::GoToNextChar),
        Action::ChoosePrev if form.is_text() => form.edit(InputRequest::GoToPrevChar),
        Action::ChooseNext => form.choose(true, coordinators),
        Action::ChoosePrev => form.choose(false, coordinators),
        Action::Edit(req) => form.edit(req),
        Action::Back | Action::Quit => {
            let dirty = form.is_dirty();
            if cancel(app, dirty, &mut form.confirm_cancel) {
                return Vec::new();
            }
        }
        Action::Submit => match form.to_commands(&app.territory, app.lang) {
            Ok(commands) => {
                let teams = commands.len() - 1;
                let msg = match app.lang {
                    Lang::Fr => format!("Nuit ouverte, {teams} équipe(s) composée(s)."),
                    Lang::En => format!("Night opened, {teams} team(s) composed."),
                };
                effects = if app.busy {
                    vec![Effect::Bell]
                } else {
                    app.busy = true;
                    vec![Effect::CommitAll(commands, msg)]
                };
            }
            Err((field, msg)) => {
                form.field = field;
                effects = error(app, msg);
            }
        },
        _ => {}
    }
    app.mode = Mode::OpenNight(Box::new(form));
    effects
}

fn selected_case(app: &AppState) -> Option<CaseId> {
    board::open_cases(app)
        .get(app.selected(Pane::Cases))
        .map(|c| c.id)
}

/// Keys of the situations screen.
pub(super) fn cases(app: &mut AppState, action: Action) -> Vec<Effect> {
    let lang = app.lang;
    let len = board::open_cases(app).len();
    let sel = &mut app.selected[Pane::Cases as usize];
    match action {
        Action::Up => *sel = sel.saturating_sub(1),
        Action::Down => *sel = (*sel + 1).min(len.saturating_sub(1)),
        Action::PageUp => *sel = sel.saturating_sub(PAGE as usize),
        Action::PageDown => *sel = (*sel + PAGE as usize).min(len.saturating_sub(1)),
        Action::Home => *sel = 0,
        Action::End => *sel = len.saturating_sub(1),
        Action::Back => app.message = None,
        Action::Select(Pane::Cases, row) => *sel = row.min(len.saturating_sub(1)),
        Action::CaseStep
        | Action::FollowUp
        | Action::Watch
        | Action::Reopen
        | Action::CloseCase => {
            let Some(case) = selected_case(app) else {
                return error(
                    app,
                    t(lang, "Aucune situation choisie.", "No situation selected."),
                );
            };
            if app.domain.open_night().is_none() {
                return error(
                    app,
                    t(
                        lang,
                        "Ouvrez d'abord la nuit (O).",
                        "Open the night first (O).",
                    ),
                );
            }
            return case_action(app, case, action);
        }
        _ => {}
    }
    Vec::new()
}

fn case_action(app: &mut AppState, case: CaseId, action: Action) -> Vec<Effect> {
    let lang = app.lang;
    let (state, fr, en) = match action {
        Action::CaseStep => {
            app.mode = Mode::CaseStep(Box::new(CaseStepForm::new(case)));
            return Vec::new();
        }
        Action::FollowUp => {
            let current = app
                .domain
                .cases
                .get(&case)
                .and_then(|c| c.next_follow_up)
                .map(|d| d.format("%d/%m/%Y").to_string())
                .unwrap_or_default();
            app.mode = Mode::FollowUp(Box::new(FollowUpForm {
                case,
                input: Input::new(current),
            }));
            return Vec::new();
        }
        Action::Watch => (CaseState::Watch, "mise en veille", "under watch"),
        Action::Reopen => (CaseState::Open, "rouverte", "reopened"),
        _ => (CaseState::Closed, "close", "closed"),
    };
    let msg = format!("Situation {case} {}", lang.pick(fr, en));
    commit(app, Command::SetCaseState { case, state }, msg)
}

pub(super) fn case_step(app: &mut AppState, mut form: CaseStepForm, action: Action) -> Vec<Effect> {
    let lang = app.lang;
    let mut effects = Vec::new();
    if !matches!(action, Action::Back | Action::Quit) {
        form.confirm_cancel = false;
    }
    match action {
        Action::NextField | Action::Down | Action::PrevField | Action::Up => {
            form.field = 1 - form.field.min(1)
        }
        Action::ChooseNext if form.field == 1 => form.edit(InputRequest::GoToNextChar),
        Action::ChoosePrev if form.field == 1 => form.edit(InputRequest::GoToPrevChar),
        Action::ChooseNext => form.choose(true),
        Action::ChoosePrev => form.choose(false),
        Action::Edit(req) => form.edit(req),
        Action::Back | Action::Quit => {
            let dirty = form.is_dirty();
            if cancel(app, dirty, &mut form.confirm_cancel) {
                return Vec::new();
            }
        }
        Action::Submit => match form.level {
            Some(level) => {
                let note = Some(form.note.value().trim().to_string()).filter(|s| !s.is_empty());
                let msg = format!(
                    "Situation {}{} {}",
                    form.case,
                    lang.colon(),
                    lang.pick("étape enregistrée", "step recorded")
                );
                effects = commit(
                    app,
                    Command::RecordCaseStep {
                        case: form.case,
                        level,
                        note,
                    },
                    msg,
                );
            }
            None => {
                form.field = 0;
                effects = error(
                    app,
                    t(
                        lang,
                        "Niveau de réponse : choisissez avec ←/→.",
                        "Response level: pick with ←/→.",
                    ),
                );
            }
        },
        _ => {}
    }
    app.mode = Mode::CaseStep(Box::new(form));
    effects
}

pub(super) fn follow_up(app: &mut AppState, mut form: FollowUpForm, action: Action) -> Vec<Effect> {
    let lang = app.lang;
    match action {
        Action::Edit(req) => {
            form.input.handle(req);
        }
        Action::ChooseNext => {
            form.input.handle(InputRequest::GoToNextChar);
        }
        Action::ChoosePrev => {
            form.input.handle(InputRequest::GoToPrevChar);
        }
        Action::Back | Action::Quit => return Vec::new(),
        Action::Submit => {
            let today = crate::i18n::dates::service_date(app.now);
            let effects = match parse_follow_up(form.input.value(), today) {
                Ok(date) => {
                    let msg = match (date, lang) {
                        (Some(d), Lang::Fr) => {
                            format!(
                                "Situation {} : suivi le {}",
                                form.case,
                                d.format("%d/%m/%Y")
                            )
                        }
                        (Some(d), Lang::En) => {
                            format!(
                                "Situation {}: follow-up on {}",
                                form.case,
                                d.format("%Y-%m-%d")
                            )
                        }
                        (None, _) => format!(
                            "Situation {}{} {}",
                            form.case,
                            lang.colon(),
                            lang.pick("plus de suivi prévu", "no follow-up planned")
                        ),
                    };
                    commit(
                        app,
                        Command::SetFollowUp {
                            case: form.case,
                            date,
                        },
                        msg,
                    )
                }
                Err(_) => error(
                    app,
                    t(
                        lang,
                        "Date de suivi : JJ/MM, JJ/MM/AAAA ou +N jours, pas dans le passé ; vide pour l'effacer.",
                        "Follow-up date: DD/MM, DD/MM/YYYY or +N days, not in the past; empty to clear it.",
                    ),
                ),
            };
            app.mode = Mode::FollowUp(Box::new(form));
            return effects;
        }
        _ => {}
    }
    app.mode = Mode::FollowUp(Box::new(form));
    Vec::new()
}

/// Keys of the logbook screen.
pub(super) fn log(app: &mut AppState, action: Action) -> Vec<Effect> {
    let lang = app.lang;
    let book: &mut Logbook = &mut app.log;
    match action {
        Action::Up => book.move_by(-1),
        Action::Down => book.move_by(1),
        Action::PageUp => book.move_by(-PAGE),
        Action::PageDown => book.move_by(PAGE),
        Action::Home => book.home(),
        Action::End => book.end(),
        Action::Back => {
            book.query.clear();
            app.message = None;
        }
        Action::Search => app.mode = Mode::Search(Input::default()),
        Action::FindNext | Action::FindPrev => {
            if book.query.is_empty() {
                app.mode = Mode::Search(Input::default());
            // The search runs from the newest line back in time: `n` goes on towards older
            // lines, `N` comes back towards newer ones.
            } else if !book.find(matches!(action, Action::FindPrev)) {
                let q = book.query.clone();
                return error(app, not_found(lang, &q));
            }
        }
        Action::LogEntry => {
            if app.domain.open_night().is_none() {
                return error(
                    app,
                    t(
                        lang,
                        "Ouvrez d'abord la nuit (O).",
                        "Open the night first (O).",
                    ),
                );
            }
            app.mode = Mode::LogEntry(Input::default(), false);
        }
        _ => {}
    }
    Vec::new()
}

fn not_found(lang: Lang, query: &str) -> String {
    match lang {
        Lang::Fr => format!("« {query} » : introuvable dans la main courante."),
        Lang::En => format!("\"{query}\": not found in the logbook."),
    }
}

pub(super) fn log_entry(
    app: &mut AppState,
    mut input: Input,
    mut confirm: bool,
    action: Action,
) -> Vec<Effect> {
    let lang = app.lang;
    if !matches!(action, Action::Back | Action::Quit) {
        confirm = false;
    }
    match action {
        Action::Edit(req) => {
            input.handle(req);
        }
        Action::ChooseNext => {
            input.handle(InputRequest::GoToNextChar);
        }
        Action::ChoosePrev => {
            input.handle(InputRequest::GoToPrevChar);
        }
        Action::Back | Action::Quit => {
            let dirty = !input.value().trim().is_empty();
            if cancel(app, dirty, &mut confirm) {
                return Vec::new();
            }
        }
        Action::Submit => {
            let text = input.value().trim().to_string();
            app.mode = Mode::LogEntry(input, false);
            if text.is_empty() {
                return error(
                    app,
                    t(
                        lang,
                        "Entrée vide : tapez le texte, puis Entrée.",
                        "Empty entry: type the text, then Enter.",
                    ),
                );
            }
            let msg = t(
                lang,
                "Entrée ajoutée à la main courante.",
                "Entry added to the logbook.",
            );
            return commit(app, Command::AddLogEntry { text }, msg);
        }
        _ => {}
    }
    app.mode = Mode::LogEntry(input, confirm);
    Vec::new()
}

pub(super) fn search(app: &mut AppState, mut input: Input, action: Action) -> Vec<Effect> {
    match action {
        Action::Edit(req) => {
            input.handle(req);
            // Search as one types: the cursor jumps to the newest match.
            app.log.search(input.value());
        }
        Action::Back | Action::Quit => {
            app.log.query.clear();
            return Vec::new();
        }
        Action::Submit => {
            let q = input.value().trim().to_string();
            if !q.is_empty() && !app.log.search(&q) {
                return error(app, not_found(app.lang, &q));
            }
            if q.is_empty() {
                app.log.query.clear();
            } else {
                let n = app.log.match_count();
                app.message = Some(Message::Info(match app.lang {
                    Lang::Fr => format!("{n} ligne(s) — n suivante, N précédente, Esc efface."),
                    Lang::En => format!("{n} line(s) — n next, N previous, Esc clears."),
                }));
            }
            return Vec::new();
        }
        _ => {}
    }
    app.mode = Mode::Search(input);
    Vec::new()
}
