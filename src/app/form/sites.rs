//! Finding a site from what is typed: part of its name or address, accents aside.

use crate::domain::reference::{Site, Territory};

/// Sites whose name, address or district contains every typed word (accents and case aside).
pub fn site_matches<'t>(territory: &'t Territory, query: &str) -> Vec<&'t Site> {
    let words: Vec<String> = query.split_whitespace().map(fold).collect();
    let all_in = |hay: &str| words.iter().all(|w| hay.contains(w.as_str()));
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

/// Lower case without French accents, for matching what is typed.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        match c {
            'à' | 'â' | 'ä' | 'á' => out.push('a'),
            'é' | 'è' | 'ê' | 'ë' => out.push('e'),
            'î' | 'ï' | 'í' => out.push('i'),
            'ô' | 'ö' | 'ó' => out.push('o'),
            'ù' | 'û' | 'ü' | 'ú' => out.push('u'),
            'ÿ' => out.push('y'),
            'ç' => out.push('c'),
            'œ' => out.push_str("oe"),
            'æ' => out.push_str("ae"),
            c => out.push(c),
        }
    }
    out
}
