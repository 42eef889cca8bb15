//! The words of the command line and the guard rails: what a `:` line must fix, and what
//! the footer says when a key writes nothing (a status already set, a question answered
//! no, the demo's desk changing hands).

use super::{Lang, vocab};
use crate::domain::ids::CaseId;
use crate::domain::vocab::TeamStatus;
use chrono::NaiveDate;

/// « Le 29/11/2026 est passé… »: a day typed that has gone by.
pub fn past_day(date: NaiveDate, lang: Lang) -> String {
    let d = date.format("%d/%m/%Y");
    match lang {
        Lang::Fr => {
            format!("Le {d} est passé : donnez un jour à venir (JJ/MM/AAAA pour une autre année).")
        }
        Lang::En => format!("{d} has gone by: give a day to come (DD/MM/YYYY for another year)."),
    }
}

pub fn unknown_verb(word: &str, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("« {word} » : commande inconnue. « :aide » les liste."),
        Lang::En => format!("\"{word}\": unknown command. \":help\" lists them."),
    }
}

/// How a verb is written, given in both languages.
pub fn verb_usage(fr: &str, en: &str, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("Écrire : {fr}"),
        Lang::En => format!("Write: {en}"),
    }
}

pub fn no_request(number: u32, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("Aucune sollicitation n° {number} cette nuit."),
        Lang::En => format!("No request {number} tonight."),
    }
}

pub fn no_team(team: &str, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("Aucune équipe « {team} » cette nuit."),
        Lang::En => format!("No team \"{team}\" tonight."),
    }
}

pub fn no_case(case: CaseId, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("Aucune situation ouverte n° {case}."),
        Lang::En => format!("No open situation {case}."),
    }
}

/// « E1 est déjà disponible : rien n'est écrit. »
pub fn already(team: &str, status: TeamStatus, lang: Lang) -> String {
    let s = vocab::team_status(status, lang);
    match lang {
        Lang::Fr => format!("L'équipe {team} est déjà « {s} » : rien n'est écrit."),
        Lang::En => format!("Team {team} is already \"{s}\": nothing written."),
    }
}

/// Who has the demo's desk now.
pub fn desk(autopilot: bool, lang: Lang) -> &'static str {
    match autopilot {
        true => lang.pick(
            "Pilote automatique : la coordination de la démo envoie, suit et clôt. « D » pour reprendre la main.",
            "Autopilot: the demo's coordinator dispatches, follows and clears. \"D\" to take the desk back.",
        ),
        false => lang.pick(
            "Vous avez la main. « D » rend le pilotage à la démo.",
            "You have the desk. \"D\" hands it back to the demo.",
        ),
    }
}
