//! Why a command was refused, in the coordinator's words, with what to do. One catalog per
//! language; the shift's end and the instructions have theirs in `i18n::handover`.

use super::{Lang, vocab};
use crate::domain::Refusal;

pub fn refusal(r: &Refusal, lang: Lang) -> String {
    match lang {
        Lang::Fr => fr(r),
        Lang::En => en(r),
    }
}

fn fr(r: &Refusal) -> String {
    use Refusal::*;
    let l = Lang::Fr;
    match r {
        NoNightOpen => "Aucune nuit n'est ouverte : ouvrez la nuit d'abord.".into(),
        NightAlreadyOpen { night } => format!("La nuit du {night} est déjà ouverte."),
        PreviousNightOpen { night } => format!(
            "La nuit du {night} n'est pas clôturée : clôturez-la avant d'ouvrir la suivante."
        ),
        NightAlreadyClosed { night } => format!("La nuit du {night} a déjà été clôturée."),
        UnknownCoordinator { id } => format!(
            "Coordinateur·rice inconnu·e : « {id} ». Choisissez dans la liste du territoire."
        ),
        UnknownMediator { id } => format!("Médiateur·rice inconnu·e : « {id} »."),
        MediatorInTeam { mediator, team } => {
            format!("{mediator} fait déjà partie de l'équipe {team}.")
        }
        TeamSize { team, count } => {
            format!("L'équipe {team} doit compter deux ou trois médiateurs ({count} choisi·s).")
        }
        EmptyCallSign => "Indiquez l'indicatif de l'équipe (par exemple E1).".into(),
        TeamExists { team } => format!("L'équipe {team} existe déjà cette nuit."),
        UnknownTeam { team } => format!("Équipe inconnue : « {team} »."),
        TeamBusy { team, request } => {
            format!("Équipe {team} est déjà affectée à la sollicitation {request}.")
        }
        TeamOffDuty { team } => format!("L'équipe {team} est hors service."),
        TeamNotAssigned { team } => format!("L'équipe {team} n'a pas d'affectation."),
        TeamNotOnSite { team } => {
            format!("L'équipe {team} n'est pas sur place : marquez son arrivée d'abord.")
        }
        TeamNotEnRoute { team } => format!("L'équipe {team} n'est pas en route."),
        StatusNotSettable { status } => format!(
            "Le statut « {} » découle de l'affectation : utilisez l'envoi ou l'arrivée.",
            vocab::team_status(*status, l)
        ),
        UnknownSite { id } => {
            format!("Lieu inconnu : « {id} ». Cherchez-le par son nom ou son adresse.")
        }
        UnknownDistrict { id } => format!("Quartier inconnu : « {id} »."),
        UnknownPartner { id } => {
            format!("Partenaire inconnu : « {id} ». Choisissez dans l'annuaire.")
        }
        UnknownRequest => "Sollicitation introuvable.".into(),
        RequestClosed { request } => format!("La sollicitation {request} est déjà clôturée."),
        RequestHasTeam { request, team } => format!(
            "L'équipe {team} est déjà affectée à la sollicitation {request} : rappelez-la d'abord."
        ),
        InvalidPhone { input } => format!(
            "Numéro de rappel invalide « {input} » : dix chiffres attendus, par exemple 06 39 98 12 34."
        ),
        NameTooLong { max } => format!("Nom trop long : {max} caractères au plus."),
        TextTooLong { max } => format!("Texte trop long : {max} caractères au plus."),
        EmptyText => "Le texte est vide.".into(),
        NothingToCorrect => "Rien à corriger : les valeurs sont identiques.".into(),
        RelayMissing => "Un relais mobilisé doit être choisi dans l'annuaire.".into(),
        UnknownCase { case } => format!("Situation {case} introuvable."),
        CaseClosed { case } => format!("La situation {case} est clôturée."),
        CaseAlreadyInState { case, state } => format!(
            "La situation {case} est déjà « {} ».",
            vocab::case_state(*state, l)
        ),
        AlreadyLinked { request, case } => {
            format!("La sollicitation {request} est déjà liée à la situation {case}.")
        }
        ObservationWithoutPlace => "Indiquez un lieu ou un quartier pour l'observation.".into(),
        Watch(w) => super::watch::refusal(w, l),
        TeamStillOut { team, request } => format!(
            "L'équipe {team} est encore sur la sollicitation {request} : clôturez l'intervention ou rappelez l'équipe avant de clôturer la nuit."
        ),
        UnknownPersonal { id } => format!("Donnée personnelle {id} introuvable."),
        UndecidedRequests { .. }
        | AlreadyCarriedOver { .. }
        | NoHandover
        | HandoverAcknowledged { .. }
        | UnknownInstruction { .. }
        | NeedsLastDay
        | DateInPast { .. } => super::handover::refusal(r, l).unwrap_or_default(),
        AlreadyInStatus { .. }
        | TeamNotOut { .. }
        | CheckInStepRecorded { .. }
        | TeamHeardSince { .. }
        | MalformedCode => super::safety::refusal(r, l).unwrap_or_default(),
        UnknownEntrance { .. }
        | NothingToReinforce { .. }
        | ReferralMissing
        | NoCallbackDue { .. }
        | CallbackInPast => super::phone::refusal(r, l).unwrap_or_default(),
    }
}

