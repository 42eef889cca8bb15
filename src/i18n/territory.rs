//! Messages about territory data, for the person who edits the files: each says where
//! (file, line, field), what is wrong, and what to do about it.

use super::Lang;
use crate::territory::{ItemKind, TerritoryError};

/// A clear message for a territory error, in French or English: where, then what.
pub fn territory_error(e: &TerritoryError, lang: Lang) -> String {
    let head = lang.pick("territoire", "territory");
    let colon = lang.colon();
    // An unreadable file is named inside its sentence.
    let place = match e {
        TerritoryError::Unreadable { .. } => String::new(),
        _ => format!("{}{colon} ", place(lang, e.file(), e.line(), e.field())),
    };
    let body = match lang {
        Lang::Fr => fr(e),
        Lang::En => en(e),
    };
    format!("{head}{colon} {place}{body}")
}

/// "sites.toml ligne 42, champ `sites[3].district`".
fn place(lang: Lang, file: &str, line: Option<usize>, field: Option<&str>) -> String {
    let mut s = file.to_string();
    if let Some(l) = line {
        s.push_str(&format!(" {} {l}", lang.pick("ligne", "line")));
    }
    if let Some(f) = field {
        s.push_str(&format!(", {} `{f}`", lang.pick("champ", "field")));
    }
    s
}

/// The file where items of a kind are declared, to say where to add a missing one.
fn home(kind: ItemKind) -> &'static str {
    match kind {
        ItemKind::District => "territory.toml",
        ItemKind::Outline => "districts.geojson",
        ItemKind::Sector => "sectors.toml",
        ItemKind::Landlord => "landlords.toml",
        ItemKind::Site => "sites.toml",
        ItemKind::Partner => "partners.toml",
        ItemKind::Person => "people.toml",
    }
}

/// French noun with its article ("le site"), then plural ("sites").
fn fr_noun(kind: ItemKind) -> (&'static str, &'static str) {
    match kind {
        ItemKind::District => ("le quartier", "quartiers"),
        ItemKind::Outline => ("le contour", "contours"),
        ItemKind::Sector => ("le secteur", "secteurs"),
        ItemKind::Landlord => ("le bailleur", "bailleurs"),
        ItemKind::Site => ("le site", "sites"),
        ItemKind::Partner => ("le partenaire", "partenaires"),
        ItemKind::Person => ("la personne", "personnes (coordination et médiation)"),
    }
}

/// English plural, for "two sites have the id …".
fn en_plural(kind: ItemKind) -> &'static str {
    match kind {
        ItemKind::District => "districts",
        ItemKind::Outline => "outlines",
        ItemKind::Sector => "sectors",
        ItemKind::Landlord => "landlords",
        ItemKind::Site => "sites",
        ItemKind::Partner => "partners",
        ItemKind::Person => "people (coordinators and mediators)",
    }
}

fn fr(e: &TerritoryError) -> String {
    use TerritoryError as E;
    match e {
        E::Unreadable { file, reason } => format!(
            "impossible de lire {file} ({reason}). Vérifiez le chemin donné à --territory et \
             les droits sur le fichier."
        ),
        E::Syntax { field, message, .. } => format!(
            "{}. {} puis relancez.",
            fr_detail(message),
            syntax_fix(Lang::Fr, field.is_some(), message)
        ),
        E::InvalidId { id, .. } => format!(
            "l'identifiant `{id}` n'est pas valide. Utilisez des minuscules sans accent, \
             des chiffres et des tirets (ex. `mau-gros-chene-3`)."
        ),
        E::DuplicateId { kind, id, .. } => format!(
            "deux {} portent l'identifiant `{id}`. Chaque identifiant doit être unique : \
             renommez l'un d'eux.",
            fr_noun(*kind).1
        ),
        E::UnknownReference {
            kind,
            id,
            target,
            target_id,
            ..
        } => format!(
            "{} `{id}` renvoie {} `{target_id}`, qui n'existe pas. Corrigez la référence \
             ou déclarez-le dans {}.",
            fr_noun(*kind).0,
            fr_noun(*target).0.replacen("le ", "au ", 1),
            home(*target)
        ),
        E::SectorOfOtherDistrict {
            site,
            district,
            sector,
            sector_district,
            ..
        } => format!(
            "le site `{site}` est dans le quartier `{district}` mais son secteur \
             `{sector}` appartient au quartier `{sector_district}`. Choisissez un secteur \
             de `{district}` (voir sectors.toml) ou corrigez le quartier du site."
        ),
        E::OnCallWithoutLandlord { partner, .. } => format!(
            "le partenaire `{partner}` est une astreinte de bailleur \
             (kind = \"landlord_on_call\") mais ne dit pas de quel bailleur. Ajoutez \
             `landlord = \"<identifiant>\"` (voir landlords.toml)."
        ),
        E::SiteOutsideDistrict {
            site, district, at, ..
        } => format!(
            "le site `{site}` (lat {}, lon {}) est hors du contour du quartier \
             `{district}`. Vérifiez ses coordonnées (lat et lon inversées ?) ou son quartier.",
            at.lat, at.lon
        ),
        E::MissingOutline { district, .. } => format!(
            "aucun contour pour le quartier `{district}` déclaré dans territory.toml. \
             Ajoutez une Feature dont properties.id vaut \"{district}\", ou retirez ce quartier."
        ),
        E::EmptyOutline { district, .. } => format!(
            "le contour du quartier `{district}` est vide (moins de trois points \
             distincts). Donnez-lui un polygone."
        ),
    }
}

