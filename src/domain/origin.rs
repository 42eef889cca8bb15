//! Where a command came from, as its envelopes record it.

use serde::{Deserialize, Serialize};

/// Who sent a command: a desk (console) by its name, or a team's phone by its call sign,
/// and the sender's own id for it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Origin {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub desk: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub team: Option<String>,
    /// A client-made id (at most `Origin::MAX_ID` characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
}

impl Origin {
    pub const MAX_ID: usize = 64;
}
