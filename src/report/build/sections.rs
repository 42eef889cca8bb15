//! The report's lists: places, interventions, observations, commissioners, partners,
//! outcomes and levels.

use super::trace::Trace;
use super::{Closure, Input};
use crate::domain::event::{Envelope, Event};
use crate::domain::reference::Territory;
use crate::domain::state::Request;
use crate::domain::vocab::{Outcome, ResponseLevel};
use crate::report::night::*;
use crate::report::redact::listable;
use std::collections::BTreeMap;

/// Site → district and landlord, by the territory.
pub(super) struct Places<'a> {
    t: &'a Territory,
}

impl<'a> Places<'a> {
    pub fn new(t: &'a Territory) -> Self {
        Places { t }
    }

    pub fn site_name(&self, site: &str) -> String {
        self.t
            .site(site)
            .map_or(site.to_string(), |s| s.name.clone())
    }

    pub fn district_of(&self, site: &str) -> String {
        self.t
            .site(site)
            .map_or(String::new(), |s| s.district.clone())
    }

    pub fn landlord_of(&self, site: &str) -> String {
        self.t
            .site(site)
            .map_or(String::new(), |s| s.landlord.clone())
    }

    /// Every district of the territory (zeros included), then "" for unknown sites if any.
    pub fn by_district(&self, received: &[&Request]) -> Vec<PlaceCount> {
        let ids = self
            .t
            .districts
            .iter()
            .map(|d| (d.id.clone(), d.name.clone()));
        let district = |r: &&Request| {
            r.district
                .clone()
                .unwrap_or_else(|| self.district_of(&r.site))
        };
        place_counts(ids, received.iter().map(district))
    }

    pub fn by_landlord(&self, received: &[&Request]) -> Vec<PlaceCount> {
        let ids = self
            .t
            .landlords
            .iter()
            .map(|l| (l.id.clone(), l.name.clone()));
        // A free address (a place not in the list) is the city's, as public spaces are.
        let city = self
            .t
            .landlords
            .iter()
            .find(|l| l.is_city)
            .map(|l| l.id.clone());
        let landlord = |r: &&Request| match (&r.district, &city) {
            (Some(_), Some(c)) if r.site.is_empty() => c.clone(),
            _ => self.landlord_of(&r.site),
        };
        place_counts(ids, received.iter().map(landlord))
    }
}

fn place_counts(
    ids: impl Iterator<Item = (String, String)>,
    values: impl Iterator<Item = String>,
) -> Vec<PlaceCount> {
    let mut tally: BTreeMap<String, u32> = BTreeMap::new();
    for v in values {
        *tally.entry(v).or_default() += 1;
    }
    let mut out: Vec<PlaceCount> = ids
        .map(|(id, name)| PlaceCount {
            count: tally.remove(&id).unwrap_or(0),
            id,
            name,
        })
        .collect();
    // Sites the territory no longer knows: counted, not lost.
    if let Some(n) = tally.remove("") {
        out.push(PlaceCount {
            id: String::new(),
            name: String::new(),
            count: n,
        });
    }
    out
}

/// Interventions dispatched this night, in order; health categories counted, not listed.
pub(super) fn interventions(
    trace: &Trace,
    input: &Input,
    places: &Places,
) -> (Vec<InterventionRow>, u32) {
    let mut rows = Vec::new();
    let mut withheld = 0;
    for i in &trace.interventions {
        let Some(r) = input.requests.get(&i.request) else {
            continue;
        };
        if !listable(r.category) {
            withheld += 1;
            continue;
        }
        let notes: Vec<&str> = [input.notes.get(r.personal), input.notes.get(i.note)]
            .into_iter()
            .flatten()
            .collect();
        rows.push(InterventionRow {
            dispatched_at: i.dispatched,
            on_site_at: i.on_site,
            ended_at: i.ended,
            request: r.number,
            site: r.site.clone(),
            site_name: places.site_name(&r.site),
            district: places.district_of(&r.site),
            category: r.category,
            priority: r.priority,
            team: i.team.clone(),
            state: i.state,
            level: i.level,
            outcome: i.outcome,
            note: (!notes.is_empty()).then(|| notes.join(" — ")),
        });
    }
    (rows, withheld)
}

pub(super) fn observations(
    events: &[&Envelope],
    input: &Input,
    places: &Places,
) -> Vec<ObservationRow> {
    events
        .iter()
        .filter_map(|e| match &e.event {
            Event::ObservationRecorded {
                observation,
                site,
                district,
                team,
                note,
                ..
            } => {
                let site = site.clone().unwrap_or_default();
                Some(ObservationRow {
                    at: e.at,
                    kind: *observation,
                    technical: observation.is_technical(),
                    site_name: if site.is_empty() {
                        String::new()
                    } else {
                        places.site_name(&site)
                    },
                    district: district
                        .clone()
                        .unwrap_or_else(|| places.district_of(&site)),
                    site,
                    team: team.clone(),
                    note: input.notes.get(*note).map(str::to_string),
                })
            }
            _ => None,
        })
        .collect()
}

