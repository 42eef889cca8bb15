//! What can go wrong with territory files. Every variant names the file, and where it can the
//! line, the field path and the item, so the person editing the data knows what to fix.
//! The wording shown to users lives in `crate::i18n::territory`; `Display` here is for logs.

use crate::domain::reference::GeoPoint;

/// The kind of item an error is about (turned into words by the i18n catalog).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemKind {
    District,
    /// A district outline, i.e. a GeoJSON feature.
    Outline,
    Sector,
    Landlord,
    Site,
    Partner,
    /// A coordinator or a mediator: they share one id space, as the journal records either.
    Person,
}

impl ItemKind {
    /// A stable English word, for logs and `Display`.
    pub fn as_str(self) -> &'static str {
        match self {
            ItemKind::District => "district",
            ItemKind::Outline => "outline",
            ItemKind::Sector => "sector",
            ItemKind::Landlord => "landlord",
            ItemKind::Site => "site",
            ItemKind::Partner => "partner",
            ItemKind::Person => "person",
        }
    }
}

/// An error in the territory data. Lines are 1-based; `None` when the parser gave no position.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum TerritoryError {
    /// The file could not be read (missing, permissions, not UTF-8…).
    #[error("{file}: cannot read: {reason}")]
    Unreadable { file: String, reason: String },

    /// The file is not valid TOML / JSON, or a value has the wrong shape or type.
    /// `field` is the path inside the file, e.g. `sites[3].district`.
    #[error("{file}{}{}: {message}", at_line(*line), in_field(field.as_deref()))]
    Syntax {
        file: String,
        line: Option<usize>,
        column: Option<usize>,
        field: Option<String>,
        message: String,
    },

    /// An id is not a short lowercase slug (`a-z`, `0-9`, `-`).
    #[error("{file}{}, field `{field}`: invalid {} id `{id}`", at_line(*line), kind.as_str())]
    InvalidId {
        file: String,
        line: Option<usize>,
        field: String,
        kind: ItemKind,
        id: String,
    },

    /// Two items of the same kind share an id; `line` points at the second one.
    #[error("{file}{}: duplicate {} id `{id}`", at_line(*line), kind.as_str())]
    DuplicateId {
        file: String,
        line: Option<usize>,
        kind: ItemKind,
        id: String,
    },

    /// An item names another item that does not exist.
    #[error(
        "{file}{}, field `{field}`: {} `{id}` names {} `{target_id}`, which does not exist",
        at_line(*line), kind.as_str(), target.as_str()
    )]
    UnknownReference {
        file: String,
        line: Option<usize>,
        field: String,
        kind: ItemKind,
        id: String,
        target: ItemKind,
        target_id: String,
    },

    /// A site's sector belongs to another district than the site.
    #[error(
        "{file}{}, field `{field}`: site `{site}` is in district `{district}` but its sector \
         `{sector}` belongs to district `{sector_district}`",
        at_line(*line)
    )]
    SectorOfOtherDistrict {
        file: String,
        line: Option<usize>,
        field: String,
        site: String,
        district: String,
        sector: String,
        sector_district: String,
    },

    /// A landlord's on-call partner that names no landlord.
    #[error("{file}{}: partner `{partner}` is a landlord_on_call without `landlord`", at_line(*line))]
    OnCallWithoutLandlord {
        file: String,
        line: Option<usize>,
        partner: String,
    },

    /// A site whose position lies outside its district outline.
    #[error(
        "{file}{}: site `{site}` at ({}, {}) is outside the outline of district `{district}`",
        at_line(*line), at.lat, at.lon
    )]
    SiteOutsideDistrict {
        file: String,
        line: Option<usize>,
        site: String,
        district: String,
        at: GeoPoint,
    },

    /// A district declared in the territory file has no outline in the GeoJSON file.
    #[error("{file}: no outline for district `{district}`")]
    MissingOutline { file: String, district: String },

    /// An outline with fewer than three distinct points.
    #[error("{file}{}: the outline of district `{district}` is empty", at_line(*line))]
    EmptyOutline {
        file: String,
        line: Option<usize>,
        district: String,
    },
}

impl TerritoryError {
    /// The file the error is about, as given to the loader.
    pub fn file(&self) -> &str {
        match self {
            TerritoryError::Unreadable { file, .. }
            | TerritoryError::Syntax { file, .. }
            | TerritoryError::InvalidId { file, .. }
            | TerritoryError::DuplicateId { file, .. }
            | TerritoryError::UnknownReference { file, .. }
            | TerritoryError::SectorOfOtherDistrict { file, .. }
            | TerritoryError::OnCallWithoutLandlord { file, .. }
            | TerritoryError::SiteOutsideDistrict { file, .. }
            | TerritoryError::MissingOutline { file, .. }
            | TerritoryError::EmptyOutline { file, .. } => file,
        }
    }

    /// The 1-based line the error points at, when known.
    pub fn line(&self) -> Option<usize> {
        match self {
            TerritoryError::Unreadable { .. } | TerritoryError::MissingOutline { .. } => None,
            TerritoryError::Syntax { line, .. }
            | TerritoryError::InvalidId { line, .. }
            | TerritoryError::DuplicateId { line, .. }
            | TerritoryError::UnknownReference { line, .. }
            | TerritoryError::SectorOfOtherDistrict { line, .. }
            | TerritoryError::OnCallWithoutLandlord { line, .. }
            | TerritoryError::SiteOutsideDistrict { line, .. }
            | TerritoryError::EmptyOutline { line, .. } => *line,
        }
    }

    /// The field inside the file the error points at (`sites[3].district`), when known.
    pub fn field(&self) -> Option<&str> {
        match self {
            TerritoryError::Syntax { field, .. } => field.as_deref(),
            TerritoryError::InvalidId { field, .. }
            | TerritoryError::UnknownReference { field, .. }
            | TerritoryError::SectorOfOtherDistrict { field, .. } => Some(field),
            TerritoryError::Unreadable { .. }
            | TerritoryError::DuplicateId { .. }
            | TerritoryError::OnCallWithoutLandlord { .. }
            | TerritoryError::SiteOutsideDistrict { .. }
            | TerritoryError::MissingOutline { .. }
            | TerritoryError::EmptyOutline { .. } => None,
        }
    }
}

fn at_line(line: Option<usize>) -> String {
    line.map(|l| format!(" line {l}")).unwrap_or_default()
}

fn in_field(field: Option<&str>) -> String {
    field.map(|f| format!(", field `{f}`")).unwrap_or_default()
}
