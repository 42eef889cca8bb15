//! Words of several desks on one store: a read-only console's refusal, the desk changing
//! hands, the owner going away.

use super::Lang;

/// What changed about this console's seat.
#[derive(Debug, Clone, PartialEq)]
pub enum SeatNotice {
    /// This console holds the desk now.
    Taken,
    /// Another desk took it: this console reads only.
    Lost { holder: Option<String> },
    /// Opened as a live client of `owner`.
    Client { owner: String, holds: bool },
    /// The owner went; this console opened the store and serves the others.
    TookOver,
    /// The owner went; this console is connected again, to `owner`.
    Reconnected { owner: String },
    /// The owner went and nobody could take its place (in words).
    Stranded(String),
    /// The owner did not answer in time: the command may not have been written.
    NoAnswer,
}

/// A commit refused on a read-only console: why, and how to take the desk.
pub fn read_only(holder: Option<&str>, lang: Lang) -> String {
    match (holder, lang) {
        (Some(h), Lang::Fr) => format!(
            "Console en LECTURE : le poste {h} tient le bureau. « :releve NOM » pour le prendre (la relève)."
        ),
        (None, Lang::Fr) => {
            "Console en LECTURE : personne ne tient le bureau. « :releve NOM » pour le prendre."
                .into()
        }
        (Some(h), Lang::En) => format!(
            "READ-ONLY console: desk {h} holds the desk. \":handover NAME\" takes it (the handover)."
        ),
        (None, Lang::En) => {
            "READ-ONLY console: nobody holds the desk. \":handover NAME\" takes it.".into()
        }
    }
}

pub fn text(n: &SeatNotice, lang: Lang) -> String {
    let p = |fr: &str, en: &str| lang.pick(fr, en).to_string();
    match n {
        SeatNotice::Taken => p(
            "Vous tenez le bureau : cette console peut écrire.",
            "You hold the desk: this console can write.",
        ),
        SeatNotice::Lost { holder } => match lang {
            Lang::Fr => format!(
                "Le poste {} a pris le bureau : cette console passe en LECTURE.",
                holder.as_deref().unwrap_or("?")
            ),
            Lang::En => format!(
                "Desk {} took the desk: this console is READ-ONLY now.",
                holder.as_deref().unwrap_or("?")
            ),
        },
        SeatNotice::Client { owner, holds } => match (lang, holds) {
            (Lang::Fr, true) => {
                format!("Connectée au poste {owner}, qui tient le dossier. Vous tenez le bureau.")
            }
            (Lang::Fr, false) => format!(
                "Connectée au poste {owner}, qui tient le dossier : en LECTURE (« :releve NOM » pour prendre le bureau)."
            ),
            (Lang::En, true) => {
                format!("Connected to desk {owner}, which holds the store. You hold the desk.")
            }
            (Lang::En, false) => format!(
                "Connected to desk {owner}, which holds the store: READ-ONLY (\":handover NAME\" takes the desk)."
            ),
        },
        SeatNotice::TookOver => p(
            "Le poste propriétaire s'est arrêté : cette console a repris le dossier ; rien de confirmé n'est perdu.",
            "The owner desk stopped: this console took over the store; nothing confirmed is lost.",
        ),
        SeatNotice::Reconnected { owner } => match lang {
            Lang::Fr => format!(
                "Le poste propriétaire s'est arrêté : reconnectée au poste {owner} ; rien de confirmé n'est perdu."
            ),
            Lang::En => format!(
                "The owner desk stopped: connected again to desk {owner}; nothing confirmed is lost."
            ),
        },
        SeatNotice::Stranded(words) => match lang {
            Lang::Fr => format!(
                "Le poste propriétaire s'est arrêté et le dossier n'a pas pu être repris : {words}"
            ),
            Lang::En => {
                format!("The owner desk stopped and the store could not be taken over: {words}")
            }
        },
        SeatNotice::NoAnswer => p(
            "Le poste propriétaire n'a pas répondu (10 s) : la commande n'est peut-être pas enregistrée. Vérifiez avant de recommencer.",
            "The owner desk did not answer (10 s): the command may not be recorded. Check before trying again.",
        ),
    }
}
