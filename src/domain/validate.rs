//! Events that come from outside (a journal import, a restore) are checked as `decide`
//! checked them when they were made: references to the territory and to earlier events,
//! nights in order, instants that do not go back, text within its limits. Pure: the store
//! reads the file and calls these with the state as it stands before each event.

use super::calendar::{Hours, ServiceNight};
use super::event::{Envelope, Event};
use super::handover::Scope;
use super::ids::{CaseId, InstructionId, InterventionId, RequestId};
use super::personal::{MAX_NAME, MAX_TEXT, PersonalRecord};
use super::reference::Territory;
use super::state::{NightState, State};
use super::vocab::Position;
use chrono::{DateTime, Utc};

mod desk;

mod invalid;
pub use invalid::Invalid;

type Check = Result<(), Invalid>;

pub(super) fn known(ok: bool, what: &'static str, id: &str) -> Check {
    if ok {
        Ok(())
    } else {
        Err(Invalid::UnknownReference {
            what,
            id: id.to_string(),
        })
    }
}

pub(super) fn earlier(ok: bool, what: &'static str, id: impl ToString) -> Check {
    if ok {
        Ok(())
    } else {
        Err(Invalid::UnknownEarlier {
            what,
            id: id.to_string(),
        })
    }
}

pub(super) fn fresh(allocated: bool, what: &'static str, id: impl ToString) -> Check {
    if allocated {
        Err(Invalid::Duplicate {
            what,
            id: id.to_string(),
        })
    } else {
        Ok(())
    }
}

fn site(t: &Territory, id: &str) -> Check {
    known(t.site(id).is_some(), "site", id)
}

fn partners(t: &Territory, ids: &[String]) -> Check {
    ids.iter()
        .try_for_each(|p| known(t.partner(p).is_some(), "partner", p))
}

fn position(t: &Territory, p: &Position) -> Check {
    match p {
        Position::Base => Ok(()),
        Position::Site(s) => site(t, s),
        Position::District(d) => known(t.district(d).is_some(), "district", d),
    }
}

fn text(field: &'static str, s: &str, max: usize) -> Check {
    if s.chars().count() > max {
        Err(Invalid::TooLong { field, max })
    } else {
        Ok(())
    }
}

/// The envelope's place in time: after the previous event, in the open night (or the
/// night of its instant when none is open), with the hours of its instant.
fn placement(state: &State, env: &Envelope, previous: Option<DateTime<Utc>>) -> Check {
    if let Some(previous) = previous.filter(|p| env.at < *p) {
        return Err(Invalid::TimeBack {
            at: env.at,
            previous,
        });
    }
    let (calendar, hours) = ServiceNight::placement(env.at);
    let (night, hours) = match state.open_night() {
        Some(open) if open.night != calendar => (open.night, Hours::Outside),
        Some(open) => (open.night, hours),
        None => (calendar, hours),
    };
    // The events of the command that opens a night are placed like it (by the calendar).
    let opening = state.open_night().is_none() && env.night == calendar;
    if (env.night, env.hours) != (night, hours) && !opening {
        return Err(Invalid::Placement { night: env.night });
    }
    Ok(())
}

/// References to what earlier events made, read from the state before the event.
struct Earlier<'a>(&'a State);

impl Earlier<'_> {
    fn team(&self, id: &str) -> Check {
        earlier(self.0.teams.contains_key(id), "team", id)
    }
    fn request(&self, id: RequestId) -> Check {
        earlier(id.0 < self.0.counters.request, "request", id.0)
    }
    fn intervention(&self, id: InterventionId) -> Check {
        earlier(id.0 < self.0.counters.intervention, "intervention", id.0)
    }
    fn case(&self, id: CaseId) -> Check {
        earlier(id.0 < self.0.counters.case, "case", id.0)
    }
    fn instruction(&self, id: InstructionId) -> Check {
        earlier(id.0 < self.0.counters.instruction, "instruction", id.0)
    }
    fn open(&self) -> Result<&NightState, Invalid> {
        self.0.open_night().ok_or(Invalid::NoNightOpen)
    }
}

fn coordinator(t: &Territory, id: &str) -> Check {
    known(t.coordinator(id).is_some(), "coordinator", id)
}

/// Checks one envelope against the state before it and the territory.
pub fn check_event(
    state: &State,
    t: &Territory,
    env: &Envelope,
    previous: Option<DateTime<Utc>>,
) -> Check {
    placement(state, env, previous)?;
    if let Some(c) = &env.coordinator {
        coordinator(t, c)?;
    }
    let e = Earlier(state);
    night_event(&e, t, env)?;
    team_event(&e, t, &env.event)?;
    request_event(&e, t, &env.event)?;
    case_event(&e, t, &env.event)?;
    desk::desk_event(&e, t, &env.event)?;
    other_event(&e, t, &env.event)?;
    super::safety_checks::out_of_order(state, env).map_or(Ok(()), |id| {
        let what = env.event.kind();
        Err(Invalid::OutOfOrder { what, id })
    })
}

fn night_event(e: &Earlier, t: &Territory, env: &Envelope) -> Check {
    match &env.event {
        Event::NightOpened {
            night,
            coordinator: c,
        } => {
            coordinator(t, c)?;
            if let Some(last) = &e.0.night
                && (last.is_open() || *night <= last.night)
            {
                return Err(Invalid::NightOrder {
                    night: *night,
                    last: last.night,
                });
            }
            if *night != env.night {
                return Err(Invalid::Placement { night: *night });
            }
            Ok(())
        }
        Event::CoordinatorChanged { coordinator: c } => e.open().and_then(|_| coordinator(t, c)),
        Event::NightClosed { night } => {
            let open = e.open()?;
            if *night != open.night {
                return Err(Invalid::OtherNight {
                    night: *night,
                    open: open.night,
                });
            }
            Ok(())
        }
        Event::HandoverAcknowledged { coordinator: c, .. } => coordinator(t, c),
        _ => Ok(()),
    }
}

