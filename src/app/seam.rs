//! The one seam between the console and a store: the runtime's store, the tests' memory
//! desk and (later) a connection to another console's store all implement `Desk`, and
//! `dispatch` is the only loop that runs `update`'s effects through it.

use super::{Action, AppState, Effect, Failure, update};
use crate::domain::calendar::ServiceNight;
use crate::domain::{Command, Written};
use crate::i18n::Lang;
use crate::i18n::notice::Notice;
use chrono::{DateTime, NaiveDate, Utc};
use std::collections::VecDeque;
use std::path::PathBuf;

/// What the console asks of the store it works on.
pub trait Desk {
    /// Executes the commands durably, all or none, at `now`; answers with what was written.
    fn commit(&mut self, commands: &[Command], now: DateTime<Utc>) -> Result<Written, Failure>;
    /// Executes what the console records by itself in the background (a check-in's step
    /// the clock crossed); a desk may keep it apart from the coordinator's commits.
    fn record(&mut self, commands: &[Command], now: DateTime<Utc>) -> Result<Written, Failure> {
        self.commit(commands, now)
    }
    /// Writes the night's report for the commissioners; answers with its path, or why not.
    fn export_report(&mut self, night: ServiceNight, lang: Lang) -> Result<PathBuf, String>;
    /// Writes the month's period reports (every commissioner and the service); answers
    /// with the directory and the number of files, or why not.
    fn export_month(&mut self, first: NaiveDate, lang: Lang) -> Result<(PathBuf, usize), String>;
    /// What other desks committed before the last answer and the console has not applied
    /// yet: applied first, so that the console follows the journal's order.
    fn take_world(&mut self) -> Option<Written> {
        None
    }
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
            Effect::Commit(commands) => {
                let answer = desk.commit(&commands, now);
                world_first(app, desk, &mut queue);
                match answer {
                    Ok(written) => Action::Committed(written),
                    Err(failure) => Action::Failed(failure),
                }
            }
            Effect::Record(commands) => {
                let answer = desk.record(&commands, now);
                world_first(app, desk, &mut queue);
                match answer {
                    Ok(written) => Action::WorldMoved(written),
                    Err(Failure::Refused(_) | Failure::ReadOnly { .. }) => continue,
                    Err(Failure::Store(words)) => Action::Notice(Notice::Failed(words)),
                }
            }
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

/// Other desks' commits that came before an answer are applied before it.
fn world_first(app: &mut AppState, desk: &mut dyn Desk, queue: &mut VecDeque<Effect>) {
    if let Some(world) = desk.take_world() {
        queue.extend(update(app, Action::WorldMoved(world)));
    }
}
