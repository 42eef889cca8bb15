//! `update`: an action changes the state and returns what the runtime must do. Pure.

use super::board;
use super::command_line::command_line;
use super::form::ClearForm;
use super::logbook::LogLine;
use super::place::{PlaceForm, Purpose};
use super::{AppState, Message, Mode, Pane, Screen, request_flow, screens, shift};
use crate::domain::Command;
use crate::domain::State;
use crate::domain::calendar::ServiceNight;
use crate::domain::event::Envelope;
use crate::domain::views::NightRecord;
use crate::domain::vocab::{Position, TeamStatus};
use crate::i18n::Lang;
use chrono::{DateTime, Utc};
use tui_input::{Input, InputRequest};

#[derive(Debug, Clone)]
pub enum Action {
    /// The clock moved (once a second).
    Tick(DateTime<Utc>),
    Up,
    Down,
    NextPane,
    PrevPane,
    Help,
    /// Esc: cancel or go back.
    Back,
    Quit,
    NewRequest,
    Dispatch,
    Arrive,
    Contact,
    Recall,
    Clear,
    SetStatus(TeamStatus),
    /// The selected team's position.
    Locate,
    CommandLine,
    /// Go to a screen (digits, F-keys).
    Show(Screen),
    /// The form that opens the night.
    OpenNight,
    /// Situations: record a step, set the follow-up, watch, reopen, close.
    CaseStep,
    FollowUp,
    Watch,
    Reopen,
    CloseCase,
    /// Logbook: a free entry, a search and its next/previous match, paging.
    LogEntry,
    Search,
    FindNext,
    FindPrev,
    PageUp,
    PageDown,
    Home,
    End,
    /// A click selected a row of a pane (the runtime found which from the layout).
    Select(Pane, usize),
    /// Handover screen: the note, carry over or close a request, close the night, take the
    /// handover, instructions.
    WriteNote,
    CarryOver,
    CloseRequest,
    CloseNight,
    Acknowledge,
    NewInstruction,
    EndInstruction,
    ExtendInstruction,
    /// Handover screen: write the night's report (Markdown) under the data directory.
    ExportReport,
    NextField,
    PrevField,
    ChooseNext,
    ChoosePrev,
    Edit(InputRequest),
    Submit,
    /// The store wrote the command: the new state and what to say.
    Committed {
        state: Box<State>,
        message: String,
    },
    /// The command was refused or could not be written: nothing changed.
    Failed(String),
    /// The world moved on its own (the live demo's callers and teams): the new state.
    WorldMoved(Box<State>),
    /// Something finished in the background (a backup): what to say.
    Notice(Message),
    /// Main courante lines written since the last ones shown.
    Logged(Vec<LogLine>),
    /// The night whose handover is shown, and its events (reloaded after each commit).
    HandoverLoaded(Option<Box<(NightRecord, Vec<Envelope>)>>),
    /// The runtime wrote the report (its path), or could not (why, in words).
    ReportExported(Result<std::path::PathBuf, String>),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Execute durably; on success say the message.
    Commit(Command, String),
    /// Several commands that stand or fall together (opening the night with its teams).
    CommitAll(Vec<Command>, String),
    /// Write the night's Markdown report to `<data dir>/reports/` (the runtime does the
    /// I/O and answers with `Action::ReportExported`).
    ExportReport(ServiceNight),
    Bell,
    Quit,
}

pub(super) fn t(lang: Lang, fr: &str, en: &str) -> String {
    lang.pick(fr, en).to_string()
}

