//! The end of the shift in the console: the handover screen's list (open requests to
//! decide, then instructions) and its keys. Its forms are in `handover_forms`; it is drawn
//! by `ui::handover`.

use super::form::Open;
use super::form::date::{DateForm, DatePurpose};
use super::form::{cycle, step_index};
use super::handover_forms::{Choice, Closing, InstructionForm, NoteForm};
use super::respond::{commit, say};
use super::{Action, AppState, Effect, Mode};
use crate::domain::Command;
use crate::domain::ids::{InstructionId, RequestId};
use crate::i18n::notice::Notice;
use crate::report::handover::{Handover, build};

/// The handover of the open night, else of the last closed one.
pub fn handover(app: &AppState) -> Option<Handover> {
    let (record, events) = app.nights.shown(&app.domain)?;
    Some(build(
        &app.domain,
        record,
        events,
        app.now,
        app.thresholds.contact,
    ))
}

/// A row of the handover screen's list.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Request(RequestId),
    Instruction(InstructionId),
}

/// Open requests (to decide first), then instructions in force.
pub fn items(h: &Handover) -> Vec<Item> {
    let mut requests: Vec<_> = h.requests.iter().collect();
    requests.sort_by_key(|r| r.decided);
    requests
        .into_iter()
        .map(|r| Item::Request(r.id))
        .chain(h.instructions.iter().map(|i| Item::Instruction(i.id)))
        .collect()
}

/// Keys of the handover screen.
pub(super) fn keys(app: &mut AppState, action: Action) -> Vec<Effect> {
    let Some(h) = handover(app) else {
        if matches!(action, Action::Up | Action::Down | Action::Back) {
            return Vec::new();
        }
        return say(app, Notice::NoHandover);
    };
    let list = items(&h);
    let at = app.handover_selected();
    let selected = list.get(at).cloned();
    match (action, selected) {
        (Action::Up, _) => app.select_handover_row(at.saturating_sub(1)),
        (Action::Down, _) => app.select_handover_row(at + 1),
        (Action::Back, _) => app.notice = None,
        (Action::WriteNote, _) => {
            app.mode = Mode::Note(Box::new(Open::new(NoteForm::from_note(h.note.as_ref()))))
        }
        (Action::CarryOver, Some(Item::Request(request))) => {
            return commit(app, vec![Command::CarryOver { request }]);
        }
        (Action::CloseRequest, Some(Item::Request(request))) => {
            let how = Closing::Cancelled;
            app.mode = Mode::Choice(Box::new(Choice::CloseRequest { request, how }))
        }
        (Action::CarryOver | Action::CloseRequest, _) => {
            return say(app, Notice::SelectOpenRequest);
        }
        (Action::CloseNight, _) if h.open && h.undecided() > 0 => {
            let count = h.undecided();
            return say(app, Notice::RequestsToDecide { count });
        }
        (Action::CloseNight, _) => return commit(app, vec![Command::CloseNight]),
        (Action::Acknowledge, _) => {
            let coordinators = &app.territory.coordinators;
            let last = app
                .coordinator
                .as_ref()
                .and_then(|c| coordinators.iter().position(|x| &x.id == c))
                .unwrap_or(0);
            // The one who takes over is usually not the one who handed over.
            let coordinator = (last + 1) % coordinators.len().max(1);
            app.mode = Mode::Choice(Box::new(Choice::Acknowledge { coordinator }));
        }
        (Action::NewInstruction, _) => {
            app.mode = Mode::Instruction(Box::new(Open::new(InstructionForm::new())))
        }
        // The night shown, open or closed: a running night's report says so in its heading.
        (Action::ExportReport, _) => return vec![Effect::ExportReport(h.night)],
        (Action::ExportMonth, _) => return vec![Effect::ExportMonth(last_month(app.now))],
        (Action::EndInstruction, Some(Item::Instruction(instruction))) => {
            return commit(app, vec![Command::EndInstruction { instruction }]);
        }
        (Action::ExtendInstruction, Some(Item::Instruction(instruction))) => {
            let until = app
                .domain
                .instructions
                .get(&instruction)
                .and_then(|i| i.until);
            let form = DateForm::new(DatePurpose::Extend(instruction), until);
            app.mode = Mode::Date(Box::new(Open::new(form)));
        }
        (Action::EndInstruction | Action::ExtendInstruction, _) => {
            return say(app, Notice::SelectInstruction);
        }
        _ => {}
    }
    Vec::new()
}

/// Keys in the two pickers.
pub(super) fn choice(app: &mut AppState, action: Action) -> Vec<Effect> {
    let n = app.territory.coordinators.len();
    let Mode::Choice(choice) = &mut app.mode else {
        return Vec::new();
    };
    let forward = matches!(action, Action::ChooseNext | Action::Down);
    match (choice.as_mut(), &action) {
        (_, Action::Back | Action::Quit) => app.mode = Mode::Normal,
        (
            Choice::Acknowledge { coordinator },
            Action::ChooseNext | Action::Down | Action::ChoosePrev | Action::Up,
        ) => *coordinator = step_index(*coordinator, n, forward),
        (
            Choice::CloseRequest { how, .. },
            Action::ChooseNext | Action::Down | Action::ChoosePrev | Action::Up,
        ) => *how = cycle(&Closing::ALL, *how, forward),
        (Choice::Acknowledge { coordinator }, Action::Submit) => {
            let Some(who) = app.territory.coordinators.get(*coordinator) else {
                return Vec::new();
            };
            let coordinator = who.id.clone();
            return commit(app, vec![Command::AcknowledgeHandover { coordinator }]);
        }
        (Choice::CloseRequest { request, how }, Action::Submit) => {
            let request = *request;
            let command = match *how {
                Closing::Cancelled => Command::Cancel { request },
                Closing::Dismissed(reason) => Command::Dismiss { request, reason },
            };
            return commit(app, vec![command]);
        }
        _ => {}
    }
    Vec::new()
}

/// The first day of the month before the one of the service night under way.
pub fn last_month(now: chrono::DateTime<chrono::Utc>) -> chrono::NaiveDate {
    use chrono::Datelike;
    let today = crate::domain::calendar::service_date(now);
    let first = today.with_day(1).unwrap_or(today);
    first
        .checked_sub_months(chrono::Months::new(1))
        .unwrap_or(first)
}