/// What to do about a syntax error: add the missing field, fix the field, or the syntax.
fn syntax_fix(lang: Lang, in_field: bool, message: &str) -> &'static str {
    match (in_field, message.starts_with("missing field")) {
        (_, true) => lang.pick("Ajoutez ce champ", "Add this field"),
        (true, false) => lang.pick("Corrigez ce champ", "Fix this field"),
        (false, false) => lang.pick("Corrigez la syntaxe à cet endroit", "Fix the syntax there"),
    }
}

/// The parsers speak English; the usual messages get a French lead, the technical rest
/// (type names, expected values) is kept as is.
fn fr_detail(message: &str) -> String {
    let message = message.trim_end_matches('.');
    let swap = |rest: &str| {
        rest.replace("expected one of", "attendu :")
            .replace("expected", "attendu :")
    };
    if let Some(rest) = message.strip_prefix("missing field ") {
        format!("champ obligatoire {rest} absent")
    } else if let Some(rest) = message.strip_prefix("unknown field ") {
        format!("champ inconnu {}", swap(rest))
    } else if let Some(rest) = message.strip_prefix("unknown variant ") {
        format!("valeur inconnue {}", swap(rest))
    } else if let Some(rest) = message.strip_prefix("invalid type: ") {
        format!("type invalide : {}", swap(rest))
    } else if let Some(rest) = message.strip_prefix("invalid length ") {
        format!("longueur invalide {}", swap(rest))
    } else {
        message.to_string()
    }
}

fn en(e: &TerritoryError) -> String {
    use TerritoryError as E;
    match e {
        E::Unreadable { file, reason } => format!(
            "cannot read {file} ({reason}). Check the path given to --territory and the \
             file's permissions."
        ),
        E::Syntax { field, message, .. } => format!(
            "{}. {} and try again.",
            message.trim_end_matches('.'),
            syntax_fix(Lang::En, field.is_some(), message)
        ),
        E::InvalidId { id, .. } => format!(
            "the id `{id}` is not valid. Use lowercase letters without accents, digits \
             and dashes (e.g. `mau-gros-chene-3`)."
        ),
        E::DuplicateId { kind, id, .. } => format!(
            "two {} have the id `{id}`. Every id must be unique: rename one of them.",
            en_plural(*kind)
        ),
        E::UnknownReference {
            kind,
            id,
            target,
            target_id,
            ..
        } => format!(
            "{} `{id}` names {} `{target_id}`, which does not exist. Fix the reference \
             or declare it in {}.",
            kind.as_str(),
            target.as_str(),
            home(*target)
        ),
        E::SectorOfOtherDistrict {
            site,
            district,
            sector,
            sector_district,
            ..
        } => format!(
            "site `{site}` is in district `{district}` but its sector `{sector}` \
             belongs to district `{sector_district}`. Pick a sector of `{district}` (see \
             sectors.toml) or fix the site's district."
        ),
        E::OnCallWithoutLandlord { partner, .. } => format!(
            "partner `{partner}` is a landlord's on-call service \
             (kind = \"landlord_on_call\") but does not say which landlord. Add \
             `landlord = \"<id>\"` (see landlords.toml)."
        ),
        E::SiteOutsideDistrict {
            site, district, at, ..
        } => format!(
            "site `{site}` (lat {}, lon {}) is outside the outline of district \
             `{district}`. Check its coordinates (lat and lon swapped?) or its district.",
            at.lat, at.lon
        ),
        E::MissingOutline { district, .. } => format!(
            "no outline for district `{district}` declared in territory.toml. Add a \
             Feature whose properties.id is \"{district}\", or remove the district."
        ),
        E::EmptyOutline { district, .. } => format!(
            "the outline of district `{district}` is empty (fewer than three distinct \
             points). Give it a polygon."
        ),
    }
}
