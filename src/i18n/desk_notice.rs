//! What the footer says about the requests worked from the board: a call saved with the
//! team picker open, a call settled by phone, callbacks, corrections.

use super::Lang;

#[derive(Debug, Clone, PartialEq)]
pub enum DeskNotice {
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

impl DeskNotice {
    pub fn is_error(&self) -> bool {
        matches!(
            self,
            DeskNotice::NoFreeTeam | DeskNotice::CallbackTime | DeskNotice::NoCallbackDue
        )
    }
}

pub fn text(n: &DeskNotice, lang: Lang) -> String {
    let p = |fr: &str, en: &str| lang.pick(fr, en).to_string();
    match n {
        DeskNotice::SavedSendTeam { number, team } => match lang {
            Lang::Fr => format!(
                "Sollicitation {number} enregistrée — Entrée envoie {team}, Échap la laisse en attente."
            ),
            Lang::En => {
                format!("Request {number} recorded — Enter sends {team}, Esc leaves it waiting.")
            }
        },
        DeskNotice::Corrected => p("Sollicitation corrigée.", "Request corrected."),
        DeskNotice::Settled => p(
            "Sollicitation réglée par téléphone.",
            "Request settled by phone.",
        ),
        DeskNotice::CallbackScheduled => p("Rappel prévu.", "Callback planned."),
        DeskNotice::CallbackMade => p("Rappel enregistré.", "Callback recorded."),
        DeskNotice::NoFreeTeam => p(
            "Aucune équipe libre pour un renfort.",
            "No free team for a reinforcement.",
        ),
        DeskNotice::NoCallbackDue => p("Aucun rappel à faire.", "No callback to make."),
        DeskNotice::CallbackTime => p(
            "Heure du rappel : 22:30, ou +20 (dans 20 minutes).",
            "Callback time: 22:30, or +20 (in 20 minutes).",
        ),
    }
}
