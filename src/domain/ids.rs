//! Identifiers allocated by the rules (monotonic counters in the state).

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! id {
    ($(#[$m:meta])* $name:ident) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub u64);
        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}", self.0)
            }
        }
    };
}

id!(
    /// A request, numbered across the whole history (the UI also shows its number in the night).
    RequestId
);
id!(
    /// One team's visit for a request.
    InterventionId
);
id!(
    /// A situation spanning nights.
    CaseId
);
id!(
    /// An instruction (consigne) or a watch point.
    InstructionId
);
id!(
    /// A personal record, kept outside the journal so it can be erased.
    PersonalId
);
id!(
    /// An observation of the social and territorial watch, followed until it is settled.
    ObservationId
);
id!(
    /// An item of a night's plan (a targeted point or an early visit).
    PlanItemId
);
