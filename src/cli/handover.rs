//! `vigie handover`: what the next coordinator must know, as text.

use super::{Failure, fail};
use crate::domain::calendar::ServiceNight;
use crate::i18n::Lang;
use crate::report::{handover, handover_text};
use crate::store::Store;
use chrono::Utc;
use std::io::Write;

/// The night asked for, else the open night's handover, else the last night worked (a
/// purge in the daytime is not a night).
pub fn show(
    store: &Store,
    night: Option<ServiceNight>,
    contact: i64,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<u8, Failure> {
    let record = match (night, store.state().open_night()) {
        (Some(n), _) => store.night(n),
        (None, Some(open)) => store.night(open.night),
        (None, None) => store.last_worked_night(),
    }
    .map_err(fail(lang))?;
    let Some(record) = record else {
        let _ = writeln!(
            out,
            "{}",
            match night {
                Some(n) => match lang {
                    Lang::Fr => format!("Rien n'a été enregistré pour la nuit du {n}."),
                    Lang::En => format!("Nothing was recorded for the night of {n}."),
                },
                None => lang
                    .pick(
                        "Aucune nuit enregistrée : pas de passation.",
                        "No night recorded: no handover.",
                    )
                    .to_string(),
            }
        );
        return Ok(0);
    };
    let events = store.night_events(&record).map_err(fail(lang))?;
    let h = handover::build(store.state(), &record, &events, Utc::now(), contact);
    for line in handover_text::lines(&h, store.territory(), lang) {
        let _ = writeln!(out, "{line}");
    }
    Ok(0)
}