fn team_event(e: &Earlier, t: &Territory, event: &Event) -> Check {
    match event {
        Event::TeamComposed {
            members, equipment, ..
        } => {
            e.open()?;
            for m in members {
                known(t.mediator(m).is_some(), "mediator", m)?;
            }
            equipment
                .as_deref()
                .map_or(Ok(()), |s| text("equipment", s, MAX_TEXT))
        }
        Event::TeamStatusChanged {
            team, position: p, ..
        } => {
            e.team(team)?;
            p.as_ref().map_or(Ok(()), |p| position(t, p))
        }
        Event::TeamPositionUpdated { team, position: p } => {
            e.team(team)?;
            position(t, p)
        }
        Event::TeamContacted { team } => e.team(team),
        Event::CheckInReported { team, .. }
        | Event::CheckInMissed { team, .. }
        | Event::TeamCodeIssued { team, .. } => e.team(team),
        _ => Ok(()),
    }
}

fn request_event(e: &Earlier, t: &Territory, event: &Event) -> Check {
    let c = &e.0.counters;
    match event {
        Event::RequestReceived {
            request,
            site: s,
            district,
            ..
        } => {
            fresh(request.0 < c.request, "request", request.0)?;
            match district {
                // A free address: no site, a district of the territory.
                Some(d) if s.is_empty() => known(t.district(d).is_some(), "district", d),
                _ => site(t, s),
            }
        }
        Event::RequestCorrected {
            request, site: s, ..
        } => {
            e.request(*request)?;
            s.as_deref().map_or(Ok(()), |s| site(t, s))
        }
        Event::RequestAssigned {
            request,
            team,
            intervention,
        } => {
            e.request(*request)?;
            e.team(team)?;
            fresh(
                intervention.0 < c.intervention,
                "intervention",
                intervention.0,
            )
        }
        Event::TeamArrived {
            team,
            request,
            intervention,
        }
        | Event::TeamRecalled {
            team,
            request,
            intervention,
        } => e
            .team(team)
            .and(e.request(*request))
            .and(e.intervention(*intervention)),
        Event::InterventionCleared {
            intervention,
            request,
            team,
            relays,
            referrals,
            ..
        } => {
            e.team(team)?;
            e.request(*request)?;
            e.intervention(*intervention)?;
            partners(t, relays)?;
            partners(t, referrals)
        }
        Event::RequestRelayed {
            request, partner, ..
        } => e
            .request(*request)
            .and(known(t.partner(partner).is_some(), "partner", partner)),
        Event::RequestDismissed { request, .. }
        | Event::RequestCancelled { request }
        | Event::RequestCarriedOver { request } => e.request(*request),
        _ => Ok(()),
    }
}

fn case_event(e: &Earlier, t: &Territory, event: &Event) -> Check {
    match event {
        Event::CaseOpened { case, site: s, .. } => {
            fresh(case.0 < e.0.counters.case, "case", case.0)?;
            site(t, s)
        }
        Event::CaseLinked { case, request } => e.case(*case).and(e.request(*request)),
        Event::CaseStepRecorded { case, request, .. } => {
            e.case(*case)?;
            request.map_or(Ok(()), |r| e.request(r))
        }
        Event::CaseStateChanged { case, .. } | Event::CaseFollowUpSet { case, .. } => e.case(*case),
        _ => Ok(()),
    }
}

fn other_event(e: &Earlier, t: &Territory, event: &Event) -> Check {
    match event {
        Event::ObservationRecorded {
            site: s,
            district,
            team,
            ..
        } => {
            s.as_deref().map_or(Ok(()), |s| site(t, s))?;
            if let Some(d) = district {
                known(t.district(d).is_some(), "district", d)?;
            }
            team.as_deref().map_or(Ok(()), |id| e.team(id))
        }
        Event::PersonalPurged { personal, .. } => personal
            .iter()
            .try_for_each(|p| earlier(p.0 < e.0.counters.personal, "personal", p.0)),
        Event::HandoverWritten {
            situation,
            actions,
            needs,
        } => {
            text("situation", situation, MAX_TEXT)?;
            text("actions", actions, MAX_TEXT)?;
            text("needs", needs, MAX_TEXT)
        }
        Event::InstructionAdded {
            instruction,
            scope,
            text: s,
            ..
        } => {
            let counter = e.0.counters.instruction;
            fresh(instruction.0 < counter, "instruction", instruction.0)?;
            match scope {
                Scope::Territory => {}
                Scope::District(d) => known(t.district(d).is_some(), "district", d)?,
                Scope::Site(id) => site(t, id)?,
            }
            text("text", s, MAX_TEXT)
        }
        Event::InstructionExtended { instruction, .. }
        | Event::InstructionEnded { instruction } => e.instruction(*instruction),
        _ => Ok(()),
    }
}

/// A personal record from outside: within the limits the commands keep.
pub fn check_personal(rec: &PersonalRecord) -> Check {
    if let Some(n) = &rec.caller_name {
        text("caller_name", n, MAX_NAME)?;
    }
    if let Some(n) = &rec.callback {
        text("callback", n, 32)?;
    }
    rec.text
        .as_deref()
        .map_or(Ok(()), |s| text("text", s, MAX_TEXT))
}
