//! `vigie --demo`: a live night. The world (callers, teams in the field) moves on its own at
//! a realistic pace while the user plays the coordinator (dispatch, clear, relay…). Pure:
//! time is passed in; the runtime executes what `due` returns through the store, exactly
//! like the user's own commands.

use super::draw::{arrival_minute, new_request};
use super::rng::Rng;
use crate::domain::Command;
use crate::domain::calendar::ServiceNight;
use crate::domain::clock::Clock;
use crate::domain::ids::InterventionId;
use crate::domain::reference::Territory;
use crate::domain::state::{State, Team};
use crate::domain::vocab::TeamStatus;
use chrono::{DateTime, Datelike, Duration, Utc};
use std::collections::BTreeSet;
use std::time::Instant;

/// Simulated time running `speed` times faster than real time from an origin.
#[derive(Debug, Clone, Copy)]
pub struct SpeedClock {
    origin_real: Instant,
    origin_sim: DateTime<Utc>,
    speed: u32,
}

impl SpeedClock {
    pub fn new(origin_real: Instant, origin_sim: DateTime<Utc>, speed: u32) -> SpeedClock {
        SpeedClock {
            origin_real,
            origin_sim,
            speed: speed.max(1),
        }
    }

    pub fn speed(&self) -> u32 {
        self.speed
    }

    /// The simulated instant once `real_elapsed` of real time has passed since the origin.
    pub fn at(&self, real_elapsed: std::time::Duration) -> DateTime<Utc> {
        Duration::from_std(real_elapsed.saturating_mul(self.speed))
            .ok()
            .and_then(|d| self.origin_sim.checked_add_signed(d))
            // Only past the year 262143: the clock stops rather than panics.
            .unwrap_or(self.origin_sim)
    }

    /// The real time a simulated duration takes; zero for a negative one.
    pub fn sim_to_real(&self, sim: Duration) -> std::time::Duration {
        sim.to_std().unwrap_or_default() / self.speed
    }
}

impl Clock for SpeedClock {
    fn now(&self) -> DateTime<Utc> {
        self.at(self.origin_real.elapsed())
    }
}

/// The night a demo plays at `real_now`: the one under way, else the next service night.
pub fn live_night(real_now: DateTime<Utc>) -> ServiceNight {
    let night = ServiceNight::of(real_now);
    if night.is_service_day() && real_now < night.end() {
        night
    } else {
        night.next_service()
    }
}

/// Where a demo starts in simulated time: a few minutes into the night of `real_now`.
pub fn live_start(real_now: DateTime<Utc>) -> DateTime<Utc> {
    live_night(real_now).start() + Duration::minutes(3)
}

/// What the world does next, and when.
#[derive(Debug, Clone, PartialEq)]
enum Move {
    Arrive(String),
    Contact(String),
    /// The team on site says it is done: the coordinator may clear it.
    Done(String, InterventionId),
    BreakOver(String),
}

/// The world's side of a live night: when calls come in, and what the teams in the field do.
#[derive(Debug, Clone)]
pub struct LiveNight {
    seed: u64,
    night: ServiceNight,
    /// When the night's calls come in, in order, all after the start.
    calls: Vec<DateTime<Utc>>,
    next_call: usize,
    /// Interventions whose team already said it was done (said once).
    reported: BTreeSet<InterventionId>,
}

impl LiveNight {
    /// The night containing `start`, from `start` on. The first call comes within about a
    /// simulated minute, so that something happens at once.
    pub fn new(seed: u64, start: DateTime<Utc>) -> LiveNight {
        let night = ServiceNight::of(start);
        let mut rng = Rng::new(mix(seed, &[night_key(night)]));
        // A little lighter than the batch nights (20–60): one coordinator, played by a newcomer.
        let count = rng.range(18, 32);
        let mut calls: Vec<DateTime<Utc>> = (0..count)
            .filter_map(|_| {
                let minute = arrival_minute(&mut rng);
                let second = rng.range(0, 59);
                // Early and after-hours calls belong to other teams' work: not played here.
                (0..300)
                    .contains(&minute)
                    .then(|| night.start() + Duration::minutes(minute) + Duration::seconds(second))
            })
            .filter(|at| *at > start)
            .collect();
        if start < night.end() {
            calls.push(start + Duration::seconds(rng.range(20, 70)));
        }
        calls.sort_unstable();
        LiveNight {
            seed,
            night,
            calls,
            next_call: 0,
            reported: BTreeSet::new(),
        }
    }

