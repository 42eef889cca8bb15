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
    /// Something was typed since: a first character typed replaces what was shown.
    touched: bool,
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
            touched: false,
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
    /// The date shown when it opened is replaced by the first character typed (as if it
    /// were selected); a deletion edits it instead.
    fn edited(&mut self, _: DateField) {
        if std::mem::replace(&mut self.touched, true) || self.initial.is_empty() {
            return;
        }
        let typed = self.input.value().strip_prefix(self.initial.as_str());
        if let Some(typed) = typed.filter(|t| !t.is_empty()) {
            self.input = Input::new(typed.to_string());
        }
    }

    fn submit(&self, ctx: &Ctx) -> Result<Vec<Command>, (DateField, Fix)> {
        let parsed = parse_follow_up(self.input.value(), ctx.today());
        let command = match (self.purpose, parsed) {
            (DatePurpose::FollowUp(case), Ok(date)) => Command::SetFollowUp { case, date },
            (DatePurpose::Extend(instruction), Ok(until)) => {
                Command::ExtendInstruction { instruction, until }
            }
            (DatePurpose::FollowUp(_), Err(e)) => return Err((DateField, e.fix(false))),
            (DatePurpose::Extend(_), Err(e)) => return Err((DateField, e.fix(true))),
        };
        Ok(vec![command])
    }
}

/// A date that cannot be read, or a day already past (said as such, with the day).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BadDate {
    Unreadable,
    Past(NaiveDate),
}

impl BadDate {
    /// What to fix: the forms a date is typed in, or that the day is past. `last_day`:
    /// an instruction's last day rather than a follow-up.
    pub fn fix(self, last_day: bool) -> Fix {
        match (self, last_day) {
            (BadDate::Past(date), _) => Fix::PastDay { date },
            (BadDate::Unreadable, false) => Fix::FollowUpDate,
            (BadDate::Unreadable, true) => Fix::LastDayOrNone,
        }
    }
}

/// Reads a date: empty clears it; `+N` is N days from `today`; `JJ/MM/AAAA` and
/// `AAAA-MM-JJ` are taken as written; `JJ/MM` is the next such day, unless that day went by
/// less than `RECENT_DAYS` ago: « 15/01 » typed in December is next January, « 29/11 »
/// typed on the 30th is yesterday — refused as past, never silently moved a year on.
pub fn parse_follow_up(text: &str, today: NaiveDate) -> Result<Option<NaiveDate>, BadDate> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let date = if let Some(days) = text.strip_prefix('+') {
        let n: u64 = days.trim().parse().map_err(|_| BadDate::Unreadable)?;
        today
            .checked_add_days(Days::new(n))
            .ok_or(BadDate::Unreadable)?
    } else if let Ok(d) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        d
    } else if let Ok(d) = NaiveDate::parse_from_str(text, "%d/%m/%Y") {
        d
    } else {
        day_and_month(text, today)?
    };
    if date < today {
        return Err(BadDate::Past(date));
    }
    Ok(Some(date))
}

/// How long ago a `JJ/MM` may have gone by to be taken as that day (and refused as past)
/// rather than next year's.
const RECENT_DAYS: i64 = 90;

/// `JJ/MM`: the last such day if it went by lately (the caller refuses it), else the next.
fn day_and_month(text: &str, today: NaiveDate) -> Result<NaiveDate, BadDate> {
    let mut parts = text.split('/');
    let (Some(d), Some(m), None) = (parts.next(), parts.next(), parts.next()) else {
        return Err(BadDate::Unreadable);
    };
    let number = |s: &str| s.trim().parse::<u32>().map_err(|_| BadDate::Unreadable);
    let (d, m) = (number(d)?, number(m)?);
    let days: Vec<NaiveDate> = [today.year() - 1, today.year(), today.year() + 1]
        .into_iter()
        .filter_map(|y| NaiveDate::from_ymd_opt(y, m, d))
        .collect();
    let last = days.iter().rev().find(|x| **x < today);
    let next = days.iter().find(|x| **x >= today);
    match (last, next) {
        (Some(l), _) if (today - *l).num_days() <= RECENT_DAYS => Ok(*l),
        (_, Some(n)) => Ok(*n),
        _ => Err(BadDate::Unreadable),
    }
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
            assert!(parse_follow_up(bad, today).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_day_gone_by_lately_is_refused_as_past_not_moved_to_next_year() {
        let today = d("2026-11-30");
        assert_eq!(
            parse_follow_up("29/11", today),
            Err(BadDate::Past(d("2026-11-29")))
        );
        assert_eq!(
            parse_follow_up("02/09", today),
            Err(BadDate::Past(d("2026-09-02")))
        );
        assert_eq!(parse_follow_up("15/06", today), Ok(Some(d("2027-06-15"))));
        // Early January: a day of late December is the one just gone by.
        let january = d("2027-01-05");
        assert_eq!(
            parse_follow_up("29/12", january),
            Err(BadDate::Past(d("2026-12-29")))
        );
        assert_eq!(parse_follow_up("06/01", january), Ok(Some(d("2027-01-06"))));
        assert_eq!(
            BadDate::Past(today).fix(false),
            Fix::PastDay { date: today }
        );
        assert_eq!(BadDate::Unreadable.fix(true), Fix::LastDayOrNone);
    }

    #[test]
    fn typing_in_a_date_shown_when_the_form_opened_replaces_it() {
        use tui_input::InputRequest::{DeletePrevChar, InsertChar};
        let case = crate::domain::ids::CaseId(1);
        let shown = Some(d("2026-12-03"));
        let mut typed = DateForm::new(DatePurpose::FollowUp(case), shown);
        for c in "+7".chars() {
            typed.input.handle(InsertChar(c));
            typed.edited(DateField);
        }
        assert_eq!(typed.input.value(), "+7");
        // A deletion edits what is shown instead.
        let mut fixed = DateForm::new(DatePurpose::FollowUp(case), shown);
        fixed.input.handle(DeletePrevChar);
        fixed.edited(DateField);
        fixed.input.handle(InsertChar('7'));
        fixed.edited(DateField);
        assert_eq!(fixed.input.value(), "03/12/2027");
    }
}
