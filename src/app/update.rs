//! `update`: an action changes the state and returns what the runtime must do. Pure. This
//! file only routes: each screen, form and picker handles its own keys.

use super::form::line::{LineForm, LinePurpose};
use super::form::{Ctx, Open, Outcome, handle};
use super::respond::{commit, open_night, say};
use super::{Action, AppState, Effect, Failure, Mode, Screen, project};
use super::{board_keys, cases, directory, dispatch, handover, log_keys, watch_keys};
use crate::i18n::notice::Notice;

pub fn update(app: &mut AppState, action: Action) -> Vec<Effect> {
    // A user's key that writes or opens a form takes the demo's desk back (`app::pilot`).
    let (key, was_normal) = (
        super::pilot::is_key(&action),
        matches!(app.mode, Mode::Normal),
    );
    let effects = route(app, action);
    if key {
        super::pilot::took_over(app, was_normal, &effects);
    }
    effects
}

fn route(app: &mut AppState, action: Action) -> Vec<Effect> {
    match action {
        Action::Tick(now) => {
            app.now = now;
            super::safety::on_tick(app)
        }
        Action::Committed(written) => project::committed(app, written),
        Action::WorldMoved(written) => project::world_moved(app, written),
        Action::TeamCodeIssued {
            team,
            code,
            written,
        } => project::code_issued(app, team, code, written),
        Action::Failed(failure) => {
            app.busy = false;
            let notice = match failure {
                Failure::Refused(r) => Notice::Refused(r),
                Failure::Store(words) => Notice::Failed(words),
                Failure::ReadOnly { holder } => Notice::ReadOnly { holder },
            };
            say(app, notice)
        }
        Action::Seat { read_only, notice } => {
            app.read_only = read_only;
            match notice {
                Some(n) => say(app, n),
                None => Vec::new(),
            }
        }
        Action::Notice(notice) => say(app, notice),
        Action::ReportExported(Ok(path)) => {
            let mut effects = say(app, Notice::ReportWritten(path));
            effects.extend(watch_keys::transmitted_in_report(app));
            effects
        }
        Action::ReportExported(Err(words)) => say(app, Notice::Failed(words)),
        Action::MonthExported(Ok((dir, count))) => say(app, Notice::ReportsWritten { dir, count }),
        Action::MonthExported(Err(words)) => say(app, Notice::Failed(words)),
        // Ctrl-C quits from a form too, once confirmed; the form stays open meanwhile.
        Action::Quit if app.mode.is_form() => {
            let form = std::mem::replace(&mut app.mode, Mode::Normal);
            app.mode = Mode::ConfirmQuit(Box::new(form));
            Vec::new()
        }
        action => keys(app, action),
    }
}

/// A key, to whatever has the keyboard.
fn keys(app: &mut AppState, action: Action) -> Vec<Effect> {
    match &app.mode {
        Mode::Normal => screen(app, action),
        Mode::ConfirmQuit(_) => confirm_quit(app, action),
        Mode::Dispatch(_) if action == Action::Quit => quit(app),
        Mode::Dispatch(_) => dispatch::keys(app, action),
        Mode::Choice(_) => handover::choice(app, action),
        Mode::Search(_) if app.screen == Screen::Directory => directory::search(app, action),
        Mode::Search(_) => log_keys::search(app, action),
        Mode::Confirm(_) => super::confirm::keys(app, action),
        Mode::Verbs => super::verbs::keys(app, action),
        Mode::Line(o) if o.form.purpose == LinePurpose::Command && action == Action::Submit => {
            super::verbs::submit(app)
        }
        Mode::Detail(_) => board_keys::detail(app, action),
        _ => form(app, action),
    }
}

