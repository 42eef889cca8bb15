//! Broken copies of the Rennes files: each error names file, line, field and item.

use super::*;

#[test]
fn a_wrong_type_reports_file_line_and_field() {
    // The 21st site's latitude becomes a string.
    let mut target = 0;
    let err = broken(|s| {
        target = line_of(&s.sites.text, "at = { lat = ", 20);
        let text = replace_line(
            &s.sites.text,
            target,
            "at = { lat = \"nord\", lon = -1.66 }",
        );
        s.sites.text = text;
    });
    match &err {
        TerritoryError::Syntax {
            file,
            line,
            field,
            message,
            ..
        } => {
            assert_eq!(file, "assets/rennes/sites.toml");
            assert_eq!(*line, Some(target));
            assert_eq!(field.as_deref(), Some("sites[20].at.lat"));
            assert!(message.contains("invalid type"), "{message}");
        }
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn a_missing_field_reports_file_line_and_field() {
    // The 18th site loses its sector.
    let (mut first, mut last) = (0, 0);
    let err = broken(|s| {
        let gone = line_of(&s.sites.text, "sector = ", 17);
        first = line_of(&s.sites.text, "[[sites]]", 17);
        last = line_of(&s.sites.text, "[[sites]]", 18);
        s.sites.text = replace_line(&s.sites.text, gone, "");
    });
    match &err {
        TerritoryError::Syntax {
            file, line, field, ..
        } => {
            assert_eq!(file, "assets/rennes/sites.toml");
            assert_eq!(field.as_deref(), Some("sites[17].sector"));
            let l = line.unwrap_or(0);
            assert!(first <= l && l < last, "line {l} not in {first}..{last}");
        }
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn a_toml_syntax_error_has_a_line() {
    let mut target = 0;
    let err = broken(|s| {
        target = line_of(&s.partners.text, "phone = ", 4);
        s.partners.text = replace_line(&s.partners.text, target, "phone = \"112");
    });
    assert_eq!(err.file(), "assets/rennes/partners.toml");
    assert_eq!(err.line(), Some(target));
}

#[test]
fn an_unknown_reference_is_reported_at_its_field() {
    let mut target = 0;
    let err = broken(|s| {
        target = line_of(&s.sites.text, "district = ", 5);
        s.sites.text = replace_line(&s.sites.text, target, "district = \"nowhere\"");
    });
    let expected = TerritoryError::UnknownReference {
        file: "assets/rennes/sites.toml".into(),
        line: Some(target),
        field: "sites[5].district".into(),
        kind: ItemKind::Site,
        id: "mau-gayeulles-1".into(),
        target: ItemKind::District,
        target_id: "nowhere".into(),
    };
    assert_eq!(err, expected);

    let err = broken(|s| {
        s.sites.text = s
            .sites
            .text
            .replace("landlord = \"neotoa\"", "landlord = \"x\"")
    });
    assert!(matches!(
        err,
        TerritoryError::UnknownReference {
            target: ItemKind::Landlord,
            ..
        }
    ));
    let err = broken(|s| {
        s.partners.text = s
            .partners
            .text
            .replace("landlord = \"espacil\"", "landlord = \"x\"")
    });
    assert!(matches!(
        err,
        TerritoryError::UnknownReference {
            kind: ItemKind::Partner,
            ..
        }
    ));
    let err = broken(|s| s.sectors.text = s.sectors.text.replace("\"villejean\"", "\"vj\""));
    assert!(matches!(
        err,
        TerritoryError::UnknownReference {
            kind: ItemKind::Sector,
            ..
        }
    ));
}

#[test]
fn a_duplicate_id_points_at_the_second_one() {
    let mut target = 0;
    let err = broken(|s| {
        target = line_of(&s.sites.text, "id = \"mau-gros-chene-2\"", 0);
        s.sites.text = replace_line(&s.sites.text, target, "id = \"mau-gros-chene-1\"");
    });
    let expected = TerritoryError::DuplicateId {
        file: "assets/rennes/sites.toml".into(),
        line: Some(target),
        kind: ItemKind::Site,
        id: "mau-gros-chene-1".into(),
    };
    assert_eq!(err, expected);

    let err = broken(|s| s.people.text = s.people.text.replace("\"lea-t\"", "\"nadia-b\""));
    assert!(matches!(
        err,
        TerritoryError::DuplicateId {
            kind: ItemKind::Person,
            ..
        }
    ));
    let err = broken(|s| s.sites.text = s.sites.text.replace("\"vil-harpe-2\"", "\"Vil Harpe\""));
    assert!(matches!(err, TerritoryError::InvalidId { .. }));
}

#[test]
fn geometry_errors_are_reported() {
    // A sector of another district.
    let err = broken(|s| {
        let l = line_of(&s.sites.text, "sector = \"mau-gayeulles\"", 0);
        s.sites.text = replace_line(&s.sites.text, l, "sector = \"blo-landrel\"");
    });
    assert!(
        matches!(err, TerritoryError::SectorOfOtherDistrict { .. }),
        "{err:?}"
    );
    // Lat and lon swapped: far outside.
    let err = broken(|s| {
        let l = line_of(&s.sites.text, "at = ", 3);
        s.sites.text = replace_line(&s.sites.text, l, "at = { lat = -1.66, lon = 48.12 }");
    });
    assert!(matches!(
        err,
        TerritoryError::SiteOutsideDistrict { line: Some(_), .. }
    ));
    // A feature for an undeclared district, then a declared district without a feature.
    let err =
        broken(|s| s.districts.text = s.districts.text.replace("\"villejean\"", "\"vilejean\""));
    assert!(matches!(
        err,
        TerritoryError::UnknownReference {
            kind: ItemKind::Outline,
            ..
        }
    ));
    let err = broken(|s| {
        s.territory
            .text
            .push_str("\n[[districts]]\nid = \"sud-gare\"\nname = \"Sud-Gare\"\n")
    });
    assert!(matches!(err, TerritoryError::MissingOutline { .. }));
    // GeoJSON syntax and shape errors carry line and field.
    let err =
        broken(|s| s.districts.text = s.districts.text.replacen("\"Polygon\"", "\"Point\"", 2));
    let ok = matches!(&err, TerritoryError::Syntax { line: Some(_), field: Some(f), .. }
        if f == "features[0].geometry.type");
    assert!(ok, "{err:?}");
}

#[test]
fn messages_name_the_file_in_both_languages() {
    let err = broken(|s| {
        let l = line_of(&s.sites.text, "district = ", 3);
        s.sites.text = replace_line(&s.sites.text, l, "district = 3");
    });
    let fr = territory_error(&err, Lang::Fr);
    let en = territory_error(&err, Lang::En);
    assert!(
        fr.starts_with("territoire : assets/rennes/sites.toml ligne "),
        "{fr}"
    );
    assert!(
        fr.contains("champ `sites[3].district`") && fr.contains("type invalide"),
        "{fr}"
    );
    assert!(
        en.starts_with("territory: assets/rennes/sites.toml line "),
        "{en}"
    );
    assert!(en.contains("field `sites[3].district`"), "{en}");

    let errors = [
        err,
        broken(|s| s.sites.text = s.sites.text.replace("\"vil-harpe\"", "\"nope\"")),
        broken(|s| s.people.text = s.people.text.replace("\"lea-t\"", "\"nadia-b\"")),
        TerritoryError::Unreadable {
            file: "/x/people.toml".into(),
            reason: "absent".into(),
        },
    ];
    for e in &errors {
        for lang in [Lang::Fr, Lang::En] {
            let m = territory_error(e, lang);
            assert!(m.contains(e.file()), "{m}");
            assert!(e.line().is_none_or(|l| m.contains(&l.to_string())), "{m}");
        }
    }
}
