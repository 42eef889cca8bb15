//! Who a period report is for, what it counts and what it may name. A landlord's report
//! counts and names only its own sites; the city's counts and names the public spaces and
//! shows the whole territory by district only; the Département's counts the early start,
//! territory-wide, and names no site; the service's own counts and names everything. No
//! commissioner's report ever names another landlord's site.

use super::CommissionerOut;
use crate::domain::reference::{FundedActivity, Territory};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Who {
    Service,
    City(String),
    Landlord(String),
    Departement(String),
}

impl Who {
    /// The commissioner of that id (a landlord, the city or another commissioner).
    pub fn find(t: &Territory, id: &str) -> Option<Who> {
        if id == "service" {
            return Some(Who::Service);
        }
        if let Some(l) = t.landlord(id) {
            return Some(if l.is_city {
                Who::City(l.id.clone())
            } else {
                Who::Landlord(l.id.clone())
            });
        }
        let c = t.commissioners.iter().find(|c| c.id == id)?;
        match c.activity {
            FundedActivity::EarlyVisits => Some(Who::Departement(c.id.clone())),
        }
    }

    /// Every commissioner's report, then the service's own.
    pub fn all(t: &Territory) -> Vec<Who> {
        let mut out: Vec<Who> = t
            .landlords
            .iter()
            .filter_map(|l| Who::find(t, &l.id))
            .collect();
        out.extend(t.commissioners.iter().filter_map(|c| Who::find(t, &c.id)));
        out.push(Who::Service);
        out
    }

    pub fn id(&self) -> &str {
        match self {
            Who::Service => "service",
            Who::City(id) | Who::Landlord(id) | Who::Departement(id) => id,
        }
    }

    pub fn out(&self, t: &Territory) -> CommissionerOut {
        let (kind, name) = match self {
            Who::Service => ("service", t.name.clone()),
            Who::City(id) | Who::Landlord(id) => (
                if matches!(self, Who::City(_)) {
                    "city"
                } else {
                    "landlord"
                },
                t.landlord(id).map_or(id.clone(), |l| l.name.clone()),
            ),
            Who::Departement(id) => (
                "departement",
                t.commissioners
                    .iter()
                    .find(|c| c.id == *id)
                    .map_or(id.clone(), |c| c.name.clone()),
            ),
        };
        CommissionerOut {
            id: self.id().to_string(),
            name,
            kind: kind.to_string(),
        }
    }

    /// Whether a request (or observation, situation) at `site`, received in the early
    /// start or not, counts in this report. A site the territory no longer knows counts
    /// only in the service's report.
    pub fn counts(&self, t: &Territory, site: &str, early: bool) -> bool {
        match self {
            Who::Service => true,
            Who::City(id) | Who::Landlord(id) => t.site(site).is_some_and(|s| s.landlord == *id),
            Who::Departement(_) => early,
        }
    }

    /// Whether a request at a free address (a place not in the list) counts here: the
    /// city's and the service's, as public spaces are.
    pub fn counts_free_address(&self, early: bool) -> bool {
        match self {
            Who::Service | Who::City(_) => true,
            Who::Landlord(_) => false,
            Who::Departement(_) => early,
        }
    }

    /// Whether this report may name `site` (a site it counts that is its own).
    pub fn names(&self, t: &Territory, site: &str) -> bool {
        match self {
            Who::Service => true,
            Who::City(id) | Who::Landlord(id) => t.site(site).is_some_and(|s| s.landlord == *id),
            Who::Departement(_) => false,
        }
    }

    /// An observation placed in a district only goes to the city (and the service).
    pub fn counts_district_observation(&self) -> bool {
        matches!(self, Who::Service | Who::City(_))
    }

    /// Actions count at the commissioner's own sites, and in districts and the territory
    /// (partnership work serves everyone there); the Département's report has none.
    pub fn counts_action(&self, t: &Territory, site: Option<&str>) -> bool {
        match (self, site) {
            (Who::Departement(_), _) => false,
            (_, None) => true,
            (who, Some(s)) => who.counts(t, s, false),
        }
    }
}
