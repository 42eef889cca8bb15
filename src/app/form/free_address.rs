//! A place that is not in the list (« 12 rue de Fougères »): recorded as a free address
//! with its district, guessed from the nearest thing the territory knows — a site on the
//! same street, a landmark or a sector named in the text, the district's own name — and
//! chosen by the coordinator when nothing matches.

use crate::domain::reference::Territory;
use crate::text::fold;

/// The street of an address: without its number, its « bis/ter » and what follows a
/// parenthesis or a comma (« 14 bis boulevard Emmanuel Mounier (dalle) » → « boulevard
/// emmanuel mounier »), folded.
fn street(address: &str) -> String {
    let head = address.split(['(', ',']).next().unwrap_or("");
    let words: Vec<String> = crate::text::words(head)
        .into_iter()
        .skip_while(|w| {
            w.chars().any(|c| c.is_ascii_digit()) || ["bis", "ter"].contains(&w.as_str())
        })
        .collect();
    words.join(" ")
}

/// The index (among the territory's districts) of the district a free address is guessed
/// to be in, or `None` when nothing in the text points at one.
pub fn guess_district(territory: &Territory, text: &str) -> Option<usize> {
    let typed = fold(text);
    let typed_street = street(text);
    let index = |id: &str| territory.districts.iter().position(|d| d.id == id);
    // A site on the same street is the nearest the territory knows.
    if typed_street.split(' ').count() >= 2 {
        let same_street = territory.sites.iter().find(|s| {
            let theirs = street(&s.address);
            !theirs.is_empty() && (typed_street.contains(&theirs) || theirs.contains(&typed_street))
        });
        if let Some(site) = same_street {
            return index(&site.district);
        }
    }
    let named = |name: &str| {
        let name = fold(name);
        name.len() >= 4 && typed.contains(&name)
    };
    for (i, d) in territory.districts.iter().enumerate() {
        if named(&d.name) || d.landmarks.iter().any(|l| named(&l.name)) {
            return Some(i);
        }
    }
    let sector = territory.sectors.iter().find(|s| named(&s.name))?;
    index(&sector.district)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rennes() -> Territory {
        crate::territory::rennes().expect("the embedded territory loads")
    }

    fn guessed(text: &str) -> Option<String> {
        let t = rennes();
        guess_district(&t, text).map(|i| t.districts[i].id.clone())
    }

    #[test]
    fn a_street_of_a_known_site_gives_that_site_s_district() {
        assert_eq!(
            street("14 bis boulevard Emmanuel Mounier (dalle)"),
            "boulevard emmanuel mounier"
        );
        assert_eq!(
            guessed("3 boulevard Emmanuel-Mounier").as_deref(),
            Some("maurepas")
        );
        assert_eq!(
            guessed("22 avenue de Bréquigny, 3e étage").as_deref(),
            Some("brequigny")
        );
    }

    #[test]
    fn a_district_named_in_the_text_is_taken_and_nothing_is_invented() {
        assert_eq!(
            guessed("parking derrière Le Blosne").as_deref(),
            Some("le-blosne")
        );
        assert_eq!(guessed("12 rue de Fougères"), None);
        assert_eq!(guessed(""), None);
    }
}
