//! The watch screen's model (screen 6): observations not yet settled (and those settled
//! tonight), filtered by commissioner, status, kind, district and age; the finger holds an
//! observation id.

use super::AppState;
use crate::domain::ids::ObservationId;
use crate::domain::reference::Territory;
use crate::domain::vocab::ObservationKind;
use crate::domain::watch::{Observation, WatchStatus};
use chrono::{DateTime, Duration, Utc};

/// How old an observation is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Age {
    /// Recorded in the night shown.
    Tonight,
    OverWeek,
    OverMonth,
}

impl Age {
    pub const ALL: &'static [Age] = &[Age::Tonight, Age::OverWeek, Age::OverMonth];
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct WatchFilter {
    pub commissioner: Option<String>,
    pub status: Option<WatchStatus>,
    pub kind: Option<ObservationKind>,
    pub district: Option<String>,
    pub age: Option<Age>,
}

impl WatchFilter {
    pub fn is_empty(&self) -> bool {
        *self == WatchFilter::default()
    }

    fn keeps(&self, o: &Observation, t: &Territory, now: DateTime<Utc>, tonight: bool) -> bool {
        let age = now - o.recorded_at;
        self.commissioner
            .as_ref()
            .is_none_or(|c| *c == o.commissioner)
            && self.status.is_none_or(|s| s == o.status())
            && self.kind.is_none_or(|k| k == o.kind)
            && self
                .district
                .as_ref()
                .is_none_or(|d| o.district_in(t).as_ref() == Some(d))
            && match self.age {
                None => true,
                Some(Age::Tonight) => tonight,
                Some(Age::OverWeek) => age > Duration::days(7),
                Some(Age::OverMonth) => age > Duration::days(30),
            }
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct WatchScreen {
    pub filter: WatchFilter,
    pub selected: Option<ObservationId>,
}

/// The observations shown, the earliest in the lifecycle first, then the oldest.
pub fn rows(app: &AppState) -> Vec<&Observation> {
    let night = app.domain.night.as_ref().map(|n| n.night);
    let mut rows: Vec<&Observation> = app
        .domain
        .observations
        .values()
        .filter(|o| {
            let tonight = Some(o.night) == night;
            app.watch.filter.keeps(o, &app.territory, app.now, tonight)
        })
        .collect();
    rows.sort_by_key(|o| (o.status(), o.recorded_at));
    rows
}

/// The row of the observation under the finger (the first when it left the list).
pub fn selected_row(app: &AppState, rows: &[&Observation]) -> usize {
    app.watch
        .selected
        .and_then(|id| rows.iter().position(|o| o.id == id))
        .unwrap_or(0)
}

/// The observation under the finger, if any is shown.
pub fn selected(app: &AppState) -> Option<ObservationId> {
    let rows = rows(app);
    rows.get(selected_row(app, &rows)).map(|o| o.id)
}

/// Moves the finger by `by` rows.
pub fn move_by(app: &mut AppState, by: isize) {
    let rows = rows(app);
    if rows.is_empty() {
        return;
    }
    let i = selected_row(app, &rows) as isize + by;
    let i = i.clamp(0, rows.len() as isize - 1) as usize;
    app.watch.selected = Some(rows[i].id);
}

/// Observations not settled, by status: what the board and the handover count.
pub fn counts(app: &AppState) -> [usize; 3] {
    let mut c = [0; 3];
    for o in app.domain.observations.values() {
        match o.status() {
            WatchStatus::ToTransmit => c[0] += 1,
            WatchStatus::Transmitted => c[1] += 1,
            WatchStatus::Acknowledged => c[2] += 1,
            _ => {}
        }
    }
    c
}
