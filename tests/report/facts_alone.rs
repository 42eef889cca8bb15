//! A period report reads the nights' facts alone, without opening the journal's database,
//! only when they count exactly what the journal holds; else the store is opened, which
//! builds them again. Both roads give the same report.

use vigie::i18n::Lang;
use vigie::report::csv::Separator;
use vigie::report::period::{Format, Period, files};
use vigie::store::{FactsView, Store};

fn rennes() -> vigie::domain::reference::Territory {
    vigie::territory::rennes().expect("Rennes")
}

fn report(src: &dyn vigie::report::period::FactsSource) -> Vec<(String, Vec<u8>)> {
    let month = Period::month("2026-10").expect("month");
    files(
        src,
        month,
        None,
        Lang::Fr,
        &[Format::Json],
        Separator::Semicolon,
    )
    .expect("the reports")
    .into_iter()
    .map(|f| (f.name, f.bytes))
    .collect()
}

#[test]
fn the_facts_alone_give_the_stores_report_and_only_when_up_to_date() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("data");
    let from_store = {
        let mut store = Store::open(&dir, rennes()).expect("store");
        let nights = vigie::demo::nights_until("2026-11-20".parse().expect("night"), 30);
        vigie::demo::simulate(&mut store, &nights, 5, |_| {}).expect("the demo runs");
        report(&store)
    };
    let alone = FactsView::open(&dir, rennes())
        .expect("reads")
        .expect("up to date after a clean close");
    assert_eq!(report(&alone), from_store, "the same report either way");
    drop(alone);

    // Another territory: not these facts.
    let mut other = rennes();
    other.id = "nantes".into();
    assert!(FactsView::open(&dir, other).expect("reads").is_none());

    // Facts lost (a disk that kept the journal only): the store is opened, they come back.
    std::fs::remove_dir_all(dir.join("facts")).expect("remove");
    assert!(FactsView::open(&dir, rennes()).expect("reads").is_none());
    let store = Store::open_existing(&dir, rennes()).expect("opens and rebuilds");
    assert_eq!(report(&store), from_store);
    assert!(store.check().expect("check").is_ok());
    drop(store);
    assert!(FactsView::open(&dir, rennes()).expect("reads").is_some());
}

#[test]
fn facts_behind_the_journal_are_not_read_alone() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("data");
    let nights = vigie::demo::nights_until("2026-11-20".parse().expect("night"), 8);
    {
        let mut store = Store::open(&dir, rennes()).expect("store");
        vigie::demo::simulate(&mut store, &nights[..4], 5, |_| {}).expect("the demo runs");
    }
    // Keep the facts as they were after four nights, then let the journal go on.
    let saved = tmp.path().join("facts-then");
    copy_dir(&dir.join("facts"), &saved);
    {
        let mut store = Store::open_existing(&dir, rennes()).expect("store");
        vigie::demo::simulate(&mut store, &nights[4..], 5, |_| {}).expect("the demo runs");
    }
    std::fs::remove_dir_all(dir.join("facts")).expect("remove");
    copy_dir(&saved, &dir.join("facts"));
    assert!(
        FactsView::open(&dir, rennes()).expect("reads").is_none(),
        "four nights behind: the journal's database must be opened"
    );
    let store = Store::open_existing(&dir, rennes()).expect("opens and catches up");
    assert!(store.check().expect("check").is_ok());
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for e in std::fs::read_dir(from).expect("list") {
        let e = e.expect("entry");
        let target = to.join(e.file_name());
        if e.file_type().expect("type").is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).expect("copy");
        }
    }
}
