//! A request's own flows: the new-request form, the team picker, the clearing form. Each
//! takes the action and the form, and gives back the form (or closes it) and the effects.

use super::board;
use super::form::{ClearForm, RequestField, RequestForm};
use super::update::{Action, Effect, commit, t};
use super::{AppState, Message, Mode, screens};
use crate::domain::Command;
use crate::i18n::Lang;
use tui_input::InputRequest;

pub(super) fn request_form(
    app: &mut AppState,
    mut form: RequestForm,
    action: Action,
) -> Vec<Effect> {
    let lang = app.lang;
    let mut effects = Vec::new();
    if !matches!(action, Action::Back | Action::Quit) {
        form.confirm_cancel = false;
    }
    match action {
        Action::NextField | Action::Down
            if form.field() != RequestField::Site || matches!(action, Action::NextField) =>
        {
            form.move_field(true)
        }
        Action::PrevField | Action::Up
            if form.field() != RequestField::Site || matches!(action, Action::PrevField) =>
        {
            form.move_field(false)
        }
        // On a text field ←/→ move the cursor; on a choice field they choose.
        Action::ChooseNext if form.field().is_text() => form.edit(InputRequest::GoToNextChar),
        Action::ChoosePrev if form.field().is_text() => form.edit(InputRequest::GoToPrevChar),
        Action::Down | Action::ChooseNext => form.choose(true, &app.territory),
        Action::Up | Action::ChoosePrev => form.choose(false, &app.territory),
        Action::Edit(req) => form.edit(req),
        Action::Back | Action::Quit => {
            let dirty = form.is_dirty();
            if screens::cancel(app, dirty, &mut form.confirm_cancel) {
                return Vec::new();
            }
        }
        Action::Submit => match form.to_request(&app.territory) {
            Ok(req) => {
                let msg = t(lang, "Sollicitation enregistrée.", "Request recorded.");
                effects = commit(app, Command::ReceiveRequest(req), msg);
            }
            Err(field) => {
                form.field = RequestField::ALL
                    .iter()
                    .position(|f| *f == field)
                    .unwrap_or(0);
                app.message = Some(Message::Error(missing(field, lang)));
                effects.push(Effect::Bell);
            }
        },
        _ => {}
    }
    app.mode = Mode::NewRequest(Box::new(form));
    effects
}

/// What the form expects in a required field left empty.
fn missing(field: RequestField, lang: Lang) -> String {
    let (fr, en) = match field {
        RequestField::Site => (
            "Lieu : tapez une partie du nom ou de l'adresse, ↑/↓ pour choisir.",
            "Site: type part of its name or address, ↑/↓ to pick.",
        ),
        RequestField::Source => ("Source : choisissez avec ←/→.", "Source: pick with ←/→."),
        RequestField::Category => (
            "Catégorie : choisissez avec ←/→.",
            "Category: pick with ←/→.",
        ),
        RequestField::Priority => (
            "Priorité : choisissez avec ←/→.",
            "Priority: pick with ←/→.",
        ),
        _ => ("Champ à compléter.", "Field to complete."),
    };
    t(lang, fr, en)
}

pub(super) fn dispatch(
    app: &mut AppState,
    request: crate::domain::ids::RequestId,
    cursor: usize,
    action: Action,
) -> Vec<Effect> {
    let lang = app.lang;
    let n = board::teams(app).len().max(1);
    match action {
        Action::Up => {
            app.mode = Mode::Dispatch {
                request,
                cursor: cursor.saturating_sub(1),
            }
        }
        Action::Down => {
            app.mode = Mode::Dispatch {
                request,
                cursor: (cursor + 1).min(n - 1),
            }
        }
        Action::Submit => {
            let Some(team) = board::teams(app).get(cursor).map(|t| t.call_sign.clone()) else {
                return Vec::new();
            };
            app.mode = Mode::Dispatch { request, cursor };
            let msg = format!(
                "{} {team} {}",
                t(lang, "Équipe", "Team"),
                lang.pick("envoyée", "sent")
            );
            return commit(app, Command::Dispatch { request, team }, msg);
        }
        Action::Back | Action::Quit => {}
        _ => app.mode = Mode::Dispatch { request, cursor },
    }
    Vec::new()
}

pub(super) fn clear_form(app: &mut AppState, mut form: ClearForm, action: Action) -> Vec<Effect> {
    let lang = app.lang;
    let mut effects = Vec::new();
    if !matches!(action, Action::Back | Action::Quit) {
        form.confirm_cancel = false;
    }
    match action {
        Action::NextField | Action::Down => form.move_field(true),
        Action::PrevField | Action::Up => form.move_field(false),
        Action::ChooseNext if form.field() == super::form::ClearField::Note => {
            form.edit(InputRequest::GoToNextChar)
        }
        Action::ChoosePrev if form.field() == super::form::ClearField::Note => {
            form.edit(InputRequest::GoToPrevChar)
        }
        Action::ChooseNext => form.choose(true, app.territory.partners.len()),
        Action::ChoosePrev => form.choose(false, app.territory.partners.len()),
        Action::Edit(req) => form.edit(req),
        Action::Back | Action::Quit => {
            let dirty = form.is_dirty();
            if screens::cancel(app, dirty, &mut form.confirm_cancel) {
                return Vec::new();
            }
        }
        Action::Submit => match form.to_clearance(&app.territory) {
            Ok(c) => {
                effects = commit(
                    app,
                    Command::Clear(c),
                    t(lang, "Intervention clôturée.", "Intervention cleared."),
                )
            }
            Err(field) => {
                form.field = super::form::ClearField::ALL
                    .iter()
                    .position(|f| *f == field)
                    .unwrap_or(0);
                app.message = Some(Message::Error(t(
                    lang,
                    "Choisissez l'issue et le niveau de réponse (←/→).",
                    "Pick the outcome and the response level (←/→).",
                )));
                effects.push(Effect::Bell);
            }
        },
        _ => {}
    }
    app.mode = Mode::Clear(Box::new(form));
    effects
}