fn en(r: &Refusal) -> String {
    use Refusal::*;
    let l = Lang::En;
    match r {
        NoNightOpen => "No night is open: open the night first.".into(),
        NightAlreadyOpen { night } => format!("The night of {night} is already open."),
        PreviousNightOpen { night } => {
            format!("The night of {night} is not closed: close it before opening the next one.")
        }
        NightAlreadyClosed { night } => format!("The night of {night} was already closed."),
        UnknownCoordinator { id } => {
            format!("Unknown coordinator \"{id}\". Pick one from the territory's list.")
        }
        UnknownMediator { id } => format!("Unknown mediator \"{id}\"."),
        MediatorInTeam { mediator, team } => format!("{mediator} is already in team {team}."),
        TeamSize { team, count } => {
            format!("Team {team} needs two or three mediators ({count} chosen).")
        }
        EmptyCallSign => "Give the team a call sign (e.g. E1).".into(),
        TeamExists { team } => format!("Team {team} already exists tonight."),
        UnknownTeam { team } => format!("Unknown team \"{team}\"."),
        TeamBusy { team, request } => {
            format!("Team {team} is already assigned to request {request}.")
        }
        TeamOffDuty { team } => format!("Team {team} is off duty."),
        TeamNotAssigned { team } => format!("Team {team} has no assignment."),
        TeamNotOnSite { team } => {
            format!("Team {team} is not on site: record its arrival first.")
        }
        TeamNotEnRoute { team } => format!("Team {team} is not en route."),
        StatusNotSettable { status } => format!(
            "Status \"{}\" follows from dispatch: use dispatch or arrival.",
            vocab::team_status(*status, l)
        ),
        UnknownSite { id } => format!("Unknown site \"{id}\". Search it by name or address."),
        UnknownDistrict { id } => format!("Unknown district \"{id}\"."),
        UnknownPartner { id } => format!("Unknown partner \"{id}\". Pick one from the directory."),
        UnknownRequest => "Request not found.".into(),
        RequestClosed { request } => format!("Request {request} is already closed."),
        RequestHasTeam { request, team } => {
            format!("Team {team} is already on request {request}: recall it first.")
        }
        InvalidPhone { input } => format!(
            "Invalid callback number \"{input}\": ten digits expected, e.g. 06 39 98 12 34."
        ),
        NameTooLong { max } => format!("Name too long: {max} characters at most."),
        TextTooLong { max } => format!("Text too long: {max} characters at most."),
        EmptyText => "The text is empty.".into(),
        NothingToCorrect => "Nothing to correct: the values are the same.".into(),
        RelayMissing => "A relay must be chosen from the directory.".into(),
        UnknownCase { case } => format!("Case {case} not found."),
        CaseClosed { case } => format!("Case {case} is closed."),
        CaseAlreadyInState { case, state } => format!(
            "Case {case} is already \"{}\".",
            vocab::case_state(*state, l)
        ),
        AlreadyLinked { request, case } => {
            format!("Request {request} is already linked to case {case}.")
        }
        ObservationWithoutPlace => "Give the observation a site or a district.".into(),
        Watch(w) => super::watch::refusal(w, Lang::En),
        TeamStillOut { team, request } => format!(
            "Team {team} is still out on request {request}: clear the intervention or recall the team before closing the night."
        ),
        UnknownPersonal { id } => format!("Personal record {id} not found."),
        UndecidedRequests { .. }
        | AlreadyCarriedOver { .. }
        | NoHandover
        | HandoverAcknowledged { .. }
        | UnknownInstruction { .. }
        | NeedsLastDay
        | DateInPast { .. } => super::handover::refusal(r, l).unwrap_or_default(),
        AlreadyInStatus { .. }
        | TeamNotOut { .. }
        | CheckInStepRecorded { .. }
        | TeamHeardSince { .. }
        | MalformedCode => super::safety::refusal(r, l).unwrap_or_default(),
        UnknownEntrance { .. }
        | NothingToReinforce { .. }
        | ReferralMissing
        | NoCallbackDue { .. }
        | CallbackInPast => super::phone::refusal(r, l).unwrap_or_default(),
    }
}
