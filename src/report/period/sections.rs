//! The period report's sections beyond the requests: interventions and clearances, the
//! watch, the situations, the actions, the early start and the trends.

use super::input::{Input, counts};
use super::scope::Who;
use super::*;
use crate::domain::calendar::ServiceNight;
use crate::domain::facts::{CaseFact, RequestFact};
use crate::report::night::{PartnerCount, PlaceCount};
use crate::report::redact::listable;
use std::collections::{BTreeMap, BTreeSet};

/// The headline figures of a range of nights, in the report's scope.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Head {
    pub nights: u32,
    pub requests: u32,
    pub interventions: u32,
    pub observations: u32,
    pub actions: u32,
    pub situations_opened: u32,
}

pub(super) fn headline(input: &Input, from: ServiceNight, to: ServiceNight) -> Head {
    let nights = input.nights(from, to);
    let mut h = Head::default();
    for (_, f) in nights {
        h.nights += u32::from(f.worked);
        h.requests += f.requests.iter().filter(|r| input.in_scope(r)).count() as u32;
        h.observations += f
            .observations
            .iter()
            .filter(|o| observed(input, o.site.as_deref()))
            .count() as u32;
        h.actions += f
            .actions
            .iter()
            .filter(|a| input.who.counts_action(input.territory, a.site.as_deref()))
            .count() as u32;
        h.situations_opened += f.cases_opened.iter().filter(|c| case_in(input, c)).count() as u32;
    }
    h.interventions = interventions(input, from, to).len() as u32;
    h
}

fn observed(input: &Input, site: Option<&str>) -> bool {
    match site {
        Some(s) => input.who.counts(input.territory, s, false),
        None => input.who.counts_district_observation(),
    }
}

fn case_in(input: &Input, c: &CaseFact) -> bool {
    input.who.counts(input.territory, &c.site, false)
}

/// The requests of the interventions dispatched in `[from, to]`, in scope.
pub(super) fn interventions<'a>(
    input: &Input<'a>,
    from: ServiceNight,
    to: ServiceNight,
) -> Vec<&'a RequestFact> {
    input
        .nights(from, to)
        .flat_map(|(_, f)| f.interventions.iter())
        .filter_map(|i| {
            let r = input.request(i.request_night, i.request)?;
            let early = r.early || i.early;
            let counts = match &r.district {
                Some(_) if r.site.is_empty() => input.who.counts_free_address(early),
                _ => input.who.counts(input.territory, &r.site, early),
            };
            counts.then_some(r)
        })
        .collect()
}

/// Levels and outcomes of the clearances, relays and referrals by partner.
pub(super) fn clearances(
    input: &Input,
    from: ServiceNight,
    to: ServiceNight,
) -> (
    Vec<Count<ResponseLevel>>,
    Vec<Count<Outcome>>,
    Vec<PartnerCount>,
) {
    let mut levels = Vec::new();
    let mut outcomes = Vec::new();
    let mut tally: BTreeMap<String, (u32, u32)> = BTreeMap::new();
    for (_, f) in input.nights(from, to) {
        for c in &f.clearances {
            if !input
                .request(c.request_night, c.request)
                .is_some_and(|r| input.in_scope(r))
            {
                continue;
            }
            levels.push(c.level);
            outcomes.push(c.outcome);
            for p in &c.relays {
                tally.entry(p.clone()).or_default().0 += 1;
            }
            for p in &c.referrals {
                tally.entry(p.clone()).or_default().1 += 1;
            }
        }
        for r in &f.relays {
            if input
                .request(r.request_night, r.request)
                .is_some_and(|x| input.in_scope(x))
            {
                tally.entry(r.partner.clone()).or_default().0 += 1;
            }
        }
    }
    let partners = crate::report::build::sections::partner_counts(tally, input.territory);
    (
        counts(ResponseLevel::ALL, levels.into_iter()),
        counts(Outcome::ALL, outcomes.into_iter()),
        partners,
    )
}

fn site_name(input: &Input, site: &str) -> String {
    input
        .territory
        .site(site)
        .map_or(String::new(), |s| s.name.clone())
}

/// The sites this report may name, by requests (health categories never at a site).
pub(super) fn by_site(input: &Input, requests: &[(ServiceNight, &RequestFact)]) -> Vec<SiteCount> {
    let mut tally: BTreeMap<&str, u32> = BTreeMap::new();
    for (_, r) in requests {
        if listable(r.category) && input.who.names(input.territory, &r.site) {
            *tally.entry(r.site.as_str()).or_default() += 1;
        }
    }
    let mut out: Vec<SiteCount> = tally
        .into_iter()
        .filter(|(s, _)| input.territory.site(s).is_some())
        .map(|(s, count)| SiteCount {
            id: s.to_string(),
            name: site_name(input, s),
            district: input.district_of(s),
            count,
        })
        .collect();
    out.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
    out
}