pub fn update(app: &mut AppState, action: Action) -> Vec<Effect> {
    match action {
        Action::Tick(now) => {
            app.now = now;
            return Vec::new();
        }
        Action::Committed { state, message } => {
            // A night just opened: the coordinator's work is on the board now, wherever
            // the night was opened from (the handover screen, typically).
            if app.domain.open_night().is_none() && state.open_night().is_some() {
                app.screen = Screen::Board;
            }
            app.domain = *state;
            app.busy = false;
            clamp_selection(app);
            app.message = Some(Message::Info(message));
            if !matches!(app.mode, Mode::Normal | Mode::ConfirmQuit(_)) {
                app.mode = Mode::Normal;
            }
            return Vec::new();
        }
        Action::WorldMoved(state) => {
            super::world::moved(app, *state);
            return Vec::new();
        }
        Action::Failed(reason) => {
            app.busy = false;
            app.message = Some(Message::Error(reason));
            return vec![Effect::Bell];
        }
        Action::Notice(message) => {
            let bell = matches!(message, Message::Error(_));
            app.message = Some(message);
            return if bell { vec![Effect::Bell] } else { Vec::new() };
        }
        Action::Logged(lines) => {
            app.fresh = false;
            app.log.append(lines);
            return Vec::new();
        }
        Action::HandoverLoaded(source) => {
            app.handover_source = source;
            return Vec::new();
        }
        Action::ReportExported(Ok(path)) => {
            let said = t(app.lang, "Rapport écrit :", "Report written:");
            app.message = Some(Message::Info(format!("{said} {}", path.display())));
            return Vec::new();
        }
        Action::ReportExported(Err(reason)) => {
            app.message = Some(Message::Error(reason));
            return vec![Effect::Bell];
        }
        _ => {}
    }
    let mode = std::mem::replace(&mut app.mode, Mode::Normal);
    // Ctrl-C quits from a form too, once confirmed; the form stays open meanwhile.
    if matches!(action, Action::Quit) && mode.is_form() {
        app.mode = Mode::ConfirmQuit(Box::new(mode));
        return Vec::new();
    }
    // From the team picker nothing typed is at stake: Ctrl-C quits at once, as on a screen.
    if matches!(action, Action::Quit) && matches!(mode, Mode::Dispatch { .. }) {
        app.quit = true;
        return vec![Effect::Quit];
    }
    match mode {
        Mode::Normal => normal(app, action),
        Mode::ConfirmQuit(form) => {
            // Quitting keeps the form, so that its draft stays on disk for the next start.
            app.mode = *form;
            match action {
                Action::Quit | Action::Submit => {
                    app.quit = true;
                    vec![Effect::Quit]
                }
                _ => Vec::new(),
            }
        }
        Mode::NewRequest(form) => request_flow::request_form(app, *form, action),
        Mode::Dispatch { request, cursor } => request_flow::dispatch(app, request, cursor, action),
        Mode::Clear(form) => request_flow::clear_form(app, *form, action),
        Mode::Command(input) => command_line(app, input, action),
        Mode::OpenNight(form) => screens::night_form(app, *form, action),
        Mode::Place(form) => super::place::update_place(app, *form, action),
        Mode::CaseStep(form) => screens::case_step(app, *form, action),
        Mode::FollowUp(form) => screens::follow_up(app, *form, action),
        Mode::LogEntry(input, confirm) => screens::log_entry(app, input, confirm, action),
        Mode::Search(input) => screens::search(app, input, action),
        Mode::Note(form) => shift::note(app, *form, action),
        Mode::Choice(choice) => shift::choice(app, *choice, action),
        Mode::Instruction(form) => shift::instruction(app, *form, action),
        Mode::Extend(form) => shift::extend(app, *form, action),
    }
}

/// Keeps each pane's selection on a row that exists after the lists changed.
pub(super) fn clamp_selection(app: &mut AppState) {
    let lens = [
        board::open_requests(app).len(),
        board::teams(app).len(),
        board::open_cases(app).len(),
    ];
    for (sel, len) in app.selected.iter_mut().zip(lens) {
        *sel = (*sel).min(len.saturating_sub(1));
    }
}

fn normal(app: &mut AppState, action: Action) -> Vec<Effect> {
    let lang = app.lang;
    match (app.screen, &action) {
        (Screen::Help, Action::Back | Action::Help | Action::Quit) => {
            app.screen = app.previous;
            return Vec::new();
        }
        (Screen::Help, Action::Show(to)) => {
            app.screen = *to;
            return Vec::new();
        }
        (Screen::Help, _) => return Vec::new(),
        (_, Action::Show(to)) => {
            app.screen = *to;
            return Vec::new();
        }
        (_, Action::Help) => {
            app.previous = app.screen;
            app.screen = Screen::Help;
            return Vec::new();
        }
        (_, Action::Quit) => {
            app.quit = true;
            return vec![Effect::Quit];
        }
        (_, Action::CommandLine) => {
            app.mode = Mode::Command(Input::default());
            return Vec::new();
        }
        (_, Action::OpenNight) => return screens::open_night(app),
        (Screen::Cases, _) => return screens::cases(app, action),
        (Screen::Log, _) => return screens::log(app, action),
        (Screen::Handover, _) => return shift::screen(app, action),
        (Screen::Board, _) => {}
    }
    if let Action::Select(pane, row) = action {
        app.focus = pane;
        app.selected[pane as usize] = row;
        clamp_selection(app);
        return Vec::new();
    }
    let len = match app.focus {
        Pane::Requests => board::open_requests(app).len(),
        Pane::Teams => board::teams(app).len(),
        Pane::Cases => board::open_cases(app).len(),
    };
    let sel = &mut app.selected[app.focus as usize];
    match action {
        Action::Up => *sel = sel.saturating_sub(1),
        Action::Down => *sel = (*sel + 1).min(len.saturating_sub(1)),
        Action::NextPane => app.focus = app.focus.next(),
        Action::PrevPane => app.focus = app.focus.prev(),
        Action::Back => app.message = None,
        Action::NewRequest => {
            if app.domain.open_night().is_none() {
                app.message = Some(Message::Info(t(
                    lang,
                    "Ouvrez d'abord la nuit : coordinateur·rice et équipes.",
                    "Open the night first: coordinator and teams.",
                )));
                return screens::open_night(app);
            } else {
                app.mode = Mode::NewRequest(Box::default());
            }
        }
        Action::Dispatch => match selected_request(app) {
            Some(request) => {
                let teams = board::teams(app);
                let suggested = board::suggested_team(app, request);
                let cursor = teams
                    .iter()
                    .position(|t| Some(&t.call_sign) == suggested.as_ref())
                    .unwrap_or(0);
                if teams.is_empty() {
                    app.message = Some(Message::Error(t(
                        lang,
                        "Aucune équipe : composez-les avec « :equipe ».",
                        "No team: compose them with \":team\".",
                    )));
                } else {
                    app.mode = Mode::Dispatch { request, cursor };
                }
            }
            None => {
                app.message = Some(Message::Error(t(
                    lang,
                    "Choisissez une sollicitation.",
                    "Select a request.",
                )))
            }
        },
        Action::Arrive
        | Action::Contact
        | Action::Recall
        | Action::Clear
        | Action::Locate
        | Action::SetStatus(_) => {
            return team_action(app, action);
        }
        _ => {}
    }
    Vec::new()
}

