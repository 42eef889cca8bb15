//! The closed vocabularies of the service (DESIGN.md glossary). Serialised in snake_case,
//! which is the journal's stable spelling: renaming a variant is a format change.

use serde::{Deserialize, Serialize};

macro_rules! vocab {
    ($(#[$m:meta])* $name:ident { $($variant:ident),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }
        impl $name {
            /// Every value, in display order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
        }
    };
}

vocab!(
    /// P1 urgent (danger, vulnerable person) … P4 deferrable.
    Priority { P1, P2, P3, P4 }
);

vocab!(
    /// Who brought the request in; `TeamInitiative` is the team's own "auto-saisine".
    Source { Resident, Landlord, Partner, Police, City, TeamInitiative, Other }
);

vocab!(
    /// What the request is about.
    Category {
        NeighbourConflict,
        Noise,
        HallOccupation,
        Incivility,
        Damage,
        PublicSpace,
        VulnerablePerson,
        PsychologicalFragility,
        FamilyTension,
        TechnicalIssue,
        Information,
        Other,
    }
);

impl Category {
    /// Health data: reports show it only as a count.
    pub fn is_health(self) -> bool {
        matches!(self, Category::PsychologicalFragility)
    }
}

vocab!(
    /// A team's status; a team's status is a history of timestamped changes.
    TeamStatus { Available, EnRoute, OnSite, ActivePresence, Break, ReturnToBase, OffDuty }
);

impl TeamStatus {
    /// Statuses a coordinator sets directly; en route and on site follow from dispatch.
    pub fn is_settable(self) -> bool {
        !matches!(self, TeamStatus::EnRoute | TeamStatus::OnSite)
    }
}

vocab!(
    /// The graduated response, from presence to mobilising a relay.
    ResponseLevel { Presence, Mediation, FirmReminder, Referral, Relay }
);

vocab!(
    /// How an intervention ended.
    Outcome { Calmed, MediationToContinue, Relayed, ReportedToLandlord, NobodyThere, Unfounded, Referred }
);

vocab!(
    /// Why a request was closed without a visit ("sans suite").
    DismissReason { Duplicate, Unfounded, Unreachable }
);

vocab!(
    /// A request's lifecycle (assigning a team sets it en route at once).
    RequestStatus { Received, EnRoute, OnSite, Cleared, Relayed, Dismissed, Cancelled, Settled }
);

impl RequestStatus {
    pub fn is_terminal(self) -> bool {
        matches!(
            self,
            RequestStatus::Cleared
                | RequestStatus::Relayed
                | RequestStatus::Dismissed
                | RequestStatus::Cancelled
                | RequestStatus::Settled
        )
    }
}

vocab!(
    /// How a call was settled on the phone, without a team: information given, or the
    /// resident oriented to a partner (a relay without a visit is `RequestRelayed`).
    PhoneOutcome { Information, Oriented }
);

vocab!(
    /// What a callback to a resident came to; `NoAnswer` leaves it to do.
    CallbackOutcome { Reached, MessageLeft, NoAnswer }
);

vocab!(
    /// A lasting situation's state.
    CaseState { Open, Watch, Closed }
);

vocab!(
    /// What a team observed, for the social and territorial watch.
    ObservationKind {
        Lighting,
        Lift,
        Door,
        Damage,
        Cleanliness,
        Bulky,
        FireSafety,
        Gathering,
        IsolatedPerson,
        HallOccupation,
        Squat,
        Other,
    }
);

impl ObservationKind {
    /// Technical observations go to the landlord; the others are social.
    pub fn is_technical(self) -> bool {
        matches!(
            self,
            ObservationKind::Lighting
                | ObservationKind::Lift
                | ObservationKind::Door
                | ObservationKind::Damage
                | ObservationKind::Cleanliness
                | ObservationKind::Bulky
                | ObservationKind::FireSafety
        )
    }
}

vocab!(
    /// Why a personal record was erased.
    ErasureReason { Retention, ResidentRequest }
);

/// Where a team is: at a site, somewhere in a district, or at base.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "at", content = "id", rename_all = "snake_case")]
pub enum Position {
    Base,
    Site(String),
    District(String),
}

vocab!(
    /// Standing instruction, temporary one (with a last day), or a watch point.
    InstructionKind { Standing, Temporary, WatchPoint }
);

/// Where an intervention stands at the end of what the journal says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InterventionState {
    Cleared,
    Recalled,
    UnderWay,
}

/// The journal spelling of a vocabulary value ("reported_to_landlord").
pub fn vocab_key<T: Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}
