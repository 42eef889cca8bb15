//! Keys of the watch, the relays and the night's plan: on the board (an observation, a
//! relay's follow-up, an item added to the plan) and on the watch screen (filters, and an
//! observation's lifecycle: transmitted, answered, resolved, no follow-up).

use super::desk_key::DeskKey;
use super::form::Open;
use super::form::answer::AnswerForm;
use super::form::observation::{ObservationForm, cycle_or_none};
use super::form::plan_item::PlanForm;
use super::form::relay::RelayForm;
use super::respond::{commit, say};
use super::watch_screen::{self, Age};
use super::{Action, AppState, Effect, Mode, Pane};
use crate::domain::Command;
use crate::domain::ids::RequestId;
use crate::domain::vocab::ObservationKind;
use crate::domain::watch::{Channel, WatchCommand, WatchEnding, WatchStatus};
use crate::i18n::desk_notice::DeskNotice;
use crate::i18n::notice::Notice;

/// The team and the request the board points at.
fn pointed(app: &AppState) -> (Option<String>, Option<RequestId>) {
    match app.focus {
        Pane::Teams => {
            let team = app.selected_team();
            let request = team
                .as_ref()
                .and_then(|t| app.domain.teams.get(t))
                .and_then(|t| t.assignment)
                .map(|(r, _)| r);
            (team, request)
        }
        Pane::Requests => {
            let request = app.selected_request();
            let team = request
                .and_then(|r| app.domain.requests.get(&r))
                .and_then(|r| r.team.clone());
            (team, request)
        }
        Pane::Cases => (None, None),
    }
}

/// Keys of the board that record for the watch, follow a relay or add to the plan.
pub(super) fn board(app: &mut AppState, key: DeskKey) -> Vec<Effect> {
    if app.domain.open_night().is_none() {
        return say(app, Notice::NeedOpenNight);
    }
    let (team, request) = pointed(app);
    app.mode = match key {
        DeskKey::Observe => {
            Mode::Observation(Box::new(Open::new(ObservationForm::new(team, request))))
        }
        DeskKey::FollowRelay => {
            let open = request.filter(|r| {
                app.domain
                    .requests
                    .get(r)
                    .is_some_and(|r| !r.status.is_terminal())
            });
            let form = RelayForm::new(open);
            if open.is_none() && app.domain.relays_engaged().iter().all(|e| e.arrived()) {
                return say(app, Notice::Desk(DeskNotice::NoRelayToFollow));
            }
            Mode::Relay(Box::new(Open::new(form)))
        }
        DeskKey::AddPlanItem => Mode::PlanItem(Box::new(Open::new(PlanForm::default()))),
        _ => return Vec::new(),
    };
    Vec::new()
}

/// Keys of the watch screen.
pub(super) fn screen(app: &mut AppState, action: Action) -> Vec<Effect> {
    match action {
        Action::Up => watch_screen::move_by(app, -1),
        Action::Down => watch_screen::move_by(app, 1),
        Action::PageUp => watch_screen::move_by(app, -10),
        Action::PageDown => watch_screen::move_by(app, 10),
        Action::Back => {
            app.watch.filter = Default::default();
            app.notice = None;
        }
        Action::Desk(key) => return desk(app, key),
        _ => {}
    }
    Vec::new()
}

fn desk(app: &mut AppState, key: DeskKey) -> Vec<Effect> {
    let t = &app.territory;
    let f = &mut app.watch.filter;
    match key {
        DeskKey::FilterCommissioner => {
            let all: Vec<String> = t.landlords.iter().map(|l| l.id.clone()).collect();
            f.commissioner = cycle_or_none(&all, f.commissioner.take(), true);
        }
        DeskKey::FilterStatus => f.status = cycle_or_none(WatchStatus::ALL, f.status, true),
        DeskKey::FilterKind => f.kind = cycle_or_none(ObservationKind::ALL, f.kind, true),
        DeskKey::FilterDistrict => {
            let all: Vec<String> = t.districts.iter().map(|d| d.id.clone()).collect();
            f.district = cycle_or_none(&all, f.district.take(), true);
        }
        DeskKey::FilterAge => f.age = cycle_or_none(Age::ALL, f.age, true),
        DeskKey::Transmit | DeskKey::Answer | DeskKey::Resolve | DeskKey::NoFollowUp => {
            return lifecycle(app, key);
        }
        _ => {}
    }
    Vec::new()
}

/// A step of the selected observation's lifecycle.
fn lifecycle(app: &mut AppState, key: DeskKey) -> Vec<Effect> {
    let Some(observation) = watch_screen::selected(app) else {
        return say(app, Notice::Desk(DeskNotice::SelectObservation));
    };
    app.watch.selected = Some(observation);
    let command = match key {
        DeskKey::Transmit => WatchCommand::Transmit {
            observations: vec![observation],
            channel: Channel::Direct,
        },
        DeskKey::Answer => {
            app.mode = Mode::Answer(Box::new(Open::new(AnswerForm::new(observation))));
            return Vec::new();
        }
        DeskKey::Resolve => WatchCommand::Settle {
            observation,
            ending: WatchEnding::Resolved,
        },
        _ => WatchCommand::Settle {
            observation,
            ending: WatchEnding::NoFollowUp,
        },
    };
    commit(app, vec![Command::Watch(command)])
}

/// The night's report went out to the commissioners (the console writes their version):
/// the observations of that night still to transmit are recorded as transmitted.
pub(super) fn transmitted_in_report(app: &mut AppState) -> Vec<Effect> {
    let Some((record, _)) = app.nights.shown(&app.domain) else {
        return Vec::new();
    };
    let night = record.night;
    let observations: Vec<_> = app
        .domain
        .observations
        .values()
        .filter(|o| o.night == night && o.status() == WatchStatus::ToTransmit)
        .map(|o| o.id)
        .collect();
    if observations.is_empty() || app.busy {
        return Vec::new();
    }
    commit(
        app,
        vec![Command::Watch(WatchCommand::Transmit {
            observations,
            channel: Channel::NightReport,
        })],
    )
}
