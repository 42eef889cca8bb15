//! Reads over the night views that stay flat in the store's size (a range or a reverse
//! scan, never every night), for the reports.

use super::error::Result;
use super::{Store, keys};
use crate::domain::calendar::ServiceNight;
use crate::domain::views::NightRecord;

impl Store {
    /// The last night that was closed, else the last night recorded: reads from the end.
    pub fn last_closed_night(&self) -> Result<Option<ServiceNight>> {
        let mut last = None;
        for item in self.views.scan_prefix(keys::NIGHT_PREFIX).rev() {
            let n: NightRecord = self.row(item, "night")?;
            last.get_or_insert(n.night);
            if n.closed_at.is_some() {
                return Ok(Some(n.night));
            }
        }
        Ok(last)
    }

    /// The last night opened before `night` (the one whose carried-over requests it took).
    pub fn opened_night_before(&self, night: ServiceNight) -> Result<Option<NightRecord>> {
        let rows = self
            .views
            .range(keys::NIGHT_PREFIX.to_vec()..keys::night(night));
        for item in rows.rev() {
            let n: NightRecord = self.row(item, "night")?;
            if n.opened_at.is_some() {
                return Ok(Some(n));
            }
        }
        Ok(None)
    }

    /// The night records from `from` to `to` inclusive, in order.
    pub fn nights_between(&self, from: ServiceNight, to: ServiceNight) -> Result<Vec<NightRecord>> {
        if from > to {
            return Ok(Vec::new());
        }
        self.views
            .range(keys::night(from)..=keys::night(to))
            .map(|item| self.row(item, "night"))
            .collect()
    }
}
