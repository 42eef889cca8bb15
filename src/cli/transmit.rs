//! A night's report written for the commissioners is how observations go out: once the
//! file is written, the observations it carried that were still to transmit are recorded
//! as transmitted (`observation_transmitted`, docs/journal.md). Period reports read the
//! facts alone, without the journal, and record nothing.

use super::store_err;
use crate::domain::Command;
use crate::domain::calendar::ServiceNight;
use crate::domain::ids::ObservationId;
use crate::domain::watch::{Channel, WatchCommand, WatchStatus};
use crate::i18n::Lang;
use crate::store::Store;
use chrono::Utc;

/// After the night's report for the commissioners was written to a file.
pub fn night_report(store: &mut Store, night: ServiceNight, lang: Lang) -> Result<(), String> {
    let ids = pending(store, |o| o.night == night);
    record(store, ids, Channel::NightReport, lang)
}

fn pending(
    store: &Store,
    keep: impl Fn(&crate::domain::watch::Observation) -> bool,
) -> Vec<ObservationId> {
    store
        .state()
        .observations
        .values()
        .filter(|o| o.status() == WatchStatus::ToTransmit && keep(o))
        .map(|o| o.id)
        .collect()
}

fn record(
    store: &mut Store,
    observations: Vec<ObservationId>,
    channel: Channel,
    lang: Lang,
) -> Result<(), String> {
    if observations.is_empty() {
        return Ok(());
    }
    let count = observations.len();
    let transmit = Command::Watch(WatchCommand::Transmit {
        observations,
        channel,
    });
    store
        .commit(&[transmit], Utc::now())
        .map_err(store_err(lang))?;
    eprintln!(
        "{}",
        match lang {
            Lang::Fr => format!("{count} observation(s) marquée(s) transmise(s)."),
            Lang::En => format!("{count} observation(s) marked transmitted."),
        }
    );
    Ok(())
}