pub(super) fn watch(input: &Input) -> Watch {
    let (from, to) = (input.period.first(), input.period.last());
    let t = input.territory;
    let seen: Vec<_> = input
        .nights(from, to)
        .flat_map(|(_, f)| f.observations.iter())
        .filter(|o| observed(input, o.site.as_deref()))
        .collect();
    // Routed to the site's landlord, else the city.
    let city = t.landlords.iter().find(|l| l.is_city).map(|l| l.id.clone());
    let routed = seen.iter().filter_map(|o| match &o.site {
        Some(s) => t.site(s).map(|s| s.landlord.clone()),
        None => city.clone(),
    });
    let mut by_commissioner: Vec<PlaceCount> = t
        .landlords
        .iter()
        .filter(|l| matches!(input.who, Who::Service) || l.id == input.who.id())
        .map(|l| PlaceCount {
            id: l.id.clone(),
            name: l.name.clone(),
            count: 0,
        })
        .collect();
    for id in routed {
        if let Some(p) = by_commissioner.iter_mut().find(|p| p.id == id) {
            p.count += 1;
        }
    }
    let technical = seen.iter().filter(|o| o.kind.is_technical()).count() as u32;
    let life = super::plan::lifecycle(&seen);
    Watch {
        by_kind: counts(ObservationKind::ALL, seen.iter().map(|o| o.kind)),
        by_commissioner,
        technical,
        social: seen.len() as u32 - technical,
        transmitted: life.transmitted,
        acknowledged: life.acknowledged,
        resolved: life.resolved,
        median_resolution_s: life.median_resolution_s,
        oldest_open: life.oldest_open,
    }
}

/// Sites with requests on this many nights of the period or more recur.
pub const RECURRING_NIGHTS: u32 = 3;

pub(super) fn situations(input: &Input, requests: &[(ServiceNight, &RequestFact)]) -> Situations {
    let (from, to) = (input.period.first(), input.period.last());
    let nights = || input.nights(from, to);
    let opened = nights()
        .flat_map(|(_, f)| f.cases_opened.iter())
        .filter(|c| case_in(input, c))
        .count() as u32;
    let closed: Vec<&CaseFact> = nights()
        .flat_map(|(_, f)| f.cases_closed.iter())
        .filter(|c| case_in(input, c))
        .collect();
    let open: Vec<&CaseFact> = input
        .open_cases
        .iter()
        .filter(|c| case_in(input, c))
        .collect();
    let mut per_site: BTreeMap<&str, (BTreeSet<ServiceNight>, u32)> = BTreeMap::new();
    for (n, r) in requests {
        if listable(r.category) && input.who.names(input.territory, &r.site) {
            let e = per_site.entry(r.site.as_str()).or_default();
            e.0.insert(*n);
            e.1 += 1;
        }
    }
    let mut recurring: Vec<RecurringSite> = per_site
        .into_iter()
        .filter(|(s, (n, _))| {
            n.len() as u32 >= RECURRING_NIGHTS && input.territory.site(s).is_some()
        })
        .map(|(s, (n, requests))| RecurringSite {
            id: s.to_string(),
            name: site_name(input, s),
            district: input.district_of(s),
            nights: n.len() as u32,
            requests,
        })
        .collect();
    recurring.sort_by(|a, b| {
        (b.nights, b.requests)
            .cmp(&(a.nights, a.requests))
            .then(a.name.cmp(&b.name))
    });
    recurring.truncate(15);
    Situations {
        opened,
        closed: closed.len() as u32,
        still_open: open.len() as u32,
        closed_by_level: counts(ResponseLevel::ALL, closed.iter().filter_map(|c| c.level)),
        open_by_level: counts(ResponseLevel::ALL, open.iter().filter_map(|c| c.level)),
        open_without_step: open.iter().filter(|c| c.level.is_none()).count() as u32,
        recurring_sites: recurring,
    }
}

pub(super) fn actions(input: &Input) -> Actions {
    let (from, to) = (input.period.first(), input.period.last());
    let t = input.territory;
    let done: Vec<_> = input
        .nights(from, to)
        .flat_map(|(_, f)| f.actions.iter())
        .filter(|a| input.who.counts_action(t, a.site.as_deref()))
        .collect();
    let district = |a: &&crate::domain::facts::ActionFact| match (&a.district, &a.site) {
        (Some(d), _) => d.clone(),
        (None, Some(s)) => input.district_of(s),
        (None, None) => String::new(),
    };
    let mut by_district = input.by_district(done.iter().map(district));
    for p in by_district.iter_mut().filter(|p| p.id.is_empty()) {
        p.name = String::new();
    }
    let mut partners: Vec<PlaceCount> = Vec::new();
    for id in done.iter().flat_map(|a| a.partners.iter()) {
        match partners.iter_mut().find(|p| p.id == *id) {
            Some(p) => p.count += 1,
            None => partners.push(PlaceCount {
                id: id.clone(),
                name: t.partner(id).map_or(id.clone(), |p| p.name.clone()),
                count: 1,
            }),
        }
    }
    partners.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
    Actions {
        by_kind: counts(
            crate::domain::action::ActionKind::ALL,
            done.iter().map(|a| a.kind),
        ),
        by_district,
        partners,
    }
}

pub(super) fn early(input: &Input) -> Early {
    let (from, to) = (input.period.first(), input.period.last());
    let mut e = Early::default();
    for (_, f) in input.nights(from, to) {
        let requests = f.requests.iter().filter(|r| r.early).count() as u32;
        let interventions = f.interventions.iter().filter(|i| i.early).count() as u32;
        e.nights += u32::from(f.worked && requests + interventions > 0);
        e.requests += requests;
        e.interventions += interventions;
    }
    e.planned_visits = super::plan::plan(input).map(|p| p.early_planned);
    e
}
