//! The console as a projection of the journal: what a commit wrote — this console's or
//! the world's — is applied to the console's own state with the domain's `apply`, its
//! main courante lines are written, the nights' records follow, and every finger stays on
//! its row.

use super::logbook::LogLine;
use super::{AppState, Effect, Mode, Pane, Screen, notices};
use crate::domain::Written;
use crate::domain::event::Event;
use crate::domain::ids::{PersonalId, RequestId};
use crate::domain::personal::PersonalRecord;
use crate::domain::reference::Territory;
use crate::domain::safety::CheckInWord;
use crate::domain::state::State;
use crate::i18n::log::Lookup;
use crate::i18n::notice::{Notice, TeamNews};

/// This console's commit was written: apply it, say what it did, close the form.
pub fn committed(app: &mut AppState, written: Written) -> Vec<Effect> {
    let was_open = app.domain.open_night().is_some();
    let intake = matches!(app.mode, Mode::NewRequest(_));
    app.busy = false;
    apply(app, &written);
    let open = app.domain.open_night().is_some();
    // A night just opened: the coordinator's work is on the board now, wherever it was
    // opened from (the handover screen, typically).
    if !was_open && open {
        app.screen = Screen::Board;
    }
    // A request just taken is the one the next key is about (`d` sends a team to it).
    if let Some(id) = created_request(&written) {
        app.selection.request = Some(id);
        app.focus = Pane::Requests;
    }
    app.notice = Some(notices::of_written(&written));
    if !matches!(app.mode, Mode::Normal | Mode::ConfirmQuit(_)) {
        app.mode = Mode::Normal;
    }
    if intake && let Some(id) = created_request(&written) {
        super::intake::send_next(app, id);
    }
    if was_open && !open {
        vec![Effect::BackUp]
    } else {
        Vec::new()
    }
}

/// The world's commit (the live demo's callers and teams, other desks, the phones):
/// applied without touching the form being typed or the fingers. An incident a team
/// reported rings and says so, whoever recorded it.
pub fn world_moved(app: &mut AppState, written: Written) -> Vec<Effect> {
    apply(app, &written);
    let incident = written.envelopes.iter().find_map(|e| match &e.event {
        Event::CheckInReported { team, word } if *word == CheckInWord::Incident => {
            Some(Notice::Team {
                team: team.clone(),
                news: TeamNews::Reported(*word),
            })
        }
        _ => None,
    });
    match incident {
        Some(notice) => {
            app.notice = Some(notice);
            vec![Effect::Bell]
        }
        None => Vec::new(),
    }
}

/// A team's phone code this console issued: applied like its other commits; the code is
/// kept in memory beside the team and said in the footer.
pub fn code_issued(
    app: &mut AppState,
    team: String,
    code: String,
    written: Written,
) -> Vec<Effect> {
    let effects = committed(app, written);
    app.team_codes.insert(team.clone(), code.clone());
    app.notice = Some(Notice::TeamCode { team, code });
    effects
}

fn apply(app: &mut AppState, written: &Written) {
    let pins = app.pins();
    for p in &written.personal {
        app.personal.insert(p.id, p.clone());
    }
    for env in &written.envelopes {
        // Already applied (a resent answer): facts are applied once.
        if env.seq <= app.domain.last_seq {
            continue;
        }
        app.domain.apply(env);
        app.nights.apply(&app.domain, env);
        if let Event::PersonalErased { personal, .. } = &env.event {
            app.personal.remove(personal);
        }
        match &env.event {
            Event::NightOpened { coordinator, .. }
            | Event::CoordinatorChanged { coordinator }
            | Event::HandoverAcknowledged { coordinator, .. } => {
                app.coordinator = Some(coordinator.clone())
            }
            _ => {}
        }
        let lookup = Names {
            territory: &app.territory,
            state: &app.domain,
            personal: &written.personal,
        };
        let line = LogLine::of(env, &lookup, app.lang);
        app.log.append(vec![line]);
        app.fresh = false;
    }
    app.follow(pins);
}

fn created_request(written: &Written) -> Option<RequestId> {
    written.envelopes.iter().find_map(|e| match e.event {
        Event::RequestReceived { request, .. } => Some(request),
        _ => None,
    })
}

/// What a log line needs, from what the console holds: the territory, its state, and the
/// personal records that came with the commit.
pub struct Names<'a> {
    pub territory: &'a Territory,
    pub state: &'a State,
    pub personal: &'a [PersonalRecord],
}

impl Lookup for Names<'_> {
    fn territory(&self) -> &Territory {
        self.territory
    }
    fn request_number(&self, id: RequestId) -> Option<u32> {
        self.state.requests.get(&id).map(|r| r.number)
    }
    fn personal(&self, id: PersonalId) -> Option<PersonalRecord> {
        self.personal.iter().find(|p| p.id == id).cloned()
    }
}
