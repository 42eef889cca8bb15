//! Report figures checked against hand-computed nights. Percentiles by nearest rank: the
//! value of rank ⌈p·n/100⌉ in the sorted list (docs/reports.md).

use super::fixture::{count, min, place};
use super::nights::{clock_change, monday_and_tuesday};
use vigie::domain::calendar::HourBand;
use vigie::domain::vocab::*;
use vigie::report::night::{InterventionState, Stat};
use vigie::report::redact::Redaction;

fn stat(n: u32, median: i64, p90: i64) -> Stat {
    Stat {
        count: n,
        median_s: min(median),
        p90_s: min(p90),
    }
}

#[test]
fn night_a_monday_counts_outcomes_relays_and_times() {
    let d = monday_and_tuesday();
    let r = d.report("2026-11-30", Redaction::Commissioner);
    // Eight requests: a1..a8.
    let t = &r.totals;
    assert_eq!(t.requests, 8);
    assert_eq!(t.carried_in, 0);
    assert_eq!(t.interventions, 5, "a1..a5 were visited");
    assert_eq!(t.cleared, 5);
    assert_eq!(t.relayed, 1, "a6 went straight to the police municipale");
    assert_eq!(t.dismissed, 1, "a7, a duplicate");
    assert_eq!(t.cancelled, 0);
    assert_eq!(t.open, 1, "a8 was carried over");
    assert_eq!(t.observations, 2);

    // Categories: noise a1 a7; hall a2; conflict a3; vulnerable a4; damage a5; public
    // space a6; incivility a8.
    assert_eq!(count(&r.by_category, Category::Noise), 2);
    for c in [
        Category::HallOccupation,
        Category::NeighbourConflict,
        Category::VulnerablePerson,
        Category::Damage,
        Category::PublicSpace,
        Category::Incivility,
    ] {
        assert_eq!(count(&r.by_category, c), 1, "{c:?}");
    }
    assert_eq!(count(&r.by_category, Category::PsychologicalFragility), 0);
    assert_eq!(r.by_category.len(), Category::ALL.len(), "zeros listed too");
    // Districts: Maurepas a1 a6; Villejean a2 a4 a7; Le Blosne a3; Bréquigny a5 a8.
    assert_eq!(place(&r.by_district, "maurepas"), 2);
    assert_eq!(place(&r.by_district, "villejean"), 3);
    assert_eq!(place(&r.by_district, "le-blosne"), 1);
    assert_eq!(place(&r.by_district, "brequigny"), 2);
    // Landlords: Archipel a1 a3 a5; Néotoa a4; Espacil a7; Aiguillon a8; city a2 a6.
    assert_eq!(place(&r.by_landlord, "archipel"), 3);
    assert_eq!(place(&r.by_landlord, "neotoa"), 1);
    assert_eq!(place(&r.by_landlord, "espacil"), 1);
    assert_eq!(place(&r.by_landlord, "aiguillon"), 1);
    assert_eq!(place(&r.by_landlord, "ville"), 2);
    // Sources: residents a1 a3 a7 a8; city a2; partner a4; team a5; police a6.
    assert_eq!(count(&r.by_source, Source::Resident), 4);
    assert_eq!(count(&r.by_source, Source::City), 1);
    assert_eq!(count(&r.by_source, Source::Partner), 1);
    assert_eq!(count(&r.by_source, Source::TeamInitiative), 1);
    assert_eq!(count(&r.by_source, Source::Police), 1);
    assert_eq!(count(&r.by_source, Source::Landlord), 0);
    // Priorities: P1 a4; P2 a2 a3; P3 a1 a5 a7; P4 a6 a8.
    assert_eq!(count(&r.by_priority, Priority::P1), 1);
    assert_eq!(count(&r.by_priority, Priority::P2), 2);
    assert_eq!(count(&r.by_priority, Priority::P3), 3);
    assert_eq!(count(&r.by_priority, Priority::P4), 2);
    // Bands: 21:10 21:30 | 22:05 22:40 | 23:15 | 00:20 | 01:05 01:40.
    assert_eq!(count(&r.by_hour_band, HourBand::H21), 2);
    assert_eq!(count(&r.by_hour_band, HourBand::H22), 2);
    assert_eq!(count(&r.by_hour_band, HourBand::H23), 1);
    assert_eq!(count(&r.by_hour_band, HourBand::H00), 1);
    assert_eq!(count(&r.by_hour_band, HourBand::H01), 2);
    assert_eq!(count(&r.by_hour_band, HourBand::Outside), 0);

    // Outcomes: calmed a1 a2; relayed a3; referred a4; reported to the landlord a5.
    assert_eq!(count(&r.outcomes, Outcome::Calmed), 2);
    assert_eq!(count(&r.outcomes, Outcome::Relayed), 1);
    assert_eq!(count(&r.outcomes, Outcome::Referred), 1);
    assert_eq!(count(&r.outcomes, Outcome::ReportedToLandlord), 1);
    assert_eq!(count(&r.outcomes, Outcome::NobodyThere), 0);
    // Levels: mediation a1, firm reminder a2, relay a3, referral a4, presence a5.
    for l in ResponseLevel::ALL {
        assert_eq!(count(&r.levels, *l), 1, "{l:?}");
    }
    // Partners: police 17 (a3's relay), police municipale (a6 handed over), 115 and CCAS
    // (a4's referrals), in the directory's order.
    let partners: Vec<(&str, u32, u32)> = r
        .partners
        .iter()
        .map(|p| (p.id.as_str(), p.relays, p.referrals))
        .collect();
    assert_eq!(
        partners,
        vec![
            ("police-17", 1, 0),
            ("samu-social-115", 0, 1),
            ("police-municipale", 1, 0),
            ("ccas-rennes", 0, 1),
        ]
    );

    // Times (minutes), a1..a5 (a6 a7 a8 never dispatched):
    //   received → dispatched: a1 4, a2 2, a3 6, a4 1, a5 20 → sorted 1 2 4 6 20;
    //     n = 5: median rank ⌈2.5⌉ = 3 → 4; p90 rank ⌈4.5⌉ = 5 → 20.
    //   dispatched → on site: a1 10, a2 18, a3 8, a4 12, a5 5 → 5 8 10 12 18: 10; 18.
    //   received → on site: a1 14, a2 20, a3 14, a4 13, a5 25 → 13 14 14 20 25: 14; 25.
    let o = r.times.overall;
    assert_eq!(o.to_dispatch, stat(5, 4, 20));
    assert_eq!(o.to_on_site, stat(5, 10, 18));
    assert_eq!(o.total, stat(5, 14, 25));
    let by = |p: Priority| {
        r.times
            .by_priority
            .iter()
            .find(|x| x.priority == p)
            .expect("every priority")
            .stretches
    };
    // P1: a4 alone: 1, 12, 13.
    assert_eq!(by(Priority::P1).to_dispatch, stat(1, 1, 1));
    assert_eq!(by(Priority::P1).total, stat(1, 13, 13));
    // P2: a2 a3: dispatch 2 6 (n = 2: median rank 1 → 2; p90 rank ⌈1.8⌉ = 2 → 6); on
    // site 8 18 → 8; 18; total 14 20 → 14; 20.
    assert_eq!(by(Priority::P2).to_dispatch, stat(2, 2, 6));
    assert_eq!(by(Priority::P2).to_on_site, stat(2, 8, 18));
    assert_eq!(by(Priority::P2).total, stat(2, 14, 20));
    // P3: a1 a5 (a7 dismissed): dispatch 4 20; on site 10 5 → 5 10; total 14 25.
    assert_eq!(by(Priority::P3).to_dispatch, stat(2, 4, 20));
    assert_eq!(by(Priority::P3).to_on_site, stat(2, 5, 10));
    assert_eq!(by(Priority::P3).total, stat(2, 14, 25));
    // P4: a6 a8 never dispatched: nothing to measure.
    assert_eq!(by(Priority::P4).total, Stat::default());

    // The list: five visits in dispatch order, all cleared.
    let numbers: Vec<u32> = r.interventions.iter().map(|i| i.request).collect();
    assert_eq!(numbers, vec![1, 2, 3, 4, 5]);
    assert!(
        r.interventions
            .iter()
            .all(|i| i.state == InterventionState::Cleared)
    );
    assert_eq!(r.interventions[2].team, "E1");
    assert_eq!(r.interventions[2].site_name, "Résidence Zagreb");
    assert_eq!(r.interventions_withheld, 0);

    // Commissioners: Archipel (a1 a3 a5), Néotoa (a4), Espacil (a7 + the lighting
    // observation), Aiguillon (a8, still open), the city (a2, a6 relayed); the gathering
    // was in a district.
    let sections: Vec<(&str, u32, usize, usize)> = r
        .landlords
        .iter()
        .map(|s| {
            (
                s.id.as_str(),
                s.requests,
                s.items.len(),
                s.observations.len(),
            )
        })
        .collect();
    assert_eq!(
        sections,
        vec![
            ("archipel", 3, 3, 0),
            ("neotoa", 1, 1, 0),
            ("espacil", 1, 1, 1),
            ("aiguillon", 1, 1, 0),
            ("ville", 2, 2, 0),
        ]
    );
    let outcome = |id: &str, n: u32| {
        let s = r.landlords.iter().find(|s| s.id == id).expect("section");
        s.items
            .iter()
            .find(|i| i.request == n)
            .expect("item")
            .outcome
            .clone()
    };
    assert_eq!(outcome("archipel", 5), "reported_to_landlord");
    assert_eq!(outcome("espacil", 7), "dismissed");
    assert_eq!(outcome("aiguillon", 8), "open");
    assert_eq!(outcome("ville", 6), "relayed");
    assert_eq!(r.district_observations.len(), 1);
    assert_eq!(r.district_observations[0].district, "brequigny");
    assert_eq!(
        r.handover.as_ref().map(|h| h.needs.as_str()),
        Some("Passer aux Clôteaux pour la sollicitation reportée.")
    );
}

