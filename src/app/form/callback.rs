//! A resident's callback: when to call back (« 22:30 », « 22h30 », « +20 »), or, when one is
//! due, how the call went — a « no answer » may give the next time at once.

use super::choice_keys::jump;
use super::{Ctx, Form, Kind, cycle_opt};
use crate::domain::Command;
use crate::domain::calendar::{ServiceNight, local_at};
use crate::domain::ids::RequestId;
use crate::domain::vocab::CallbackOutcome;
use crate::i18n::notice::Fix;
use chrono::{DateTime, Duration, NaiveTime, Utc};
use tui_input::Input;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CallbackField {
    Outcome,
    Due,
}

#[derive(Debug, Clone)]
pub struct CallbackForm {
    pub request: RequestId,
    pub number: u32,
    /// A callback is due: the form records how it went first.
    pub due_now: bool,
    pub outcome: Option<CallbackOutcome>,
    pub due: Input,
}

impl CallbackForm {
    pub fn new(request: RequestId, number: u32, due_now: bool) -> CallbackForm {
        CallbackForm {
            request,
            number,
            due_now,
            outcome: None,
            due: Input::default(),
        }
    }
}

/// « +20 »: in 20 minutes; « 22:30 », « 22h30 », « 23h »: that time of the night under way
/// (before noon: after midnight). `None` when it reads as neither.
pub fn parse_due(text: &str, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let t = text.trim().to_lowercase();
    if let Some(minutes) = t.strip_prefix('+') {
        let m: i64 = minutes.trim().parse().ok()?;
        return (1..=24 * 60)
            .contains(&m)
            .then(|| now + Duration::minutes(m));
    }
    let (h, m) = t.split_once([':', 'h']).unwrap_or((t.as_str(), ""));
    let hour: u32 = h.trim().parse().ok()?;
    let minute: u32 = match m.trim() {
        "" => 0,
        m => m.parse().ok()?,
    };
    let time = NaiveTime::from_hms_opt(hour, minute, 0)?;
    let evening = ServiceNight::of(now).date();
    let date = if hour < 12 {
        evening.succ_opt()?
    } else {
        evening
    };
    Some(local_at(date, time))
}

impl Form for CallbackForm {
    type Field = CallbackField;

    fn fields(&self) -> &'static [CallbackField] {
        if self.due_now {
            &[CallbackField::Outcome, CallbackField::Due]
        } else {
            &[CallbackField::Due]
        }
    }
    fn kind(&self, field: CallbackField) -> Kind {
        match field {
            CallbackField::Outcome => Kind::Choice,
            CallbackField::Due => Kind::Text,
        }
    }
    fn input(&mut self, field: CallbackField) -> Option<&mut Input> {
        (field == CallbackField::Due).then_some(&mut self.due)
    }
    fn choose(&mut self, field: CallbackField, forward: bool, _: &Ctx) {
        if field == CallbackField::Outcome {
            self.outcome = cycle_opt(CallbackOutcome::ALL, self.outcome, forward);
        }
    }
    fn jump(&mut self, field: CallbackField, letter: char, ctx: &Ctx) {
        if field == CallbackField::Outcome {
            self.outcome = jump(CallbackOutcome::ALL, self.outcome, letter, |o| {
                crate::i18n::phone::callback_outcome(o, ctx.lang).to_string()
            });
        }
    }
    fn is_dirty(&self) -> bool {
        self.outcome.is_some() || !self.due.value().is_empty()
    }
    fn submit(&self, ctx: &Ctx) -> Result<Vec<Command>, (CallbackField, Fix)> {
        let request = self.request;
        let mut commands = Vec::new();
        if self.due_now {
            let outcome = self
                .outcome
                .ok_or((CallbackField::Outcome, Fix::PhoneOutcome))?;
            commands.push(Command::RecordCallback { request, outcome });
        }
        let typed = self.due.value().trim();
        if !typed.is_empty() || !self.due_now {
            let due = parse_due(typed, ctx.now).ok_or((CallbackField::Due, Fix::CallbackTime))?;
            commands.push(Command::ScheduleCallback { request, due });
        }
        Ok(commands)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s)
            .map(|d| d.with_timezone(&Utc))
            .expect("instant")
    }

    #[test]
    fn a_callback_time_reads_as_minutes_from_now_or_a_time_of_the_night() {
        let now = at("2026-11-30T23:40:00+01:00");
        assert_eq!(parse_due("+20", now), Some(at("2026-12-01T00:00:00+01:00")));
        assert_eq!(
            parse_due("23:55", now),
            Some(at("2026-11-30T23:55:00+01:00"))
        );
        assert_eq!(
            parse_due("0h30", now),
            Some(at("2026-12-01T00:30:00+01:00"))
        );
        assert_eq!(
            parse_due(" 1h ", now),
            Some(at("2026-12-01T01:00:00+01:00"))
        );
        // Past midnight, the evening's times are still the same night's.
        let late = at("2026-12-01T00:40:00+01:00");
        assert_eq!(
            parse_due("01:15", late),
            Some(at("2026-12-01T01:15:00+01:00"))
        );
        for wrong in ["", "demain", "25:00", "+0", "+x", "12:75"] {
            assert_eq!(parse_due(wrong, now), None, "{wrong:?}");
        }
    }
}
