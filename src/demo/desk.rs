//! What the simulated coordinator does for the watch, the relays and the night's plan, as
//! each planned command runs: the weekday's standing plan with the night's opening, a
//! passage when a team's presence is at one of its points, the relays named at a clearance
//! followed (answered, arrived or no answer, minutes later), the night's observations
//! transmitted with its report at the close, and the commissioners' answers and
//! resolutions coming in over the following nights. Deterministic: no draw from the
//! night's generator (its sequence stays as it was), choices by the ids' arithmetic.

use super::DemoError;
use crate::domain::command::Command;
use crate::domain::event::{Envelope, Event};
use crate::domain::ids::ObservationId;
use crate::domain::plan::{PlanCommand, PlanPlace, minutes_at};
use crate::domain::reference::Territory;
use crate::domain::vocab::{Position, TeamStatus};
use crate::domain::watch::{Channel, RelayStep, WatchCommand, WatchEnding, WatchStatus};
use crate::store::Tx;
use chrono::{DateTime, Datelike, Duration, Utc};

/// The follow-ups waiting for their time in the night.
#[derive(Default)]
pub(super) struct Desk {
    pending: Vec<(DateTime<Utc>, Command)>,
}

impl Desk {
    /// Runs the follow-ups due by `at`, in time order.
    pub(super) fn due(&mut self, tx: &mut Tx<'_>, at: DateTime<Utc>) -> Result<(), DemoError> {
        self.pending.sort_by_key(|(t, _)| *t);
        let split = self.pending.partition_point(|(t, _)| *t <= at);
        for (t, cmd) in self.pending.drain(..split).collect::<Vec<_>>() {
            tx.execute(&cmd, t)?;
        }
        Ok(())
    }

    /// What follows a command just run at `at`.
    pub(super) fn after(
        &mut self,
        tx: &mut Tx<'_>,
        cmd: &Command,
        envs: &[Envelope],
        at: DateTime<Utc>,
    ) -> Result<(), DemoError> {
        match cmd {
            Command::OpenNight { .. } => {
                tx.execute(&Command::Plan(PlanCommand::AdoptStanding), at)?;
                for c in answers(tx, at) {
                    tx.execute(&c, at)?;
                }
            }
            Command::SetTeamStatus {
                team,
                status: TeamStatus::ActivePresence,
                position: Some(p),
            } => {
                if let Some(item) = passed(tx, p) {
                    let pass = PlanCommand::Pass {
                        item,
                        team: team.clone(),
                    };
                    tx.execute(&Command::Plan(pass), at)?;
                }
            }
            Command::Clear(_) => self.follow_relays(envs, at),
            _ => {}
        }
        Ok(())
    }

    /// Before the close: what is still pending, then the night's report goes out with its
    /// observations.
    pub(super) fn closing(&mut self, tx: &mut Tx<'_>, at: DateTime<Utc>) -> Result<(), DemoError> {
        for (_, cmd) in std::mem::take(&mut self.pending) {
            tx.execute(&cmd, at)?;
        }
        let night = tx.state().night.as_ref().map(|n| n.night);
        let observations: Vec<ObservationId> = tx
            .state()
            .observations
            .values()
            .filter(|o| Some(o.night) == night && o.status() == WatchStatus::ToTransmit)
            .map(|o| o.id)
            .collect();
        if !observations.is_empty() {
            let transmit = WatchCommand::Transmit {
                observations,
                channel: Channel::NightReport,
            };
            tx.execute(&Command::Watch(transmit), at)?;
        }
        Ok(())
    }

    /// The relays named at a clearance answer a few minutes later; most arrive.
    fn follow_relays(&mut self, envs: &[Envelope], at: DateTime<Utc>) {
        for e in envs {
            let Event::InterventionCleared {
                request, relays, ..
            } = &e.event
            else {
                continue;
            };
            for (k, partner) in relays.iter().enumerate() {
                let follow = |step| {
                    Command::Watch(WatchCommand::FollowRelay {
                        request: *request,
                        partner: partner.clone(),
                        step,
                    })
                };
                let roll = (request.0 + k as u64) % 4;
                if roll == 0 {
                    self.later(at, 4, follow(RelayStep::NoAnswer));
                }
                self.later(at, 6, follow(RelayStep::Answered));
                if roll != 3 {
                    self.later(at, 18 + roll as i64 * 4, follow(RelayStep::Arrived));
                }
            }
        }
    }