#[test]
fn night_b_across_the_autumn_clock_change_measures_real_durations() {
    let d = clock_change();
    let r = d.report("2026-10-24", Redaction::Commissioner);
    assert_eq!(r.totals.requests, 4);
    assert_eq!(r.totals.interventions, 3);
    assert_eq!(r.totals.cleared, 3);
    assert_eq!(r.totals.dismissed, 1);
    // Bands: b1 21:20 → 21–22; b2 01:50 summer time → 01–02; b3 at 02:30 summer time and
    // b4 at 02:50 winter time are past 02:00 (the first time the clock read it): outside.
    assert_eq!(count(&r.by_hour_band, HourBand::H21), 1);
    assert_eq!(count(&r.by_hour_band, HourBand::H01), 1);
    assert_eq!(count(&r.by_hour_band, HourBand::Outside), 2);
    assert_eq!(count(&r.by_hour_band, HourBand::H00), 0);
    // Durations are UTC differences. b2: received 01:50 UTC+2 (23:50 UTC), dispatched
    // 02:10 UTC+2 (00:10 UTC), on site 02:15 UTC+1 (01:15 UTC): 20, 65 and 85 minutes
    // (the wall clock would say 20, 5 and 25).
    //   dispatch: b1 5, b2 20, b3 2 → 2 5 20: median rank 2 → 5; p90 rank ⌈2.7⌉ = 3 → 20.
    //   on site: b1 10, b2 65, b3 13 → 10 13 65: 13; 65.
    //   total: b1 15, b2 85, b3 15 → 15 15 85: 15; 85.
    let o = r.times.overall;
    assert_eq!(o.to_dispatch, stat(3, 5, 20));
    assert_eq!(o.to_on_site, stat(3, 13, 65));
    assert_eq!(o.total, stat(3, 15, 85));
    let p2 = r.times.by_priority[1].stretches;
    assert_eq!(p2.to_on_site, stat(1, 65, 65));
    // b3 is psychological fragility: counted everywhere, listed nowhere.
    assert_eq!(count(&r.by_category, Category::PsychologicalFragility), 1);
    assert_eq!(count(&r.outcomes, Outcome::Referred), 1);
    assert_eq!(r.interventions.len(), 2);
    assert_eq!(r.interventions_withheld, 1);
    let ville = r.landlords.iter().find(|s| s.id == "ville").expect("city");
    assert_eq!((ville.requests, ville.items.len()), (1, 0));
    assert_eq!(r.partners[0].id, "cmp-adultes");
    assert_eq!(r.partners[0].referrals, 1);
    // b2's arrival, in winter time, comes after b1's clearance in summer time.
    let b2 = &r.interventions[1];
    assert_eq!(b2.request, 2);
    assert_eq!(
        b2.on_site_at.map(|t| (t - b2.dispatched_at).num_minutes()),
        Some(65)
    );
}

