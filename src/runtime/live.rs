//! The live demo's world inside the console: when its time comes, what the callers and the
//! teams do is executed through the store — durable, like the coordinator's own commands —
//! and the board follows.

use crate::app::{Action, Thresholds};
use crate::demo::autopilot::{Autopilot, Seen};
use crate::demo::live::{LiveNight, SpeedClock};
use crate::domain::clock::Clock;
use crate::domain::{State, Written};
use crate::i18n::{self, Lang, notice::Notice};
use crate::store::StoreError;
use std::time::Duration;
use tokio::time::Instant;

/// A move refused again and again (it should not happen) must not spin the loop.
const MIN_GAP: Duration = Duration::from_millis(100);

/// `vigie --demo`: simulated time and the world's side of the night.
pub struct Live {
    pub clock: SpeedClock,
    pub night: LiveNight,
    /// The demo's own coordinator, who works the desk while the user lets it.
    pub autopilot: Autopilot,
    /// `--autopilot`: the demo starts with its coordinator at the desk.
    pub autopilot_at_start: bool,
    /// The language of a failure's words.
    pub lang: Lang,
}

/// The real instant the world (or the autopilot, while it has the desk) next moves, if
/// either has anything to do.
pub(super) fn next_wake(live: &Live, state: &State, pilot: bool) -> Option<Instant> {
    let now = live.clock.now();
    let world = live.night.next_due(state);
    let pilot = (pilot && state.open_night().is_some()).then(|| live.autopilot.next_due(now));
    let due = world.into_iter().chain(pilot).min()?;
    let wait = live.clock.sim_to_real(due - now);
    Some(Instant::now() + wait.max(MIN_GAP))
}

/// Executes what is due, each move durable like the coordinator's own commands; answers
/// with what the console must apply. An error means the store failed: the world stops, and
/// the coordinator is told in words (what was written before is safe).
pub(super) fn step(
    store: &mut crate::store::Store,
    live: &mut Live,
    pilot: Option<&Thresholds>,
) -> Result<Action, Notice> {
    let now = live.clock.now();
    let mut written = Written::default();
    let mut due = live.night.due(store.state(), store.territory(), now);
    if let Some(t) = pilot {
        let check_in = |status| t.check_in(status);
        let seen = Seen {
            territory: store.territory(),
            done: live.night.reported(),
            check_in: &check_in,
        };
        due.extend(live.autopilot.due(store.state(), &seen, now));
    }
    for cmd in due {
        match store.commit(std::slice::from_ref(&cmd), now) {
            Ok(w) => written.extend(w),
            // The coordinator changed things under it (recalled the team…): skipped.
            Err(StoreError::Refused(_)) => {}
            Err(e) => {
                let words = i18n::store::store_error(&e, live.lang);
                return Err(Notice::Failed(words));
            }
        }
    }
    Ok(Action::WorldMoved(written))
}