fn screen(app: &mut AppState, action: Action) -> Vec<Effect> {
    match (app.screen, action) {
        (Screen::Help, Action::Back | Action::Help | Action::Quit) => app.screen = app.previous,
        (_, Action::Show(to)) => app.screen = to,
        (Screen::Help, _) => {}
        (_, Action::Help) => {
            app.previous = app.screen;
            app.screen = Screen::Help;
        }
        (_, Action::Quit) => return quit(app),
        (_, Action::CommandLine) => {
            let line = LineForm::new(LinePurpose::Command, String::new());
            app.mode = Mode::Line(Box::new(Open::new(line)));
            // What the footer said before is not the line's: its own error shows in place.
            app.notice = None;
        }
        (_, Action::WorstAlert) => return super::safety::worst_key(app),
        (_, Action::Autopilot) => return super::pilot::toggle(app),
        (_, Action::OpenNight) => return open_night(app),
        (Screen::Cases, action) => return cases::keys(app, action),
        (Screen::Log, action) => return log_keys::keys(app, action),
        (Screen::Handover, action) => return handover::keys(app, action),
        (Screen::Board, Action::Desk(key)) => return watch_keys::board(app, key),
        (Screen::Board, action) => return board_keys::keys(app, action),
        (Screen::Directory, action) => return directory::keys(app, action),
        (Screen::Watch, action) => return watch_keys::screen(app, action),
    }
    Vec::new()
}

/// The one signal to end the session: the runtime stops when it sees it.
fn quit(_: &mut AppState) -> Vec<Effect> {
    vec![Effect::Quit]
}

/// Quitting keeps the form, so that its draft stays on disk for the next start.
fn confirm_quit(app: &mut AppState, action: Action) -> Vec<Effect> {
    let Mode::ConfirmQuit(form) = std::mem::replace(&mut app.mode, Mode::Normal) else {
        return Vec::new();
    };
    app.mode = *form;
    match action {
        Action::Quit | Action::Submit => quit(app),
        _ => Vec::new(),
    }
}

/// A key in an open form: the generic handling, then what it came to.
fn form(app: &mut AppState, action: Action) -> Vec<Effect> {
    let ctx = Ctx {
        territory: &app.territory,
        domain: &app.domain,
        now: app.now,
        lang: app.lang,
    };
    let outcome = match &mut app.mode {
        Mode::NewRequest(o) => handle(o.as_mut(), &action, &ctx),
        Mode::Clear(o) => handle(o.as_mut(), &action, &ctx),
        Mode::Line(o) => handle(o.as_mut(), &action, &ctx),
        Mode::Place(o) => handle(o.as_mut(), &action, &ctx),
        Mode::OpenNight(o) => handle(o.as_mut(), &action, &ctx),
        Mode::CaseStep(o) => handle(o.as_mut(), &action, &ctx),
        Mode::Date(o) => handle(o.as_mut(), &action, &ctx),
        Mode::Note(o) => handle(o.as_mut(), &action, &ctx),
        Mode::Instruction(o) => handle(o.as_mut(), &action, &ctx),
        Mode::Observation(o) => handle(o.as_mut(), &action, &ctx),
        Mode::Relay(o) => handle(o.as_mut(), &action, &ctx),
        Mode::PlanItem(o) => handle(o.as_mut(), &action, &ctx),
        Mode::Answer(o) => handle(o.as_mut(), &action, &ctx),
        Mode::CheckIn(o) => handle(o.as_mut(), &action, &ctx),
        Mode::Correct(o) => handle(o.as_mut(), &action, &ctx),
        Mode::Settle(o) => handle(o.as_mut(), &action, &ctx),
        Mode::Callback(o) => handle(o.as_mut(), &action, &ctx),
        _ => Outcome::Stay,
    };
    match outcome {
        Outcome::Stay => Vec::new(),
        Outcome::Said(notice) => {
            app.notice = Some(notice);
            Vec::new()
        }
        Outcome::Closed(notice) => {
            app.mode = Mode::Normal;
            app.notice = Some(notice);
            Vec::new()
        }
        Outcome::Commit(commands) => commit(app, commands),
        Outcome::Fix(fix) => say(app, Notice::Fix(fix)),
    }
}

#[cfg(test)]
#[path = "update_tests.rs"]
mod tests;
