//! The teams' safety in the demos: how long a team in the field goes between check-ins and
//! what a check-in says, for the live world; and, in the simulated nights, what the console
//! would have written — a check-in that came late (its amber step recorded first) and a
//! check-in that reported a need for reinforcement or an incident.
//!
//! The simulated nights draw these from a generator of their own (seeded by the night and
//! the team), so that the plan's own draws, and so every other fact, stay as they were.

use super::plan::{Action, Planned};
use super::rng::Rng;
use crate::domain::Command;
use crate::domain::safety::{CheckInWord, MissedStep};
use chrono::{DateTime, Duration, Utc};

/// The default on-site threshold (minutes) the simulated console watched with.
const ON_SITE: i64 = 20;

/// Minutes between two check-ins of a team in the field, from a roll in 0..100: mostly 10
/// to 26 (now and then past the amber), and now and then silent long enough to go red and
/// be escalated.
pub(super) fn gap(roll: i64) -> (i64, i64) {
    if roll < 12 { (50, 75) } else { (10, 26) }
}

/// What a check-in says, from a roll in 0..100.
pub(super) fn word(roll: i64) -> CheckInWord {
    match roll {
        0..=3 => CheckInWord::Incident,
        4..=11 => CheckInWord::Reinforcement,
        _ => CheckInWord::Ras,
    }
}

/// A check-in of `team`, with its word.
pub(super) fn check_in(team: String, roll: i64) -> Command {
    match word(roll) {
        CheckInWord::Ras => Command::RecordContact { team },
        word => Command::CheckIn { team, word },
    }
}

/// Adds to a simulated night's plan what the console would have written about its teams'
/// check-ins: one stay on site in five has its check-in late (amber recorded at the
/// threshold, the contact a few minutes later), and some check-ins report something.
pub(super) fn add(planned: &mut Vec<Planned>, seed: u64) {
    let mut extra = Vec::new();
    for (i, p) in planned.iter().enumerate() {
        let Action::Command(Command::RecordContact { team }) = &p.action else {
            continue;
        };
        let mut rng = Rng::new(seed ^ (p.at.timestamp() as u64) ^ key(team));
        let roll = rng.range(0, 99);
        let Some((arrived, cleared)) = stay(planned, i, team) else {
            continue;
        };
        let amber = arrived + Duration::minutes(ON_SITE);
        let late = amber + Duration::minutes(rng.range(1, 4));
        if roll < 20 && late < cleared {
            extra.push((i, amber, late, team.clone(), rng.range(0, 99)));
        } else if let Command::CheckIn { .. } = check_in(team.clone(), roll - 20) {
            extra.push((i, p.at, p.at, team.clone(), roll - 20));
        }
    }
    let base = planned.len();
    for (k, (i, amber, at, team, roll)) in extra.into_iter().enumerate() {
        if amber < at {
            planned.push(Planned {
                at: amber,
                order: base + 2 * k,
                action: Action::Command(Command::MissCheckIn {
                    team: team.clone(),
                    step: MissedStep::Amber,
                    minutes: ON_SITE as u32,
                }),
            });
        }
        planned[i].at = at;
        planned[i].order = base + 2 * k + 1;
        planned[i].action = Action::Command(check_in(team, roll));
    }
    planned.sort_by_key(|p| (p.at, p.order));
}

/// When the team arrived before the contact at `i`, and when it cleared after it.
fn stay(planned: &[Planned], i: usize, team: &str) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
    let arrived = planned[..i].iter().rev().find_map(|p| match &p.action {
        Action::Command(Command::Arrive { team: t }) if t == team => Some(p.at),
        _ => None,
    })?;
    let cleared = planned[i..].iter().find_map(|p| match &p.action {
        Action::Clear(c, ..) if c.team == team => Some(p.at),
        _ => None,
    })?;
    Some((arrived, cleared))
}

fn key(text: &str) -> u64 {
    text.bytes().fold(0xCBF2_9CE4_8422_2325, |h, b| {
        (h ^ b as u64).wrapping_mul(0x100_0000_01B3)
    })
}
