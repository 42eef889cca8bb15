//! What a verb of the `:` line comes to (`verbs` applies it): types apart from the
//! handlers, so that the table and the verbs' functions do not import each other.

use super::question::Confirm;
use super::{Action, Effect, Mode};
use crate::domain::Command;
use crate::i18n::notice::Notice;

/// What a verb comes to.
#[derive(Debug, Clone)]
pub enum Said {
    Commit(Vec<Command>),
    /// What the key does to this team.
    Team(String, Action),
    Ask(Confirm),
    Open(Mode),
    /// Something to say instead (a guard rail).
    Say(Notice),
    Effects(Vec<Effect>),
    /// The verbs' list.
    Help,
    Pilot,
    Worst,
}
