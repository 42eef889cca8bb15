//! The one seam between the console and a store: the runtime's store, the tests' memory
//! desk and (later) a connection to another console's store all implement `Desk`, and
//! `dispatch` is the only loop that runs `update`'s effects through it.

use super::{Action, AppState, Effect, Failure, update};
use crate::domain::calendar::ServiceNight;
use crate::domain::{Command, Written};
use crate::i18n::Lang;
use chrono::{DateTime, NaiveDate, Utc};
use std::collections::VecDeque;
use std::path::PathBuf;

/// What the console asks of the store it works on.
pub trait Desk {
    /// Executes the commands durably, all or none, at `now`; answers with what was written.
    fn commit(&mut self, commands: &[Command], now: DateTime<Utc>) -> Result<Written, Failure>;
    /// Writes the night's report for the commissioners; answers with its path, or why not.
    fn export_report(&mut self, night: ServiceNight, lang: Lang) -> Result<PathBuf, String>;
    /// Writes the month's period reports (every commissioner and the service); answers
    /// with the directory and the number of files, or why not.
    fn export_month(&mut self, first: NaiveDate, lang: Lang) -> Result<(PathBuf, usize), String>;
}

/// Runs `action` through `update`, then every effect it leads to through `desk`, feeding
/// each answer back into `update`, until nothing is left. Returns, in order, what only the
/// runtime can do (bell, backup, quit).
pub fn dispatch(
    app: &mut AppState,
    desk: &mut dyn Desk,
    action: Action,
    now: DateTime<Utc>,
) -> Vec<Effect> {
    let effects = update(app, action);
    perform(app, desk, effects, now)
}

/// Runs effects `update` returned through `desk`, feeding each answer back, until nothing
/// is left; returns what only the runtime can do.
pub fn perform(
    app: &mut AppState,
    desk: &mut dyn Desk,
    effects: Vec<Effect>,
    now: DateTime<Utc>,
) -> Vec<Effect> {
    let mut queue: VecDeque<Effect> = effects.into();
    let mut outward = Vec::new();
    while let Some(effect) = queue.pop_front() {
        let answer = match effect {
            Effect::Commit(commands) => match desk.commit(&commands, now) {
                Ok(written) => Action::Committed(written),
                Err(failure) => Action::Failed(failure),
            },
            Effect::ExportReport(night) => {
                Action::ReportExported(desk.export_report(night, app.lang))
            }
            Effect::ExportMonth(first) => Action::MonthExported(desk.export_month(first, app.lang)),
            other => {
                outward.push(other);
                continue;
            }
        };
        queue.extend(update(app, answer));
    }
    outward
}
