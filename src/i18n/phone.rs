//! Words of what the desk settles on the phone: how a call was settled, what a callback
//! came to, and the refusals of these commands, of reinforcements and of entrances.

use super::Lang;
use crate::domain::Refusal;
use crate::domain::vocab::{CallbackOutcome, PhoneOutcome};

pub fn phone_outcome(o: PhoneOutcome, lang: Lang) -> &'static str {
    match o {
        PhoneOutcome::Information => lang.pick("information donnée", "information given"),
        PhoneOutcome::Oriented => {
            lang.pick("orienté·e vers un partenaire", "oriented to a partner")
        }
    }
}

/// The third way a call ends on the phone, beside the two outcomes.
pub fn relayed_without_visit(lang: Lang) -> &'static str {
    lang.pick("relayé·e sans visite", "relayed without a visit")
}

pub fn callback_outcome(o: CallbackOutcome, lang: Lang) -> &'static str {
    match o {
        CallbackOutcome::Reached => lang.pick("joint·e", "reached"),
        CallbackOutcome::MessageLeft => lang.pick("message laissé", "message left"),
        CallbackOutcome::NoAnswer => lang.pick("pas de réponse", "no answer"),
    }
}

/// The words of this part's refusals; `None` for the others.
pub fn refusal(r: &Refusal, lang: Lang) -> Option<String> {
    use Refusal::*;
    let fr = lang == Lang::Fr;
    Some(match r {
        UnknownEntrance { entrance, .. } if fr => {
            format!("Entrée inconnue à ce lieu : « {entrance} ». Choisissez dans la liste.")
        }
        UnknownEntrance { entrance, .. } => {
            format!("Unknown entrance at this site: \"{entrance}\". Pick one from the list.")
        }
        NothingToReinforce { request } if fr => {
            format!("Aucune équipe n'est sur la sollicitation {request} : envoyez-en une avec d.")
        }
        NothingToReinforce { request } => {
            format!("No team is on request {request}: send one with d.")
        }
        ReferralMissing if fr => {
            "Choisissez le partenaire vers qui la personne est orientée.".into()
        }
        ReferralMissing => "Pick the partner the resident was oriented to.".into(),
        NoCallbackDue { request } if fr => {
            format!("Aucun rappel n'est prévu pour la sollicitation {request}.")
        }
        NoCallbackDue { request } => format!("No callback is planned for request {request}."),
        CallbackInPast if fr => "L'heure du rappel est passée : indiquez une heure à venir.".into(),
        CallbackInPast => "The callback time has passed: give a time to come.".into(),
        _ => return None,
    })
}
