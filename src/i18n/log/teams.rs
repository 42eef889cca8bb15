//! A team's own lines: composed, its status, its position, a check-in.

use super::Words;
use crate::domain::event::Event;
use crate::i18n::vocab;

pub(super) fn describe(event: &Event, w: &Words) -> Option<String> {
    let (l, colon) = (w.l, w.colon);
    let team_word = l.pick("Équipe", "Team");
    Some(match event {
        Event::TeamComposed {
            team,
            members,
            equipment,
        } => {
            let names = members
                .iter()
                .map(|m| w.mediator(m))
                .collect::<Vec<_>>()
                .join(", ");
            let eq = equipment
                .as_ref()
                .map_or(String::new(), |e| format!(" ({e})"));
            format!(
                "{team_word} {team} {}{colon} {names}{eq}",
                l.pick("composée", "composed")
            )
        }
        Event::TeamStatusChanged {
            team,
            status,
            position,
        } => {
            let at = position
                .as_ref()
                .map_or(String::new(), |p| format!(" — {}", w.position(p)));
            format!(
                "{team_word} {team}{colon} {}{at}",
                vocab::team_status(*status, l)
            )
        }
        Event::TeamPositionUpdated { team, position } => format!(
            "{team_word} {team}{colon} {} {}",
            l.pick("position", "position"),
            w.position(position)
        ),
        Event::TeamContacted { team } => format!(
            "{team_word} {team}{colon} {}",
            l.pick("contact, tout va bien", "check-in, all well")
        ),
        Event::TeamCodeIssued { team, .. } => format!(
            "{team_word} {team}{colon} {}",
            l.pick(
                "nouveau code de connexion du téléphone",
                "new sign-in code for the phone"
            )
        ),
        Event::CheckInReported { .. } | Event::CheckInMissed { .. } => {
            return super::safety::describe(event, w);
        }
        _ => return None,
    })
}
