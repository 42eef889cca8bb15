//! One date typed: a situation's next follow-up, an instruction's new last day. Dates are
//! typed as a coordinator says them (`03/12`, `+7`), counted from the service night.

use super::{Ctx, Form, Kind};
use crate::domain::Command;
use crate::domain::ids::{CaseId, InstructionId};
use crate::i18n::notice::Fix;
use chrono::{Datelike, Days, NaiveDate};
use tui_input::Input;

/// What the date is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DatePurpose {
    FollowUp(CaseId),
    Extend(InstructionId),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateField;

#[derive(Debug, Clone)]
pub struct DateForm {
    pub purpose: DatePurpose,
    pub input: Input,
    /// What it showed when opened: only a change is something to lose.
    initial: String,
}

impl DateForm {
    /// Opens showing the current date, if any, as `JJ/MM/AAAA`.
    pub fn new(purpose: DatePurpose, current: Option<NaiveDate>) -> DateForm {
        let initial = current
            .map(|d| d.format("%d/%m/%Y").to_string())
            .unwrap_or_default();
        DateForm {
            purpose,
            input: Input::new(initial.clone()),
            initial,
        }
    }
}

impl Form for DateForm {
    type Field = DateField;

    fn fields(&self) -> &'static [DateField] {
        &[DateField]
    }
    fn kind(&self, _: DateField) -> Kind {
        Kind::Text
    }
    fn input(&mut self, _: DateField) -> Option<&mut Input> {
        Some(&mut self.input)
    }
    fn choose(&mut self, _: DateField, _: bool, _: &Ctx) {}
    fn is_dirty(&self) -> bool {
        self.input.value() != self.initial
    }

    fn submit(&self, ctx: &Ctx) -> Result<Vec<Command>, (DateField, Fix)> {
        let parsed = parse_follow_up(self.input.value(), ctx.today());
        let command = match (self.purpose, parsed) {
            (DatePurpose::FollowUp(case), Ok(date)) => Command::SetFollowUp { case, date },
            (DatePurpose::Extend(instruction), Ok(until)) => {
                Command::ExtendInstruction { instruction, until }
            }
            (DatePurpose::FollowUp(_), Err(_)) => return Err((DateField, Fix::FollowUpDate)),
            (DatePurpose::Extend(_), Err(_)) => return Err((DateField, Fix::LastDayOrNone)),
        };
        Ok(vec![command])
    }
}

/// A date that cannot be read or is in the past (the message says the forms).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BadDate;

/// Reads a date: empty clears it; `+N` is N days from `today`; `JJ/MM` is the next such
/// date; `JJ/MM/AAAA` and `AAAA-MM-JJ` are taken as written. Dates before `today` are
/// refused: a follow-up is ahead.
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
        match NaiveDate::from_ymd_opt(today.year(), m, d) {
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
}
