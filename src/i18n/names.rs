//! Refusals speak of people by name: the rules name a mediator or a coordinator by the
//! id the journal keeps (« samir-k »); the console says « Samir K. ».

use crate::domain::Refusal;
use crate::domain::reference::Territory;

/// The refusal with its people's ids replaced by their names (an id the territory does
/// not know stays as it is).
pub fn named(r: &Refusal, territory: &Territory) -> Refusal {
    let mediator = |id: &str| {
        territory
            .mediator(id)
            .map_or(id.to_string(), |m| m.name.clone())
    };
    let coordinator = |id: &str| {
        territory
            .coordinator(id)
            .map_or(id.to_string(), |c| c.name.clone())
    };
    match r {
        Refusal::MediatorInTeam { mediator: m, team } => Refusal::MediatorInTeam {
            mediator: mediator(m),
            team: team.clone(),
        },
        Refusal::HandoverAcknowledged { by } => Refusal::HandoverAcknowledged {
            by: coordinator(by),
        },
        other => other.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, refusal::refusal};

    #[test]
    fn people_are_named_not_given_by_their_id() {
        let t = crate::territory::rennes().expect("Rennes");
        let r = Refusal::MediatorInTeam {
            mediator: "samir-k".into(),
            team: "E1".into(),
        };
        assert_eq!(
            refusal(&named(&r, &t), Lang::Fr),
            "Samir K. fait déjà partie de l'équipe E1."
        );
        let r = Refusal::HandoverAcknowledged {
            by: "nadia-b".into(),
        };
        assert_eq!(
            refusal(&named(&r, &t), Lang::En),
            "Nadia B. already took the handover."
        );
    }
}
