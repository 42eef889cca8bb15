//! The service-night calendar. A night is named by the evening it starts; it runs 21:00–02:00
//! (Europe/Paris) Monday to Saturday, with an early start from 19:30. Every instant belongs
//! to a night: from 12:00 local to that date's night, before 12:00 to the previous one, so
//! 19:30 counts for the coming night and 03:00 for the night before. Times are UTC in the
//! domain; local wall time is only used to place them.

use chrono::offset::LocalResult;
use chrono::{
    DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone, Timelike,
    Utc, Weekday,
};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

pub const TZ: chrono_tz::Tz = chrono_tz::Europe::Paris;

/// A service night, named by the evening it starts (serialised as "YYYY-MM-DD").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ServiceNight(pub NaiveDate);

/// Where an instant falls with respect to its night's service hours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Hours {
    /// 19:30–21:00 of a service night (teams that start early).
    Early,
    /// 21:00–02:00 of a service night.
    Regular,
    /// Anything else, Sunday nights included: recorded all the same, and marked.
    Outside,
}

/// Hour bands for reports: 21–22, 22–23, 23–00, 00–01, 01–02, and outside service hours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HourBand {
    H21,
    H22,
    H23,
    H00,
    H01,
    Outside,
}

/// The first instant at which the local wall clock reads `time` on `date` or later: a time
/// skipped by the spring change maps to the end of the gap, a repeated one to its first pass.
fn local_instant(date: NaiveDate, time: NaiveTime) -> DateTime<Utc> {
    let mut naive = date.and_time(time);
    // A gap lasts an hour in Europe/Paris today; 180 one-minute steps leave room to spare.
    for _ in 0..180 {
        match TZ.from_local_datetime(&naive) {
            LocalResult::Single(t) => return t.with_timezone(&Utc),
            LocalResult::Ambiguous(a, b) => return a.min(b).with_timezone(&Utc),
            LocalResult::None => match naive.checked_add_signed(Duration::minutes(1)) {
                Some(next) => naive = next,
                None => break,
            },
        }
    }
    // Unreachable for Europe/Paris; fall back to reading the wall time as UTC.
    Utc.from_utc_datetime(&date.and_time(time))
}

/// The instant the Paris wall clock reads `time` on `date` (see `local_instant`).
pub fn local_at(date: NaiveDate, time: NaiveTime) -> DateTime<Utc> {
    local_instant(date, time)
}

/// The local wall time of an instant. `with_timezone(..).hour()` would panic in the last hour
/// chrono can represent (local time past its range); there the UTC reading gives the same night.
fn local(at: DateTime<Utc>) -> NaiveDateTime {
    let utc = at.naive_utc();
    utc.checked_add_offset(TZ.offset_from_utc_datetime(&utc).fix())
        .unwrap_or(utc)
}

/// The local (Europe/Paris) calendar date of an instant.
pub fn local_date(at: DateTime<Utc>) -> NaiveDate {
    local(at).date()
}

/// The date whose service night an instant belongs to: at 01:30 on the 1st it is still the
/// 30th's night. Dates the coordinator gives (a last day, a follow-up) are read this way.
pub fn service_date(at: DateTime<Utc>) -> NaiveDate {
    ServiceNight::of(at).date()
}

fn hm(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap_or(NaiveTime::MIN)
}

impl ServiceNight {
    /// The night an instant belongs to.
    pub fn of(at: DateTime<Utc>) -> ServiceNight {
        let local = local(at);
        let date = local.date();
        if local.hour() >= 12 {
            ServiceNight(date)
        } else {
            ServiceNight(date.pred_opt().unwrap_or(date))
        }
    }

    /// The night and whether the instant is inside its service hours.
    pub fn placement(at: DateTime<Utc>) -> (ServiceNight, Hours) {
        let night = ServiceNight::of(at);
        let hours = if !night.is_service_day() {
            Hours::Outside
        } else if at >= night.start() && at < night.end() {
            Hours::Regular
        } else if at >= night.early_start() && at < night.start() {
            Hours::Early
        } else {
            Hours::Outside
        };
        (night, hours)
    }

    /// The evening the night starts, which names it.
    pub fn date(self) -> NaiveDate {
        self.0
    }

    /// Monday to Saturday evenings; no service on Sunday night.
    pub fn is_service_day(self) -> bool {
        self.0.weekday() != Weekday::Sun
    }

    /// 19:30 local on its date.
    pub fn early_start(self) -> DateTime<Utc> {
        local_instant(self.0, hm(19, 30))
    }

    /// 21:00 local on its date.
    pub fn start(self) -> DateTime<Utc> {
        local_instant(self.0, hm(21, 0))
    }

    /// 02:00 local the next morning (the first time the clock reads 02:00 or later).
    pub fn end(self) -> DateTime<Utc> {
        let next = self.0.succ_opt().unwrap_or(self.0);
        local_instant(next, hm(2, 0))
    }

    /// The next Monday-to-Saturday night.
    pub fn next_service(self) -> ServiceNight {
        let mut d = self.0.succ_opt().unwrap_or(self.0);
        if d.weekday() == Weekday::Sun {
            d = d.succ_opt().unwrap_or(d);
        }
        ServiceNight(d)
    }

    /// The previous Monday-to-Saturday night.
    pub fn prev_service(self) -> ServiceNight {
        let mut d = self.0.pred_opt().unwrap_or(self.0);
        if d.weekday() == Weekday::Sun {
            d = d.pred_opt().unwrap_or(d);
        }
        ServiceNight(d)
    }

    /// The report band of an instant, by local wall time within service hours.
    pub fn hour_band(at: DateTime<Utc>) -> HourBand {
        match ServiceNight::placement(at).1 {
            Hours::Regular => match local(at).hour() {
                21 => HourBand::H21,
                22 => HourBand::H22,
                23 => HourBand::H23,
                0 => HourBand::H00,
                1 => HourBand::H01,
                _ => HourBand::Outside,
            },
            _ => HourBand::Outside,
        }
    }
}

impl fmt::Display for ServiceNight {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.format("%Y-%m-%d"))
    }
}

impl FromStr for ServiceNight {
    type Err = chrono::ParseError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map(ServiceNight)
    }
}

#[cfg(test)]
#[path = "calendar_tests.rs"]
mod tests;
