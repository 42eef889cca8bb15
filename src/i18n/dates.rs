//! Dates and times as a coordinator reads them, in Europe/Paris.

use super::Lang;
use crate::domain::calendar::{ServiceNight, TZ};
use chrono::{DateTime, Datelike, Utc, Weekday};

const DAYS_FR: [&str; 7] = [
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
];
const DAYS_EN: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn weekday_index(w: Weekday) -> usize {
    w.num_days_from_monday() as usize
}

/// "Nuit du lundi 30 novembre 2026" / "Night of Monday 30 November 2026".
pub fn night_title(night: ServiceNight, lang: Lang) -> String {
    let d = night.date();
    let day = weekday_index(d.weekday());
    let month = d.month0() as usize;
    match lang {
        Lang::Fr => format!(
            "Nuit du {} {} {} {}",
            DAYS_FR[day],
            d.day(),
            MONTHS_FR[month],
            d.year()
        ),
        Lang::En => format!(
            "Night of {} {} {} {}",
            DAYS_EN[day],
            d.day(),
            MONTHS_EN[month],
            d.year()
        ),
    }
}

/// Local wall-clock time, "21:04".
pub fn clock(at: DateTime<Utc>) -> String {
    at.with_timezone(&TZ).format("%H:%M").to_string()
}

/// Local date and time, "2026-11-30 21:04".
pub fn date_time(at: DateTime<Utc>) -> String {
    at.with_timezone(&TZ).format("%Y-%m-%d %H:%M").to_string()
}

/// The local (Europe/Paris) calendar date of an instant.
pub fn local_date(at: DateTime<Utc>) -> chrono::NaiveDate {
    crate::domain::calendar::local_date(at)
}

/// The date of the service night an instant belongs to (the 30th until the next noon).
pub fn service_date(at: DateTime<Utc>) -> chrono::NaiveDate {
    crate::domain::calendar::service_date(at)
}

/// A short local date, "30/11" in French, "30 Nov" in English.
pub fn short_date(date: chrono::NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Fr => date.format("%d/%m").to_string(),
        Lang::En => date.format("%d %b").to_string(),
    }
}

/// A full date as each language writes it: "03/12/2026", "2026-12-03".
pub fn full_date(date: chrono::NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Fr => date.format("%d/%m/%Y").to_string(),
        Lang::En => date.format("%Y-%m-%d").to_string(),
    }
}
