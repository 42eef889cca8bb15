//! The social and territorial watch and the relays' follow-up. An observation is routed to
//! its commissioner (the site's landlord, else the city) and followed: à transmettre →
//! transmise (it went out in a report or an export) → prise en compte (the commissioner's
//! answer) → résolue or sans suite. A relay engaged on a request is followed too: called,
//! answered, arrived, no answer, each with its time (the handover's « relais attendus »).

use super::calendar::ServiceNight;
use super::ids::{ObservationId, PersonalId, RequestId};
use super::reference::Territory;
use super::vocab::ObservationKind;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// Where an observation stands in its lifecycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WatchStatus {
    ToTransmit,
    Transmitted,
    Acknowledged,
    Resolved,
    NoFollowUp,
}

impl WatchStatus {
    pub const ALL: &'static [WatchStatus] = &[
        WatchStatus::ToTransmit,
        WatchStatus::Transmitted,
        WatchStatus::Acknowledged,
        WatchStatus::Resolved,
        WatchStatus::NoFollowUp,
    ];

    pub fn is_settled(self) -> bool {
        matches!(self, WatchStatus::Resolved | WatchStatus::NoFollowUp)
    }
}

/// How an observation was settled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WatchEnding {
    Resolved,
    NoFollowUp,
}

impl WatchEnding {
    /// The status an observation settled so has.
    pub fn status(self) -> WatchStatus {
        match self {
            WatchEnding::Resolved => WatchStatus::Resolved,
            WatchEnding::NoFollowUp => WatchStatus::NoFollowUp,
        }
    }
}

/// How an observation went out to its commissioner.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// In the night's report (written from the console or `vigie report`).
    NightReport,
    /// In a period report or an export for the commissioner.
    Export,
    /// Sent by the coordinator directly (mail, phone to the landlord's service).
    Direct,
}

/// A step in a relay's follow-up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RelayStep {
    /// Called (engaged) before the intervention was cleared.
    Called,
    Answered,
    Arrived,
    NoAnswer,
}

impl RelayStep {
    pub const ALL: &'static [RelayStep] = &[
        RelayStep::Called,
        RelayStep::Answered,
        RelayStep::Arrived,
        RelayStep::NoAnswer,
    ];
}

/// What the coordinator does with the watch and the relays.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum WatchCommand {
    /// These observations went out (those already transmitted are left as they are).
    Transmit {
        observations: Vec<ObservationId>,
        channel: Channel,
    },
    /// The commissioner's answer: who answered and what (personal data: a person's name).
    Acknowledge {
        observation: ObservationId,
        answer: Option<String>,
    },
    Settle {
        observation: ObservationId,
        ending: WatchEnding,
    },
    /// A relay engaged on a request: called, answered, arrived, or no answer.
    FollowRelay {
        request: RequestId,
        partner: String,
        step: RelayStep,
    },
}

/// An observation followed by the watch (in the state until settled, across nights).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Observation {
    pub id: ObservationId,
    pub night: ServiceNight,
    pub kind: ObservationKind,
    #[serde(default)]
    pub site: Option<String>,
    #[serde(default)]
    pub district: Option<String>,
    #[serde(default)]
    pub entrance: Option<String>,
    #[serde(default)]
    pub address: Option<String>,
    #[serde(default)]
    pub request: Option<RequestId>,
    #[serde(default)]
    pub team: Option<String>,
    #[serde(default)]
    pub note: Option<PersonalId>,
    /// The landlord (or the city) it is routed to.
    pub commissioner: String,
    pub recorded_at: DateTime<Utc>,
    #[serde(default)]
    pub transmitted_at: Option<DateTime<Utc>>,
    #[serde(default)]
    pub acknowledged_at: Option<DateTime<Utc>>,
    /// Who answered and what (a personal record).
    #[serde(default)]
    pub answer: Option<PersonalId>,
    #[serde(default)]
    pub settled: Option<(DateTime<Utc>, WatchEnding)>,
}

impl Observation {
    pub fn status(&self) -> WatchStatus {
        match (self.settled, self.acknowledged_at, self.transmitted_at) {
            (Some((_, ending)), _, _) => ending.status(),
            (None, Some(_), _) => WatchStatus::Acknowledged,
            (None, None, Some(_)) => WatchStatus::Transmitted,
            (None, None, None) => WatchStatus::ToTransmit,
        }
    }

    /// The district it is counted under (its site's, or the one given).
    pub fn district_in(&self, t: &Territory) -> Option<String> {
        self.site
            .as_deref()
            .and_then(|s| t.site(s))
            .map(|s| s.district.clone())
            .or_else(|| self.district.clone())
    }
}

/// Who receives an observation: the site's landlord, else the city.
pub fn route(t: &Territory, site: Option<&str>) -> String {
    site.and_then(|s| t.site(s))
        .map(|s| s.landlord.clone())
        .or_else(|| t.landlords.iter().find(|l| l.is_city).map(|l| l.id.clone()))
        .unwrap_or_default()
}

/// Why a watch, relay or plan command was refused (worded by `i18n::watch`).
#[derive(Debug, Clone, PartialEq, Eq, Error, serde::Serialize, serde::Deserialize)]
pub enum WatchRefusal {
    #[error("unknown observation {id}")]
    UnknownObservation { id: ObservationId },
    #[error("observation {id} is already settled")]
    ObservationSettled { id: ObservationId },
    #[error("observation {id} was not transmitted yet")]
    NotTransmitted { id: ObservationId },
    #[error("observation {id} was already acknowledged")]
    AlreadyAcknowledged { id: ObservationId },
    #[error("nothing to transmit")]
    NothingToTransmit,
    #[error("unknown entrance {entrance} at {site}")]
    UnknownEntrance { site: String, entrance: String },
    #[error("an address needs its district")]
    AddressWithoutDistrict,
    #[error("partner {partner} was not engaged on request {request}")]
    RelayNotEngaged { request: u32, partner: String },
    #[error("partner {partner} is already engaged on request {request}")]
    RelayEngaged { request: u32, partner: String },
    #[error("relay {partner} already arrived on request {request}")]
    RelayArrived { request: u32, partner: String },
    #[error("unknown plan item {id}")]
    UnknownPlanItem { id: super::ids::PlanItemId },
    #[error("unknown commissioner {id}")]
    UnknownCommissioner { id: String },
    #[error("tonight's standing plan is already on the plan")]
    PlanAdopted,
    #[error("the time window ends before it starts")]
    EmptyWindow,
    #[error("team {team} is not at the plan's place")]
    TeamNotAtPoint { team: String },
}
