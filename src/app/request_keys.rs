//! Keys on a request of the board (and in its detail): its detail, correcting it, settling
//! it on the phone, closing it without a visit, its callback, the next callback due.

use super::form::Open;
use super::form::callback::CallbackForm;
use super::form::correct::CorrectForm;
use super::form::settle::SettleForm;
use super::handover_forms::{Choice, Closing};
use super::respond::say;
use super::{Action, AppState, Effect, Mode, Pane};
use crate::i18n::notice::Notice;

pub(super) fn keys(app: &mut AppState, action: Action) -> Vec<Effect> {
    if action == Action::NextCallback {
        return next_callback(app);
    }
    let selected = (app.focus == Pane::Requests)
        .then(|| app.selected_request())
        .flatten();
    let Some(r) = selected.and_then(|id| app.domain.requests.get(&id)) else {
        return say(app, Notice::SelectRequest);
    };
    let (request, number) = (r.id, r.number);
    app.mode = match action {
        Action::Detail => Mode::Detail(request),
        Action::Correct => Mode::Correct(Box::new(Open::new(CorrectForm::new(&app.territory, r)))),
        Action::SettleByPhone => {
            Mode::Settle(Box::new(Open::new(SettleForm::new(request, number))))
        }
        Action::CloseRequest => Mode::Choice(Box::new(Choice::CloseRequest {
            request,
            how: Closing::Cancelled,
        })),
        Action::Callback => {
            let due = r.pending_callback().is_some();
            Mode::Callback(Box::new(Open::new(CallbackForm::new(request, number, due))))
        }
        _ => return Vec::new(),
    };
    Vec::new()
}

/// The earliest callback still to make, whatever its request (closed ones included).
fn next_callback(app: &mut AppState) -> Vec<Effect> {
    let Some(next) = crate::report::callbacks::pending(&app.domain)
        .into_iter()
        .next()
    else {
        return say(
            app,
            Notice::Request(crate::i18n::request_notice::RequestNotice::NoCallbackDue),
        );
    };
    let form = CallbackForm::new(next.request, next.number, true);
    app.mode = Mode::Callback(Box::new(Open::new(form)));
    Vec::new()
}
