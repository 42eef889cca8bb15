//! The end of the shift in the console: the handover screen's list (open requests to decide,
//! then instructions), its forms (the note, closing a request, acknowledging, an
//! instruction, a new last day) and their `update`.

use super::casework::parse_follow_up;
use super::form::cycle;
use super::place::PlaceForm;
use super::update::{Action, Effect, commit, t};
use super::{AppState, Message, Mode};
use crate::domain::Command;
use crate::domain::handover::{Instruction, Scope};
use crate::domain::ids::{InstructionId, RequestId};
use crate::domain::vocab::{DismissReason, InstructionKind, Position};
use crate::i18n::Lang;
use crate::report::handover::{Handover, build};
use tui_input::{Input, InputRequest};

/// The handover of the open night, else of the last closed one, from what the runtime loaded.
pub fn handover(app: &AppState) -> Option<Handover> {
    let (record, events) = app.handover_source.as_deref()?;
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

/// The three parts of the handover note.
#[derive(Debug, Clone, Default)]
pub struct NoteForm {
    pub parts: [Input; 3],
    pub field: usize,
    pub confirm_cancel: bool,
}

/// How an open request is closed at the shift's end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Closing {
    Cancelled,
    Dismissed(DismissReason),
}

impl Closing {
    pub const ALL: [Closing; 4] = [
        Closing::Cancelled,
        Closing::Dismissed(DismissReason::Duplicate),
        Closing::Dismissed(DismissReason::Unfounded),
        Closing::Dismissed(DismissReason::Unreachable),
    ];
}

/// Picking one of a few values with ←/→: who takes the handover, how a request closes.
#[derive(Debug, Clone, PartialEq)]
pub enum Choice {
    Acknowledge { coordinator: usize },
    CloseRequest { request: RequestId, how: Closing },
}

#[derive(Debug, Clone)]
pub struct InstructionForm {
    pub kind: InstructionKind,
    /// Where: empty is the whole territory.
    pub place: PlaceForm,
    pub text: Input,
    pub until: Input,
    /// 0 kind, 1 place, 2 text, 3 last day.
    pub field: usize,
    pub confirm_cancel: bool,
}

impl InstructionForm {
    pub fn new() -> InstructionForm {
        InstructionForm {
            kind: InstructionKind::Temporary,
            place: PlaceForm::new(String::new(), super::place::Purpose::Move),
            text: Input::default(),
            until: Input::default(),
            field: 0,
            confirm_cancel: false,
        }
    }

    fn is_dirty(&self) -> bool {
        !self.place.query.value().is_empty()
            || !self.text.value().is_empty()
            || !self.until.value().is_empty()
    }
}

impl Default for InstructionForm {
    fn default() -> Self {
        Self::new()
    }
}

#[derive(Debug, Clone)]
pub struct ExtendForm {
    pub instruction: InstructionId,
    pub input: Input,
}

fn error(app: &mut AppState, text: String) -> Vec<Effect> {
    app.message = Some(Message::Error(text));
    vec![Effect::Bell]
}

fn ask_again(app: &mut AppState, dirty: bool, confirm: &mut bool) -> bool {
    if dirty && !*confirm {
        *confirm = true;
        app.message = Some(Message::Info(t(
            app.lang,
            "Esc encore pour abandonner la saisie.",
            "Esc again to discard.",
        )));
        return true;
    }
    false
}