    /// The commands whose time has come at `now`, in time order. One refused because the
    /// state changed under it (the coordinator recalled the team) is to be skipped.
    pub fn due(
        &mut self,
        state: &State,
        territory: &Territory,
        now: DateTime<Utc>,
    ) -> Vec<Command> {
        let Some(open) = state.open_night() else {
            return Vec::new();
        };
        // The coordinator opened another night: its calls are drawn afresh.
        if open.night != self.night {
            *self = LiveNight::new(self.seed, now);
            self.night = open.night;
        }
        let mut out = Vec::new();
        while self.calls.get(self.next_call).is_some_and(|at| *at <= now) {
            let index = self.next_call as u64;
            self.next_call += 1;
            if territory.sites.is_empty() {
                continue;
            }
            let mut rng = Rng::new(mix(self.seed, &[night_key(self.night), index, 1]));
            let (_, request) = new_request(&mut rng, territory);
            out.push(Command::ReceiveRequest(request));
        }
        let mut moves: Vec<(DateTime<Utc>, Move)> = self
            .moves(state)
            .into_iter()
            .filter(|(at, _)| *at <= now)
            .collect();
        moves.sort_by_key(|(at, _)| *at);
        for (_, m) in moves {
            match m {
                Move::Arrive(team) => out.push(Command::Arrive { team }),
                Move::Contact(team) => {
                    let roll = self.pick(&[key(&team), now.timestamp() as u64, 7], 0, 99);
                    out.push(super::safety::check_in(team, roll));
                }
                Move::Done(team, intervention) => {
                    self.reported.insert(intervention);
                    let number = state
                        .requests
                        .values()
                        .find(|r| r.interventions.iter().any(|i| i.id == intervention))
                        .map(|r| format!(" (sollicitation {})", r.number))
                        .unwrap_or_default();
                    out.push(Command::RecordContact { team: team.clone() });
                    out.push(Command::AddLogEntry {
                        text: format!(
                            "{team} annonce la fin de son intervention{number} : à clôturer."
                        ),
                    });
                }
                Move::BreakOver(team) => out.push(Command::SetTeamStatus {
                    team,
                    status: TeamStatus::Available,
                    position: None,
                }),
            }
        }
        out
    }

    /// The interventions whose team already said it was done (the autopilot clears them).
    pub fn reported(&self) -> &BTreeSet<InterventionId> {
        &self.reported
    }

    /// When the world next does something, for the runtime's timer. May be in the past
    /// when a move was refused; nothing is due while no night is open.
    pub fn next_due(&self, state: &State) -> Option<DateTime<Utc>> {
        state.open_night()?;
        let call = self.calls.get(self.next_call).copied();
        self.moves(state)
            .into_iter()
            .map(|(at, _)| at)
            .chain(call)
            .min()
    }

    /// The teams' next moves with their times, read from the state (so a restart continues).
    fn moves(&self, state: &State) -> Vec<(DateTime<Utc>, Move)> {
        let mut out = Vec::new();
        for team in state.teams.values() {
            let since = team.status_since().unwrap_or(team.last_contact);
            let name = team.call_sign.clone();
            match (team.status(), team.assignment) {
                (TeamStatus::EnRoute, Some((_, iv))) => {
                    let travel = self.pick(&[iv.0, 2], 4, 15);
                    out.push((since + Duration::minutes(travel), Move::Arrive(name)));
                }
                (TeamStatus::OnSite, Some((_, iv))) => {
                    if !self.reported.contains(&iv) {
                        let stay = self.pick(&[iv.0, 3], 8, 45);
                        let done = Move::Done(name.clone(), iv);
                        out.push((since + Duration::minutes(stay), done));
                    }
                    out.push((self.contact_at(team), Move::Contact(name)));
                }
                (TeamStatus::ActivePresence, _) => {
                    out.push((self.contact_at(team), Move::Contact(name)));
                }
                (TeamStatus::Break, _) => {
                    let pause = self.pick(&[key(&name), since.timestamp() as u64, 4], 20, 30);
                    out.push((since + Duration::minutes(pause), Move::BreakOver(name)));
                }
                _ => {}
            }
        }
        out
    }

    /// A team in the field calls in every 10 to 26 minutes: now and then past the contact
    /// alert (20 minutes by default), and now and then silent long enough to be escalated
    /// (`demo::safety`), as in a real night.
    fn contact_at(&self, team: &Team) -> DateTime<Utc> {
        let parts = [key(&team.call_sign), team.last_contact.timestamp() as u64];
        let roll = self.pick(&[parts[0], parts[1], 6], 0, 99);
        let (lo, hi) = super::safety::gap(roll);
        let gap = self.pick(&[parts[0], parts[1], 5], lo, hi);
        team.last_contact + Duration::minutes(gap)
    }

    /// A number in `lo..=hi` fixed by the seed and `parts`.
    fn pick(&self, parts: &[u64], lo: i64, hi: i64) -> i64 {
        Rng::new(mix(self.seed, parts)).range(lo, hi)
    }
}

fn night_key(night: ServiceNight) -> u64 {
    night.date().num_days_from_ce() as u64
}

fn key(text: &str) -> u64 {
    text.bytes().fold(0xCBF2_9CE4_8422_2325, |h, b| {
        (h ^ b as u64).wrapping_mul(0x100_0000_01B3)
    })
}

fn mix(seed: u64, parts: &[u64]) -> u64 {
    parts.iter().fold(seed, |h, p| {
        Rng::new(h ^ p.wrapping_mul(0x9E37_79B9_7F4A_7C15)).next_u64()
    })
}

#[cfg(test)]
#[path = "live_tests.rs"]
pub(super) mod tests;
