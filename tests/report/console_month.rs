//! The console's monthly export (`M` on the handover screen), through the runtime's desk on
//! a real store: every commissioner's and the service's report, HTML and CSV, written whole
//! under the data directory, and nothing about another landlord's sites in a landlord's.

use vigie::app::Desk;
use vigie::i18n::Lang;
use vigie::runtime::StoreDesk;
use vigie::store::Store;

#[test]
fn last_months_reports_are_written_for_every_commissioner_in_html_and_csv() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store =
        Store::open(dir.path(), vigie::territory::rennes().expect("Rennes")).expect("a new store");
    let nights = vigie::demo::nights_until("2026-11-28".parse().expect("night"), 40);
    vigie::demo::simulate(&mut store, &nights, 3, |_| {}).expect("the demo runs");
    let mut desk = StoreDesk::new(store, Lang::Fr);
    let october = chrono::NaiveDate::from_ymd_opt(2026, 10, 1).expect("date");
    let (written, count) = desk.export_month(october, Lang::Fr).expect("written");
    assert_eq!(written, dir.path().join("reports").join("2026-10"));
    let mut names: Vec<String> = std::fs::read_dir(&written)
        .expect("the directory")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names.len(), count, "{names:?}");
    assert!(
        names.iter().all(|n| n.starts_with("rapport-2026-10-")),
        "{names:?}"
    );
    // One HTML and one CSV for each commissioner (the landlords, the city…) and the service.
    let stems: std::collections::BTreeSet<&str> = names
        .iter()
        .filter_map(|n| n.rsplit_once('.').map(|(s, _)| s))
        .collect();
    assert!(stems.len() >= 4, "{stems:?}");
    for stem in &stems {
        for ext in ["html", "csv"] {
            assert!(names.contains(&format!("{stem}.{ext}")), "{stem}.{ext}");
        }
    }
    assert!(stems.contains("rapport-2026-10-service"), "{stems:?}");
    let html = std::fs::read_to_string(written.join("rapport-2026-10-service.html"))
        .expect("the service's report");
    assert!(html.starts_with("<!DOCTYPE html>") || html.starts_with("<!doctype html>"));
    // A month with nothing recorded still gets its (empty) reports, not an error.
    let june = chrono::NaiveDate::from_ymd_opt(2026, 6, 1).expect("date");
    assert!(desk.export_month(june, Lang::En).is_ok());
}
