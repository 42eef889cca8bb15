//! Period reports checked figure by figure against the hand-computed nights of
//! period_nights.rs, in JSON (what the commissioners' tools read); golden Markdown and CSV.

use super::fixture::{count, place};
use super::golden::check;
use super::period_nights::autumn;
use serde_json::Value;
use vigie::domain::calendar::HourBand;
use vigie::domain::vocab::*;
use vigie::i18n::Lang;
use vigie::report::csv::Separator;
use vigie::report::night::Stat;
use vigie::report::period::files::render;
use vigie::report::period::{Format, Period, PeriodReport, Who, period_report};
use vigie::report::redact::Redaction;

fn report(d: &super::fixture::Desk, p: Period, who: &str) -> PeriodReport {
    let w = Who::find(d.store.territory(), who).expect("a commissioner");
    period_report(&d.store, p, &w).expect("the store reads")
}

fn json(d: &super::fixture::Desk, r: &PeriodReport) -> Value {
    let bytes = render(
        r,
        d.store.territory(),
        Format::Json,
        Lang::Fr,
        Separator::Semicolon,
    )
    .expect("json");
    serde_json::from_slice(&bytes).expect("the JSON parses")
}

fn month(s: &str) -> Period {
    Period::month(s).expect("a month")
}

fn mins(n: u32, median: i64, p90: i64) -> Stat {
    Stat {
        count: n,
        median_s: Some(median * 60),
        p90_s: Some(p90 * 60),
    }
}

#[test]
fn october_with_the_clock_change_a_late_correction_and_carried_requests() {
    let d = autumn();
    let r = report(&d, month("2026-10"), "service");
    let v = json(&d, &r);
    assert_eq!(
        (
            v["commissioner"]["id"].as_str(),
            v["from"].as_str(),
            v["to"].as_str()
        ),
        (Some("service"), Some("2026-10-01"), Some("2026-10-31"))
    );
    assert_eq!(v["nights"], 3, "24, 30 and 31 October");
    let t = &v["totals"];
    // r1 r0 r2 r3 received; r1 r0 r2 dispatched in October (r3 on 2 November).
    assert_eq!(
        (
            t["requests"].as_u64(),
            t["interventions"].as_u64(),
            t["observations"].as_u64()
        ),
        (Some(4), Some(3), Some(1))
    );
    // r2 and r3 carried into the 31st; r3 still open when October ends.
    assert_eq!(
        (
            t["carried_in"].as_u64(),
            t["cleared"].as_u64(),
            t["open"].as_u64()
        ),
        (Some(2), Some(3), Some(1))
    );
    assert_eq!(t["late_corrections"], 2, "r2 and r3, corrected on the 31st");
    assert_eq!(t["actions"], 0, "the meeting is in November");
    // Last corrected values: r2 is a neighbour conflict at P2, r3 is P3.
    let a = &r.activity;
    assert_eq!(count(&a.by_category, Category::Noise), 1);
    assert_eq!(count(&a.by_category, Category::NeighbourConflict), 1);
    assert_eq!(count(&a.by_priority, Priority::P1), 1);
    assert_eq!(count(&a.by_priority, Priority::P2), 2);
    assert_eq!(count(&a.by_priority, Priority::P3), 1);
    assert_eq!(count(&a.by_priority, Priority::P4), 0);
    // r1 at 01:50 summer time is in 01–02; r0 at 20:10 (early start) outside; 22:00, 23:00.
    assert_eq!(count(&a.by_hour_band, HourBand::H01), 1);
    assert_eq!(count(&a.by_hour_band, HourBand::Outside), 1);
    assert_eq!(count(&a.by_hour_band, HourBand::H22), 1);
    assert_eq!(count(&a.by_hour_band, HourBand::H23), 1);
    assert_eq!(count(&a.by_weekday, 4), 3, "Friday 30th");
    assert_eq!(count(&a.by_weekday, 5), 1, "Saturday 24th");
    // Times, both ends in the request's night: r1 20 / 65 / 85 min (UTC), r0 2 / 8 / 10.
    // n = 2: median rank 1, p90 rank 2.
    assert_eq!(a.times.overall.to_dispatch, mins(2, 2, 20));
    assert_eq!(a.times.overall.to_on_site, mins(2, 8, 65));
    assert_eq!(a.times.overall.total, mins(2, 10, 85));
    assert_eq!(count(&a.levels, ResponseLevel::Mediation), 1);
    assert_eq!(count(&a.levels, ResponseLevel::Referral), 1);
    assert_eq!(count(&a.levels, ResponseLevel::FirmReminder), 1);
    assert_eq!(count(&a.outcomes, Outcome::Calmed), 2);
    assert_eq!(count(&a.outcomes, Outcome::Referred), 1);
    assert_eq!(place(&a.by_district, "maurepas"), 1);
    assert_eq!(place(&a.by_district, "le-blosne"), 1);
    assert_eq!(r.early.requests, 1);
    assert_eq!(r.early.interventions, 1);
    assert_eq!(count(&r.watch.by_kind, ObservationKind::Lift), 1);
    assert_eq!(place(&r.watch.by_commissioner, "espacil"), 1);
    // The observation is followed by the watch; nothing went out in this scenario.
    assert_eq!(v["watch"]["transmitted"], 0);
    assert_eq!(v["watch"]["resolved"], 0);
    assert!(v["watch"]["median_resolution_s"].is_null());
    // The health count rule holds in the period JSON too.
    let health = v["activity"]["by_category"]
        .as_array()
        .expect("a list")
        .iter()
        .find(|c| c["key"] == "psychological_fragility")
        .cloned()
        .expect("listed");
    assert!(health["count"].is_null() && health["fewer_than"] == 5);
}

