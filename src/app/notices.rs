//! What the footer says after a commit, read from what it wrote.

use crate::domain::Written;
use crate::domain::event::Event;
use crate::domain::vocab::TeamStatus;
use crate::i18n::notice::{Notice, TeamNews};
use crate::i18n::request_notice::RequestNotice;

/// The notice of a commit: the opening or closing of a night above all, else its first fact.
pub fn of_written(written: &Written) -> Notice {
    let events = || written.envelopes.iter().map(|e| &e.event);
    if events().any(|e| matches!(e, Event::NightOpened { .. })) {
        let teams = events()
            .filter(|e| matches!(e, Event::TeamComposed { .. }))
            .count();
        return Notice::NightOpened { teams };
    }
    if events().any(|e| matches!(e, Event::NightClosed { .. })) {
        return Notice::NightClosed;
    }
    if let Some(d) = crate::i18n::desk_notice::of_events(events()) {
        return Notice::Desk(d);
    }
    events().next().map_or(Notice::Recorded, of_event)
}

fn of_event(event: &Event) -> Notice {
    let team = |t: &String, news| Notice::Team {
        team: t.clone(),
        news,
    };
    match event {
        Event::CoordinatorChanged { .. } => Notice::CoordinatorChanged,
        Event::TeamComposed { team, .. } => Notice::TeamComposed { team: team.clone() },
        Event::RequestAssigned { team, .. } => Notice::TeamSent { team: team.clone() },
        Event::TeamArrived { team: t, .. } => team(t, TeamNews::OnSite),
        Event::TeamContacted { team: t } => team(t, TeamNews::Contact),
        Event::CheckInReported { team: t, word } => team(t, TeamNews::Reported(*word)),
        Event::TeamRecalled { team: t, .. } => team(t, TeamNews::Recalled),
        Event::TeamStatusChanged {
            team: t,
            status: TeamStatus::ActivePresence,
            position: Some(p),
        } => team(t, TeamNews::Presence(p.clone())),
        Event::TeamStatusChanged {
            team: t, status, ..
        } => team(t, TeamNews::Status(*status)),
        Event::TeamPositionUpdated { team: t, position } => {
            team(t, TeamNews::Position(position.clone()))
        }
        Event::RequestReceived { number, .. } => Notice::RequestRecorded { number: *number },
        Event::InterventionCleared { .. } => Notice::InterventionCleared,
        Event::RequestCarriedOver { .. } => Notice::RequestCarriedOver,
        Event::RequestCancelled { .. } | Event::RequestDismissed { .. } => Notice::RequestClosed,
        Event::RequestCorrected { .. } => Notice::Request(RequestNotice::Corrected),
        Event::RequestSettled { .. } => Notice::Request(RequestNotice::Settled),
        Event::CallbackScheduled { .. } => Notice::Request(RequestNotice::CallbackScheduled),
        Event::CallbackMade { .. } => Notice::Request(RequestNotice::CallbackMade),
        Event::CaseStateChanged { case, state } => Notice::CaseState {
            case: *case,
            state: *state,
        },
        Event::CaseStepRecorded { case, .. } => Notice::CaseStep { case: *case },
        Event::CaseFollowUpSet { case, date } => Notice::FollowUp {
            case: *case,
            date: *date,
        },
        Event::LogEntryAdded { .. } => Notice::LogEntryAdded,
        Event::HandoverWritten { .. } => Notice::HandoverNoteSaved,
        Event::HandoverAcknowledged { coordinator, .. } => Notice::HandoverTaken {
            coordinator: coordinator.clone(),
        },
        Event::InstructionAdded { .. } => Notice::InstructionSaved,
        Event::InstructionExtended { .. } => Notice::InstructionExtended,
        Event::InstructionEnded { .. } => Notice::InstructionEnded,
        _ => Notice::Recorded,
    }
}
