//! Why a command was refused, in the coordinator's words, with what to do.

use super::{Lang, vocab};
use crate::domain::Refusal;

pub fn refusal(r: &Refusal, lang: Lang) -> String {
    use Refusal::*;
    let fr = lang == Lang::Fr;
    match r {
        NoNightOpen => t(
            fr,
            "Aucune nuit n'est ouverte : ouvrez la nuit d'abord.",
            "No night is open: open the night first.",
        ),
        NightAlreadyOpen { night } => {
            if fr {
                format!("La nuit du {night} est déjà ouverte.")
            } else {
                format!("The night of {night} is already open.")
            }
        }
        PreviousNightOpen { night } => {
            if fr {
                format!(
                    "La nuit du {night} n'est pas clôturée : clôturez-la avant d'ouvrir la suivante."
                )
            } else {
                format!("The night of {night} is not closed: close it before opening the next one.")
            }
        }
        NightAlreadyClosed { night } => {
            if fr {
                format!("La nuit du {night} a déjà été clôturée.")
            } else {
                format!("The night of {night} was already closed.")
            }
        }
        UnknownCoordinator { id } => {
            if fr {
                format!(
                    "Coordinateur·rice inconnu·e : « {id} ». Choisissez dans la liste du territoire."
                )
            } else {
                format!("Unknown coordinator \"{id}\". Pick one from the territory's list.")
            }
        }
        UnknownMediator { id } => {
            if fr {
                format!("Médiateur·rice inconnu·e : « {id} ».")
            } else {
                format!("Unknown mediator \"{id}\".")
            }
        }
        MediatorInTeam { mediator, team } => {
            if fr {
                format!("{mediator} fait déjà partie de l'équipe {team}.")
            } else {
                format!("{mediator} is already in team {team}.")
            }
        }
        TeamSize { count } => {
            if fr {
                format!("Une équipe compte deux ou trois médiateurs ({count} choisis).")
            } else {
                format!("A team has two or three mediators ({count} chosen).")
            }
        }
        EmptyCallSign => t(
            fr,
            "Indiquez l'indicatif de l'équipe (par exemple E1).",
            "Give the team a call sign (e.g. E1).",
        ),
        TeamExists { team } => {
            if fr {
                format!("L'équipe {team} existe déjà cette nuit.")
            } else {
                format!("Team {team} already exists tonight.")
            }
        }
        UnknownTeam { team } => {
            if fr {
                format!("Équipe inconnue : « {team} ».")
            } else {
                format!("Unknown team \"{team}\".")
            }
        }
        TeamBusy { team, request } => {
            if fr {
                format!("Équipe {team} est déjà affectée à la sollicitation {request}.")
            } else {
                format!("Team {team} is already assigned to request {request}.")
            }
        }
        TeamOffDuty { team } => {
            if fr {
                format!("L'équipe {team} est hors service.")
            } else {
                format!("Team {team} is off duty.")
            }
        }
        TeamNotAssigned { team } => {
            if fr {
                format!("L'équipe {team} n'a pas d'affectation.")
            } else {
                format!("Team {team} has no assignment.")
            }
        }
        TeamNotOnSite { team } => {
            if fr {
                format!("L'équipe {team} n'est pas sur place : marquez son arrivée d'abord.")
            } else {
                format!("Team {team} is not on site: record its arrival first.")
            }
        }
        TeamNotEnRoute { team } => {
            if fr {
                format!("L'équipe {team} n'est pas en route.")
            } else {
                format!("Team {team} is not en route.")
            }
        }
        StatusNotSettable { status } => {
            if fr {
                format!(
                    "Le statut « {} » découle de l'affectation : utilisez l'envoi ou l'arrivée.",
                    vocab::team_status(*status, lang)
                )
            } else {
                format!(
                    "Status \"{}\" follows from dispatch: use dispatch or arrival.",
                    vocab::team_status(*status, lang)
                )
            }
        }
        UnknownSite { id } => {
            if fr {
                format!("Lieu inconnu : « {id} ». Cherchez-le par son nom ou son adresse.")
            } else {
                format!("Unknown site \"{id}\". Search it by name or address.")
            }
        }
        UnknownDistrict { id } => {
            if fr {
                format!("Quartier inconnu : « {id} ».")
            } else {
                format!("Unknown district \"{id}\".")
            }
        }
        UnknownPartner { id } => {
            if fr {
                format!("Partenaire inconnu : « {id} ». Choisissez dans l'annuaire.")
            } else {
                format!("Unknown partner \"{id}\". Pick one from the directory.")
            }
        }
        UnknownRequest => t(fr, "Sollicitation introuvable.", "Request not found."),
        RequestClosed { request } => {
            if fr {
                format!("La sollicitation {request} est déjà clôturée.")
            } else {
                format!("Request {request} is already closed.")
            }
        }
        RequestHasTeam { request, team } => {
            if fr {
                format!(
                    "L'équipe {team} est déjà affectée à la sollicitation {request} : rappelez-la d'abord."
                )
            } else {
                format!("Team {team} is already on request {request}: recall it first.")
            }
        }
        InvalidPhone { input } => {
            if fr {
                format!(
                    "Numéro de rappel invalide « {input} » : dix chiffres attendus, par exemple 06 39 98 12 34."
                )
            } else {
                format!(
                    "Invalid callback number \"{input}\": ten digits expected, e.g. 06 39 98 12 34."
                )
            }
        }
        NameTooLong { max } => {
            if fr {
                format!("Nom trop long : {max} caractères au plus.")
            } else {
                format!("Name too long: {max} characters at most.")
            }
        }
        TextTooLong { max } => {
            if fr {
                format!("Texte trop long : {max} caractères au plus.")
            } else {
                format!("Text too long: {max} characters at most.")
            }
        }
        EmptyText => t(fr, "Le texte est vide.", "The text is empty."),
        NothingToCorrect => t(
            fr,
            "Rien à corriger : les valeurs sont identiques.",
            "Nothing to correct: the values are the same.",
        ),
        RelayMissing => t(
            fr,
            "Un relais mobilisé doit être choisi dans l'annuaire.",
            "A relay must be chosen from the directory.",
        ),
        UnknownCase { case } => {
            if fr {
                format!("Situation {case} introuvable.")
            } else {
                format!("Case {case} not found.")
            }
        }
        CaseClosed { case } => {
            if fr {
                format!("La situation {case} est clôturée.")
            } else {
                format!("Case {case} is closed.")
            }
        }
        CaseAlreadyInState { case, state } => {
            if fr {
                format!(
                    "La situation {case} est déjà « {} ».",
                    vocab::case_state(*state, lang)
                )
            } else {
                format!(
                    "Case {case} is already \"{}\".",
                    vocab::case_state(*state, lang)
                )
            }
        }
        AlreadyLinked { request, case } => {
            if fr {
                format!("La sollicitation {request} est déjà liée à la situation {case}.")
            } else {
                format!("Request {request} is already linked to case {case}.")
            }
        }
        ObservationWithoutPlace => t(
            fr,
            "Indiquez un lieu ou un quartier pour l'observation.",
            "Give the observation a site or a district.",
        ),
        TeamStillOut { team, request } => {
            if fr {
                format!(
                    "L'équipe {team} est encore sur la sollicitation {request} : clôturez l'intervention ou rappelez l'équipe avant de clôturer la nuit."
                )
            } else {
                format!(
                    "Team {team} is still out on request {request}: clear the intervention or recall the team before closing the night."
                )
            }
        }
        UnknownPersonal { id } => {
            if fr {
                format!("Donnée personnelle {id} introuvable.")
            } else {
                format!("Personal record {id} not found.")
            }
        }
        UndecidedRequests { .. }
        | AlreadyCarriedOver { .. }
        | NoHandover
        | HandoverAcknowledged { .. }
        | UnknownInstruction { .. }
        | NeedsLastDay
        | DateInPast { .. } => super::handover::refusal(r, lang).unwrap_or_default(),
    }
}

fn t(fr: bool, fr_text: &str, en_text: &str) -> String {
    if fr { fr_text } else { en_text }.to_string()
}
