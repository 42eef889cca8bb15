//! Reference data of a territory: districts, sectors, sites, landlords, partners, people.
//! Pure data: loaded from `assets/` by the `territory` module, read by the rules.

use serde::{Deserialize, Serialize};

/// A point on the map, WGS84.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct GeoPoint {
    pub lat: f64,
    pub lon: f64,
}

impl GeoPoint {
    /// Distance in metres (equirectangular approximation: good to a few metres at city scale).
    pub fn distance_m(&self, other: &GeoPoint) -> f64 {
        let r = 6_371_000.0_f64;
        let lat = ((self.lat + other.lat) / 2.0).to_radians();
        let dx = (other.lon - self.lon).to_radians() * lat.cos();
        let dy = (other.lat - self.lat).to_radians();
        r * (dx * dx + dy * dy).sqrt()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct District {
    pub id: String,
    pub name: String,
    /// Outline as a closed ring of points.
    pub outline: Vec<GeoPoint>,
    pub centroid: GeoPoint,
    #[serde(default)]
    pub landmarks: Vec<Landmark>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Landmark {
    pub name: String,
    pub at: Option<GeoPoint>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sector {
    pub id: String,
    pub name: String,
    pub district: String,
}

/// Who owns a site and receives reports about it: a social landlord, or the city for public spaces.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Landlord {
    pub id: String,
    pub name: String,
    /// The city is a commissioner for public spaces, not a landlord.
    #[serde(default)]
    pub is_city: bool,
}

/// A commissioner that owns no site and funds one activity of the service.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Commissioner {
    pub id: String,
    pub name: String,
    pub activity: FundedActivity,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FundedActivity {
    /// The early visits (from 19:30) to residents of social structures (the Département).
    EarlyVisits,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Site {
    pub id: String,
    /// Residence or place name, e.g. "Résidence Les Gayeulles".
    pub name: String,
    /// Street address, e.g. "12 rue de Bourbonnais".
    pub address: String,
    #[serde(default)]
    pub entrances: Vec<String>,
    pub district: String,
    pub sector: String,
    pub landlord: String,
    pub at: GeoPoint,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PartnerKind {
    Emergency,
    Police,
    MunicipalPolice,
    LandlordOnCall,
    SocialServices,
    Health,
    Justice,
    Association,
    Other,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Partner {
    pub id: String,
    pub name: String,
    pub kind: PartnerKind,
    /// A service's public number (never a person's).
    pub phone: String,
    /// When it can be reached (« 24 h/24 », « 9 h–17 h en semaine »), as the directory says.
    #[serde(default)]
    pub hours: Option<String>,
    /// For a landlord's on-call service: which landlord.
    #[serde(default)]
    pub landlord: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Coordinator {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mediator {
    pub id: String,
    pub name: String,
}

/// Everything the rules need to know about the territory.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Territory {
    pub id: String,
    pub name: String,
    pub districts: Vec<District>,
    pub sectors: Vec<Sector>,
    pub landlords: Vec<Landlord>,
    /// Commissioners other than the city and the landlords (landlords.toml).
    #[serde(default)]
    pub commissioners: Vec<Commissioner>,
    pub sites: Vec<Site>,
    pub partners: Vec<Partner>,
    pub coordinators: Vec<Coordinator>,
    pub mediators: Vec<Mediator>,
    /// The standing plan of targeted points and early visits, per weekday (plan.toml).
    #[serde(default)]
    pub plan: Vec<super::plan::StandingItem>,
    /// Where the teams leave from and come back to (drawn on the map).
    #[serde(default)]
    pub base: Option<Base>,
}

/// The service's base.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Base {
    pub name: String,
    pub at: GeoPoint,
}

impl Territory {
    pub fn district(&self, id: &str) -> Option<&District> {
        self.districts.iter().find(|d| d.id == id)
    }
    pub fn sector(&self, id: &str) -> Option<&Sector> {
        self.sectors.iter().find(|s| s.id == id)
    }
    pub fn landlord(&self, id: &str) -> Option<&Landlord> {
        self.landlords.iter().find(|l| l.id == id)
    }
    pub fn site(&self, id: &str) -> Option<&Site> {
        self.sites.iter().find(|s| s.id == id)
    }
    pub fn partner(&self, id: &str) -> Option<&Partner> {
        self.partners.iter().find(|p| p.id == id)
    }
    pub fn coordinator(&self, id: &str) -> Option<&Coordinator> {
        self.coordinators.iter().find(|c| c.id == id)
    }
    pub fn mediator(&self, id: &str) -> Option<&Mediator> {
        self.mediators.iter().find(|m| m.id == id)
    }
}
