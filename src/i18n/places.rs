//! Places in words: a site with its address and district, a district, the base.

use super::Lang;
use crate::domain::reference::Territory;
use crate::domain::vocab::Position;

/// "Dalle du Gros-Chêne, 2 place du Gros-Chêne (Maurepas)"; an unknown id as it is.
pub fn site(territory: &Territory, id: &str) -> String {
    territory.site(id).map_or(id.to_string(), |s| {
        let district = territory
            .district(&s.district)
            .map_or(s.district.as_str(), |d| d.name.as_str());
        format!("{}, {} ({district})", s.name, s.address)
    })
}

/// A team's position or a targeted point in words.
pub fn place(territory: &Territory, position: &Position) -> String {
    match position {
        Position::Base => "base".to_string(),
        Position::Site(s) => site(territory, s),
        Position::District(d) => territory.district(d).map_or(d.clone(), |d| d.name.clone()),
    }
}

/// The base in the UI language, for lists that name it.
pub fn base(lang: Lang) -> &'static str {
    lang.pick("base", "base")
}
