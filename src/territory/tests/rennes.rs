//! The embedded Rennes territory: counts, geometry, directory, and `load_dir` on a copy.

use super::*;

#[test]
fn rennes_loads_with_the_expected_counts() {
    let t = rennes_ok();
    assert_eq!(t.id, "rennes");
    assert_eq!(t.districts.len(), 4);
    let ids: Vec<&str> = t.districts.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["maurepas", "le-blosne", "villejean", "brequigny"]);
    assert!(t.sites.len() >= 38, "{} sites", t.sites.len());
    for d in &t.districts {
        let n = t.sites.iter().filter(|s| s.district == d.id).count();
        assert!(n >= 8, "{} has {n} sites", d.id);
        let sectors = t.sectors.iter().filter(|s| s.district == d.id).count();
        assert!((2..=3).contains(&sectors), "{} has {sectors} sectors", d.id);
        assert!(!d.landmarks.is_empty());
    }
    assert_eq!(t.coordinators.len(), 3);
    assert_eq!(t.mediators.len(), 11);
    assert_eq!(t.landlords.iter().filter(|l| l.is_city).count(), 1);
}

#[test]
fn rennes_sites_lie_inside_their_district() {
    let t = rennes_ok();
    for s in &t.sites {
        let d = t
            .district(&s.district)
            .map(|d| &d.outline[..])
            .unwrap_or(&[]);
        assert!(contains(d, s.at), "{} outside {}", s.id, s.district);
    }
    for d in &t.districts {
        assert!(d.outline.len() > 10);
        assert_eq!(d.outline.first(), d.outline.last());
        assert!(contains(&d.outline, d.centroid), "centroid of {}", d.id);
    }
    // The landmark file's centroid for Maurepas, to about 10 m.
    let m = t.district("maurepas").map(|d| d.centroid);
    let expected = GeoPoint {
        lat: 48.1365,
        lon: -1.6524,
    };
    assert!(m.is_some_and(|c| c.distance_m(&expected) < 10.0));
}

#[test]
fn rennes_directory_has_national_numbers_and_on_call_services() {
    let t = rennes_ok();
    for number in ["15", "17", "18", "112", "114", "115"] {
        assert!(
            t.partners.iter().any(|p| p.phone == number),
            "missing {number}"
        );
    }
    assert!(t.partner("police-17").is_some() && t.partner("samu-15").is_some());
    for l in &t.landlords {
        let on_call = t
            .partners
            .iter()
            .any(|p| p.kind == PartnerKind::LandlordOnCall && p.landlord.as_deref() == Some(&l.id));
        assert!(on_call, "no on-call service for {}", l.id);
    }
    // Local numbers are invented, from the range reserved for fiction.
    for p in t.partners.iter().filter(|p| p.phone.len() > 3) {
        assert!(p.phone.starts_with("02 61 91 "), "{} has {}", p.id, p.phone);
    }
    let kinds = [
        PartnerKind::MunicipalPolice,
        PartnerKind::Health,
        PartnerKind::Justice,
    ];
    for k in kinds {
        assert!(t.partners.iter().any(|p| p.kind == k), "no {k:?}");
    }
}

#[test]
fn load_dir_reads_a_copy_and_names_missing_files() {
    let dir = match tempfile::tempdir() {
        Ok(d) => d,
        Err(e) => panic!("tempdir: {e}"),
    };
    let s = Sources::embedded();
    let all = [
        (TERRITORY_FILE, &s.territory),
        (DISTRICTS_FILE, &s.districts),
        (SECTORS_FILE, &s.sectors),
        (LANDLORDS_FILE, &s.landlords),
        (SITES_FILE, &s.sites),
        (PARTNERS_FILE, &s.partners),
        (PEOPLE_FILE, &s.people),
    ];
    for (name, src) in all {
        if let Err(e) = std::fs::write(dir.path().join(name), &src.text) {
            panic!("write {name}: {e}");
        }
    }
    // The standing plan is optional: without it the copy has no plan.
    let mut planless = rennes_ok();
    planless.plan.clear();
    assert_eq!(load_dir(dir.path()), Ok(planless));
    if let Some(plan) = &s.plan {
        std::fs::write(dir.path().join("plan.toml"), &plan.text).expect("write plan.toml");
    }
    assert_eq!(load_dir(dir.path()), Ok(rennes_ok()));

    // A broken file is named with the path the user gave.
    let sites = replace_line(
        &s.sites.text,
        line_of(&s.sites.text, "landlord = ", 2),
        "x = ",
    );
    if let Err(e) = std::fs::write(dir.path().join(SITES_FILE), sites) {
        panic!("write: {e}");
    }
    let err = load_dir(dir.path()).err();
    let path = dir.path().join(SITES_FILE).display().to_string();
    assert!(
        matches!(&err, Some(TerritoryError::Syntax { file, line: Some(_), .. }) if *file == path)
    );

    if let Err(e) = std::fs::remove_file(dir.path().join(PEOPLE_FILE)) {
        panic!("remove: {e}");
    }
    let err = load_dir(dir.path()).err();
    let path = dir.path().join(PEOPLE_FILE).display().to_string();
    assert!(matches!(&err, Some(TerritoryError::Unreadable { file, .. }) if *file == path));
}