#[test]
fn november_counts_the_carried_request_served_there_and_the_meeting() {
    let d = autumn();
    let r = report(&d, month("2026-11"), "service");
    let t = r.totals;
    assert_eq!(
        (
            r.nights,
            t.requests,
            t.interventions,
            t.relayed,
            t.carried_in,
            t.actions
        ),
        (1, 1, 1, 1, 1, 1)
    );
    assert_eq!(count(&r.activity.outcomes, Outcome::ReportedToLandlord), 1);
    let pm = r
        .activity
        .partners
        .iter()
        .find(|p| p.id == "police-municipale")
        .expect("listed");
    assert_eq!((pm.relays, pm.referrals), (1, 0));
    assert_eq!(
        count(
            &r.actions.by_kind,
            vigie::domain::action::ActionKind::PartnerMeeting
        ),
        1
    );
    assert_eq!(place(&r.actions.by_district, "maurepas"), 1);
    // Aiguillon: r3's intervention (received in October at its site) counts in November.
    let aiguillon = report(&d, month("2026-11"), "aiguillon");
    assert_eq!(
        (aiguillon.totals.requests, aiguillon.totals.interventions),
        (0, 1)
    );
    assert_eq!(
        aiguillon.totals.actions, 1,
        "a district's meeting serves every commissioner there"
    );
    // Trends: November against October (4 requests) and November 2025 (none).
    let req = r
        .trends
        .headline
        .iter()
        .find(|h| h.figure == "requests")
        .expect("requests");
    assert_eq!((req.value, req.previous, req.year_before), (1, 4, 0));
    assert_eq!(req.change_previous_pct, Some(-75.0));
    assert_eq!(req.change_year_before_pct, None);
}

#[test]
fn a_quarter_after_the_year_end_and_a_range_across_it() {
    let d = autumn();
    let q4 = report(
        &d,
        Period::quarter("2026-Q4").expect("a quarter"),
        "service",
    );
    assert_eq!(
        (q4.nights, q4.totals.requests, q4.totals.interventions),
        (5, 6, 4)
    );
    assert_eq!(
        (
            q4.totals.cleared,
            q4.totals.relayed,
            q4.totals.dismissed,
            q4.totals.open
        ),
        (4, 1, 1, 0)
    );
    let q1 = report(
        &d,
        Period::quarter("2027-Q1").expect("a quarter"),
        "service",
    );
    assert_eq!(
        (
            q1.trends.previous_from.to_string(),
            q1.trends.previous_to.to_string()
        ),
        ("2026-10-01".into(), "2026-12-31".into())
    );
    let req = q1
        .trends
        .headline
        .iter()
        .find(|h| h.figure == "requests")
        .expect("requests");
    assert_eq!((req.value, req.previous), (1, 6));
    assert_eq!(req.change_previous_pct, Some(-83.3));
    // The 13 months end with March 2027; October 2026 had 4 requests and 3 interventions.
    let months: Vec<(&str, u32, u32)> = q1
        .trends
        .monthly
        .iter()
        .map(|m| (m.month.as_str(), m.requests, m.interventions))
        .collect();
    assert_eq!(months.len(), 13);
    assert_eq!(months[0].0, "2026-03");
    assert_eq!(
        &months[7..11],
        &[
            ("2026-10", 4, 3),
            ("2026-11", 1, 1),
            ("2026-12", 1, 0),
            ("2027-01", 1, 1)
        ]
    );
    let from = "2026-12-28".parse().expect("a date");
    let to = "2027-01-08".parse().expect("a date");
    let across = report(&d, Period::range(from, to).expect("a range"), "service");
    assert_eq!(
        (
            across.nights,
            across.totals.requests,
            across.totals.interventions
        ),
        (2, 2, 1)
    );
    assert_eq!(across.period, "2026-12-28..2027-01-08");
}

