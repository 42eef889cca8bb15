//! Plans one realistic night as a timeline of the coordinator's actions: requests arrive,
//! the nearest free team goes, arrives, clears with an outcome; breaks, active presence,
//! observations and notes fill the night. Planned per team so that every action is one the
//! rules accept when replayed in time order.
//!
//! Every step draws from the one generator in a fixed order: reordering draws changes every
//! simulated night (the demo's journal is compared byte for byte).

use super::draw::{arrival_minute, new_request, outcome, partner_named};
use super::rng::Rng;
use super::words;
use crate::domain::calendar::ServiceNight;
use crate::domain::command::{Clearance, Command, NewObservation, NewRequest};
use crate::domain::ids::RequestId;
use crate::domain::reference::{Site, Territory};
use crate::domain::vocab::*;
use chrono::{DateTime, Duration, Utc};

#[path = "desk_plan.rs"]
mod desk_plan;

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
    /// Settled on the phone (`desk_plan.rs`), a callback asked for and made, a reinforcement.
    Settle(Req, PhoneOutcome, Option<String>),
    Callback(Req, DateTime<Utc>),
    CalledBack(Req, CallbackOutcome),
    Reinforce(Req, String),
}

pub struct Planned {
    pub at: DateTime<Utc>,
    pub order: usize,
    pub action: Action,
}

pub struct NightInput<'a> {
    pub night: ServiceNight,
    pub territory: &'a Territory,
    pub coordinator: String,
    pub carried_over: Vec<RequestId>,
}

/// A request to handle: when it can be taken, what it is, where.
#[derive(Clone, Copy)]
struct Job<'t> {
    at: DateTime<Utc>,
    req: Req,
    priority: Priority,
    site: Option<&'t Site>,
    category: Category,
    /// The caller left a number to call back.
    callback: bool,
}

struct TeamPlan {
    call_sign: String,
    free_at: DateTime<Utc>,
    at: (f64, f64),
    had_break: bool,
}

fn minutes(m: i64) -> Duration {
    Duration::minutes(m)
}

/// Plans the night. Returns the actions in the order they must run.
pub fn plan(rng: &mut Rng, input: &NightInput<'_>) -> Vec<Planned> {
    let t = input.territory;
    let base = t
        .sites
        .first()
        .map_or((48.11, -1.68), |s| (s.at.lat, s.at.lon));
    let mut p = Planner {
        rng,
        t,
        start: input.night.start(),
        base,
        out: Vec::new(),
    };
    // Three teams take five or six interventions each in a five-hour night and keep time
    // for presence: more calls would leave requests waiting for hours.
    let count = p.rng.range(10, 22) as usize;
    let mut arrivals: Vec<i64> = (0..count).map(|_| arrival_minute(p.rng)).collect();
    arrivals.sort_unstable();
    // Some nights start at 19:30 with the early team: the night is opened before the first call.
    let earliest = arrivals.first().copied().unwrap_or(0).min(0);
    let open_at = p.start + minutes(earliest.min(-p.rng.range(5, 25)) - 3);
    let coordinator = input.coordinator.clone();
    p.command(open_at, Command::OpenNight { coordinator });
    let mut teams = p.compose_teams(open_at);
    if teams.is_empty() {
        return p.out;
    }
    for job in p.receive(&input.carried_over, &arrivals) {
        p.handle(&mut teams, job);
    }
    p.log_entries();
    p.end_of_night(&teams);
    p.out.sort_by_key(|p| (p.at, p.order));
    p.out
}

/// The night being planned: the generator, the territory and the actions so far.
struct Planner<'r, 't> {
    rng: &'r mut Rng,
    t: &'t Territory,
    start: DateTime<Utc>,
    /// Where the teams start from (the first site's place stands for the base).
    base: (f64, f64),
    out: Vec<Planned>,
}