/// Keys of the handover screen.
pub(super) fn screen(app: &mut AppState, action: Action) -> Vec<Effect> {
    let lang = app.lang;
    let Some(h) = handover(app) else {
        if !matches!(action, Action::Up | Action::Down | Action::Back) {
            return error(
                app,
                t(
                    lang,
                    "Aucune nuit enregistrée : pas de passation.",
                    "No night recorded: no handover.",
                ),
            );
        }
        return Vec::new();
    };
    let list = items(&h);
    let sel = &mut app.handover_selected;
    *sel = (*sel).min(list.len().saturating_sub(1));
    let selected = list.get(*sel).cloned();
    match action {
        Action::Up => *sel = sel.saturating_sub(1),
        Action::Down => *sel = (*sel + 1).min(list.len().saturating_sub(1)),
        Action::Back => app.message = None,
        Action::WriteNote => {
            let mut form = NoteForm::default();
            if let Some(n) = &h.note {
                for (input, text) in form
                    .parts
                    .iter_mut()
                    .zip([&n.situation, &n.actions, &n.needs])
                {
                    *input = Input::new(text.clone());
                }
            }
            app.mode = Mode::Note(Box::new(form));
        }
        Action::CarryOver => match selected {
            Some(Item::Request(request)) => {
                let msg = t(
                    lang,
                    "Sollicitation reportée à la nuit suivante.",
                    "Request carried over to the next night.",
                );
                return commit(app, Command::CarryOver { request }, msg);
            }
            _ => {
                return error(
                    app,
                    t(
                        lang,
                        "Choisissez une sollicitation ouverte.",
                        "Select an open request.",
                    ),
                );
            }
        },
        Action::CloseRequest => match selected {
            Some(Item::Request(request)) => {
                app.mode = Mode::Choice(Box::new(Choice::CloseRequest {
                    request,
                    how: Closing::Cancelled,
                }))
            }
            _ => {
                return error(
                    app,
                    t(
                        lang,
                        "Choisissez une sollicitation ouverte.",
                        "Select an open request.",
                    ),
                );
            }
        },
        Action::CloseNight => {
            let n = h.undecided();
            if n > 0 && h.open {
                return error(
                    app,
                    match lang {
                        Lang::Fr => format!(
                            "Encore {n} sollicitation(s) à décider : « r » reporte, « X » clôt."
                        ),
                        Lang::En => format!(
                            "{n} request(s) still to decide: \"r\" carries over, \"X\" closes."
                        ),
                    },
                );
            }
            return commit(
                app,
                Command::CloseNight,
                t(lang, "Nuit clôturée.", "Night closed."),
            );
        }
        Action::Acknowledge => {
            let last = app
                .coordinator
                .as_ref()
                .and_then(|c| app.territory.coordinators.iter().position(|x| &x.id == c))
                .unwrap_or(0);
            // The one who took over is usually not the one who handed over.
            let next = (last + 1) % app.territory.coordinators.len().max(1);
            app.mode = Mode::Choice(Box::new(Choice::Acknowledge { coordinator: next }));
        }
        Action::NewInstruction => app.mode = Mode::Instruction(Box::default()),
        // The night shown, open or closed: a running night's report says so in its heading.
        Action::ExportReport => return vec![Effect::ExportReport(h.night)],
        Action::EndInstruction | Action::ExtendInstruction => match selected {
            Some(Item::Instruction(instruction)) => {
                if matches!(action, Action::EndInstruction) {
                    let msg = t(lang, "Consigne levée.", "Instruction ended.");
                    return commit(app, Command::EndInstruction { instruction }, msg);
                }
                let current = app
                    .domain
                    .instructions
                    .get(&instruction)
                    .and_then(|i: &Instruction| i.until)
                    .map(|d| d.format("%d/%m/%Y").to_string())
                    .unwrap_or_default();
                app.mode = Mode::Extend(Box::new(ExtendForm {
                    instruction,
                    input: Input::new(current),
                }));
            }
            _ => {
                return error(
                    app,
                    t(lang, "Choisissez une consigne.", "Select an instruction."),
                );
            }
        },
        _ => {}
    }
    Vec::new()
}

