//! The small forms of the situations screen: a graduated-response step, a follow-up date.

use super::form::cycle;
use crate::domain::ids::CaseId;
use crate::domain::vocab::ResponseLevel;
use chrono::{Datelike, Days, NaiveDate};
use tui_input::{Input, InputRequest};

/// A step of the graduated response on a situation: the level reached and a short note.
#[derive(Debug, Clone)]
pub struct CaseStepForm {
    pub case: CaseId,
    pub level: Option<ResponseLevel>,
    pub note: Input,
    /// 0: level, 1: note.
    pub field: usize,
    pub confirm_cancel: bool,
}

impl CaseStepForm {
    pub fn new(case: CaseId) -> CaseStepForm {
        CaseStepForm {
            case,
            level: None,
            note: Input::default(),
            field: 0,
            confirm_cancel: false,
        }
    }

    pub fn is_dirty(&self) -> bool {
        self.level.is_some() || !self.note.value().is_empty()
    }

    pub fn choose(&mut self, forward: bool) {
        self.level = Some(cycle(
            ResponseLevel::ALL,
            self.level.unwrap_or(ResponseLevel::Relay),
            forward,
        ));
    }

    pub fn edit(&mut self, req: InputRequest) {
        if self.field == 1 {
            self.note.handle(req);
        }
    }
}

/// A follow-up date that cannot be read or is in the past (the message says the forms).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BadDate;

/// The next follow-up date of a situation, typed as a date or a number of days.
#[derive(Debug, Clone)]
pub struct FollowUpForm {
    pub case: CaseId,
    pub input: Input,
}

/// Reads a follow-up date: empty clears it; `+N` is N days from `today`; `JJ/MM` is the
/// next such date; `JJ/MM/AAAA` and `AAAA-MM-JJ` are taken as written. Dates before
/// `today` are refused: a follow-up is ahead.
pub fn parse_follow_up(text: &str, today: NaiveDate) -> Result<Option<NaiveDate>, BadDate> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let date = if let Some(days) = text.strip_prefix('+') {
        let n: u64 = days.trim().parse().map_err(|_| BadDate)?;
        today.checked_add_days(Days::new(n)).ok_or(BadDate)?
    } else if let Ok(d) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        d
    } else if let Ok(d) = NaiveDate::parse_from_str(text, "%d/%m/%Y") {
        d
    } else {
        let mut parts = text.split('/');
        let (Some(d), Some(m), None) = (parts.next(), parts.next(), parts.next()) else {
            return Err(BadDate);
        };
        let (d, m): (u32, u32) = (
            d.trim().parse().map_err(|_| BadDate)?,
            m.trim().parse().map_err(|_| BadDate)?,
        );
        let this_year = NaiveDate::from_ymd_opt(today.year(), m, d);
        match this_year {
            Some(x) if x >= today => x,
            _ => NaiveDate::from_ymd_opt(today.year() + 1, m, d).ok_or(BadDate)?,
        }
    };
    if date < today {
        return Err(BadDate);
    }
    Ok(Some(date))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().expect("date")
    }

    #[test]
    fn follow_up_dates_are_read_in_the_forms_a_coordinator_types() {
        let today = d("2026-11-30");
        assert_eq!(parse_follow_up("", today), Ok(None));
        assert_eq!(parse_follow_up("+7", today), Ok(Some(d("2026-12-07"))));
        assert_eq!(parse_follow_up("03/12", today), Ok(Some(d("2026-12-03"))));
        assert_eq!(parse_follow_up("15/01", today), Ok(Some(d("2027-01-15"))));
        assert_eq!(parse_follow_up("30/11", today), Ok(Some(today)));
        assert_eq!(
            parse_follow_up("02/12/2026", today),
            Ok(Some(d("2026-12-02")))
        );
        assert_eq!(
            parse_follow_up("2026-12-24", today),
            Ok(Some(d("2026-12-24")))
        );
    }

    #[test]
    fn past_or_impossible_dates_are_refused() {
        let today = d("2026-11-30");
        for bad in [
            "29/11/2026",
            "2026-01-01",
            "31/02",
            "demain",
            "+x",
            "1/2/3/4",
            "+99999999999",
        ] {
            assert_eq!(parse_follow_up(bad, today), Err(BadDate), "{bad}");
        }
    }

    #[test]
    fn the_step_form_cycles_levels_and_only_the_note_takes_text() {
        let mut f = CaseStepForm::new(CaseId(1));
        assert!(!f.is_dirty());
        f.choose(true);
        assert_eq!(f.level, Some(ResponseLevel::ALL[0]));
        f.edit(InputRequest::InsertChar('x'));
        assert_eq!(f.note.value(), "");
        f.field = 1;
        f.edit(InputRequest::InsertChar('x'));
        assert_eq!(f.note.value(), "x");
        assert!(f.is_dirty());
    }
}
