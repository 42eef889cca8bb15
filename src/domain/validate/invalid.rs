//! Why an event or a record from outside is refused, worded by `i18n::import`.

use crate::domain::calendar::ServiceNight;
use chrono::{DateTime, Utc};

/// Why an event or a record from outside is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Invalid {
    /// A reference to the territory that it does not have (`what`: site, district, …).
    UnknownReference { what: &'static str, id: String },
    /// A reference to a request, intervention, case, instruction or team that no earlier
    /// event made.
    UnknownEarlier { what: &'static str, id: String },
    /// An id allocated twice.
    Duplicate { what: &'static str, id: String },
    /// The instant goes back before the previous event's.
    TimeBack {
        at: DateTime<Utc>,
        previous: DateTime<Utc>,
    },
    /// The envelope's night or hours are not those of its instant.
    Placement { night: ServiceNight },
    /// A night opened while one is open, or not after the last one.
    NightOrder {
        night: ServiceNight,
        last: ServiceNight,
    },
    /// A night event while no night is open.
    NoNightOpen,
    /// A night closed (or an event placed) in another night than the open one.
    OtherNight {
        night: ServiceNight,
        open: ServiceNight,
    },
    /// A text longer than the commands allow.
    TooLong { field: &'static str, max: usize },
    /// A step that does not follow the earlier ones (an observation acknowledged before it
    /// went out or after it was settled, a passage at a dropped point, an empty window).
    OutOfStep { what: &'static str, id: String },
    /// An event that cannot follow from the earlier ones (`what`: its kind).
    OutOfOrder { what: &'static str, id: String },
}