pub(super) fn note(app: &mut AppState, mut form: NoteForm, action: Action) -> Vec<Effect> {
    let lang = app.lang;
    if !matches!(action, Action::Back | Action::Quit) {
        form.confirm_cancel = false;
    }
    match action {
        Action::NextField | Action::Down => form.field = (form.field + 1) % 3,
        Action::PrevField | Action::Up => form.field = (form.field + 2) % 3,
        Action::ChooseNext => {
            form.parts[form.field % 3].handle(InputRequest::GoToNextChar);
        }
        Action::ChoosePrev => {
            form.parts[form.field % 3].handle(InputRequest::GoToPrevChar);
        }
        Action::Edit(req) => {
            form.parts[form.field % 3].handle(req);
        }
        Action::Back | Action::Quit => {
            let dirty = form.parts.iter().any(|p| !p.value().is_empty());
            if !ask_again(app, dirty, &mut form.confirm_cancel) {
                return Vec::new();
            }
        }
        Action::Submit => {
            let [a, b, c] = &form.parts;
            let cmd = Command::WriteHandover {
                situation: a.value().to_string(),
                actions: b.value().to_string(),
                needs: c.value().to_string(),
            };
            app.mode = Mode::Note(Box::new(form));
            return commit(
                app,
                cmd,
                t(
                    lang,
                    "Note de passation enregistrée.",
                    "Handover note saved.",
                ),
            );
        }
        _ => {}
    }
    app.mode = Mode::Note(Box::new(form));
    Vec::new()
}

pub(super) fn choice(app: &mut AppState, mut choice: Choice, action: Action) -> Vec<Effect> {
    let lang = app.lang;
    let n = app.territory.coordinators.len();
    match (&mut choice, &action) {
        (Choice::Acknowledge { coordinator }, Action::ChooseNext | Action::Down) => {
            *coordinator = (*coordinator + 1) % n.max(1)
        }
        (Choice::Acknowledge { coordinator }, Action::ChoosePrev | Action::Up) => {
            *coordinator = (*coordinator + n.max(1) - 1) % n.max(1)
        }
        (Choice::CloseRequest { how, .. }, Action::ChooseNext | Action::Down) => {
            *how = cycle(&Closing::ALL, *how, true)
        }
        (Choice::CloseRequest { how, .. }, Action::ChoosePrev | Action::Up) => {
            *how = cycle(&Closing::ALL, *how, false)
        }
        (_, Action::Back | Action::Quit) => return Vec::new(),
        (Choice::Acknowledge { coordinator }, Action::Submit) => {
            let Some(who) = app.territory.coordinators.get(*coordinator) else {
                return Vec::new();
            };
            let cmd = Command::AcknowledgeHandover {
                coordinator: who.id.clone(),
            };
            let msg = match lang {
                Lang::Fr => format!("Passation prise : {}", who.name),
                Lang::En => format!("Handover taken: {}", who.name),
            };
            app.coordinator = Some(who.id.clone());
            app.mode = Mode::Choice(Box::new(choice.clone()));
            return commit(app, cmd, msg);
        }
        (Choice::CloseRequest { request, how }, Action::Submit) => {
            let cmd = match how {
                Closing::Cancelled => Command::Cancel { request: *request },
                Closing::Dismissed(reason) => Command::Dismiss {
                    request: *request,
                    reason: *reason,
                },
            };
            app.mode = Mode::Choice(Box::new(choice.clone()));
            return commit(
                app,
                cmd,
                t(lang, "Sollicitation clôturée.", "Request closed."),
            );
        }
        _ => {}
    }
    app.mode = Mode::Choice(Box::new(choice));
    Vec::new()
}

