//! Events that come from outside (a journal import, a restore) are checked as `decide`
//! checked them when they were made: references to the territory and to earlier events,
//! nights in order, instants that do not go back, text within its limits. Pure: the store
//! reads the file and calls these with the state as it stands before each event.

use super::calendar::{Hours, ServiceNight};
use super::event::{Envelope, Event};
use super::handover::Scope;
use super::personal::{MAX_NAME, MAX_TEXT, PersonalRecord};
use super::reference::Territory;
use super::state::State;
use super::vocab::Position;
use chrono::{DateTime, Utc};

/// Why an event or a record from outside is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Invalid {
    /// A reference to the territory that it does not have (`what`: site, district, …).
    UnknownReference { what: &'static str, id: String },
    /// A reference to a request, intervention, case, instruction or team that no earlier
    /// event made.
    UnknownEarlier { what: &'static str, id: String },
    /// An id allocated twice.
    Duplicate { what: &'static str, id: String },
    /// The instant goes back before the previous event's.
    TimeBack {
        at: DateTime<Utc>,
        previous: DateTime<Utc>,
    },
    /// The envelope's night or hours are not those of its instant.
    Placement { night: ServiceNight },
    /// A night opened while one is open, or not after the last one.
    NightOrder {
        night: ServiceNight,
        last: ServiceNight,
    },
    /// A night event while no night is open.
    NoNightOpen,
    /// A night closed (or an event placed) in another night than the open one.
    OtherNight {
        night: ServiceNight,
        open: ServiceNight,
    },
    /// A text longer than the commands allow.
    TooLong { field: &'static str, max: usize },
}

type Check = Result<(), Invalid>;

fn known(ok: bool, what: &'static str, id: &str) -> Check {
    if ok {
        Ok(())
    } else {
        Err(Invalid::UnknownReference {
            what,
            id: id.to_string(),
        })
    }
}

fn earlier(ok: bool, what: &'static str, id: impl ToString) -> Check {
    if ok {
        Ok(())
    } else {
        Err(Invalid::UnknownEarlier {
            what,
            id: id.to_string(),
        })
    }
}

fn fresh(allocated: bool, what: &'static str, id: impl ToString) -> Check {
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

/// Checks one envelope against the state before it and the territory.
pub fn check_event(
    state: &State,
    t: &Territory,
    env: &Envelope,
    previous: Option<DateTime<Utc>>,
) -> Check {
    placement(state, env, previous)?;
    if let Some(c) = &env.coordinator {
        known(t.coordinator(c).is_some(), "coordinator", c)?;
    }
    let c = &state.counters;
    let team = |id: &str| earlier(state.teams.contains_key(id), "team", id);
    let request = |id: u64| earlier(id < c.request, "request", id);
    let intervention = |id: u64| earlier(id < c.intervention, "intervention", id);
    let case = |id: u64| earlier(id < c.case, "case", id);
    let instruction = |id: u64| earlier(id < c.instruction, "instruction", id);
    let open = || state.open_night().ok_or(Invalid::NoNightOpen);
    match &env.event {
        Event::NightOpened { night, coordinator } => {
            known(
                t.coordinator(coordinator).is_some(),
                "coordinator",
                coordinator,
            )?;
            if let Some(last) = &state.night
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
        Event::CoordinatorChanged { coordinator } => {
            open()?;
            known(
                t.coordinator(coordinator).is_some(),
                "coordinator",
                coordinator,
            )
        }
        Event::NightClosed { night } => {
            let open = open()?;
            if *night != open.night {
                return Err(Invalid::OtherNight {
                    night: *night,
                    open: open.night,
                });
            }
            Ok(())
        }
        Event::TeamComposed {
            members, equipment, ..
        } => {
            open()?;
            for m in members {
                known(t.mediator(m).is_some(), "mediator", m)?;
            }
            equipment
                .as_deref()
                .map_or(Ok(()), |e| text("equipment", e, MAX_TEXT))
        }
        Event::TeamStatusChanged {
            team: id,
            position: p,
            ..
        } => {
            team(id)?;
            p.as_ref().map_or(Ok(()), |p| position(t, p))
        }
        Event::TeamPositionUpdated {
            team: id,
            position: p,
        } => {
            team(id)?;
            position(t, p)
        }
        Event::TeamContacted { team: id } => team(id),
        Event::RequestReceived {
            request: r,
            site: s,
            ..
        } => {
            fresh(r.0 < c.request, "request", r.0)?;
            site(t, s)
        }
        Event::RequestCorrected {
            request: r,
            site: s,
            ..
        } => {
            request(r.0)?;
            s.as_deref().map_or(Ok(()), |s| site(t, s))
        }
        Event::RequestAssigned {
            request: r,
            team: id,
            intervention: i,
        } => {
            request(r.0)?;
            team(id)?;
            fresh(i.0 < c.intervention, "intervention", i.0)
        }
        Event::TeamArrived {
            team: id,
            request: r,
            intervention: i,
        }
        | Event::TeamRecalled {
            team: id,
            request: r,
            intervention: i,
        } => {
            team(id)?;
            request(r.0)?;
            intervention(i.0)
        }
        Event::InterventionCleared {
            intervention: i,
            request: r,
            team: id,
            relays,
            referrals,
            ..
        } => {
            team(id)?;
            request(r.0)?;
            intervention(i.0)?;
            partners(t, relays)?;
            partners(t, referrals)
        }
        Event::RequestRelayed {
            request: r,
            partner,
            ..
        } => {
            request(r.0)?;
            known(t.partner(partner).is_some(), "partner", partner)
        }
        Event::RequestDismissed { request: r, .. }
        | Event::RequestCancelled { request: r }
        | Event::RequestCarriedOver { request: r } => request(r.0),
        Event::CaseOpened {
            case: k, site: s, ..
        } => {
            fresh(k.0 < c.case, "case", k.0)?;
            site(t, s)
        }
        Event::CaseLinked {
            case: k,
            request: r,
        } => {
            case(k.0)?;
            request(r.0)
        }
        Event::CaseStepRecorded {
            case: k,
            request: r,
            ..
        } => {
            case(k.0)?;
            r.map_or(Ok(()), |r| request(r.0))
        }
        Event::CaseStateChanged { case: k, .. } | Event::CaseFollowUpSet { case: k, .. } => {
            case(k.0)
        }
        Event::ObservationRecorded {
            site: s,
            district,
            team: id,
            ..
        } => {
            s.as_deref().map_or(Ok(()), |s| site(t, s))?;
            if let Some(d) = district {
                known(t.district(d).is_some(), "district", d)?;
            }
            id.as_deref().map_or(Ok(()), team)
        }
        Event::LogEntryAdded { .. } | Event::PersonalErased { .. } => Ok(()),
        Event::PersonalPurged { personal, .. } => personal
            .iter()
            .try_for_each(|p| earlier(p.0 < c.personal, "personal", p.0)),
        Event::HandoverWritten {
            situation,
            actions,
            needs,
        } => {
            text("situation", situation, MAX_TEXT)?;
            text("actions", actions, MAX_TEXT)?;
            text("needs", needs, MAX_TEXT)
        }
        Event::HandoverAcknowledged { coordinator, .. } => known(
            t.coordinator(coordinator).is_some(),
            "coordinator",
            coordinator,
        ),
        Event::InstructionAdded {
            instruction: i,
            scope,
            text: s,
            ..
        } => {
            fresh(i.0 < c.instruction, "instruction", i.0)?;
            match scope {
                Scope::Territory => {}
                Scope::District(d) => known(t.district(d).is_some(), "district", d)?,
                Scope::Site(s) => site(t, s)?,
            }
            text("text", s, MAX_TEXT)
        }
        Event::InstructionExtended { instruction: i, .. }
        | Event::InstructionEnded { instruction: i } => instruction(i.0),
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
