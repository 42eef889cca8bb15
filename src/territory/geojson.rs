//! District outlines from GeoJSON (a FeatureCollection of Polygons whose `properties.id` is
//! the district id), as exported by open-data portals. Only the outer ring is kept: a map of
//! districts needs no holes. GeoJSON positions are `[longitude, latitude]`.

use std::collections::HashSet;
use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer};

use super::error::{ItemKind, TerritoryError};
use super::files::field_path;
use super::geo;
use super::source::Source;
use crate::domain::reference::{District, GeoPoint};

#[derive(Debug, Deserialize)]
struct Collection {
    features: Vec<Feature>,
}

#[derive(Debug, Deserialize)]
struct Feature {
    properties: Properties,
    geometry: Geometry,
}

#[derive(Debug, Deserialize)]
struct Properties {
    id: String,
}

#[derive(Debug, Deserialize)]
struct Geometry {
    #[serde(rename = "type")]
    _kind: GeometryKind,
    coordinates: Vec<Vec<Position>>,
}

/// Only `Polygon` is accepted: anything else is reported on the `type` field.
#[derive(Debug, Deserialize)]
enum GeometryKind {
    Polygon,
}

/// A `[lon, lat]` or `[lon, lat, alt]` position.
#[derive(Debug)]
struct Position(GeoPoint);

impl<'de> Deserialize<'de> for Position {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let v = Vec::<f64>::deserialize(d)?;
        match v.as_slice() {
            [lon, lat, ..] => Ok(Position(GeoPoint {
                lat: *lat,
                lon: *lon,
            })),
            _ => Err(de::Error::invalid_length(v.len(), &ExpectedPair)),
        }
    }
}

struct ExpectedPair;

impl de::Expected for ExpectedPair {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a [longitude, latitude] pair")
    }
}

/// One feature's outline as read, before it is matched to a district.
#[derive(Debug)]
pub(crate) struct Outline {
    pub id: String,
    pub points: Vec<GeoPoint>,
}

/// Parses the GeoJSON file, reporting file, line and field path on failure.
pub(crate) fn parse(src: &Source) -> Result<Vec<Outline>, TerritoryError> {
    let mut de = serde_json::Deserializer::from_str(&src.text);
    let collection: Collection = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let inner = e.inner();
        let message = json_message(inner);
        let field = field_path(Some(e.path().to_string()), &message);
        TerritoryError::Syntax {
            file: src.file.clone(),
            line: (inner.line() > 0).then_some(inner.line()),
            column: (inner.column() > 0).then_some(inner.column()),
            field,
            message,
        }
    })?;
    Ok(collection
        .features
        .into_iter()
        .map(|f| Outline {
            id: f.properties.id,
            points: f
                .geometry
                .coordinates
                .into_iter()
                .next()
                .unwrap_or_default()
                .into_iter()
                .map(|p| p.0)
                .collect(),
        })
        .collect())
}

/// serde_json's message without its " at line L column C" suffix (kept apart as numbers).
fn json_message(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.rfind(" at line ") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

/// Gives each district its outline and centroid. Every district needs exactly one outline,
/// and every outline must belong to a declared district: a stray feature is likely a typo.
pub(crate) fn attach(
    districts: &mut [District],
    outlines: Vec<Outline>,
    src: &Source,
) -> Result<(), TerritoryError> {
    let declared: HashSet<&str> = districts.iter().map(|d| d.id.as_str()).collect();
    let mut seen: HashSet<String> = HashSet::new();
    for (i, o) in outlines.iter().enumerate() {
        if !declared.contains(o.id.as_str()) {
            return Err(TerritoryError::UnknownReference {
                file: src.file.clone(),
                line: src.item_line(&o.id, 0),
                field: format!("features[{i}].properties.id"),
                kind: ItemKind::Outline,
                id: o.id.clone(),
                target: ItemKind::District,
                target_id: o.id.clone(),
            });
        }
        if !seen.insert(o.id.clone()) {
            return Err(TerritoryError::DuplicateId {
                file: src.file.clone(),
                line: src.item_line(&o.id, 1),
                kind: ItemKind::Outline,
                id: o.id.clone(),
            });
        }
    }
    let mut outlines = outlines;
    for d in districts.iter_mut() {
        let Some(pos) = outlines.iter().position(|o| o.id == d.id) else {
            return Err(TerritoryError::MissingOutline {
                file: src.file.clone(),
                district: d.id.clone(),
            });
        };
        let outline = outlines.swap_remove(pos);
        let empty = || TerritoryError::EmptyOutline {
            file: src.file.clone(),
            line: src.item_line(&d.id, 0),
            district: d.id.clone(),
        };
        let ring = geo::closed_ring(outline.points).ok_or_else(empty)?;
        d.centroid = geo::centroid(&ring).ok_or_else(empty)?;
        d.outline = ring;
    }
    Ok(())
}
