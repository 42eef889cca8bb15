//! What passes from one shift to the next: the outgoing coordinator's note, the requests
//! carried over, the acknowledgment of the incoming coordinator, and the standing and
//! temporary instructions (consignes) and watch points that outlive a night.

use super::calendar::ServiceNight;
use super::ids::{InstructionId, RequestId};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// The handover note, in three parts. Professional text: no resident's name or number
/// belongs here (it goes into the reports), the form says so.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HandoverNote {
    /// How the night went.
    pub situation: String,
    /// What is under way and must be followed.
    pub actions: String,
    /// What the next shift needs (a callback awaited, a key to fetch, a partner to call).
    pub needs: String,
    pub written_at: DateTime<Utc>,
    #[serde(default)]
    pub by: Option<String>,
}

/// Who took the handover, and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Acknowledgment {
    pub at: DateTime<Utc>,
    pub coordinator: String,
}

/// The last closed night's handover, until the next coordinator has acknowledged it (and
/// kept after, so the console can show who took it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PendingHandover {
    pub night: ServiceNight,
    pub closed_at: DateTime<Utc>,
    #[serde(default)]
    pub note: Option<HandoverNote>,
    #[serde(default)]
    pub carried_over: Vec<RequestId>,
    #[serde(default)]
    pub acknowledged: Option<Acknowledgment>,
}

/// Where an instruction applies.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(tag = "scope", content = "id", rename_all = "snake_case")]
pub enum Scope {
    Territory,
    District(String),
    Site(String),
}

/// An instruction (consigne) or a watch point (point de vigilance).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Instruction {
    pub id: InstructionId,
    pub kind: super::vocab::InstructionKind,
    pub scope: Scope,
    pub text: String,
    pub created_at: DateTime<Utc>,
    /// Last day it applies (Europe/Paris date); `None`: until ended.
    #[serde(default)]
    pub until: Option<NaiveDate>,
    #[serde(default)]
    pub ended_at: Option<DateTime<Utc>>,
}

impl Instruction {
    /// Applies on that (local) date: not ended, and not past its last day.
    pub fn active_on(&self, date: NaiveDate) -> bool {
        self.ended_at.is_none() && self.until.is_none_or(|u| date <= u)
    }
}