#[test]
fn night_c_a_request_at_0158_cleared_at_0220_is_the_nights_and_medians_are_nearest_rank() {
    let d = monday_and_tuesday();
    let r = d.report("2026-12-01", Redaction::Commissioner);
    // c1..c4 received; a8 from Monday served tonight.
    assert_eq!(r.totals.requests, 4);
    assert_eq!(r.totals.carried_in, 1);
    assert_eq!(r.totals.interventions, 5);
    assert_eq!(r.totals.cleared, 4);
    assert_eq!(r.totals.open, 0);
    // c4 at 01:58 is in the 01–02 band; its clearance at 02:20 counts tonight.
    assert_eq!(count(&r.by_hour_band, HourBand::H21), 1);
    assert_eq!(count(&r.by_hour_band, HourBand::H22), 1);
    assert_eq!(count(&r.by_hour_band, HourBand::H00), 1);
    assert_eq!(count(&r.by_hour_band, HourBand::H01), 1);
    assert_eq!(count(&r.by_hour_band, HourBand::Outside), 0);
    // Outcomes of the five clearances: calmed a8 c1 c3 c4, referred c2.
    assert_eq!(count(&r.outcomes, Outcome::Calmed), 4);
    assert_eq!(count(&r.outcomes, Outcome::Referred), 1);
    assert_eq!(count(&r.levels, ResponseLevel::FirmReminder), 2);
    // Times, c1..c4 (a8 was received on Monday: in neither night's times):
    //   dispatch: c1 2, c2 3, c3 5, c4 3 → 2 3 3 5; n = 4: median rank 2 → 3 (the
    //     interpolated median would be 3 too); p90 rank ⌈3.6⌉ = 4 → 5.
    //   on site: c1 8, c2 17, c3 2, c4 8 → 2 8 8 17: 8; 17.
    //   total: c1 10, c2 20, c3 7, c4 11 → 7 10 11 20: median rank 2 → 10 (not the
    //     interpolated 10.5); p90 → 20.
    let o = r.times.overall;
    assert_eq!(o.to_dispatch, stat(4, 3, 5));
    assert_eq!(o.to_on_site, stat(4, 8, 17));
    assert_eq!(o.total, stat(4, 10, 20));
    // P3: c1 c3 c4: dispatch 2 3 5 → 3; 5. on site 2 8 8 → 8; 8. total 7 10 11 → 10; 11.
    let p3 = r.times.by_priority[2].stretches;
    assert_eq!(p3.to_dispatch, stat(3, 3, 5));
    assert_eq!(p3.to_on_site, stat(3, 8, 8));
    assert_eq!(p3.total, stat(3, 10, 11));
    let c4 = r.interventions.last().expect("c4");
    // Tonight's numbers follow the carried a8's: c1..c4 are 9..12.
    assert_eq!(c4.request, 12);
    assert_eq!(c4.state, InterventionState::Cleared);
    // a8 listed first, by its Monday number.
    assert_eq!(r.interventions[0].request, 8);
    assert_eq!(r.interventions_withheld, 1, "c2, psychological fragility");

    // Monday's report is not changed by Tuesday: a8 is still open there.
    let monday = d.report("2026-11-30", Redaction::Commissioner);
    assert_eq!(monday.totals.open, 1);
    assert_eq!(monday.times.overall.total.count, 5);
}