impl<'t> Planner<'_, 't> {
    /// Ties at the same instant run in the order they were planned.
    fn push(&mut self, at: DateTime<Utc>, action: Action) {
        let order = self.out.len();
        self.out.push(Planned { at, order, action });
    }

    fn command(&mut self, at: DateTime<Utc>, command: Command) {
        self.push(at, Action::Command(command));
    }

    fn set_status(
        &mut self,
        at: DateTime<Utc>,
        team: &str,
        status: TeamStatus,
        position: Option<Position>,
    ) {
        let team = team.to_string();
        self.command(
            at,
            Command::SetTeamStatus {
                team,
                status,
                position,
            },
        );
    }

    /// Three teams from the mediators, rotating so everyone works some nights.
    fn compose_teams(&mut self, open_at: DateTime<Utc>) -> Vec<TeamPlan> {
        let mediators: Vec<&str> = self.t.mediators.iter().map(|m| m.id.as_str()).collect();
        let shift = self.rng.below(mediators.len().max(1) as u64) as usize;
        let mut teams = Vec::new();
        let mut next = 0;
        for (i, size) in [3, 3, 2].into_iter().enumerate() {
            if next + size > mediators.len() {
                break;
            }
            let members: Vec<String> = (0..size)
                .map(|k| mediators[(shift + next + k) % mediators.len()].to_string())
                .collect();
            next += size;
            let call_sign = format!("E{}", i + 1);
            let equipment = Some(format!("Véhicule {} · tél. équipe {}", i + 1, i + 1));
            let team = call_sign.clone();
            let compose = Command::ComposeTeam {
                team,
                members,
                equipment,
            };
            self.command(open_at + minutes(2), compose);
            teams.push(TeamPlan {
                call_sign,
                free_at: open_at + minutes(5),
                at: self.base,
                had_break: false,
            });
        }
        teams
    }

    /// The requests to handle: those carried over first, then the night's calls.
    fn receive(&mut self, carried_over: &[RequestId], arrivals: &[i64]) -> Vec<Job<'t>> {
        let mut jobs: Vec<Job<'t>> = carried_over
            .iter()
            .map(|id| Job {
                at: self.start + minutes(10),
                req: Req::Old(*id),
                priority: Priority::P3,
                site: None,
                category: Category::Other,
                callback: false,
            })
            .collect();
        for (i, m) in arrivals.iter().enumerate() {
            let at = self.start + minutes(*m) + Duration::seconds(self.rng.range(0, 59));
            let (site, req) = new_request(self.rng, self.t);
            let (category, priority) = (req.category, req.priority);
            let callback = req.callback.is_some();
            self.push(at, Action::Receive(i, req));
            jobs.push(Job {
                at,
                req: Req::New(i),
                priority,
                site: Some(site),
                category,
                callback,
            });
        }
        jobs
    }

    /// One request: relayed or dismissed at once, else the team free first goes (unless
    /// it is too late or a P4 waited too long).
    fn handle(&mut self, teams: &mut [TeamPlan], job: Job<'t>) {
        let handled_at = job.at + minutes(self.rng.range(1, 4));
        self.callback(job, handled_at);
        if self.without_visit(job, handled_at) {
            return;
        }
        let target = job.site.map_or(self.base, |s| (s.at.lat, s.at.lon));
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
        let dispatch = handled_at.max(tp.free_at) + Duration::seconds(self.rng.range(0, 50));
        // No team leaves for a non-urgent call after 01:45: it is carried over to the next
        // night (the shift's end does that), as a coordinator would.
        if job.priority != Priority::P1 && dispatch > self.start + minutes(285) {
            return;
        }
        // A P4 nobody could take for two hours is closed without follow-up.
        if job.priority == Priority::P4 && dispatch - job.at > minutes(120) {
            let dismiss = Action::Dismiss(job.req, DismissReason::Unreachable);
            self.push(handled_at + minutes(120), dismiss);
            return;
        }
        let times = self.visit(tp, job, dispatch, target);
        self.reinforce(teams, best, job, times);
    }

    /// Calls straight to a relay, or without follow-up; `false` when a team must go.
    fn without_visit(&mut self, job: Job<'t>, handled_at: DateTime<Utc>) -> bool {
        let roll = self.rng.below(100);
        if roll < 4 {
            let partner = if job.category == Category::VulnerablePerson {
                "samu"
            } else {
                "police"
            };
            // A territory without that partner sends a team instead.
            let Some(p) = partner_named(self.t, partner) else {
                return false;
            };
            self.push(handled_at, Action::Relay(job.req, p));
        } else if roll < 10 {
            let reason = *self.rng.pick(DismissReason::ALL);
            self.push(handled_at, Action::Dismiss(job.req, reason));
        } else if roll < 18 {
            return self.by_phone(job, handled_at);
        } else {
            return false;
        }
        true
    }

    /// The team goes, arrives, checks in on a long stay and clears with an outcome; returns
    /// when it arrived and cleared.
    fn visit(
        &mut self,
        tp: &mut TeamPlan,
        job: Job<'t>,
        dispatch: DateTime<Utc>,
        target: (f64, f64),
    ) -> (DateTime<Utc>, DateTime<Utc>) {
        let team = tp.call_sign.clone();
        let arrive = dispatch + minutes(self.rng.range(4, 15));
        let stay = self.rng.range(8, 40);
        let clear = arrive + minutes(stay);
        self.push(dispatch, Action::Dispatch(job.req, team.clone()));
        self.command(arrive, Command::Arrive { team: team.clone() });
        if stay > 20 {
            let contact_at = arrive + minutes(self.rng.range(15, 20));
            self.command(contact_at, Command::RecordContact { team: team.clone() });
        }
        let site_ref = job.site.or(self.t.sites.first());
        let (outcome, level, relays, referrals) = match site_ref {
            Some(s) => outcome(self.rng, self.t, s, job.category),
            None => (Outcome::Calmed, ResponseLevel::Mediation, vec![], vec![]),
        };
        let note = self.rng.chance(0.3).then(|| words::clearing_note(self.rng));
        let recurring = matches!(
            job.category,
            Category::NeighbourConflict | Category::HallOccupation | Category::Noise
        );
        let clearance = Clearance {
            team,
            level,
            outcome,
            relays,
            referrals,
            note,
            case: Default::default(),
        };
        let start_case = recurring && outcome == Outcome::MediationToContinue;
        self.push(clear, Action::Clear(clearance, job.req, start_case));
        tp.free_at = clear + minutes(2);
        tp.at = target;
        self.after_visit(tp, clear, site_ref);
        (arrive, clear)
    }

    /// After a visit: sometimes an observation; a break once in the night's middle, or a
    /// spell of active presence in the district.
    fn after_visit(&mut self, tp: &mut TeamPlan, clear: DateTime<Utc>, site: Option<&Site>) {
        let team = tp.call_sign.as_str();
        if self.rng.chance(0.25) {
            let (kind, note) = words::observation(self.rng);
            let obs = NewObservation {
                kind,
                site: site.map(|s| s.id.clone()),
                district: None,
                team: Some(team.to_string()),
                note,
                entrance: None,
                address: None,
                request: None,
            };
            let observe_at = clear + Duration::seconds(30);
            self.command(observe_at, Command::RecordObservation(obs));
        }
        let local_hour = (clear - self.start).num_minutes();
        if !tp.had_break && (140..=230).contains(&local_hour) {
            tp.had_break = true;
            let b = clear + minutes(1);
            self.set_status(b, team, TeamStatus::Break, None);
            self.set_status(b + minutes(20), team, TeamStatus::Available, None);
            tp.free_at = b + minutes(21);
        } else if self.rng.chance(0.2) {
            let district = site.map(|s| s.district.clone()).unwrap_or_default();
            // At a point of tonight's plan when one is open in that district.
            let spot = super::desk::presence_spot(self.t, &district, clear + minutes(1));
            let position = Some(spot);
            self.set_status(
                clear + minutes(1),
                team,
                TeamStatus::ActivePresence,
                position,
            );
            tp.free_at = clear + minutes(3);
        }
    }

    fn log_entries(&mut self) {
        for _ in 0..self.rng.range(1, 3) {
            let at = self.start + minutes(self.rng.range(0, 290));
            let text = words::log_entry(self.rng);
            self.command(at, Command::AddLogEntry { text });
        }
    }

    /// End of the night: back to base, off duty, close after everything else.
    fn end_of_night(&mut self, teams: &[TeamPlan]) {
        let mut last = self
            .out
            .iter()
            .map(|p| p.at)
            .max()
            .unwrap_or(self.start)
            .max(self.start + minutes(300));
        for tp in teams {
            let team = tp.call_sign.as_str();
            let back = tp
                .free_at
                .max(self.start + minutes(self.rng.range(280, 295)));
            self.set_status(back, team, TeamStatus::ReturnToBase, None);
            let off = back + minutes(self.rng.range(8, 15));
            self.set_status(off, team, TeamStatus::OffDuty, Some(Position::Base));
            last = last.max(off);
        }
        let close_at = last + minutes(self.rng.range(2, 10));
        self.command(close_at, Command::CloseNight);
    }
}
