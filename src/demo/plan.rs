//! Plans one realistic night as a timeline of the coordinator's actions: requests arrive,
//! the nearest free team goes, arrives, clears with an outcome; breaks, active presence,
//! observations and notes fill the night. Planned per team so that every action is one the
//! rules accept when replayed in time order.

use super::rng::Rng;
use super::words;
use crate::domain::calendar::ServiceNight;
use crate::domain::command::{Clearance, Command, NewObservation, NewRequest};
use crate::domain::ids::RequestId;
use crate::domain::reference::{PartnerKind, Site, Territory};
use crate::domain::vocab::*;
use chrono::{DateTime, Duration, Utc};

/// A request of this night, by its index in the plan; or one carried over from before.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Req {
    New(usize),
    Old(RequestId),
}

#[derive(Debug, Clone)]
pub enum Action {
    Command(Command),
    Receive(usize, NewRequest),
    Dispatch(Req, String),
    Relay(Req, String),
    Dismiss(Req, DismissReason),
    /// Clear the team's intervention; the case link is chosen when it runs.
    Clear(Clearance, Req, bool),
}

/// A request to handle: when it can be taken, what it is, where.
struct Job<'t> {
    at: DateTime<Utc>,
    req: Req,
    priority: Priority,
    site: Option<&'t Site>,
    category: Category,
}

pub struct Planned {
    pub at: DateTime<Utc>,
    pub order: usize,
    pub action: Action,
}

struct TeamPlan {
    call_sign: String,
    free_at: DateTime<Utc>,
    at: (f64, f64),
    had_break: bool,
}

pub struct NightInput<'a> {
    pub night: ServiceNight,
    pub territory: &'a Territory,
    pub coordinator: String,
    pub carried_over: Vec<RequestId>,
}

fn minutes(m: i64) -> Duration {
    Duration::minutes(m)
}

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

fn partner_named(t: &Territory, id_part: &str) -> Option<String> {
    t.partners
        .iter()
        .find(|p| p.id.contains(id_part))
        .map(|p| p.id.clone())
}

