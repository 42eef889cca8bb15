//! Readies a demo store for a live night: past nights simulated once (so the situations,
//! the logbook and the handover have a history), then tonight opened with its teams through
//! the coordinator's own commands. Reopening continues where the demo was left.

use super::live::live_night;
use super::{DemoError, nights_until, shift, simulate};
use crate::domain::Command;
use crate::domain::calendar::ServiceNight;
use crate::store::Store;
use chrono::{DateTime, Datelike, Duration, Utc};

/// Past nights simulated in a new demo store: about three months of service.
pub const HISTORY_NIGHTS: u32 = 60;

/// Where the live night starts, and what was done to get there.
#[derive(Debug, Clone, PartialEq)]
pub struct Prepared {
    /// The simulated instant the live night goes on from.
    pub start: DateTime<Utc>,
    /// Past nights simulated now (0 when the store had them already).
    pub simulated: u32,
    /// The night was already open: the demo continues it.
    pub continued: bool,
}

pub fn prepare(
    store: &mut Store,
    real_now: DateTime<Utc>,
    seed: u64,
    progress: impl FnMut(usize),
) -> Result<Prepared, DemoError> {
    prepare_with(store, real_now, seed, HISTORY_NIGHTS, progress)
}

/// `prepare` with the length of the history to simulate in a new store.
pub fn prepare_with(
    store: &mut Store,
    real_now: DateTime<Utc>,
    seed: u64,
    history: u32,
    progress: impl FnMut(usize),
) -> Result<Prepared, DemoError> {
    if store.state().open_night().is_some() {
        // Go on a little after the last thing that happened, whatever night it is.
        let last_seq = store.last_seq();
        let last = match store.envelopes(last_seq, last_seq).next() {
            Some(env) => Some(env?.at),
            None => None,
        };
        let opened = store.state().open_night().map(|n| n.opened_at);
        let start = last.or(opened).unwrap_or(real_now) + Duration::seconds(30);
        return Ok(Prepared {
            start,
            simulated: 0,
            continued: true,
        });
    }
    let last = store.last_night()?.map(|r| r.night);
    let mut tonight = live_night(real_now);
    if let Some(last) = last
        && last >= tonight
    {
        // Tonight was played and closed already: the next night is played.
        tonight = last.next_service();
    }
    // The history not yet in the store, at most `history` nights back.
    let past: Vec<ServiceNight> = nights_until(tonight.prev_service(), history)
        .into_iter()
        .filter(|n| last.is_none_or(|l| *n > l))
        .collect();
    let summary = simulate(store, &past, seed, progress)?;
    open_tonight(store, tonight)?;
    Ok(Prepared {
        start: tonight.start() + Duration::minutes(3),
        simulated: summary.nights,
        continued: false,
    })
}

/// Opens the night with three teams, as a coordinator does at 21:00, in one commit.
fn open_tonight(store: &mut Store, night: ServiceNight) -> Result<(), DemoError> {
    let t = store.territory();
    let day = night.date().num_days_from_ce().unsigned_abs() as usize;
    let coordinator = match t.coordinators.get(day % t.coordinators.len().max(1)) {
        Some(c) => c.id.clone(),
        None => return Ok(()),
    };
    // Teams of 3, 3 and 2 from the mediators, rotating from night to night.
    let mediators: Vec<&str> = t.mediators.iter().map(|m| m.id.as_str()).collect();
    let mut teams = Vec::new();
    let mut next = 0;
    for (i, size) in [3, 3, 2].into_iter().enumerate() {
        if next + size > mediators.len() {
            break;
        }
        let members = (0..size)
            .map(|k| mediators[(day * 2 + next + k) % mediators.len()].to_string())
            .collect();
        next += size;
        teams.push(Command::ComposeTeam {
            team: format!("E{}", i + 1),
            members,
            equipment: Some(format!("Véhicule {} · tél. équipe {}", i + 1, i + 1)),
        });
    }
    let at = night.start();
    let mut tx = store.begin()?;
    for cmd in shift::start(tx.state(), &coordinator) {
        tx.execute(&cmd, at)?;
    }
    tx.execute(&Command::OpenNight { coordinator }, at)?;
    for cmd in teams {
        tx.execute(&cmd, at + Duration::minutes(1))?;
    }
    tx.commit()?;
    Ok(())
}

#[cfg(test)]
#[path = "prepare_tests.rs"]
mod tests;
