//! What the footer says about the requests worked from the board: a call saved with the
//! team picker open, a call settled by phone, callbacks, corrections.

use super::Lang;

#[derive(Debug, Clone, PartialEq)]
pub enum RequestNotice {
    /// Saved; the team picker is open on the suggested team.
    SavedSendTeam {
        number: u32,
        team: String,
    },
    Corrected,
    Settled,
    CallbackScheduled,
    CallbackMade,
    /// No free team to send as a reinforcement.
    NoFreeTeam,
    /// A callback time that does not read as HH:MM or +minutes.
    CallbackTime,
    /// No callback is waiting to be made.
    NoCallbackDue,
}

impl RequestNotice {
    pub fn is_error(&self) -> bool {
        matches!(
            self,
            RequestNotice::NoFreeTeam | RequestNotice::CallbackTime | RequestNotice::NoCallbackDue
        )
    }
}

pub fn text(n: &RequestNotice, lang: Lang) -> String {
    let p = |fr: &str, en: &str| lang.pick(fr, en).to_string();
    match n {
        RequestNotice::SavedSendTeam { number, team } => match lang {
            Lang::Fr => format!(
                "Sollicitation {number} enregistrée — Entrée envoie {team}, Échap la laisse en attente."
            ),
            Lang::En => {
                format!("Request {number} recorded — Enter sends {team}, Esc leaves it waiting.")
            }
        },
        RequestNotice::Corrected => p("Sollicitation corrigée.", "Request corrected."),
        RequestNotice::Settled => p(
            "Sollicitation réglée par téléphone.",
            "Request settled by phone.",
        ),
        RequestNotice::CallbackScheduled => p("Rappel prévu.", "Callback planned."),
        RequestNotice::CallbackMade => p("Rappel enregistré.", "Callback recorded."),
        RequestNotice::NoFreeTeam => p(
            "Aucune équipe libre pour un renfort.",
            "No free team for a reinforcement.",
        ),
        RequestNotice::NoCallbackDue => p("Aucun rappel à faire.", "No callback to make."),
        RequestNotice::CallbackTime => p(
            "Heure du rappel : 22:30, ou +20 (dans 20 minutes).",
            "Callback time: 22:30, or +20 (in 20 minutes).",
        ),
    }
}
