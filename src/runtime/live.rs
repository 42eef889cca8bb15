//! The live demo's world inside the console: when its time comes, what the callers and the
//! teams do is executed through the store — durable, like the coordinator's own commands —
//! and the board follows.

use super::logbook;
use crate::app::{Action, AppState, update};
use crate::demo::live::{LiveNight, SpeedClock};
use crate::domain::State;
use crate::domain::clock::Clock;
use crate::i18n;
use crate::store::{Store, StoreError};
use std::time::Duration;
use tokio::time::Instant;

/// A move refused again and again (it should not happen) must not spin the loop.
const MIN_GAP: Duration = Duration::from_millis(100);

/// `vigie --demo`: simulated time and the world's side of the night.
pub struct Live {
    pub clock: SpeedClock,
    pub night: LiveNight,
}

/// The real instant the world next moves, if it has anything to do.
pub(super) fn next_wake(live: &Live, state: &State) -> Option<Instant> {
    let due = live.night.next_due(state)?;
    let wait = live.clock.sim_to_real(due - live.clock.now());
    Some(Instant::now() + wait.max(MIN_GAP))
}

/// Executes what is due. Returns false when the store failed: the world stops, and the
/// coordinator is told in words (what was written before is safe).
pub(super) fn step(app: &mut AppState, store: &mut Store, live: &mut Live) -> bool {
    let now = live.clock.now();
    let mut written = Vec::new();
    let mut ok = true;
    for cmd in live.night.due(store.state(), store.territory(), now) {
        match store.execute(&cmd, now) {
            Ok(envelopes) => written.extend(envelopes),
            // The coordinator changed things under it (recalled the team…): skipped.
            Err(StoreError::Refused(_)) => {}
            Err(e) => {
                update(app, Action::Failed(i18n::store::store_error(&e, app.lang)));
                ok = false;
                break;
            }
        }
    }
    if !written.is_empty() {
        update(
            app,
            Action::Logged(logbook::lines(store, &written, app.lang)),
        );
        update(app, Action::HandoverLoaded(logbook::handover_source(store)));
        update(app, Action::WorldMoved(Box::new(store.state().clone())));
    }
    ok
}
