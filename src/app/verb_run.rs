//! What each verb of the `:` line does with its words (the table is in `verbs`). Numbers
//! name the night's requests and situations, call signs the teams, names the people; a
//! verb whose key has its own handling goes through it.

use super::confirm;
use super::dispatch::Picker;
use super::form::Open;
use super::form::date::{DateForm, DatePurpose, parse_follow_up};
use super::form::request::RequestForm;
use super::form::step::CaseStepForm;
use super::handover::handover;
use super::handover_forms::{InstructionForm, NoteForm};
use super::place::{PlaceForm, Purpose};
use super::said::Said;
use super::{Action, AppState, Effect, Mode};
use crate::domain::Command;
use crate::domain::ids::{CaseId, RequestId};
use crate::domain::safety::CheckInWord;
use crate::domain::vocab::{CaseState, DismissReason, TeamStatus};
use crate::i18n::notice::{Fix, Notice};
use crate::text::fold;
use tui_input::Input;

type Run = Result<Said, Fix>;

/// The verbs written as a match: the watch's, the relays' and the plan's
/// (`command_desk::parse`), then the night's (`command_line::parse`; opening the night
/// adopts the standing plan).
pub fn legacy(app: &AppState, words: &[&str]) -> Run {
    let ctx = super::form::Ctx {
        territory: &app.territory,
        domain: &app.domain,
        now: app.now,
        lang: app.lang,
    };
    super::command_desk::parse_all(&ctx, words).map(Said::Commit)
}

/// Request `N` of the night (or one still open from before).
fn request(app: &AppState, word: Option<&&str>) -> Result<RequestId, Fix> {
    let number: u32 = word.and_then(|w| w.parse().ok()).ok_or(Fix::Usage)?;
    app.domain
        .request_by_number(number)
        .map(|r| r.id)
        .ok_or(Fix::NoRequest { number })
}

/// A team of the night, by its call sign.
fn team(app: &AppState, word: Option<&&str>) -> Result<String, Fix> {
    let call_sign = word.ok_or(Fix::Usage)?.to_uppercase();
    if app.domain.open_night().is_some() && app.domain.teams.contains_key(&call_sign) {
        Ok(call_sign)
    } else {
        Err(Fix::NoTeam { team: call_sign })
    }
}

fn case(app: &AppState, word: Option<&&str>) -> Result<CaseId, Fix> {
    let id: u64 = word.and_then(|w| w.parse().ok()).ok_or(Fix::Usage)?;
    let open = app
        .domain
        .cases
        .get(&CaseId(id))
        .is_some_and(|c| c.state != CaseState::Closed);
    if open {
        Ok(CaseId(id))
    } else {
        Err(Fix::NoCase { case: CaseId(id) })
    }
}

/// The words after the first `skip`, as typed.
fn rest(words: &[&str], skip: usize) -> String {
    words.get(skip..).unwrap_or_default().join(" ")
}

/// What the key does to the team named first.
pub fn on_team(app: &AppState, words: &[&str], action: Action) -> Run {
    Ok(Said::Team(team(app, words.get(1))?, action))
}

pub fn close_night(app: &AppState, _: &[&str]) -> Run {
    let undecided = handover(app).map_or(0, |h| if h.open { h.undecided() } else { 0 });
    Ok(match confirm::closing(app, undecided) {
        Ok(question) => Said::Ask(question),
        Err(notice) => Said::Say(notice),
    })
}

pub fn new_request(app: &AppState, words: &[&str]) -> Run {
    if app.domain.open_night().is_none() {
        return Ok(Said::Say(Notice::OpenNightFirst));
    }
    let form = RequestForm {
        site_query: Input::new(rest(words, 1)),
        ..RequestForm::default()
    };
    Ok(Said::Open(Mode::NewRequest(Box::new(Open::new(form)))))
}

/// `:envoyer 3 E1` sends E1; `:envoyer 3` opens the picker on the nearest free team.
pub fn send(app: &AppState, words: &[&str]) -> Run {
    let request = request(app, words.get(1))?;
    match words.get(2) {
        Some(_) => Ok(Said::Commit(vec![Command::Dispatch {
            request,
            team: team(app, words.get(2))?,
        }])),
        None => {
            let picker: Picker = super::dispatch::open(app, request);
            Ok(Said::Open(Mode::Dispatch(Box::new(picker))))
        }
    }
}

pub fn cancel(app: &AppState, words: &[&str]) -> Run {
    let request = request(app, words.get(1))?;
    Ok(Said::Commit(vec![Command::Cancel { request }]))
}

pub fn dismiss(app: &AppState, words: &[&str]) -> Run {
    let request = request(app, words.get(1))?;
    let reason = match words.get(2).map(|w| fold(w)).as_deref() {
        Some("doublon" | "duplicate") => DismissReason::Duplicate,
        Some("infonde" | "sansfondement" | "unfounded") => DismissReason::Unfounded,
        Some("injoignable" | "unreachable") => DismissReason::Unreachable,
        _ => return Err(Fix::Usage),
    };
    Ok(Said::Commit(vec![Command::Dismiss { request, reason }]))
}

