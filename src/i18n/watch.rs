//! Words of the watch, the relays' follow-up and the night's plan: their vocabularies and
//! their refusals, French and English.

use super::Lang;
use crate::domain::plan::{PlanKind, PlanOrigin, PlanPlace, Window};
use crate::domain::reference::Territory;
use crate::domain::watch::{Channel, RelayStep, WatchRefusal, WatchStatus};

pub fn status(s: WatchStatus, l: Lang) -> &'static str {
    match s {
        WatchStatus::ToTransmit => l.pick("à transmettre", "to transmit"),
        WatchStatus::Transmitted => l.pick("transmise", "transmitted"),
        WatchStatus::Acknowledged => l.pick("prise en compte", "acknowledged"),
        WatchStatus::Resolved => l.pick("résolue", "resolved"),
        WatchStatus::NoFollowUp => l.pick("sans suite", "no follow-up"),
    }
}

pub fn channel(c: Channel, l: Lang) -> &'static str {
    match c {
        Channel::NightReport => l.pick("rapport de nuit", "night report"),
        Channel::Export => l.pick("export", "export"),
        Channel::Direct => l.pick("envoi direct", "sent directly"),
    }
}

pub fn relay_step(s: RelayStep, l: Lang) -> &'static str {
    match s {
        RelayStep::Called => l.pick("appelé", "called"),
        RelayStep::Answered => l.pick("a répondu", "answered"),
        RelayStep::Arrived => l.pick("arrivé", "arrived"),
        RelayStep::NoAnswer => l.pick("pas de réponse", "no answer"),
    }
}

pub fn plan_kind(k: PlanKind, l: Lang) -> &'static str {
    match k {
        PlanKind::TargetedPoint => l.pick("point ciblé", "targeted point"),
        PlanKind::EarlyVisit => l.pick("visite de 19 h 30", "19:30 visit"),
    }
}

pub fn origin(o: &PlanOrigin, t: &Territory, l: Lang) -> String {
    match o {
        PlanOrigin::Standing => l.pick("plan permanent", "standing plan").into(),
        PlanOrigin::Coordinator => l.pick("coordination", "coordinator").into(),
        PlanOrigin::Order(id) => {
            let name = t.landlord(id).map_or(id.as_str(), |c| c.name.as_str());
            format!("{} {name}", l.pick("demande de", "ordered by"))
        }
    }
}

/// "21:30–22:30".
pub fn window(w: &Window) -> String {
    format!("{}–{}", w.from.format("%H:%M"), w.to.format("%H:%M"))
}

/// The short name of a plan place: the site's name, or the district's.
pub fn place(p: &PlanPlace, t: &Territory) -> String {
    match p {
        PlanPlace::Site(s) => t.site(s).map_or(s.clone(), |s| s.name.clone()),
        PlanPlace::District(d) => t.district(d).map_or(d.clone(), |d| d.name.clone()),
    }
}

/// The commissioner's name (a landlord, or the city).
pub fn commissioner(id: &str, t: &Territory) -> String {
    t.landlord(id).map_or(id.to_string(), |c| c.name.clone())
}

