//! The teams' safety in the main courante: a check-in that reported something, each step
//! of a missed one.

use super::Words;
use crate::domain::event::Event;
use crate::domain::safety::{CheckInWord, MissedStep};
use crate::i18n::safety::{step, word};

pub(super) fn describe(event: &Event, w: &Words) -> Option<String> {
    let (l, colon) = (w.l, w.colon);
    let team_word = l.pick("Équipe", "Team");
    Some(match event {
        Event::CheckInReported { team, word: said } => {
            let what = match said {
                CheckInWord::Incident => l
                    .pick("INCIDENT signalé — alerte", "INCIDENT reported — alert")
                    .to_string(),
                other => word(*other, l).to_string(),
            };
            format!(
                "{team_word} {team}{colon} {} — {what}",
                l.pick("contact", "check-in")
            )
        }
        Event::CheckInMissed {
            team,
            step: s,
            minutes,
        } => {
            let what = match s {
                MissedStep::Escalated => step(*s, l).to_uppercase(),
                _ => step(*s, l).to_string(),
            };
            format!(
                "{team_word} {team}{colon} {} {minutes}′ — {what}",
                l.pick("sans contact depuis", "no check-in for")
            )
        }
        _ => return None,
    })
}
