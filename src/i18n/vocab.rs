//! Words for the closed vocabularies, in French and English.

use super::Lang;
use crate::domain::vocab::*;

macro_rules! labels {
    ($fn_name:ident, $ty:ty, { $($variant:ident => ($fr:expr, $en:expr)),+ $(,)? }) => {
        pub fn $fn_name(v: $ty, lang: Lang) -> &'static str {
            match v { $(<$ty>::$variant => lang.pick($fr, $en)),+ }
        }
    };
}

labels!(priority, Priority, {
    P1 => ("P1 urgent", "P1 urgent"),
    P2 => ("P2 prioritaire", "P2 high"),
    P3 => ("P3 normal", "P3 normal"),
    P4 => ("P4 différable", "P4 deferrable"),
});

labels!(source, Source, {
    Resident => ("habitant", "resident"),
    Landlord => ("bailleur", "landlord"),
    Partner => ("partenaire", "partner"),
    Police => ("police", "police"),
    City => ("ville", "city"),
    TeamInitiative => ("auto-saisine", "team initiative"),
    Other => ("autre", "other"),
});

labels!(category, Category, {
    NeighbourConflict => ("conflit de voisinage", "neighbour conflict"),
    Noise => ("nuisances sonores", "noise"),
    HallOccupation => ("occupation de hall", "hall occupation"),
    Incivility => ("incivilités", "incivility"),
    Damage => ("dégradation", "damage"),
    PublicSpace => ("tranquillité de l'espace public", "public space"),
    VulnerablePerson => ("personne vulnérable", "vulnerable person"),
    PsychologicalFragility => ("fragilité psychologique", "psychological fragility"),
    FamilyTension => ("tension familiale", "family tension"),
    TechnicalIssue => ("problème technique", "technical issue"),
    Information => ("information, orientation", "information"),
    Other => ("autre", "other"),
});

labels!(team_status, TeamStatus, {
    Available => ("disponible", "available"),
    EnRoute => ("en route", "en route"),
    OnSite => ("sur place", "on site"),
    ActivePresence => ("présence active", "active presence"),
    Break => ("pause", "break"),
    ReturnToBase => ("retour base", "returning to base"),
    OffDuty => ("hors service", "off duty"),
});

labels!(level, ResponseLevel, {
    Presence => ("présence, prévention", "presence, prevention"),
    Mediation => ("dialogue, médiation", "dialogue, mediation"),
    FirmReminder => ("rappel ferme des règles", "firm reminder of the rules"),
    Referral => ("orientation", "referral"),
    Relay => ("relais mobilisé", "relay mobilised"),
});

labels!(outcome, Outcome, {
    Calmed => ("apaisé sur place", "calmed on site"),
    MediationToContinue => ("médiation à poursuivre", "mediation to continue"),
    Relayed => ("relayé", "relayed"),
    ReportedToLandlord => ("signalé au bailleur", "reported to the landlord"),
    NobodyThere => ("personne absente", "nobody there"),
    Unfounded => ("sans fondement", "unfounded"),
    Referred => ("orienté", "referred"),
});

labels!(dismiss_reason, DismissReason, {
    Duplicate => ("doublon", "duplicate"),
    Unfounded => ("sans fondement", "unfounded"),
    Unreachable => ("injoignable", "unreachable"),
});

labels!(request_status, RequestStatus, {
    Received => ("reçue", "received"),
    EnRoute => ("en route", "en route"),
    OnSite => ("sur place", "on site"),
    Cleared => ("clôturée", "cleared"),
    Relayed => ("relayée", "relayed"),
    Dismissed => ("sans suite", "no follow-up"),
    Cancelled => ("annulée", "cancelled"),
    Settled => ("réglée par téléphone", "settled by phone"),
});

labels!(case_state, CaseState, {
    Open => ("ouverte", "open"),
    Watch => ("sous veille", "under watch"),
    Closed => ("clôturée", "closed"),
});

labels!(observation, ObservationKind, {
    Lighting => ("éclairage", "lighting"),
    Lift => ("ascenseur", "lift"),
    Door => ("porte, accès", "door, access"),
    Damage => ("dégradation", "damage"),
    Cleanliness => ("propreté", "cleanliness"),
    Bulky => ("encombrants", "bulky waste"),
    FireSafety => ("sécurité incendie", "fire safety"),
    Gathering => ("regroupement", "gathering"),
    IsolatedPerson => ("personne isolée", "isolated person"),
    HallOccupation => ("occupation de hall", "hall occupation"),
    Squat => ("squat", "squat"),
    Other => ("autre", "other"),
});

labels!(erasure, ErasureReason, {
    Retention => ("durée de conservation", "retention period"),
    ResidentRequest => ("demande de la personne", "the person's request"),
});
