//! What a simulated night draws at random: when a call comes, what it is about, how urgent,
//! from whom, and how a visit ends. Shared by the past nights (`plan`) and the live night.

use super::rng::Rng;
use super::words;
use crate::domain::command::NewRequest;
use crate::domain::reference::{PartnerKind, Site, Territory};
use crate::domain::vocab::*;

const CATEGORIES: &[(Category, u32)] = &[
    (Category::Noise, 26),
    (Category::NeighbourConflict, 16),
    (Category::HallOccupation, 14),
    (Category::Incivility, 8),
    (Category::PublicSpace, 8),
    (Category::Damage, 5),
    (Category::TechnicalIssue, 7),
    (Category::VulnerablePerson, 4),
    (Category::PsychologicalFragility, 3),
    (Category::FamilyTension, 4),
    (Category::Information, 4),
    (Category::Other, 1),
];

const SOURCES: &[(Source, u32)] = &[
    (Source::Resident, 55),
    (Source::Landlord, 12),
    (Source::Partner, 6),
    (Source::Police, 5),
    (Source::City, 4),
    (Source::TeamInitiative, 16),
    (Source::Other, 2),
];

/// Minutes after 21:00 a request arrives: busiest from 22:00 to 00:30.
pub(super) fn arrival_minute(rng: &mut Rng) -> i64 {
    match rng.below(100) {
        0..=3 => rng.range(-85, -1),  // early start (19:35–21:00)
        4..=5 => rng.range(300, 330), // after 02:00
        6..=25 => rng.range(0, 59),
        26..=75 => rng.range(60, 209),
        _ => rng.range(210, 299),
    }
}

fn priority(rng: &mut Rng, category: Category) -> Priority {
    match category {
        Category::VulnerablePerson | Category::PsychologicalFragility => {
            *rng.weighted(&[(Priority::P1, 5), (Priority::P2, 4), (Priority::P3, 1)])
        }
        Category::FamilyTension | Category::NeighbourConflict => {
            *rng.weighted(&[(Priority::P1, 1), (Priority::P2, 5), (Priority::P3, 4)])
        }
        Category::Information | Category::TechnicalIssue => {
            *rng.weighted(&[(Priority::P3, 6), (Priority::P4, 4)])
        }
        _ => *rng.weighted(&[(Priority::P2, 3), (Priority::P3, 6), (Priority::P4, 1)]),
    }
}

fn partner_of(t: &Territory, kind: PartnerKind, landlord: Option<&str>) -> Option<String> {
    t.partners
        .iter()
        .find(|p| p.kind == kind && (landlord.is_none() || p.landlord.as_deref() == landlord))
        .map(|p| p.id.clone())
}

pub(super) fn partner_named(t: &Territory, id_part: &str) -> Option<String> {
    t.partners
        .iter()
        .find(|p| p.id.contains(id_part))
        .map(|p| p.id.clone())
}

/// Outcome, level, relays and referrals for a visit, by category.
pub(super) fn outcome(
    rng: &mut Rng,
    t: &Territory,
    site: &Site,
    category: Category,
) -> (Outcome, ResponseLevel, Vec<String>, Vec<String>) {
    let landlord_on_call = partner_of(t, PartnerKind::LandlordOnCall, Some(&site.landlord));
    let roll = rng.below(100);
    let relay = |p: Option<String>| p.into_iter().collect::<Vec<_>>();
    match category {
        Category::TechnicalIssue | Category::Damage if roll < 60 => (
            Outcome::ReportedToLandlord,
            ResponseLevel::Relay,
            relay(landlord_on_call),
            vec![],
        ),
        Category::VulnerablePerson if roll < 40 => (
            Outcome::Relayed,
            ResponseLevel::Relay,
            relay(partner_named(t, "115").or(partner_named(t, "samu"))),
            vec![],
        ),
        Category::PsychologicalFragility if roll < 50 => (
            Outcome::Referred,
            ResponseLevel::Referral,
            vec![],
            relay(partner_of(t, PartnerKind::Health, None)),
        ),
        Category::PsychologicalFragility if roll < 75 => (
            Outcome::Relayed,
            ResponseLevel::Relay,
            relay(partner_named(t, "samu").or(partner_named(t, "15"))),
            vec![],
        ),
        Category::FamilyTension | Category::Information if roll < 40 => (
            Outcome::Referred,
            ResponseLevel::Referral,
            vec![],
            relay(partner_of(t, PartnerKind::SocialServices, None)),
        ),
        Category::PublicSpace | Category::HallOccupation if roll < 10 => (
            Outcome::Relayed,
            ResponseLevel::Relay,
            relay(partner_of(t, PartnerKind::Police, None)),
            vec![],
        ),
        _ => match roll {
            0..=9 => (
                Outcome::NobodyThere,
                ResponseLevel::Presence,
                vec![],
                vec![],
            ),
            10..=14 => (Outcome::Unfounded, ResponseLevel::Presence, vec![], vec![]),
            15..=34 => (
                Outcome::MediationToContinue,
                ResponseLevel::Mediation,
                vec![],
                vec![],
            ),
            35..=49 => (Outcome::Calmed, ResponseLevel::FirmReminder, vec![], vec![]),
            50..=54 => (
                Outcome::Referred,
                ResponseLevel::Referral,
                vec![],
                relay(partner_named(t, "concil")),
            ),
            _ => (Outcome::Calmed, ResponseLevel::Mediation, vec![], vec![]),
        },
    }
}

/// A request as it comes in: where, what, from whom. `t.sites` must not be empty.
pub(super) fn new_request<'t>(rng: &mut Rng, t: &'t Territory) -> (&'t Site, NewRequest) {
    let site = rng.pick(&t.sites);
    let category = *rng.weighted(CATEGORIES);
    let source = *rng.weighted(SOURCES);
    let priority = priority(rng, category);
    let resident = source == Source::Resident;
    // One caller in two names the hall (the site's own entrances).
    let entrance = match site.entrances.as_slice() {
        [] => None,
        halls => rng.chance(0.5).then(|| rng.pick(halls).clone()),
    };
    let req = NewRequest {
        address: None,
        entrance,
        source,
        site: site.id.clone(),
        category,
        priority,
        caller_name: (resident && rng.chance(0.3)).then(|| words::caller(rng)),
        callback: (resident && rng.chance(0.35)).then(|| words::callback(rng)),
        description: rng.chance(0.5).then(|| words::description(rng, category)),
    };
    (site, req)
}
