//! The shapes of the TOML files and their parsing. The shapes mirror the domain types but
//! refuse unknown fields, so a misspelt optional field (`entrance`, `is_cty`) is reported
//! instead of silently ignored. Parse errors carry file, line and field path.

use serde::Deserialize;
use serde::de::DeserializeOwned;

use super::error::TerritoryError;
use super::source::Source;
use crate::domain::reference::{
    Commissioner, Coordinator, FundedActivity, GeoPoint, Landlord, Landmark, Mediator, Partner,
    PartnerKind, Sector, Site,
};

/// `territory.toml`: the territory's identity and its districts (outlines come from GeoJSON).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct TerritoryFile {
    pub id: String,
    pub name: String,
    pub districts: Vec<DistrictEntry>,
    /// Where the teams leave from (drawn on the map).
    #[serde(default)]
    pub base: Option<crate::domain::reference::Base>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct DistrictEntry {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub landmarks: Vec<LandmarkEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct LandmarkEntry {
    name: String,
    #[serde(default)]
    at: Option<GeoPoint>,
}

impl From<LandmarkEntry> for Landmark {
    fn from(e: LandmarkEntry) -> Landmark {
        Landmark {
            name: e.name,
            at: e.at,
        }
    }
}

/// `sectors.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SectorsFile {
    pub sectors: Vec<SectorEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SectorEntry {
    id: String,
    name: String,
    district: String,
}

impl From<SectorEntry> for Sector {
    fn from(e: SectorEntry) -> Sector {
        Sector {
            id: e.id,
            name: e.name,
            district: e.district,
        }
    }
}

/// `landlords.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct LandlordsFile {
    pub landlords: Vec<LandlordEntry>,
    #[serde(default)]
    pub commissioners: Vec<CommissionerEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CommissionerEntry {
    id: String,
    name: String,
    activity: FundedActivity,
}

impl From<CommissionerEntry> for Commissioner {
    fn from(e: CommissionerEntry) -> Commissioner {
        Commissioner {
            id: e.id,
            name: e.name,
            activity: e.activity,
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct LandlordEntry {
    id: String,
    name: String,
    #[serde(default)]
    is_city: bool,
}

impl From<LandlordEntry> for Landlord {
    fn from(e: LandlordEntry) -> Landlord {
        Landlord {
            id: e.id,
            name: e.name,
            is_city: e.is_city,
        }
    }
}

/// `sites.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SitesFile {
    pub sites: Vec<SiteEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SiteEntry {
    id: String,
    name: String,
    address: String,
    #[serde(default)]
    entrances: Vec<String>,
    district: String,
    sector: String,
    landlord: String,
    at: GeoPoint,
}

impl From<SiteEntry> for Site {
    fn from(e: SiteEntry) -> Site {
        Site {
            id: e.id,
            name: e.name,
            address: e.address,
            entrances: e.entrances,
            district: e.district,
            sector: e.sector,
            landlord: e.landlord,
            at: e.at,
        }
    }
}

/// `partners.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PartnersFile {
    pub partners: Vec<PartnerEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PartnerEntry {
    id: String,
    name: String,
    kind: PartnerKind,
    phone: String,
    #[serde(default)]
    landlord: Option<String>,
    #[serde(default)]
    hours: Option<String>,
}

impl From<PartnerEntry> for Partner {
    fn from(e: PartnerEntry) -> Partner {
        Partner {
            id: e.id,
            name: e.name,
            kind: e.kind,
            phone: e.phone,
            landlord: e.landlord,
            hours: e.hours,
        }
    }
}

/// `people.toml`: coordinators and mediators.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PeopleFile {
    pub coordinators: Vec<PersonEntry>,
    pub mediators: Vec<PersonEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PersonEntry {
    id: String,
    name: String,
}

impl From<PersonEntry> for Coordinator {
    fn from(e: PersonEntry) -> Coordinator {
        Coordinator {
            id: e.id,
            name: e.name,
        }
    }
}

impl From<PersonEntry> for Mediator {
    fn from(e: PersonEntry) -> Mediator {
        Mediator {
            id: e.id,
            name: e.name,
        }
    }
}

/// Parses a TOML file into `T`, reporting file, line and field path on failure.
pub(crate) fn parse_toml<T: DeserializeOwned>(src: &Source) -> Result<T, TerritoryError> {
    let de = toml::Deserializer::parse(&src.text).map_err(|e| syntax(src, None, &e))?;
    serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        syntax(src, Some(path), e.inner())
    })
}

fn syntax(src: &Source, path: Option<String>, e: &toml::de::Error) -> TerritoryError {
    let (line, column) = match e.span() {
        Some(span) => {
            let (l, c) = src.line_col(span.start);
            (Some(l), Some(c))
        }
        None => (None, None),
    };
    let message = e.message().trim().to_string();
    TerritoryError::Syntax {
        file: src.file.clone(),
        line,
        column,
        field: field_path(path, &message),
        message,
    }
}

/// The path of the offending field. serde reports a missing field at its parent
/// (`sites[3]`), so the field's name is taken from the message and appended.
pub(crate) fn field_path(path: Option<String>, message: &str) -> Option<String> {
    let path = path.filter(|p| !p.is_empty() && p != ".");
    let missing = message
        .strip_prefix("missing field `")
        .and_then(|rest| rest.split('`').next());
    match (path, missing) {
        (Some(p), Some(f)) => Some(format!("{p}.{f}")),
        (None, Some(f)) => Some(f.to_string()),
        (p, None) => p,
    }
}
