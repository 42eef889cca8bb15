//! "Tonight" on top of the demo store: the Saturday after its last night is open, with more
//! teams and more waiting requests than a usual night, so that every pane of the board is
//! full. Written through `Store::execute`, as the console would. Names and words are invented.

use super::common::{self, Res};
use chrono::{DateTime, Duration, Utc};
use std::path::{Path, PathBuf};
use vigie::domain::Command;
use vigie::domain::command::NewRequest;
use vigie::domain::event::{Envelope, Event};
use vigie::domain::vocab::{Category, Priority, Source};
use vigie::store::Store;

/// Tonight's first event (Saturday 2026-11-28, 21:05 in Rennes).
pub const OPENED: &str = "2026-11-28T20:05:00Z";
/// Teams out tonight (of two: the territory has eleven mediators) and requests received.
const TEAMS: usize = 5;
const REQUESTS: usize = 60;

/// The clock the benches give the console: late in the night, so ages and alerts vary.
pub fn now() -> Res<DateTime<Utc>> {
    Ok(OPENED.parse::<DateTime<Utc>>()? + Duration::minutes(150))
}

/// `target/bench-console-N-open`: a copy of the demo store with tonight open. Built when
/// missing; the demo store itself is left as `vigie demo` made it.
pub fn open_store(base: &Path, demo: &Path, nights: u32) -> Res<PathBuf> {
    let dir = base.join(format!("bench-console-{nights}-open"));
    if common::rebuild() || !dir.join("store").exists() {
        // Built aside and renamed when complete: a failed build is never taken for a store.
        let partial = dir.with_extension("partial");
        let _ = std::fs::remove_dir_all(&dir);
        let _ = std::fs::remove_dir_all(&partial);
        common::copy_dir(demo, &partial)?;
        let mut store = Store::open(&partial, vigie::territory::rennes()?)?;
        open_tonight(&mut store)?;
        println!(
            "Opened tonight in a copy of the demo store: {} events",
            store.last_seq()
        );
        drop(store);
        std::fs::rename(&partial, &dir)?;
    }
    Ok(dir)
}

/// Executes a command; a refusal here is a mistake in this scenario, said with the command.
fn run(store: &mut Store, cmd: Command, at: DateTime<Utc>) -> Res<Vec<Envelope>> {
    Ok(store
        .execute(&cmd, at)
        .map_err(|e| format!("{cmd:?}: {e:?}"))?)
}

fn open_tonight(store: &mut Store) -> Res<()> {
    let opened: DateTime<Utc> = OPENED.parse()?;
    let t = store.territory().clone();
    let coordinator = t.coordinators.first().ok_or("no coordinator")?.id.clone();
    // The last demo night's handover is taken before opening, as a coordinator does.
    if store
        .state()
        .handover
        .as_ref()
        .is_some_and(|h| h.acknowledged.is_none())
    {
        let coordinator = coordinator.clone();
        run(store, Command::AcknowledgeHandover { coordinator }, opened)?;
    }
    run(store, Command::OpenNight { coordinator }, opened)?;
    let mediators: Vec<String> = t.mediators.iter().map(|m| m.id.clone()).collect();
    let teams: Vec<String> = (1..=TEAMS).map(|i| format!("E{i}")).collect();
    for (i, team) in teams.iter().enumerate() {
        let members = (0..2)
            .filter_map(|k| mediators.get((2 * i + k) % mediators.len().max(1)).cloned())
            .collect();
        let team = team.clone();
        let compose = Command::ComposeTeam {
            team,
            members,
            equipment: None,
        };
        run(store, compose, opened)?;
    }
    let mut received = Vec::new();
    for i in 0..REQUESTS {
        let site = &t.sites[(i * 7) % t.sites.len()];
        let at = opened + Duration::minutes(2 * i as i64 + 3);
        let new = NewRequest {
            address: None,
            entrance: None,
            source: Source::ALL[i % Source::ALL.len()],
            site: site.id.clone(),
            category: Category::ALL[i % Category::ALL.len()],
            priority: Priority::ALL[i % Priority::ALL.len()],
            caller_name: None,
            callback: None,
            description: Some(format!("Appel fictif numéro {i} (banc d'essai)")),
        };
        let envs = run(store, Command::ReceiveRequest(new), at)?;
        received.extend(envs.iter().find_map(|e| match e.event {
            Event::RequestReceived { request, .. } => Some(request),
            _ => None,
        }));
    }
    // Each team is sent somewhere; half of them are there.
    let at = opened + Duration::minutes(2 * REQUESTS as i64 + 5);
    for (team, request) in teams.iter().zip(received.iter().step_by(3)) {
        let (request, team) = (*request, team.clone());
        run(store, Command::Dispatch { request, team }, at)?;
    }
    for team in teams.iter().step_by(2) {
        run(store, Command::Arrive { team: team.clone() }, at)?;
    }
    Ok(())
}
