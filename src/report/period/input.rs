//! What the period builders read: the facts of the nights in play, the scope and the
//! period, with the small counting helpers they share.

use super::range::Period;
use super::scope::Who;
use super::*;
use crate::domain::calendar::ServiceNight;
use crate::domain::facts::{NightFacts, OpenCases, RequestFact};
use crate::domain::ids::RequestId;
use crate::domain::reference::Territory;
use std::collections::BTreeMap;

pub struct Input<'a> {
    pub territory: &'a Territory,
    pub who: &'a Who,
    pub period: Period,
    /// The facts of every night the report reads (the period, the previous one, a year
    /// before, and the 13-month series with its year-before line).
    pub facts: &'a BTreeMap<ServiceNight, NightFacts>,
    /// Facts of carried requests received before the nights read.
    pub extra: &'a BTreeMap<RequestId, RequestFact>,
    /// The situations open at the close of the period's last night.
    pub open_cases: &'a OpenCases,
}

pub(super) const BANDS: [HourBand; 6] = [
    HourBand::H21,
    HourBand::H22,
    HourBand::H23,
    HourBand::H00,
    HourBand::H01,
    HourBand::Outside,
];

pub(super) fn counts<K: Copy + Eq>(all: &[K], values: impl Iterator<Item = K>) -> Vec<Count<K>> {
    let mut out: Vec<Count<K>> = all.iter().map(|k| Count { key: *k, count: 0 }).collect();
    for v in values {
        if let Some(c) = out.iter_mut().find(|c| c.key == v) {
            c.count += 1;
        }
    }
    out
}

impl<'a> Input<'a> {
    /// The nights of `[from, to]` with their facts.
    pub(super) fn nights(
        &self,
        from: ServiceNight,
        to: ServiceNight,
    ) -> impl Iterator<Item = (&'a ServiceNight, &'a NightFacts)> + 'a {
        self.facts.range(from..=to)
    }

    pub(super) fn request(&self, night: ServiceNight, id: RequestId) -> Option<&'a RequestFact> {
        let own = self.facts.get(&night);
        own.and_then(|f| f.requests.iter().find(|r| r.id == id))
            .or_else(|| self.extra.get(&id))
    }

    pub(super) fn in_scope(&self, r: &RequestFact) -> bool {
        // A free address (no site of the list) is the city's, like the public spaces.
        match &r.district {
            Some(_) if r.site.is_empty() => self.who.counts_free_address(r.early),
            _ => self.who.counts(self.territory, &r.site, r.early),
        }
    }

    /// A request's district: its site's, or a free address's own.
    pub(super) fn request_district(&self, r: &RequestFact) -> String {
        r.district
            .clone()
            .unwrap_or_else(|| self.district_of(&r.site))
    }

    /// The period's requests in scope.
    pub(super) fn requests(
        &self,
        from: ServiceNight,
        to: ServiceNight,
    ) -> Vec<(ServiceNight, &'a RequestFact)> {
        self.nights(from, to)
            .flat_map(|(n, f)| f.requests.iter().map(move |r| (*n, r)))
            .filter(|(_, r)| self.in_scope(r))
            .collect()
    }

    pub(super) fn district_of(&self, site: &str) -> String {
        self.territory
            .site(site)
            .map_or(String::new(), |s| s.district.clone())
    }

    /// Every district of the territory (zeros included), then "" for unknown sites if any.
    pub(super) fn by_district(&self, districts: impl Iterator<Item = String>) -> Vec<PlaceCount> {
        let mut out: Vec<PlaceCount> = self
            .territory
            .districts
            .iter()
            .map(|d| PlaceCount {
                id: d.id.clone(),
                name: d.name.clone(),
                count: 0,
            })
            .collect();
        for d in districts {
            match out.iter_mut().find(|p| p.id == d) {
                Some(p) => p.count += 1,
                None => out.push(PlaceCount {
                    id: d,
                    name: String::new(),
                    count: 1,
                }),
            }
        }
        out
    }
}
