//! Actions beyond calls: the service's partnership work and its actions with residents
//! (partner meetings, those on psychological fragility included; information and awareness
//! actions; support to residents' initiatives and territory projects). Recorded by date,
//! place and partners with a short objective note (a personal record: free text may speak
//! of people), and counted in the period reports.

use super::calendar::ServiceNight;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What kind of action (journal spelling in snake_case: a rename is a format change).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActionKind {
    /// An instance partenariale (GUP, cellule de veille, CLSPD…).
    PartnerMeeting,
    /// A partner meeting on psychological fragility: counted, never detailed below a district.
    FragilityMeeting,
    /// Information or awareness action for residents.
    InformationAction,
    /// Support to a residents' initiative.
    ResidentsInitiative,
    /// A territory project the service takes part in.
    TerritoryProject,
}

impl ActionKind {
    pub const ALL: &'static [ActionKind] = &[
        ActionKind::PartnerMeeting,
        ActionKind::FragilityMeeting,
        ActionKind::InformationAction,
        ActionKind::ResidentsInitiative,
        ActionKind::TerritoryProject,
    ];

    /// Touches health: counted only, at district level or above.
    pub fn is_health(self) -> bool {
        self == ActionKind::FragilityMeeting
    }
}

/// Where the action took place: the whole territory, a district, or a site.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "at", content = "id", rename_all = "snake_case")]
pub enum ActionPlace {
    Territory,
    District(String),
    Site(String),
}

/// An action as typed (`vigie action add`, the console's form).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewAction {
    /// The day it took place (Europe/Paris date).
    pub date: NaiveDate,
    pub kind: ActionKind,
    pub place: ActionPlace,
    /// Partner directory ids.
    pub partners: Vec<String>,
    pub note: Option<String>,
}

/// The night an action counts in: the one named by its date.
pub fn action_night(date: NaiveDate) -> ServiceNight {
    ServiceNight(date)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::event::Event;
    use crate::domain::ids::PersonalId;
    use crate::domain::personal::PersonalKind;
    use crate::domain::refusal::Refusal;
    use crate::domain::{Command, State, decide, execute};
    use chrono::{DateTime, Utc};

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s)
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or_default()
    }

    fn meeting(place: ActionPlace, partners: &[&str]) -> Command {
        Command::RecordAction(NewAction {
            date: NaiveDate::from_ymd_opt(2026, 11, 12).unwrap_or_default(),
            kind: ActionKind::PartnerMeeting,
            place,
            partners: partners.iter().map(|p| p.to_string()).collect(),
            note: Some("  Point GUP sur les halls  ".into()),
        })
    }

    #[test]
    fn an_action_is_recorded_by_day_without_a_night_and_keeps_its_note_apart() {
        let t = crate::territory::rennes().unwrap_or_default();
        let mut s = State::default();
        let cmd = meeting(ActionPlace::District("maurepas".into()), &["ccas-rennes"]);
        let Ok((envs, personal)) = execute(&mut s, &t, &cmd, at("2026-11-12T10:00:00+01:00"))
        else {
            panic!("refused")
        };
        assert_eq!(envs.len(), 1);
        assert!(matches!(
            &envs[0].event,
            Event::ActionRecorded {
                note: Some(PersonalId(0)),
                action_kind: ActionKind::PartnerMeeting,
                ..
            }
        ));
        assert_eq!(personal[0].kind, PersonalKind::ActionNote);
        assert_eq!(personal[0].text.as_deref(), Some("Point GUP sur les halls"));
        assert_eq!(s.counters.personal, 1);
    }

    #[test]
    fn an_unknown_place_or_partner_is_refused() {
        let t = crate::territory::rennes().unwrap_or_default();
        let s = State::default();
        let when = at("2026-11-12T10:00:00+01:00");
        let bad_site = meeting(ActionPlace::Site("nulle-part".into()), &[]);
        assert!(matches!(
            decide(&s, &t, &bad_site, when),
            Err(Refusal::UnknownSite { .. })
        ));
        let bad_district = meeting(ActionPlace::District("atlantide".into()), &[]);
        assert!(matches!(
            decide(&s, &t, &bad_district, when),
            Err(Refusal::UnknownDistrict { .. })
        ));
        let bad_partner = meeting(ActionPlace::Territory, &["inconnu"]);
        assert!(matches!(
            decide(&s, &t, &bad_partner, when),
            Err(Refusal::UnknownPartner { .. })
        ));
    }
}
