//! Words of the night report: hour bands, how a request or an intervention ended,
//! durations and clock times as a reader of the report needs them.

use super::{Lang, vocab};
use crate::domain::calendar::{HourBand, ServiceNight, TZ};
use crate::domain::vocab::{InterventionState, Outcome};
use chrono::{DateTime, Offset, TimeZone, Utc};

pub fn hour_band(b: HourBand, lang: Lang) -> &'static str {
    match b {
        HourBand::H21 => "21–22",
        HourBand::H22 => "22–23",
        HourBand::H23 => "23–00",
        HourBand::H00 => "00–01",
        HourBand::H01 => "01–02",
        HourBand::Outside => lang.pick("hors horaires", "outside hours"),
    }
}

pub fn intervention_state(s: InterventionState, lang: Lang) -> &'static str {
    match s {
        InterventionState::Cleared => lang.pick("terminée", "cleared"),
        InterventionState::Recalled => lang.pick("équipe rappelée", "team recalled"),
        InterventionState::UnderWay => lang.pick("en cours", "under way"),
    }
}

/// A landlord item's `outcome` key: an intervention outcome, or how the request closed.
pub fn item_outcome(key: &str, lang: Lang) -> String {
    let outcome = Outcome::ALL
        .iter()
        .find(|o| crate::domain::vocab::vocab_key(*o) == key);
    match (outcome, key) {
        (Some(o), _) => vocab::outcome(*o, lang).to_string(),
        (None, "cleared") => lang.pick("clôturée", "cleared").into(),
        (None, "relayed") => lang
            .pick("relayée sans visite", "relayed without a visit")
            .into(),
        (None, "dismissed") => lang.pick("sans suite", "no follow-up").into(),
        (None, "cancelled") => lang.pick("annulée", "cancelled").into(),
        (None, "settled") => lang.pick("réglée par téléphone", "settled by phone").into(),
        (None, "open") => lang.pick("encore ouverte", "still open").into(),
        (None, other) => other.to_string(),
    }
}

/// "4 min", "4 min 30 s", "1 h 05 min"; "—" when there is nothing to measure.
pub fn duration(seconds: Option<i64>) -> String {
    let Some(s) = seconds else {
        return "—".to_string();
    };
    let (sign, s) = if s < 0 { ("-", -s) } else { ("", s) };
    let (h, m, sec) = (s / 3600, (s % 3600) / 60, s % 60);
    let mut out = String::from(sign);
    if h > 0 {
        out.push_str(&format!("{h} h {m:02} min"));
    } else {
        out.push_str(&format!("{m} min"));
    }
    if sec > 0 {
        out.push_str(&format!(" {sec:02} s"));
    }
    out
}

/// Minutes as a decimal number for a spreadsheet ("4.5" or "4,5"); empty when none.
pub fn minutes(seconds: Option<i64>, decimal: char) -> String {
    match seconds {
        None => String::new(),
        Some(s) => {
            let tenths = (s * 10 + 30) / 60;
            format!("{}{decimal}{}", tenths / 10, (tenths % 10).abs())
        }
    }
}

/// Local "HH:MM"; when the clocks changed since the night began, the offset follows
/// ("02:30 UTC+1") so that the repeated hour of the autumn change reads unambiguously.
pub fn clock(at: DateTime<Utc>, night: ServiceNight) -> String {
    let offset = |t: DateTime<Utc>| TZ.offset_from_utc_datetime(&t.naive_utc()).fix();
    let local = at.with_timezone(&TZ).format("%H:%M").to_string();
    let here = offset(at);
    if here == offset(night.start()) {
        local
    } else {
        format!("{local} UTC{:+}", here.local_minus_utc() / 3600)
    }
}

/// Local "2026-11-30 21:04".
pub fn date_time(at: DateTime<Utc>) -> String {
    super::dates::date_time(at)
}