pub(super) fn instruction(
    app: &mut AppState,
    mut form: InstructionForm,
    action: Action,
) -> Vec<Effect> {
    if !matches!(action, Action::Back | Action::Quit) {
        form.confirm_cancel = false;
    }
    match action {
        Action::NextField => form.field = (form.field + 1) % 4,
        Action::PrevField => form.field = (form.field + 3) % 4,
        Action::Down if form.field == 1 => form.place.choose(true, &app.territory),
        Action::Up if form.field == 1 => form.place.choose(false, &app.territory),
        Action::Down => form.field = (form.field + 1) % 4,
        Action::Up => form.field = (form.field + 3) % 4,
        Action::ChooseNext | Action::ChoosePrev if form.field == 0 => {
            form.kind = cycle(
                InstructionKind::ALL,
                form.kind,
                matches!(action, Action::ChooseNext),
            )
        }
        Action::ChooseNext | Action::ChoosePrev | Action::Edit(_) => {
            let req = match action {
                Action::ChooseNext => InputRequest::GoToNextChar,
                Action::ChoosePrev => InputRequest::GoToPrevChar,
                Action::Edit(r) => r,
                _ => return Vec::new(),
            };
            match form.field {
                1 => form.place.edit(req),
                2 => {
                    form.text.handle(req);
                }
                3 => {
                    form.until.handle(req);
                }
                _ => {}
            }
        }
        Action::Back | Action::Quit => {
            let dirty = form.is_dirty();
            if !ask_again(app, dirty, &mut form.confirm_cancel) {
                return Vec::new();
            }
        }
        Action::Submit => {
            let effects = submit_instruction(app, &mut form);
            app.mode = Mode::Instruction(Box::new(form));
            return effects;
        }
        _ => {}
    }
    app.mode = Mode::Instruction(Box::new(form));
    Vec::new()
}

fn submit_instruction(app: &mut AppState, form: &mut InstructionForm) -> Vec<Effect> {
    let lang = app.lang;
    let scope = if form.place.query.value().trim().is_empty() {
        Scope::Territory
    } else {
        match form.place.chosen(&app.territory) {
            Some(Position::District(d)) => Scope::District(d),
            Some(Position::Site(s)) => Scope::Site(s),
            _ => {
                form.field = 1;
                return error(
                    app,
                    t(
                        lang,
                        "Lieu : un site ou un quartier (↑/↓ pour choisir) ; vide pour tout le territoire.",
                        "Place: a site or a district (↑/↓ to pick); empty for the whole territory.",
                    ),
                );
            }
        }
    };
    let today = crate::i18n::dates::service_date(app.now);
    let until = match parse_follow_up(form.until.value(), today) {
        Ok(d) => d,
        Err(_) => {
            form.field = 3;
            return error(
                app,
                t(
                    lang,
                    "Dernier jour : JJ/MM, JJ/MM/AAAA ou +N jours, pas dans le passé.",
                    "Last day: DD/MM, DD/MM/YYYY or +N days, not in the past.",
                ),
            );
        }
    };
    let cmd = Command::AddInstruction {
        kind: form.kind,
        scope,
        text: form.text.value().to_string(),
        until,
    };
    commit(
        app,
        cmd,
        t(lang, "Consigne enregistrée.", "Instruction saved."),
    )
}

pub(super) fn extend(app: &mut AppState, mut form: ExtendForm, action: Action) -> Vec<Effect> {
    let lang = app.lang;
    match action {
        Action::Edit(req) => {
            form.input.handle(req);
        }
        Action::Back | Action::Quit => return Vec::new(),
        Action::Submit => {
            let today = crate::i18n::dates::service_date(app.now);
            let effects = match parse_follow_up(form.input.value(), today) {
                Ok(until) => commit(
                    app,
                    Command::ExtendInstruction {
                        instruction: form.instruction,
                        until,
                    },
                    t(lang, "Consigne prolongée.", "Instruction extended."),
                ),
                Err(_) => error(
                    app,
                    t(
                        lang,
                        "Dernier jour : JJ/MM, JJ/MM/AAAA ou +N jours ; vide : sans fin (pas pour une consigne temporaire).",
                        "Last day: DD/MM, DD/MM/YYYY or +N days; empty: no end (not for a temporary one).",
                    ),
                ),
            };
            app.mode = Mode::Extend(Box::new(form));
            return effects;
        }
        _ => {}
    }
    app.mode = Mode::Extend(Box::new(form));
    Vec::new()
}