pub fn carry_over(app: &AppState, words: &[&str]) -> Run {
    let request = request(app, words.get(1))?;
    Ok(Said::Commit(vec![Command::CarryOver { request }]))
}

/// `:contact E1` is « RAS »; a word after it says more (« renfort », « incident »).
pub fn check_in(app: &AppState, words: &[&str]) -> Run {
    let team = team(app, words.get(1))?;
    let word = match words.get(2).map(|w| fold(w)).as_deref() {
        None | Some("ras" | "clear") => CheckInWord::Ras,
        Some(w) if "renfort".starts_with(w) || "reinforcement".starts_with(w) => {
            CheckInWord::Reinforcement
        }
        Some(w) if "incident".starts_with(w) => CheckInWord::Incident,
        Some(_) => return Err(Fix::Usage),
    };
    Ok(Said::Commit(vec![Command::CheckIn { team, word }]))
}

/// `:presence E1 gros chene`: the place form, with the place typed (Enter takes the first
/// match). Without a place, the key's own handling.
pub fn presence(app: &AppState, words: &[&str]) -> Run {
    place(app, words, Purpose::Presence)
}

pub fn locate(app: &AppState, words: &[&str]) -> Run {
    place(app, words, Purpose::Move)
}

fn place(app: &AppState, words: &[&str], purpose: Purpose) -> Run {
    let team = team(app, words.get(1))?;
    let typed = rest(words, 2);
    let action = match purpose {
        Purpose::Presence => Action::SetStatus(TeamStatus::ActivePresence),
        Purpose::Move => Action::Locate,
    };
    if typed.is_empty() {
        return Ok(Said::Team(team, action));
    }
    let mut form = PlaceForm::new(team, purpose);
    form.query = Input::new(typed);
    Ok(Said::Open(Mode::Place(Box::new(Open::new(form)))))
}

pub fn note(_: &AppState, words: &[&str]) -> Run {
    let text = rest(words, 1);
    if text.is_empty() {
        return Err(Fix::Usage);
    }
    Ok(Said::Commit(vec![Command::AddLogEntry { text }]))
}

pub fn step(app: &AppState, words: &[&str]) -> Run {
    let case = case(app, words.get(1))?;
    let form = CaseStepForm::new(case);
    Ok(Said::Open(Mode::CaseStep(Box::new(Open::new(form)))))
}

/// `:suivi 4 +7` sets it; `:suivi 4` opens the date, showing the current one.
pub fn follow_up(app: &AppState, words: &[&str]) -> Run {
    let case = case(app, words.get(1))?;
    if words.len() < 3 {
        let current = app.domain.cases.get(&case).and_then(|c| c.next_follow_up);
        let form = DateForm::new(DatePurpose::FollowUp(case), current);
        return Ok(Said::Open(Mode::Date(Box::new(Open::new(form)))));
    }
    let today = crate::domain::calendar::service_date(app.now);
    let date = parse_follow_up(&rest(words, 2), today).map_err(|e| e.fix(false))?;
    Ok(Said::Commit(vec![Command::SetFollowUp { case, date }]))
}

/// The situation named first goes to `state`.
pub fn case_state(app: &AppState, words: &[&str], state: CaseState) -> Run {
    let case = case(app, words.get(1))?;
    Ok(Said::Commit(vec![Command::SetCaseState { case, state }]))
}

pub fn handover_note(app: &AppState, _: &[&str]) -> Run {
    let Some(h) = handover(app) else {
        return Ok(Said::Say(Notice::NoHandover));
    };
    let form = NoteForm::from_note(h.note.as_ref());
    Ok(Said::Open(Mode::Note(Box::new(Open::new(form)))))
}

pub fn take_handover(app: &AppState, words: &[&str]) -> Run {
    let people = app
        .territory
        .coordinators
        .iter()
        .map(|c| (c.id.as_str(), c.name.as_str()));
    let coordinator = words
        .get(1)
        .and_then(|w| super::command_line::person(people, w))
        .ok_or(Fix::Usage)?;
    Ok(Said::Commit(vec![Command::AcknowledgeHandover {
        coordinator,
    }]))
}

pub fn instruction(_: &AppState, _: &[&str]) -> Run {
    let form = InstructionForm::new();
    Ok(Said::Open(Mode::Instruction(Box::new(Open::new(form)))))
}

pub fn report(app: &AppState, _: &[&str]) -> Run {
    Ok(match handover(app) {
        Some(h) => Said::Effects(vec![Effect::ExportReport(h.night)]),
        None => Said::Say(Notice::NoHandover),
    })
}