fn selected_request(app: &AppState) -> Option<crate::domain::ids::RequestId> {
    if app.focus != Pane::Requests {
        return None;
    }
    board::open_requests(app)
        .get(app.selected(Pane::Requests))
        .map(|r| r.id)
}

/// The team the action is about: the selected team, or the team on the selected request.
fn selected_team(app: &AppState) -> Option<String> {
    match app.focus {
        Pane::Teams => board::teams(app)
            .get(app.selected(Pane::Teams))
            .map(|t| t.call_sign.clone()),
        Pane::Requests => board::open_requests(app)
            .get(app.selected(Pane::Requests))
            .and_then(|r| r.team.clone()),
        Pane::Cases => None,
    }
}

pub(super) fn commit(app: &mut AppState, cmd: Command, message: String) -> Vec<Effect> {
    if app.busy {
        return vec![Effect::Bell];
    }
    app.busy = true;
    vec![Effect::Commit(cmd, message)]
}

fn team_action(app: &mut AppState, action: Action) -> Vec<Effect> {
    let lang = app.lang;
    let Some(team) = selected_team(app) else {
        app.message = Some(Message::Error(t(
            lang,
            "Choisissez une équipe.",
            "Select a team.",
        )));
        return vec![Effect::Bell];
    };
    let (cmd, fr, en) = match action {
        Action::Arrive => (
            Command::Arrive { team: team.clone() },
            "sur place",
            "on site",
        ),
        Action::Contact => (
            Command::RecordContact { team: team.clone() },
            "contact enregistré",
            "contact recorded",
        ),
        Action::Recall => (
            Command::Recall { team: team.clone() },
            "rappelée",
            "recalled",
        ),
        Action::Locate => {
            app.mode = Mode::Place(Box::new(PlaceForm::new(team, Purpose::Move)));
            return Vec::new();
        }
        // Active presence happens at a point the coordinator targets.
        Action::SetStatus(TeamStatus::ActivePresence) => {
            app.mode = Mode::Place(Box::new(PlaceForm::new(team, Purpose::Presence)));
            return Vec::new();
        }
        Action::SetStatus(status) => {
            let position = (status == TeamStatus::OffDuty).then_some(Position::Base);
            let label = crate::i18n::vocab::team_status(status, lang);
            let cmd = Command::SetTeamStatus {
                team: team.clone(),
                status,
                position,
            };
            return commit(
                app,
                cmd,
                format!(
                    "{} {team}{} {label}",
                    t(lang, "Équipe", "Team"),
                    lang.colon()
                ),
            );
        }
        Action::Clear => {
            let site = app
                .domain
                .teams
                .get(&team)
                .and_then(|tm| tm.assignment)
                .and_then(|(r, _)| app.domain.requests.get(&r))
                .map(|r| r.site.clone());
            let cases = board::open_cases(app)
                .iter()
                .filter(|c| Some(&c.site) == site.as_ref())
                .map(|c| c.id)
                .collect();
            app.mode = Mode::Clear(Box::new(ClearForm::new(team, cases)));
            return Vec::new();
        }
        _ => return Vec::new(),
    };
    let message = format!(
        "{} {team}{} {}",
        t(lang, "Équipe", "Team"),
        lang.colon(),
        lang.pick(fr, en)
    );
    commit(app, cmd, message)
}

#[cfg(test)]
#[path = "update_tests.rs"]
mod tests;
