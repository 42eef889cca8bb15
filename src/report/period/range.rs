//! Periods of service nights: a month, a quarter, a year or a range, inclusive; the one
//! before it and the same one a year before, for the trends.

use crate::domain::calendar::ServiceNight;
use chrono::{Datelike, Months, NaiveDate};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Month,
    Quarter,
    Year,
    Range,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub kind: Kind,
    pub from: NaiveDate,
    pub to: NaiveDate,
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn month_end(y: i32, m: u32) -> Option<NaiveDate> {
    ymd(y, m, 1)?.checked_add_months(Months::new(1))?.pred_opt()
}

impl Period {
    /// `2026-11`.
    pub fn month(s: &str) -> Option<Period> {
        let (y, m) = s.trim().split_once('-')?;
        let (y, m) = (y.parse().ok()?, m.parse().ok()?);
        Some(Period {
            kind: Kind::Month,
            from: ymd(y, m, 1)?,
            to: month_end(y, m)?,
        })
    }

    /// `2026-Q4` (or `2026-q4`).
    pub fn quarter(s: &str) -> Option<Period> {
        let (y, q) = s.trim().split_once('-')?;
        let q: u32 = q.strip_prefix(['Q', 'q'])?.parse().ok()?;
        if !(1..=4).contains(&q) {
            return None;
        }
        let y = y.parse().ok()?;
        Some(Period {
            kind: Kind::Quarter,
            from: ymd(y, 3 * q - 2, 1)?,
            to: month_end(y, 3 * q)?,
        })
    }

    pub fn year(y: i32) -> Option<Period> {
        Some(Period {
            kind: Kind::Year,
            from: ymd(y, 1, 1)?,
            to: ymd(y, 12, 31)?,
        })
    }

    pub fn range(from: NaiveDate, to: NaiveDate) -> Option<Period> {
        (from <= to).then_some(Period {
            kind: Kind::Range,
            from,
            to,
        })
    }

    pub fn first(&self) -> ServiceNight {
        ServiceNight(self.from)
    }
    pub fn last(&self) -> ServiceNight {
        ServiceNight(self.to)
    }

    /// `2026-11`, `2026-Q4`, `2026`, `2026-11-02..2026-11-20`: names files and reports.
    pub fn label(&self) -> String {
        match self.kind {
            Kind::Month => self.from.format("%Y-%m").to_string(),
            Kind::Quarter => format!("{}-Q{}", self.from.year(), self.from.month0() / 3 + 1),
            Kind::Year => self.from.year().to_string(),
            Kind::Range => format!("{}..{}", self.from, self.to),
        }
    }

    /// The period just before, of the same kind (a range: as many days).
    pub fn previous(&self) -> Period {
        let months = match self.kind {
            Kind::Month => 1,
            Kind::Quarter => 3,
            Kind::Year => 12,
            Kind::Range => {
                let days = (self.to - self.from).num_days() + 1;
                let to = self.from.pred_opt().unwrap_or(self.from);
                let from = to - chrono::Duration::days(days - 1);
                return Period { from, to, ..*self };
            }
        };
        self.shifted_back(months)
    }

    /// The same period a year before.
    pub fn year_before(&self) -> Period {
        self.shifted_back(12)
    }

    fn shifted_back(&self, months: u32) -> Period {
        let back = |d: NaiveDate| d.checked_sub_months(Months::new(months)).unwrap_or(d);
        let to = match self.kind {
            // Month ends move to month ends (a leap day's year before is 28 February).
            Kind::Month | Kind::Quarter | Kind::Year => {
                let start = back(self.from);
                let span = self.to.year() * 12 + self.to.month0() as i32
                    - (self.from.year() * 12 + self.from.month0() as i32);
                let last = start
                    .checked_add_months(Months::new(span as u32))
                    .unwrap_or(start);
                month_end(last.year(), last.month()).unwrap_or(last)
            }
            Kind::Range => back(self.to),
        };
        Period {
            from: back(self.from),
            to,
            ..*self
        }
    }

    /// The first day of the month `n` months before `to`'s month.
    pub fn month_start_back(&self, n: u32) -> NaiveDate {
        let first = ymd(self.to.year(), self.to.month(), 1).unwrap_or(self.to);
        first.checked_sub_months(Months::new(n)).unwrap_or(first)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap_or_default()
    }

    #[test]
    fn periods_and_their_neighbours() {
        let m = Period::month("2026-03").expect("a month");
        assert_eq!((m.from, m.to), (d("2026-03-01"), d("2026-03-31")));
        assert_eq!(m.previous().to, d("2026-02-28"));
        assert_eq!(m.year_before().from, d("2025-03-01"));
        assert_eq!(m.label(), "2026-03");
        let q = Period::quarter("2026-Q4").expect("a quarter");
        assert_eq!((q.from, q.to), (d("2026-10-01"), d("2026-12-31")));
        assert_eq!(
            (q.previous().from, q.previous().to),
            (d("2026-07-01"), d("2026-09-30"))
        );
        assert_eq!(q.label(), "2026-Q4");
        assert!(Period::quarter("2026-Q5").is_none());
        let leap = Period::month("2024-02").expect("a month");
        assert_eq!(leap.year_before().to, d("2023-02-28"));
        let r = Period::range(d("2026-11-02"), d("2026-11-08")).expect("a range");
        assert_eq!(
            (r.previous().from, r.previous().to),
            (d("2026-10-26"), d("2026-11-01"))
        );
        assert!(Period::range(d("2026-11-08"), d("2026-11-02")).is_none());
        assert_eq!(m.month_start_back(12), d("2025-03-01"));
    }
}