pub fn refusal(r: &WatchRefusal, l: Lang) -> String {
    use WatchRefusal::*;
    match (r, l) {
        (UnknownObservation { id }, Lang::Fr) => format!("Observation {id} introuvable."),
        (UnknownObservation { id }, Lang::En) => format!("Observation {id} not found."),
        (ObservationSettled { id }, Lang::Fr) => {
            format!("L'observation {id} est déjà résolue ou classée sans suite.")
        }
        (ObservationSettled { id }, Lang::En) => {
            format!("Observation {id} is already resolved or closed without follow-up.")
        }
        (NotTransmitted { id }, Lang::Fr) => {
            format!("L'observation {id} n'a pas encore été transmise : transmettez-la d'abord (t).")
        }
        (NotTransmitted { id }, Lang::En) => {
            format!("Observation {id} was not transmitted yet: transmit it first (t).")
        }
        (AlreadyAcknowledged { id }, Lang::Fr) => {
            format!("La réponse à l'observation {id} est déjà enregistrée.")
        }
        (AlreadyAcknowledged { id }, Lang::En) => {
            format!("The answer to observation {id} is already recorded.")
        }
        (NothingToTransmit, Lang::Fr) => "Aucune observation à transmettre.".into(),
        (NothingToTransmit, Lang::En) => "No observation to transmit.".into(),
        (UnknownEntrance { site, entrance }, Lang::Fr) => {
            format!("« {entrance} » n'est pas une entrée du lieu {site}.")
        }
        (UnknownEntrance { site, entrance }, Lang::En) => {
            format!("“{entrance}” is not an entrance of {site}.")
        }
        (AddressWithoutDistrict, Lang::Fr) => "Une adresse libre a besoin de son quartier.".into(),
        (AddressWithoutDistrict, Lang::En) => "A free address needs its district.".into(),
        (RelayNotEngaged { request, partner }, Lang::Fr) => format!(
            "{partner} n'a pas été mobilisé sur la sollicitation {request} : notez d'abord l'appel."
        ),
        (RelayNotEngaged { request, partner }, Lang::En) => {
            format!("{partner} was not engaged on request {request}: record the call first.")
        }
        (RelayEngaged { request, partner }, Lang::Fr) => {
            format!("{partner} est déjà mobilisé sur la sollicitation {request}.")
        }
        (RelayEngaged { request, partner }, Lang::En) => {
            format!("{partner} is already engaged on request {request}.")
        }
        (RelayArrived { request, partner }, Lang::Fr) => {
            format!("{partner} est déjà arrivé sur la sollicitation {request}.")
        }
        (RelayArrived { request, partner }, Lang::En) => {
            format!("{partner} already arrived on request {request}.")
        }
        (UnknownPlanItem { id }, Lang::Fr) => {
            format!("Point {id} absent de la feuille de route de la nuit.")
        }
        (UnknownPlanItem { id }, Lang::En) => format!("Item {id} is not on tonight's plan."),
        (UnknownCommissioner { id }, Lang::Fr) => format!("Commanditaire inconnu : « {id} »."),
        (UnknownCommissioner { id }, Lang::En) => format!("Unknown commissioner: “{id}”."),
        (PlanAdopted, Lang::Fr) => {
            "Le plan permanent du jour est déjà sur la feuille de route.".into()
        }
        (PlanAdopted, Lang::En) => "Today's standing plan is already on the night's plan.".into(),
        (EmptyWindow, Lang::Fr) => "Le créneau finit avant de commencer.".into(),
        (EmptyWindow, Lang::En) => "The time window ends before it starts.".into(),
        (TeamNotAtPoint { team }, Lang::Fr) => format!(
            "L'équipe {team} n'est pas sur ce point : passez-la en présence active sur place (p)."
        ),
        (TeamNotAtPoint { team }, Lang::En) => {
            format!("Team {team} is not at this point: put it in active presence there (p).")
        }
    }
}

/// What a watch, relay or plan form needs fixed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeskFix {
    ObservationKind,
    /// A site, a district, or a free address with its district.
    ObservationPlace,
    PlanPlace,
    /// "HH:MM" both ends.
    Window,
    Relay,
    /// Who answered and what.
    Answer,
    /// The command line's watch and plan verbs.
    Usage,
}

pub fn fix(f: DeskFix, l: Lang) -> &'static str {
    match f {
        DeskFix::ObservationKind => l.pick(
            "Type d'observation : choisissez avec ←/→.",
            "Kind of observation: pick with ←/→.",
        ),
        DeskFix::ObservationPlace => l.pick(
            "Lieu : un site ou un quartier (↑/↓) ; une adresse hors liste avec son quartier (←/→).",
            "Place: a site or a district (↑/↓); an address not in the list with its district (←/→).",
        ),
        DeskFix::PlanPlace => l.pick(
            "Point : tapez une partie du nom d'un site ou d'un quartier, ↑/↓ pour choisir.",
            "Point: type part of a site's or a district's name, ↑/↓ to pick.",
        ),
        DeskFix::Window => l.pick(
            "Créneau : deux heures HH:MM (la fin peut passer minuit).",
            "Window: two times HH:MM (the end may be past midnight).",
        ),
        DeskFix::Relay => l.pick(
            "Relais : choisissez dans la liste (↑/↓), tapez pour filtrer.",
            "Relay: pick from the list (↑/↓), type to filter.",
        ),
        DeskFix::Answer => l.pick(
            "Réponse : qui a répondu et quoi, en quelques mots.",
            "Answer: who answered and what, in a few words.",
        ),
        DeskFix::Usage => l.pick(
            "Veille et plan : obs TYPE LIEU [note] · transmettre N · reponse N TEXTE · resolue N · sanssuite N · relais N PARTENAIRE appele|repondu|arrive|sansreponse · point LIEU HH:MM HH:MM · passage N EQUIPE",
            "Watch and plan: obs KIND PLACE [note] · transmit N · answer N TEXT · resolved N · nofollowup N · relay N PARTNER called|answered|arrived|noanswer · point PLACE HH:MM HH:MM · pass N TEAM",
        ),
    }
}

/// The command line's watch, relay and plan verbs, in short (the help lists them).
pub fn verbs(l: Lang) -> &'static str {
    l.pick(
        "Veille, relais, plan : obs · transmettre · reponse · resolue · classer · relais · point · passage",
        "Watch, relays, plan: obs · transmit · answer · resolved · file · relay · point · pass",
    )
}
