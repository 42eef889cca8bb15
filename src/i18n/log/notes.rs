//! Free entries, observations for the watch, and erased personal records.

use super::Words;
use crate::domain::event::Event;
use crate::domain::vocab::Position;
use crate::i18n::vocab;

pub(super) fn describe(event: &Event, w: &Words) -> Option<String> {
    let (l, colon) = (w.l, w.colon);
    Some(match event {
        Event::PersonalPurged { personal, days } => {
            crate::i18n::store::purged(personal.len(), *days, l)
        }
        Event::LogEntryAdded { personal } => {
            format!("{}{}", l.pick("Note", "Note"), w.text(&Some(*personal)))
        }
        Event::ObservationRecorded {
            observation,
            site,
            district,
            team,
            note,
        } => {
            let place = match (site, district) {
                (Some(s), _) => w.site(s),
                (None, Some(d)) => w.position(&Position::District(d.clone())),
                (None, None) => String::new(),
            };
            let by = team.as_ref().map_or(String::new(), |t| {
                format!(" ({} {t})", l.pick("équipe", "team"))
            });
            let kind = if observation.is_technical() {
                l.pick("technique", "technical")
            } else {
                l.pick("sociale", "social")
            };
            format!(
                "{} {kind}{colon} {} — {place}{by}{}",
                l.pick("Observation", "Observation"),
                vocab::observation(*observation, l),
                w.text(note)
            )
        }
        Event::PersonalErased { personal, reason } => format!(
            "{} {personal} {} ({})",
            l.pick("Donnée personnelle", "Personal record"),
            l.pick("effacée", "erased"),
            vocab::erasure(*reason, l)
        ),
        _ => return None,
    })
}
