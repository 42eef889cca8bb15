//! Picking a place for a team: where it is now (a position update), or the targeted point of
//! its active presence. Typed like the request form's site: part of a name or an address;
//! a district's name gives the district itself.

use super::form::site_matches;
use super::update::{Action, Effect, commit, t};
use super::{AppState, Message, Mode};
use crate::domain::Command;
use crate::domain::reference::Territory;
use crate::domain::vocab::{Position, TeamStatus};
use crate::text::fold;
use tui_input::{Input, InputRequest};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// The team says where it is.
    Move,
    /// The team starts active presence there.
    Presence,
}

#[derive(Debug, Clone)]
pub struct PlaceForm {
    pub team: String,
    pub purpose: Purpose,
    pub query: Input,
    /// Index among the matches.
    pub choice: usize,
}

impl PlaceForm {
    pub fn new(team: String, purpose: Purpose) -> PlaceForm {
        PlaceForm {
            team,
            purpose,
            query: Input::default(),
            choice: 0,
        }
    }

    /// Districts whose name contains the query, then sites that match it.
    pub fn matches(&self, territory: &Territory) -> Vec<Position> {
        let q = fold(self.query.value().trim());
        if q.is_empty() {
            return Vec::new();
        }
        let districts = territory
            .districts
            .iter()
            .filter(|d| fold(&d.name).contains(&q))
            .map(|d| Position::District(d.id.clone()));
        let sites = site_matches(territory, self.query.value())
            .into_iter()
            .map(|s| Position::Site(s.id.clone()));
        districts.chain(sites).collect()
    }

    pub fn chosen(&self, territory: &Territory) -> Option<Position> {
        self.matches(territory).get(self.choice).cloned()
    }

    pub fn edit(&mut self, req: InputRequest) {
        // Only a change of the text changes the matches; moving the cursor keeps the choice.
        if self.query.handle(req).is_some_and(|c| c.value) {
            self.choice = 0;
        }
    }

    pub fn choose(&mut self, forward: bool, territory: &Territory) {
        let n = self.matches(territory).len().max(1);
        self.choice = if forward {
            (self.choice + 1) % n
        } else {
            (self.choice + n - 1) % n
        };
    }
}

/// Keys in the place picker.
pub(super) fn update_place(app: &mut AppState, mut form: PlaceForm, action: Action) -> Vec<Effect> {
    let lang = app.lang;
    match action {
        Action::Edit(req) => form.edit(req),
        Action::ChooseNext => form.edit(InputRequest::GoToNextChar),
        Action::ChoosePrev => form.edit(InputRequest::GoToPrevChar),
        Action::Down | Action::NextField => form.choose(true, &app.territory),
        Action::Up | Action::PrevField => form.choose(false, &app.territory),
        Action::Back | Action::Quit => return Vec::new(),
        Action::Submit => {
            let chosen = form.chosen(&app.territory);
            let team = form.team.clone();
            // Active presence with nothing typed: where the team already is.
            let position = match (form.purpose, chosen) {
                (_, Some(p)) => Some(p),
                (Purpose::Presence, None) if form.query.value().trim().is_empty() => {
                    current_district(app, &team)
                }
                _ => None,
            };
            let Some(position) = position else {
                app.message = Some(Message::Error(t(
                    lang,
                    "Lieu : tapez une partie du nom d'un site ou d'un quartier, ↑/↓ pour choisir.",
                    "Place: type part of a site's or a district's name, ↑/↓ to pick.",
                )));
                app.mode = Mode::Place(Box::new(form));
                return vec![Effect::Bell];
            };
            let place = place_name(&app.territory, &position);
            let (cmd, what) = match form.purpose {
                Purpose::Move => (
                    Command::UpdatePosition {
                        team: team.clone(),
                        position,
                    },
                    lang.pick("position", "position"),
                ),
                Purpose::Presence => (
                    Command::SetTeamStatus {
                        team: team.clone(),
                        status: TeamStatus::ActivePresence,
                        position: Some(position),
                    },
                    lang.pick("présence active", "active presence"),
                ),
            };
            app.mode = Mode::Place(Box::new(form));
            let msg = format!(
                "{} {team}{} {what} — {place}",
                t(lang, "Équipe", "Team"),
                lang.colon()
            );
            return commit(app, cmd, msg);
        }
        _ => {}
    }
    app.mode = Mode::Place(Box::new(form));
    Vec::new()
}

/// The district a team is in, from its last position.
fn current_district(app: &AppState, team: &str) -> Option<Position> {
    let t = app.domain.teams.get(team)?;
    match &t.position {
        Position::Site(s) => app
            .territory
            .site(s)
            .map(|s| Position::District(s.district.clone())),
        Position::District(d) => Some(Position::District(d.clone())),
        Position::Base => None,
    }
}

/// A place in words: the site's or the district's name.
pub fn place_name(territory: &Territory, position: &Position) -> String {
    match position {
        Position::Base => "base".to_string(),
        Position::Site(s) => territory.site(s).map_or(s.clone(), |s| {
            let district = territory
                .district(&s.district)
                .map_or("", |d| d.name.as_str());
            format!("{}, {} ({district})", s.name, s.address)
        }),
        Position::District(d) => territory.district(d).map_or(d.clone(), |d| d.name.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(text: &str, purpose: Purpose) -> PlaceForm {
        let mut f = PlaceForm::new("E1".into(), purpose);
        for c in text.chars() {
            f.edit(InputRequest::InsertChar(c));
        }
        f
    }

    #[test]
    fn a_district_name_gives_the_district_first_then_its_sites() {
        let t = crate::territory::rennes().expect("Rennes");
        let f = typed("villejean", Purpose::Presence);
        let m = f.matches(&t);
        assert!(
            matches!(&m[0], Position::District(d) if d.contains("vil")),
            "{m:?}"
        );
        assert!(m.len() > 1, "sites of Villejean follow");
        assert_eq!(f.chosen(&t), Some(m[0].clone()));
    }

    #[test]
    fn up_down_cycle_and_typing_starts_again_from_the_first() {
        let t = crate::territory::rennes().expect("Rennes");
        let mut f = typed("kennedy", Purpose::Move);
        let n = f.matches(&t).len();
        assert!(n >= 2);
        f.choose(false, &t);
        assert_eq!(f.choice, n - 1);
        f.edit(InputRequest::GoToStart);
        assert_eq!(f.choice, n - 1, "moving the cursor keeps the choice");
        f.edit(InputRequest::InsertChar(' '));
        assert_eq!(f.choice, 0);
        assert!(typed("", Purpose::Move).chosen(&t).is_none());
        assert!(typed("zzzz", Purpose::Move).chosen(&t).is_none());
    }
}
