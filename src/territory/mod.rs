//! Territory reference data (districts and outlines, sectors, landlords, sites, partners,
//! people) loaded from a directory of TOML files plus a GeoJSON file of district outlines.
//!
//! Rennes is embedded in the binary (`rennes()`), so the program works from any directory;
//! another territory, or an edited copy, is read with `load_dir()` (`--territory DIR`).
//! Data is edited by people, not programs: every error says which file, line and field to fix.

// A `TerritoryError` carries plain strings (file, field, ids) so callers can match and print it
// simply; it is built at most once per load, so its size on the error path does not matter.
#![allow(clippy::result_large_err)]

mod error;
pub(crate) mod files;
mod geo;
mod geojson;
mod plan;
pub(crate) mod source;
mod validate;

#[cfg(test)]
mod tests;

use std::path::Path;

pub use error::{ItemKind, TerritoryError};
pub use geo::{centroid, contains};
pub use validate::is_slug;

use crate::domain::reference::{District, GeoPoint, Territory};
use files::{
    LandlordsFile, PartnersFile, PeopleFile, SectorsFile, SitesFile, TerritoryFile, parse_toml,
};
use source::Source;

/// The files of a territory directory, in the order they are read.
pub const FILES: [&str; 7] = [
    TERRITORY_FILE,
    DISTRICTS_FILE,
    SECTORS_FILE,
    LANDLORDS_FILE,
    SITES_FILE,
    PARTNERS_FILE,
    PEOPLE_FILE,
];

const TERRITORY_FILE: &str = "territory.toml";
const DISTRICTS_FILE: &str = "districts.geojson";
const SECTORS_FILE: &str = "sectors.toml";
const LANDLORDS_FILE: &str = "landlords.toml";
const SITES_FILE: &str = "sites.toml";
const PARTNERS_FILE: &str = "partners.toml";
const PEOPLE_FILE: &str = "people.toml";

/// Where the embedded files come from, as named in error messages.
const EMBEDDED_DIR: &str = "assets/rennes";

/// The texts of all the files of one territory.
#[derive(Debug, Clone)]
pub(crate) struct Sources {
    pub territory: Source,
    pub districts: Source,
    pub sectors: Source,
    pub landlords: Source,
    pub sites: Source,
    pub partners: Source,
    pub people: Source,
    /// The standing plan (`plan.toml`), optional.
    pub plan: Option<Source>,
}

impl Sources {
    /// The Rennes files compiled into the binary.
    fn embedded() -> Sources {
        let src = |name: &str, text: &str| Source::new(format!("{EMBEDDED_DIR}/{name}"), text);
        Sources {
            territory: src(
                TERRITORY_FILE,
                include_str!("../../assets/rennes/territory.toml"),
            ),
            districts: src(
                DISTRICTS_FILE,
                include_str!("../../assets/rennes/districts.geojson"),
            ),
            sectors: src(
                SECTORS_FILE,
                include_str!("../../assets/rennes/sectors.toml"),
            ),
            landlords: src(
                LANDLORDS_FILE,
                include_str!("../../assets/rennes/landlords.toml"),
            ),
            sites: src(SITES_FILE, include_str!("../../assets/rennes/sites.toml")),
            partners: src(
                PARTNERS_FILE,
                include_str!("../../assets/rennes/partners.toml"),
            ),
            people: src(PEOPLE_FILE, include_str!("../../assets/rennes/people.toml")),
            plan: Some(src(
                plan::PLAN_FILE,
                include_str!("../../assets/rennes/plan.toml"),
            )),
        }
    }

    /// Reads every file of `dir`; errors name the full path, which is what the user typed.
    fn read_dir(dir: &Path) -> Result<Sources, TerritoryError> {
        let read = |name: &str| {
            let path = dir.join(name);
            let file = path.display().to_string();
            match std::fs::read_to_string(&path) {
                Ok(text) => Ok(Source::new(file, text)),
                Err(e) => Err(TerritoryError::Unreadable {
                    file,
                    reason: e.to_string(),
                }),
            }
        };
        Ok(Sources {
            territory: read(TERRITORY_FILE)?,
            districts: read(DISTRICTS_FILE)?,
            sectors: read(SECTORS_FILE)?,
            landlords: read(LANDLORDS_FILE)?,
            sites: read(SITES_FILE)?,
            partners: read(PARTNERS_FILE)?,
            people: read(PEOPLE_FILE)?,
            plan: match dir.join(plan::PLAN_FILE).exists() {
                true => Some(read(plan::PLAN_FILE)?),
                false => None,
            },
        })
    }
}

/// The default territory, Rennes, from the files embedded at build time.
pub fn rennes() -> Result<Territory, TerritoryError> {
    load(&Sources::embedded())
}

/// A territory from a directory holding the same files as `assets/rennes/` (see [`FILES`]).
pub fn load_dir(dir: &Path) -> Result<Territory, TerritoryError> {
    load(&Sources::read_dir(dir)?)
}

/// Parses every file, then checks ids, attaches outlines and checks references, in that
/// order: a reference can only be judged once the ids it may point at are known to be sound.
pub(crate) fn load(s: &Sources) -> Result<Territory, TerritoryError> {
    let head: TerritoryFile = parse_toml(&s.territory)?;
    let outlines = geojson::parse(&s.districts)?;
    let sectors: SectorsFile = parse_toml(&s.sectors)?;
    let landlords: LandlordsFile = parse_toml(&s.landlords)?;
    let sites: SitesFile = parse_toml(&s.sites)?;
    let partners: PartnersFile = parse_toml(&s.partners)?;
    let people: PeopleFile = parse_toml(&s.people)?;

    let no_point = GeoPoint { lat: 0.0, lon: 0.0 };
    let mut territory = Territory {
        id: head.id,
        name: head.name,
        districts: head
            .districts
            .into_iter()
            .map(|d| District {
                id: d.id,
                name: d.name,
                outline: Vec::new(),
                centroid: no_point,
                landmarks: d.landmarks.into_iter().map(Into::into).collect(),
            })
            .collect(),
        sectors: sectors.sectors.into_iter().map(Into::into).collect(),
        landlords: landlords.landlords.into_iter().map(Into::into).collect(),
        commissioners: landlords
            .commissioners
            .into_iter()
            .map(Into::into)
            .collect(),
        sites: sites.sites.into_iter().map(Into::into).collect(),
        partners: partners.partners.into_iter().map(Into::into).collect(),
        coordinators: people.coordinators.into_iter().map(Into::into).collect(),
        mediators: people.mediators.into_iter().map(Into::into).collect(),
        plan: Vec::new(),
        base: head.base,
    };

    validate::check_ids(&territory, s)?;
    geojson::attach(&mut territory.districts, outlines, &s.districts)?;
    validate::check_links(&territory, s)?;
    if let Some(p) = &s.plan {
        territory.plan = plan::load(p, &territory)?;
    }
    Ok(territory)
}