fn closure_word(c: Closure, outcome: Option<Outcome>) -> String {
    let word = match (c, outcome) {
        (Closure::Cleared, Some(o)) => return crate::domain::vocab::vocab_key(&o),
        (Closure::Cleared, None) => "cleared",
        (Closure::Relayed, _) => "relayed",
        (Closure::Dismissed, _) => "dismissed",
        (Closure::Cancelled, _) => "cancelled",
        (Closure::Settled, _) => "settled",
        (Closure::Open, _) => "open",
    };
    word.to_string()
}

/// One section per commissioner with a request or an observation at its sites; the
/// observations placed in a district only come back apart.
pub(super) fn landlords(
    received: &[&Request],
    trace: &Trace,
    observations: Vec<ObservationRow>,
    places: &Places,
) -> (Vec<LandlordSection>, Vec<ObservationRow>) {
    let mut sections: Vec<LandlordSection> = places
        .t
        .landlords
        .iter()
        .map(|l| LandlordSection {
            id: l.id.clone(),
            name: l.name.clone(),
            is_city: l.is_city,
            requests: 0,
            items: Vec::new(),
            observations: Vec::new(),
        })
        .collect();
    for r in received {
        let landlord = places.landlord_of(&r.site);
        let Some(s) = sections.iter_mut().find(|s| s.id == landlord) else {
            continue;
        };
        s.requests += 1;
        if listable(r.category) {
            let t = trace.requests.get(&r.id);
            s.items.push(LandlordItem {
                received_at: r.received_at,
                request: r.number,
                site: r.site.clone(),
                site_name: places.site_name(&r.site),
                category: r.category,
                priority: r.priority,
                outcome: closure_word(trace.end(r.id), t.and_then(|t| t.outcome)),
            });
        }
    }
    let mut elsewhere = Vec::new();
    for o in observations {
        let landlord = places.landlord_of(&o.site);
        match sections
            .iter_mut()
            .find(|s| !o.site.is_empty() && s.id == landlord)
        {
            Some(s) => s.observations.push(o),
            None => elsewhere.push(o),
        }
    }
    sections.retain(|s| s.requests > 0 || !s.observations.is_empty());
    (sections, elsewhere)
}

pub(super) fn outcomes(events: &[&Envelope]) -> Vec<Count<Outcome>> {
    let cleared = events.iter().filter_map(|e| match &e.event {
        Event::InterventionCleared { outcome, .. } => Some(*outcome),
        _ => None,
    });
    super::counts(Outcome::ALL, cleared)
}

pub(super) fn levels(events: &[&Envelope]) -> Vec<Count<ResponseLevel>> {
    let cleared = events.iter().filter_map(|e| match &e.event {
        Event::InterventionCleared { level, .. } => Some(*level),
        _ => None,
    });
    super::counts(ResponseLevel::ALL, cleared)
}

/// Relays (in clearances, and requests handed straight over) and referrals, by partner, in
/// the directory's order (unknown ids last).
pub(super) fn partners(events: &[&Envelope], t: &Territory) -> Vec<PartnerCount> {
    let mut tally: BTreeMap<String, (u32, u32)> = BTreeMap::new();
    for e in events {
        match &e.event {
            Event::InterventionCleared {
                relays, referrals, ..
            } => {
                for p in relays {
                    tally.entry(p.clone()).or_default().0 += 1;
                }
                for p in referrals {
                    tally.entry(p.clone()).or_default().1 += 1;
                }
            }
            Event::RequestRelayed { partner, .. } => {
                tally.entry(partner.clone()).or_default().0 += 1
            }
            _ => {}
        }
    }
    partner_counts(tally, t)
}

/// Relays and referrals by partner id, in the directory's order (unknown ids last).
pub(crate) fn partner_counts(
    mut tally: BTreeMap<String, (u32, u32)>,
    t: &Territory,
) -> Vec<PartnerCount> {
    let mut out: Vec<PartnerCount> = t
        .partners
        .iter()
        .filter_map(|p| {
            let (relays, referrals) = tally.remove(&p.id)?;
            Some(PartnerCount {
                id: p.id.clone(),
                name: p.name.clone(),
                relays,
                referrals,
            })
        })
        .collect();
    out.extend(
        tally
            .into_iter()
            .map(|(id, (relays, referrals))| PartnerCount {
                name: id.clone(),
                id,
                relays,
                referrals,
            }),
    );
    out
}