    fn later(&mut self, at: DateTime<Utc>, minutes: i64, cmd: Command) {
        self.pending.push((at + Duration::minutes(minutes), cmd));
    }
}

/// The plan item a presence at `p` passes: the same place, else the district holding it.
fn passed(tx: &Tx<'_>, p: &Position) -> Option<crate::domain::ids::PlanItemId> {
    let state = tx.state();
    let t = tx.territory();
    let district = match p {
        Position::Site(s) => t.site(s).map(|s| s.district.clone()),
        Position::District(d) => Some(d.clone()),
        Position::Base => None,
    };
    let open = || state.plan.values().filter(|i| !i.dropped && !i.done());
    let same = |i: &&crate::domain::plan::PlanItem| match (&i.place, p) {
        (PlanPlace::Site(a), Position::Site(b)) => a == b,
        (PlanPlace::District(a), Position::District(b)) => a == b,
        _ => false,
    };
    open().find(same).map(|i| i.id).or_else(|| {
        open()
            .find(|i| matches!(&i.place, PlanPlace::District(d) if Some(d) == district.as_ref()))
            .map(|i| i.id)
    })
}

/// Where a spell of presence in `district` goes: a standing point of the weekday in that
/// district whose window is open at `at`, else the district itself.
pub(super) fn presence_spot(t: &Territory, district: &str, at: DateTime<Utc>) -> Position {
    let night = crate::domain::calendar::ServiceNight::of(at);
    let day = night.date().weekday();
    let now = minutes_at(at);
    let in_window = |w: &crate::domain::plan::Window| {
        let (from, to) = (
            crate::domain::plan::night_minutes(w.from),
            crate::domain::plan::night_minutes(w.to),
        );
        from <= now && now <= to
    };
    t.plan
        .iter()
        .filter(|s| s.days.contains(&day) && in_window(&s.window))
        .find_map(|s| match &s.place {
            PlanPlace::Site(id) if t.site(id).is_some_and(|x| x.district == district) => {
                Some(Position::Site(id.clone()))
            }
            PlanPlace::District(d) if d == district => Some(Position::District(d.clone())),
            _ => None,
        })
        .unwrap_or_else(|| Position::District(district.to_string()))
}

/// The commissioners' answers as a night opens: an observation transmitted two days ago or
/// more is acknowledged (most of them), one acknowledged a week ago is resolved (most),
/// one transmitted a month ago without an answer is closed without follow-up.
fn answers(tx: &Tx<'_>, now: DateTime<Utc>) -> Vec<Command> {
    let mut out = Vec::new();
    for o in tx.state().observations.values() {
        let id = o.id;
        let settle = |ending| {
            Command::Watch(WatchCommand::Settle {
                observation: id,
                ending,
            })
        };
        let age = |d: Option<DateTime<Utc>>| d.map_or(0, |d| (now - d).num_days());
        match o.status() {
            WatchStatus::Transmitted if age(o.transmitted_at) >= 30 => {
                out.push(settle(WatchEnding::NoFollowUp))
            }
            WatchStatus::Transmitted if age(o.transmitted_at) >= 2 && id.0 % 5 != 0 => {
                out.push(Command::Watch(WatchCommand::Acknowledge {
                    observation: id,
                    answer: Some(answer(id, &o.commissioner)),
                }))
            }
            WatchStatus::Acknowledged if age(o.acknowledged_at) >= 7 => {
                let ending = if id.0 % 4 == 0 {
                    WatchEnding::NoFollowUp
                } else {
                    WatchEnding::Resolved
                };
                out.push(settle(ending))
            }
            _ => {}
        }
    }
    out
}

/// An answer as a landlord's or the city's service gives it (invented words, no name).
fn answer(id: ObservationId, commissioner: &str) -> String {
    let what = [
        "intervention programmée",
        "signalement transmis au prestataire",
        "passage du technicien prévu",
        "pris en compte, suivi en cours",
    ];
    let who = if commissioner == "ville" {
        "Service de la ville"
    } else {
        "Gestion locative"
    };
    format!("{who} : {}", what[(id.0 % what.len() as u64) as usize])
}
