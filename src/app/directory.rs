//! The partner directory (screen 5): every partner with its number and hours, filtered as
//! one types (`/`, words in any order, accents aside).

pub use super::partner_search::{kind, matching};
use super::{Action, AppState, Effect, Mode};
use crate::domain::reference::Partner;
use tui_input::Input;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct DirectoryScreen {
    /// What the list is filtered by (kept after Enter).
    pub query: String,
    /// The row under the finger.
    pub selected: usize,
}

/// The rows shown now: filtered by the query being typed, else by the one kept.
pub fn rows(app: &AppState) -> Vec<&Partner> {
    let query = match &app.mode {
        Mode::Search(input) => input.value(),
        _ => app.directory.query.as_str(),
    };
    matching(&app.territory.partners, query, app.lang)
}

pub(super) fn keys(app: &mut AppState, action: Action) -> Vec<Effect> {
    let n = rows(app).len();
    let d = &mut app.directory;
    match action {
        Action::Up => d.selected = d.selected.saturating_sub(1),
        Action::Down => d.selected = (d.selected + 1).min(n.saturating_sub(1)),
        Action::Home => d.selected = 0,
        Action::End => d.selected = n.saturating_sub(1),
        Action::Back => {
            d.query.clear();
            app.notice = None;
        }
        Action::Search | Action::Desk(super::desk_key::DeskKey::Find) => {
            app.mode = Mode::Search(Input::new(d.query.clone()));
        }
        _ => {}
    }
    Vec::new()
}

/// Typing the filter: the list follows each key; Enter keeps it, Esc clears it.
pub(super) fn search(app: &mut AppState, action: Action) -> Vec<Effect> {
    let Mode::Search(input) = &mut app.mode else {
        return Vec::new();
    };
    match action {
        Action::Edit(req) => {
            input.handle(req);
            app.directory.selected = 0;
        }
        Action::Back | Action::Quit => {
            app.directory.query.clear();
            app.mode = Mode::Normal;
        }
        Action::Submit => {
            app.directory.query = input.value().trim().to_string();
            app.mode = Mode::Normal;
        }
        _ => {}
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::reference::PartnerKind;
    use crate::i18n::Lang;

    #[test]
    fn the_directory_is_filtered_by_name_number_or_kind_accents_aside() {
        let t = crate::territory::rennes().expect("Rennes");
        let all = matching(&t.partners, "", Lang::Fr);
        assert_eq!(all.len(), t.partners.len());
        let police = matching(&t.partners, "police", Lang::Fr);
        assert!(police.iter().any(|p| p.id == "police-17"));
        assert!(police.iter().any(|p| p.id == "police-municipale"));
        let by_number = matching(&t.partners, "115", Lang::Fr);
        assert_eq!(by_number.len(), 1);
        assert_eq!(by_number[0].id, "samu-social-115");
        let by_kind = matching(&t.partners, "astreinte bailleur", Lang::Fr);
        assert!(
            by_kind
                .iter()
                .all(|p| p.kind == PartnerKind::LandlordOnCall)
        );
        assert!(!by_kind.is_empty());
        assert!(matching(&t.partners, "zzz", Lang::Fr).is_empty());
    }
}