/// Outcome, level, relays and referrals for a visit, by category.
fn outcome(
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
    let req = NewRequest {
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

/// Plans the night. Returns the actions in the order they must run.
pub fn plan(rng: &mut Rng, input: &NightInput<'_>) -> Vec<Planned> {
    let t = input.territory;
    let start = input.night.start();
    let mut out: Vec<Planned> = Vec::new();
    let push = |out: &mut Vec<Planned>, at: DateTime<Utc>, action: Action| {
        let order = out.len();
        out.push(Planned { at, order, action });
    };
    // Three teams take five or six interventions each in a five-hour night and keep time
    // for presence: more calls would leave requests waiting for hours, which a service
    // does not live.
    let count = rng.range(10, 22) as usize;
    let mut arrivals: Vec<i64> = (0..count).map(|_| arrival_minute(rng)).collect();
    arrivals.sort_unstable();
    // Some nights start at 19:30 with the early team: the night is opened before the first call.
    let earliest = arrivals.first().copied().unwrap_or(0).min(0);
    let open_at = start + minutes(earliest.min(-rng.range(5, 25)) - 3);
    push(
        &mut out,
        open_at,
        Action::Command(Command::OpenNight {
            coordinator: input.coordinator.clone(),
        }),
    );

    // Three teams from the mediators, rotating so everyone works some nights.
    let mediators: Vec<&str> = t.mediators.iter().map(|m| m.id.as_str()).collect();
    let shift = rng.below(mediators.len().max(1) as u64) as usize;
    let sizes = [3, 3, 2];
    let mut teams = Vec::new();
    let mut next = 0;
    let base = t
        .sites
        .first()
        .map_or((48.11, -1.68), |s| (s.at.lat, s.at.lon));
    for (i, size) in sizes.iter().enumerate() {
        if next + size > mediators.len() {
            break;
        }
        let members: Vec<String> = (0..*size)
            .map(|k| mediators[(shift + next + k) % mediators.len()].to_string())
            .collect();
        next += size;
        let call_sign = format!("E{}", i + 1);
        let equipment = Some(format!("Véhicule {} · tél. équipe {}", i + 1, i + 1));
        push(
            &mut out,
            open_at + minutes(2),
            Action::Command(Command::ComposeTeam {
                team: call_sign.clone(),
                members,
                equipment,
            }),
        );
        teams.push(TeamPlan {
            call_sign,
            free_at: open_at + minutes(5),
            at: base,
            had_break: false,
        });
    }
    if teams.is_empty() {
        return out;
    }

    // Requests carried over from an earlier night go first.
    let mut jobs: Vec<Job<'_>> = input
        .carried_over
        .iter()
        .map(|id| Job {
            at: start + minutes(10),
            req: Req::Old(*id),
            priority: Priority::P3,
            site: None,
            category: Category::Other,
        })
        .collect();
    for (i, m) in arrivals.iter().enumerate() {
        let at = start + minutes(*m) + Duration::seconds(rng.range(0, 59));
        let (site, req) = new_request(rng, t);
        let (category, priority) = (req.category, req.priority);
        push(&mut out, at, Action::Receive(i, req));
        jobs.push(Job {
            at,
            req: Req::New(i),
            priority,
            site: Some(site),
            category,
        });
    }

    for Job {
        at,
        req,
        priority,
        site,
        category,
    } in jobs
    {
        let handled_at = at + minutes(rng.range(1, 4));
        // Calls straight to a relay, or without follow-up.
        let roll = rng.below(100);
        if roll < 4 {
            let partner = if category == Category::VulnerablePerson {
                "samu"
            } else {
                "police"
            };
            if let Some(p) = partner_named(t, partner) {
                push(&mut out, handled_at, Action::Relay(req, p));
                continue;
            }
        } else if roll < 10 {
            let reason = *rng.pick(DismissReason::ALL);
            push(&mut out, handled_at, Action::Dismiss(req, reason));
            continue;
        }
        let target = site.map_or(base, |s| (s.at.lat, s.at.lon));
        // The team free first, nearest on a tie within a few minutes.
        let best = teams
            .iter()
            .enumerate()
            .min_by_key(|(_, tp)| {
                let wait = (tp.free_at - handled_at).num_minutes().max(0);
                let dist = ((tp.at.0 - target.0).powi(2) + (tp.at.1 - target.1).powi(2)).sqrt();
                wait * 1000 + (dist * 100_000.0) as i64
            })
            .map(|(i, _)| i)
            .unwrap_or(0);
        let tp = &mut teams[best];
        let dispatch = handled_at.max(tp.free_at) + Duration::seconds(rng.range(0, 50));
        // No team leaves for a non-urgent call after 01:45: it is carried over to the next
        // night (the shift's end does that), as a coordinator would.
        if priority != Priority::P1 && dispatch > start + minutes(285) {
            continue;
        }
        // A P4 nobody could take for two hours is closed without follow-up.
        if priority == Priority::P4 && dispatch - at > minutes(120) {
            push(
                &mut out,
                handled_at + minutes(120),
                Action::Dismiss(req, DismissReason::Unreachable),
            );
            continue;
        }
        let arrive = dispatch + minutes(rng.range(4, 15));
        let stay = rng.range(8, 40);
        let clear = arrive + minutes(stay);
        push(
            &mut out,
            dispatch,
            Action::Dispatch(req, tp.call_sign.clone()),
        );
        push(
            &mut out,
            arrive,
            Action::Command(Command::Arrive {
                team: tp.call_sign.clone(),
            }),
        );
        if stay > 20 {
            push(
                &mut out,
                arrive + minutes(rng.range(15, 20)),
                Action::Command(Command::RecordContact {
                    team: tp.call_sign.clone(),
                }),
            );
        }
        let site_ref = site.or(t.sites.first());
        let (outcome, level, relays, referrals) = match site_ref {
            Some(s) => outcome(rng, t, s, category),
            None => (Outcome::Calmed, ResponseLevel::Mediation, vec![], vec![]),
        };
        let note = rng.chance(0.3).then(|| words::clearing_note(rng));
        let recurring = matches!(
            category,
            Category::NeighbourConflict | Category::HallOccupation | Category::Noise
        );
        let clearance = Clearance {
            team: tp.call_sign.clone(),
            level,
            outcome,
            relays,
            referrals,
            note,
            case: Default::default(),
        };
        push(
            &mut out,
            clear,
            Action::Clear(
                clearance,
                req,
                recurring && outcome == Outcome::MediationToContinue,
            ),
        );
        tp.free_at = clear + minutes(2);
        tp.at = target;
        if rng.chance(0.25) {
            let observe_at = clear + Duration::seconds(30);
            let (kind, note) = words::observation(rng);
            let obs = NewObservation {
                kind,
                site: site_ref.map(|s| s.id.clone()),
                district: None,
                team: Some(tp.call_sign.clone()),
                note,
            };
            push(
                &mut out,
                observe_at,
                Action::Command(Command::RecordObservation(obs)),
            );
        }
        let local_hour = (clear - start).num_minutes();
        if !tp.had_break && (140..=230).contains(&local_hour) {
            tp.had_break = true;
            let b = clear + minutes(1);
            push(
                &mut out,
                b,
                Action::Command(Command::SetTeamStatus {
                    team: tp.call_sign.clone(),
                    status: TeamStatus::Break,
                    position: None,
                }),
            );
            push(
                &mut out,
                b + minutes(20),
                Action::Command(Command::SetTeamStatus {
                    team: tp.call_sign.clone(),
                    status: TeamStatus::Available,
                    position: None,
                }),
            );
            tp.free_at = b + minutes(21);
        } else if rng.chance(0.2) {
            let district = site_ref.map(|s| s.district.clone()).unwrap_or_default();
            let position = Some(Position::District(district));
            push(
                &mut out,
                clear + minutes(1),
                Action::Command(Command::SetTeamStatus {
                    team: tp.call_sign.clone(),
                    status: TeamStatus::ActivePresence,
                    position,
                }),
            );
            tp.free_at = clear + minutes(3);
        }
    }

    for _ in 0..rng.range(1, 3) {
        let at = start + minutes(rng.range(0, 290));
        push(
            &mut out,
            at,
            Action::Command(Command::AddLogEntry {
                text: words::log_entry(rng),
            }),
        );
    }

    // End of the night: back to base, off duty, close after everything else.
    let mut last = out
        .iter()
        .map(|p| p.at)
        .max()
        .unwrap_or(start)
        .max(start + minutes(300));
    for tp in &teams {
        let back = tp.free_at.max(start + minutes(rng.range(280, 295)));
        push(
            &mut out,
            back,
            Action::Command(Command::SetTeamStatus {
                team: tp.call_sign.clone(),
                status: TeamStatus::ReturnToBase,
                position: None,
            }),
        );
        let off = back + minutes(rng.range(8, 15));
        push(
            &mut out,
            off,
            Action::Command(Command::SetTeamStatus {
                team: tp.call_sign.clone(),
                status: TeamStatus::OffDuty,
                position: Some(Position::Base),
            }),
        );
        last = last.max(off);
    }
    push(
        &mut out,
        last + minutes(rng.range(2, 10)),
        Action::Command(Command::CloseNight),
    );
    out.sort_by_key(|p| (p.at, p.order));
    out
}
