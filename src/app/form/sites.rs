//! Finding a site from what is typed: part of its name or address, accents aside.

use crate::domain::reference::{Site, Territory};

/// Sites whose name, address or district contains every typed word (accents, case, hyphens
/// and apostrophes aside).
pub fn site_matches<'t>(territory: &'t Territory, query: &str) -> Vec<&'t Site> {
    let words = crate::text::words(query);
    let all_in = |hay: &str| crate::text::contains_words(hay, &words);
    let mut found: Vec<(u8, &Site)> = territory
        .sites
        .iter()
        .filter_map(|s| {
            let district = territory
                .district(&s.district)
                .map_or("", |d| d.name.as_str());
            let name = fold(&s.name);
            let named = format!("{name} {}", fold(&s.address));
            // What was typed found in the name comes first, then in the address, then only
            // in the district or the site's code (« gros chene » names a residence first,
            // not every site of the Gros-Chêne sector).
            if all_in(&name) {
                Some((0, s))
            } else if all_in(&named) {
                Some((1, s))
            } else if all_in(&fold(&format!("{named} {district} {}", s.id))) {
                Some((2, s))
            } else {
                None
            }
        })
        .collect();
    found.sort_by_key(|(rank, _)| *rank);
    found.into_iter().map(|(_, s)| s).collect()
}

/// Districts whose name contains what is typed, then the sites that match it: where a
/// team, an observation or a point of the plan is.
pub fn place_matches(territory: &Territory, query: &str) -> Vec<crate::domain::vocab::Position> {
    use crate::domain::vocab::Position;
    let q = fold(query.trim());
    if q.is_empty() {
        return Vec::new();
    }
    let districts = territory
        .districts
        .iter()
        .filter(|d| fold(&d.name).contains(&q))
        .map(|d| Position::District(d.id.clone()));
    let sites = site_matches(territory, query)
        .into_iter()
        .map(|s| Position::Site(s.id.clone()));
    districts.chain(sites).collect()
}

/// The search key of what is typed: case, accents, hyphens and apostrophes aside.
pub use crate::text::fold;
