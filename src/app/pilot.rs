//! The live demo's autopilot, seen from the console: `P` hands the desk to the demo's own
//! coordinator and back; the user takes it back at any moment by doing something (a form
//! opened, a command written). The runtime runs the autopilot while `app.autopilot` holds.

use super::{Action, AppState, Effect, Mode};
use crate::i18n::notice::Notice;

/// `P`: who has the desk changes (only in a demo).
pub fn toggle(app: &mut AppState) -> Vec<Effect> {
    if app.demo.is_none() {
        app.notice = Some(Notice::AutopilotDemoOnly);
        return vec![Effect::Bell];
    }
    app.autopilot = !app.autopilot;
    app.notice = Some(Notice::DeskHolder {
        autopilot: app.autopilot,
    });
    Vec::new()
}

/// After a user's key: one that opens a form or writes takes the desk back from the
/// autopilot (watching, moving the finger or reading the help does not).
pub fn took_over(app: &mut AppState, was_normal: bool, effects: &[Effect]) {
    if !app.autopilot {
        return;
    }
    let writes = effects.iter().any(|e| matches!(e, Effect::Commit(_)));
    let opened = was_normal && !matches!(app.mode, Mode::Normal);
    if writes || opened {
        app.autopilot = false;
        app.notice = Some(Notice::DeskHolder { autopilot: false });
    }
}

/// Actions that come from the user's keys, not from the clock or the store.
pub fn is_key(action: &Action) -> bool {
    !matches!(
        action,
        Action::Tick(_)
            | Action::Committed(_)
            | Action::Failed(_)
            | Action::WorldMoved(_)
            | Action::TeamCodeIssued { .. }
            | Action::Notice(_)
            | Action::ReportExported(_)
            | Action::Autopilot
    )
}
