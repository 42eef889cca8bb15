//! The answers every key handler gives: ask for a commit, say something in the footer,
//! open the night's form or a free entry of the main courante.

use super::form::Open;
use super::form::line::{LineForm, LinePurpose};
use super::night_form::NightForm;
use super::{AppState, Effect, Mode};
use crate::domain::Command;
use crate::i18n::notice::Notice;

/// Asks for a commit; the form or picker stays open until the answer comes back. One at
/// a time: another command waits (a bell).
pub fn commit(app: &mut AppState, commands: Vec<Command>) -> Vec<Effect> {
    if app.busy {
        return vec![Effect::Bell];
    }
    app.busy = true;
    vec![Effect::Commit(commands)]
}

/// Says something in the footer; an error rings.
pub fn say(app: &mut AppState, notice: Notice) -> Vec<Effect> {
    let bell = notice.is_error();
    app.notice = Some(notice);
    if bell { vec![Effect::Bell] } else { Vec::new() }
}

pub fn open_night(app: &mut AppState) -> Vec<Effect> {
    if app.domain.open_night().is_some() {
        return say(app, Notice::NightAlreadyOpen);
    }
    // The coordinator who worked last starts selected: most nights it is the same person.
    let last = app
        .coordinator
        .as_ref()
        .and_then(|c| app.territory.coordinators.iter().position(|x| &x.id == c))
        .unwrap_or(0);
    app.mode = Mode::OpenNight(Box::new(Open::new(NightForm::new(last))));
    Vec::new()
}

pub fn open_line_entry(app: &mut AppState) -> Vec<Effect> {
    if app.domain.open_night().is_none() {
        return say(app, Notice::NeedOpenNight);
    }
    let line = LineForm::new(LinePurpose::LogEntry, String::new());
    app.mode = Mode::Line(Box::new(Open::new(line)));
    Vec::new()
}
