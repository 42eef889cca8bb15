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

/// Where a request is: its site's name, or « Maurepas · adresse libre » for a place not in
/// the list (the district first: it is what a narrow column keeps; the address itself is
/// personal data, the request's detail shows it).
pub fn request_place(
    territory: &Territory,
    site: &str,
    district: Option<&str>,
    lang: Lang,
) -> String {
    if let Some(s) = territory.site(site) {
        return s.name.clone();
    }
    if !site.is_empty() {
        return site.to_string();
    }
    let district = district
        .map(|id| territory.district(id).map_or(id, |d| d.name.as_str()))
        .unwrap_or("?");
    format!(
        "{district} · {}",
        lang.pick("adresse libre", "free address")
    )
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

/// A site's name for a narrow column (`width` cells): the generic words that start many
/// names go, the distinctive part stays (« Résidence Les Ajoncs » → « Ajoncs », « Abords
/// du métro Italie » → « M° Italie »). A name that fits is kept whole.
pub fn short(name: &str, width: usize) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    if crate::text::width(name) <= width {
        return Cow::Borrowed(name);
    }
    const SWAPS: &[(&str, &str)] = &[
        ("Abords du métro ", "M° "),
        ("Abords du centre commercial ", "CC "),
        ("Abords du lycée ", "Lycée "),
        ("Abords du ", ""),
        ("Abords de la ", ""),
        ("Abords des ", ""),
        ("Parvis de la piscine ", "Piscine "),
        ("Square de ", "Sq. "),
        ("Square des ", "Sq. "),
        ("Dalle commerciale du ", "Dalle "),
    ];
    if let Some((from, to)) = SWAPS.iter().find(|(from, _)| name.starts_with(from)) {
        return Cow::Owned(format!("{to}{}", &name[from.len()..]));
    }
    let Some(rest) = name.strip_prefix("Résidence ") else {
        return Cow::Borrowed(name);
    };
    let article = ["Les ", "La ", "Le ", "L'", "des ", "du ", "de la "]
        .iter()
        .find(|a| rest.starts_with(**a));
    Cow::Borrowed(article.map_or(rest, |a| &rest[a.len()..]))
}

#[cfg(test)]
mod tests {
    use super::short;

    #[test]
    fn narrow_columns_keep_the_distinctive_part_of_a_site_name() {
        assert_eq!(short("Résidence Les Ajoncs", 8), "Ajoncs");
        assert_eq!(short("Résidence des Asturies", 10), "Asturies");
        assert_eq!(short("Abords du métro Italie", 10), "M° Italie");
        assert_eq!(
            short("Square des Champs Manceaux", 12),
            "Sq. Champs Manceaux"
        );
        assert_eq!(short("Tour Belle-Île", 8), "Tour Belle-Île");
        assert_eq!(short("Résidence Les Ajoncs", 30), "Résidence Les Ajoncs");
        // Every Rennes site keeps a name of its own.
        let t = crate::territory::rennes().expect("Rennes");
        let mut names: Vec<String> = t.sites.iter().map(|s| short(&s.name, 8).into()).collect();
        names.sort();
        let before = names.len();
        names.dedup();
        assert_eq!(names.len(), before, "{names:?}");
    }
}
