//! The world moved on its own (the live demo's callers and teams in the field): the board
//! follows without disturbing the coordinator — the form being typed stays open, the
//! message stays, and the selection stays on the same request and situation even when a
//! new call sorts above them.

use super::board::{open_cases, open_requests};
use super::update::clamp_selection;
use super::{AppState, Pane};
use crate::domain::State;

pub(super) fn moved(app: &mut AppState, state: State) {
    let request = open_requests(app)
        .get(app.selected(Pane::Requests))
        .map(|r| r.id);
    let case = open_cases(app).get(app.selected(Pane::Cases)).map(|c| c.id);
    app.domain = state;
    if let Some(i) = request.and_then(|id| open_requests(app).iter().position(|r| r.id == id)) {
        app.selected[Pane::Requests as usize] = i;
    }
    if let Some(i) = case.and_then(|id| open_cases(app).iter().position(|c| c.id == id)) {
        app.selected[Pane::Cases as usize] = i;
    }
    clamp_selection(app);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::{Action, update};
    use crate::domain::command::NewRequest;
    use crate::domain::vocab::{Category, Priority, Source};
    use crate::domain::{Command, execute};
    use chrono::{DateTime, Utc};

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn call(priority: Priority, site: &str) -> Command {
        Command::ReceiveRequest(NewRequest {
            source: Source::Resident,
            site: site.into(),
            category: Category::Noise,
            priority,
            caller_name: None,
            callback: None,
            description: None,
        })
    }

    #[test]
    fn a_new_urgent_call_keeps_the_selection_and_the_open_form() {
        let t = crate::territory::rennes().unwrap();
        let now = at("2026-11-30T21:05:00+01:00");
        let mut state = State::default();
        let coordinator = t.coordinators[0].id.clone();
        execute(&mut state, &t, &Command::OpenNight { coordinator }, now).unwrap();
        let site = t.sites[0].id.clone();
        for p in [Priority::P3, Priority::P3] {
            execute(&mut state, &t, &call(p, &site), now).unwrap();
        }
        let mut app = AppState::new(crate::i18n::Lang::Fr, state.clone(), t.clone(), now);
        app.selected[Pane::Requests as usize] = 1;
        let chosen = open_requests(&app)[1].id;
        update(&mut app, Action::NewRequest);
        assert!(app.mode.is_form());
        // A P1 comes in: it sorts first, above the chosen one.
        execute(&mut state, &t, &call(Priority::P1, &site), now).unwrap();
        update(&mut app, Action::WorldMoved(Box::new(state)));
        assert_eq!(open_requests(&app).len(), 3);
        assert_eq!(open_requests(&app)[app.selected(Pane::Requests)].id, chosen);
        assert_eq!(app.selected(Pane::Requests), 2);
        assert!(app.mode.is_form());
    }
}