#[test]
fn each_commissioner_counts_its_own() {
    let d = autumn();
    let oct = month("2026-10");
    let archipel = report(&d, oct, "archipel");
    assert_eq!(
        (
            archipel.totals.requests,
            archipel.totals.interventions,
            archipel.totals.observations
        ),
        (2, 2, 0)
    );
    let names: Vec<&str> = archipel
        .activity
        .by_site
        .iter()
        .map(|s| s.id.as_str())
        .collect();
    // One request each: by name (« Résidence Les Ajoncs » before « Résidence Zagreb »).
    assert_eq!(names, vec!["mau-gros-chene-1", "blo-triangle-3"]);
    let espacil = report(&d, oct, "espacil");
    assert_eq!(
        (espacil.totals.requests, espacil.totals.observations),
        (0, 1)
    );
    let dep = report(&d, oct, "departement");
    assert_eq!(dep.commissioner.kind, "departement");
    assert_eq!(
        (
            dep.totals.requests,
            dep.totals.interventions,
            dep.early.requests
        ),
        (1, 1, 1)
    );
    assert!(
        dep.activity.by_site.is_empty(),
        "the Département's report names no site"
    );
    let city = report(&d, month("2026-11"), "ville");
    assert_eq!(city.totals.requests, 1, "r5 at the metro's surroundings");
    assert_eq!(place(&city.activity.territory_by_district, "maurepas"), 1);
}

#[test]
fn a_nights_report_does_not_change_after_the_night_and_counts_every_carried_request() {
    let d = autumn();
    // r2 was a noise complaint at P3 on the 30th; corrected on the 31st.
    let n2 = d.report("2026-10-30", Redaction::Commissioner);
    assert_eq!(count(&n2.by_category, Category::Noise), 1);
    assert_eq!(count(&n2.by_category, Category::NeighbourConflict), 0);
    assert_eq!(
        count(&n2.by_priority, Priority::P4),
        1,
        "r3 as it was that night"
    );
    let n3 = d.report("2026-10-31", Redaction::Commissioner);
    assert_eq!(n3.totals.carried_in, 2, "r3 was only corrected that night");
    let n4 = d.report("2026-11-02", Redaction::Commissioner);
    assert_eq!(n4.totals.carried_in, 1);
    assert_eq!(
        n4.interventions[0].priority,
        Priority::P3,
        "r3 as corrected before that night"
    );
}

#[test]
fn the_october_report_matches_its_golden_markdown_and_csv() {
    let d = autumn();
    let r = report(&d, month("2026-10"), "service");
    let t = d.store.territory();
    let md = render(&r, t, Format::Md, Lang::Fr, Separator::Semicolon).expect("md");
    check(
        "period-2026-10-service.fr.md",
        &String::from_utf8(md).expect("utf-8"),
    );
    let csv = render(&r, t, Format::Csv, Lang::En, Separator::Comma).expect("csv");
    check(
        "period-2026-10-archipel.en.csv",
        &String::from_utf8(
            render(
                &report(&d, month("2026-10"), "archipel"),
                t,
                Format::Csv,
                Lang::En,
                Separator::Comma,
            )
            .expect("csv"),
        )
        .expect("utf-8"),
    );
    let csv = String::from_utf8(csv).expect("utf-8");
    assert!(csv.starts_with('\u{feff}'));
    // English: commas, and durations as numbers with a decimal point (r1's 85 minutes).
    assert!(
        csv.contains("times,all,90th percentile (min),20.0,65.0,85.0"),
        "{csv}"
    );
}
