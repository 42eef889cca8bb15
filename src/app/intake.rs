//! After a call is saved from the new-request form, the next key is usually « send a team »:
//! the team picker opens on the suggested team, so that Enter sends it and Esc leaves the
//! request waiting (the typical call in at most 12 keys, `intake_tests.rs` counts them).

use super::{AppState, Mode, board, dispatch};
use crate::domain::ids::RequestId;
use crate::i18n::notice::Notice;
use crate::i18n::request_notice::RequestNotice;

/// Opens the picker on `request` when a team is free to take it.
pub(super) fn send_next(app: &mut AppState, request: RequestId) {
    let Some(team) = board::suggested_team(app, request) else {
        return;
    };
    let Some(number) = app.domain.requests.get(&request).map(|r| r.number) else {
        return;
    };
    let mut picker = dispatch::open(app, request);
    picker.team = Some(team.clone());
    app.mode = Mode::Dispatch(Box::new(picker));
    app.notice = Some(Notice::Request(RequestNotice::SavedSendTeam {
        number,
        team,
    }));
}
