//! A question before an irreversible key: what it asks about and the commands a yes
//! writes (asked and answered in `confirm`).

use crate::domain::Command;
use crate::domain::vocab::{Position, TeamStatus};

/// A team not back at base when the night is closed.
#[derive(Debug, Clone, PartialEq)]
pub struct Out {
    pub team: String,
    pub status: TeamStatus,
    pub position: Position,
    /// The request it is still on (the close will be refused until it is cleared).
    pub request: Option<u32>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Ask {
    CloseNight {
        /// Open requests neither carried over nor closed: the close waits for them.
        undecided: usize,
        teams: Vec<Out>,
        /// Requests still open: (number, carried over to the next night).
        open: Vec<(u32, bool)>,
        /// Teams whose silence is escalated.
        escalated: Vec<String>,
    },
    Recall {
        team: String,
        request: u32,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Confirm {
    pub ask: Ask,
    /// Written on yes.
    pub commands: Vec<Command>,
}

impl Confirm {
    /// Something the close will be refused for: requests to decide, a team on a request.
    pub fn blocked(&self) -> bool {
        match &self.ask {
            Ask::CloseNight {
                undecided, teams, ..
            } => *undecided > 0 || teams.iter().any(|t| t.request.is_some()),
            Ask::Recall { .. } => false,
        }
    }
}
