use super::*;

fn utc(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s)
        .map(|d| d.with_timezone(&Utc))
        .expect("test instant")
}

fn night(s: &str) -> ServiceNight {
    s.parse().expect("test date")
}

fn place(s: &str) -> (String, Hours) {
    let (n, h) = ServiceNight::placement(utc(s));
    (n.to_string(), h)
}

#[test]
fn a_monday_night_in_winter() {
    let n = night("2026-11-30");
    assert_eq!(n.start(), utc("2026-11-30T20:00:00Z"));
    assert_eq!(n.end(), utc("2026-12-01T01:00:00Z"));
    assert_eq!(n.early_start(), utc("2026-11-30T18:30:00Z"));
    assert!(n.is_service_day());
}

#[test]
fn instants_around_the_boundaries() {
    assert_eq!(
        place("2026-11-30T20:59:00+01:00"),
        ("2026-11-30".into(), Hours::Early)
    );
    assert_eq!(
        place("2026-11-30T21:00:00+01:00"),
        ("2026-11-30".into(), Hours::Regular)
    );
    assert_eq!(
        place("2026-11-30T19:29:00+01:00"),
        ("2026-11-30".into(), Hours::Outside)
    );
    assert_eq!(
        place("2026-11-30T19:30:00+01:00"),
        ("2026-11-30".into(), Hours::Early)
    );
    assert_eq!(
        place("2026-11-30T23:59:59+01:00"),
        ("2026-11-30".into(), Hours::Regular)
    );
    assert_eq!(
        place("2026-12-01T00:00:00+01:00"),
        ("2026-11-30".into(), Hours::Regular)
    );
    assert_eq!(
        place("2026-12-01T01:59:00+01:00"),
        ("2026-11-30".into(), Hours::Regular)
    );
    assert_eq!(
        place("2026-12-01T02:00:00+01:00"),
        ("2026-11-30".into(), Hours::Outside)
    );
    assert_eq!(
        place("2026-12-01T03:00:00+01:00"),
        ("2026-11-30".into(), Hours::Outside)
    );
    assert_eq!(
        place("2026-12-01T11:59:00+01:00"),
        ("2026-11-30".into(), Hours::Outside)
    );
    assert_eq!(
        place("2026-12-01T12:00:00+01:00"),
        ("2026-12-01".into(), Hours::Outside)
    );
}

#[test]
fn sunday_night_is_outside_and_saturday_runs_into_sunday() {
    assert!(!night("2026-11-29").is_service_day());
    assert_eq!(
        place("2026-11-29T22:00:00+01:00"),
        ("2026-11-29".into(), Hours::Outside)
    );
    assert_eq!(
        place("2026-11-29T01:30:00+01:00"),
        ("2026-11-28".into(), Hours::Regular)
    );
    assert_eq!(
        place("2026-11-28T21:30:00+01:00"),
        ("2026-11-28".into(), Hours::Regular)
    );
}

#[test]
fn spring_forward_night_of_2026_03_28() {
    let n = night("2026-03-28");
    assert_eq!(n.start(), utc("2026-03-28T20:00:00Z"));
    // 02:00 CET does not exist: the clock jumps to 03:00 CEST = 01:00 UTC.
    assert_eq!(n.end(), utc("2026-03-29T01:00:00Z"));
    assert_eq!(n.end() - n.start(), Duration::hours(5));
    assert_eq!(
        place("2026-03-29T00:59:00Z"),
        ("2026-03-28".into(), Hours::Regular)
    );
    assert_eq!(
        place("2026-03-29T01:00:00Z"),
        ("2026-03-28".into(), Hours::Outside)
    );
    assert_eq!(
        ServiceNight::hour_band(utc("2026-03-29T00:30:00Z")),
        HourBand::H01
    );
    // The neighbours keep their own offsets.
    assert_eq!(night("2026-03-27").start(), utc("2026-03-27T20:00:00Z"));
    assert_eq!(night("2026-03-27").end(), utc("2026-03-28T01:00:00Z"));
    assert_eq!(night("2026-03-30").start(), utc("2026-03-30T19:00:00Z"));
    assert_eq!(night("2026-03-30").end(), utc("2026-03-31T00:00:00Z"));
    assert_eq!(night("2026-03-28").next_service(), night("2026-03-30"));
}

#[test]
fn fall_back_night_of_2026_10_24() {
    let n = night("2026-10-24");
    assert_eq!(n.start(), utc("2026-10-24T19:00:00Z"));
    // The first 02:00 (CEST) ends the night; the hour repeats afterwards, outside.
    assert_eq!(n.end(), utc("2026-10-25T00:00:00Z"));
    assert_eq!(n.end() - n.start(), Duration::hours(5));
    assert_eq!(
        place("2026-10-24T23:59:00Z"),
        ("2026-10-24".into(), Hours::Regular)
    );
    assert_eq!(
        place("2026-10-25T00:30:00Z"),
        ("2026-10-24".into(), Hours::Outside)
    );
    assert_eq!(
        place("2026-10-25T01:30:00Z"),
        ("2026-10-24".into(), Hours::Outside)
    );
    assert_eq!(
        ServiceNight::hour_band(utc("2026-10-25T00:30:00Z")),
        HourBand::Outside
    );
    assert_eq!(night("2026-10-23").start(), utc("2026-10-23T19:00:00Z"));
    assert_eq!(night("2026-10-23").end(), utc("2026-10-24T00:00:00Z"));
    assert_eq!(night("2026-10-26").start(), utc("2026-10-26T20:00:00Z"));
    assert_eq!(night("2026-10-26").end(), utc("2026-10-27T01:00:00Z"));
    assert_eq!(night("2026-10-26").prev_service(), night("2026-10-24"));
}

#[test]
fn next_and_previous_skip_sunday() {
    assert_eq!(night("2026-11-28").next_service(), night("2026-11-30"));
    assert_eq!(night("2026-11-30").prev_service(), night("2026-11-28"));
    assert_eq!(night("2026-12-01").prev_service(), night("2026-11-30"));
}

#[test]
fn hour_bands() {
    let band = |s: &str| ServiceNight::hour_band(utc(s));
    assert_eq!(band("2026-11-30T21:10:00+01:00"), HourBand::H21);
    assert_eq!(band("2026-11-30T22:10:00+01:00"), HourBand::H22);
    assert_eq!(band("2026-11-30T23:10:00+01:00"), HourBand::H23);
    assert_eq!(band("2026-12-01T00:10:00+01:00"), HourBand::H00);
    assert_eq!(band("2026-12-01T01:10:00+01:00"), HourBand::H01);
    assert_eq!(band("2026-12-01T02:10:00+01:00"), HourBand::Outside);
    assert_eq!(band("2026-11-30T20:10:00+01:00"), HourBand::Outside);
}

#[test]
fn text_and_serde_round_trip() {
    let n = night("2026-11-30");
    assert_eq!(n.to_string(), "2026-11-30");
    assert_eq!(
        serde_json::to_string(&n).ok().as_deref(),
        Some("\"2026-11-30\"")
    );
    assert_eq!(
        serde_json::from_str::<ServiceNight>("\"2026-11-30\"").ok(),
        Some(n)
    );
    assert!("30/11/2026".parse::<ServiceNight>().is_err());
}

proptest::proptest! {
    #[test]
    fn every_instant_lies_between_its_nights_noons(secs in 1_577_836_800i64..2_082_758_400i64) {
        let at = DateTime::<Utc>::from_timestamp(secs, 0).unwrap_or_default();
        let n = ServiceNight::of(at);
        let noon = local_instant(n.0, hm(12, 0));
        let next_noon = local_instant(n.0.succ_opt().unwrap_or(n.0), hm(12, 0));
        proptest::prop_assert!(noon <= at && at < next_noon);
        let (_, hours) = ServiceNight::placement(at);
        if hours == Hours::Regular {
            proptest::prop_assert!(n.is_service_day() && n.start() <= at && at < n.end());
        }
    }
}

/// Edge cases: wire names kept in the journal, early starts and the exact boundaries on the
/// clock-change nights, and instants at the edges of chrono's range.
mod edges {
    use super::*;

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s)
            .map(|d| d.with_timezone(&Utc))
            .unwrap_or_default()
    }

    fn night(s: &str) -> ServiceNight {
        s.parse().unwrap_or(ServiceNight(NaiveDate::MIN))
    }

    fn place(s: &str) -> (String, Hours) {
        let (n, h) = ServiceNight::placement(utc(s));
        (n.to_string(), h)
    }

    fn json<T: Serialize>(v: &T) -> String {
        serde_json::to_string(v).unwrap_or_default()
    }

    #[test]
    fn wire_names_are_stable() {
        // `Hours` is written into journal events: renaming a variant would break old journals.
        assert_eq!(json(&Hours::Early), "\"early\"");
        assert_eq!(json(&Hours::Regular), "\"regular\"");
        assert_eq!(json(&Hours::Outside), "\"outside\"");
        assert_eq!(json(&HourBand::H21), "\"h21\"");
        assert_eq!(json(&HourBand::H00), "\"h00\"");
        assert_eq!(json(&HourBand::Outside), "\"outside\"");
        assert_eq!(
            serde_json::from_str::<Hours>("\"regular\"").ok(),
            Some(Hours::Regular)
        );
        assert!(serde_json::from_str::<ServiceNight>("\"2026-02-30\"").is_err());
        assert_eq!(
            " 2026-11-30".parse::<ServiceNight>().ok(),
            Some(night("2026-11-30"))
        );
    }

    #[test]
    fn spring_forward_early_start_and_bands() {
        let n = night("2026-03-28");
        assert_eq!(n.early_start(), utc("2026-03-28T18:30:00Z"));
        assert_eq!(
            place("2026-03-28T18:29:59Z"),
            ("2026-03-28".into(), Hours::Outside)
        );
        assert_eq!(
            place("2026-03-28T18:30:00Z"),
            ("2026-03-28".into(), Hours::Early)
        );
        assert_eq!(
            ServiceNight::hour_band(utc("2026-03-28T23:00:00Z")),
            HourBand::H00
        );
        // 03:30 CEST, after the skipped hour: still Saturday's night, outside its hours.
        assert_eq!(
            place("2026-03-29T01:30:00Z"),
            ("2026-03-28".into(), Hours::Outside)
        );
        // Sunday 29 March (CEST from then on) is not a service night.
        assert_eq!(
            place("2026-03-29T20:00:00Z"),
            ("2026-03-29".into(), Hours::Outside)
        );
        assert_eq!(
            night("2026-03-27").end() - night("2026-03-27").start(),
            Duration::hours(5)
        );
        assert_eq!(
            night("2026-03-30").end() - night("2026-03-30").start(),
            Duration::hours(5)
        );
        assert_eq!(night("2026-03-30").prev_service(), n);
    }

    #[test]
    fn fall_back_boundaries() {
        let n = night("2026-10-24");
        assert_eq!(n.early_start(), utc("2026-10-24T17:30:00Z"));
        // 01:59:59 CEST is the last regular second; the first 02:00 CEST is outside.
        assert_eq!(
            place("2026-10-24T23:59:59Z"),
            ("2026-10-24".into(), Hours::Regular)
        );
        assert_eq!(
            place("2026-10-25T00:00:00Z"),
            ("2026-10-24".into(), Hours::Outside)
        );
        assert_eq!(
            ServiceNight::hour_band(utc("2026-10-24T23:30:00Z")),
            HourBand::H01
        );
        // 02:00 CET (second pass) and 11:59 CET still belong to Saturday's night.
        assert_eq!(
            place("2026-10-25T01:00:00Z"),
            ("2026-10-24".into(), Hours::Outside)
        );
        assert_eq!(
            place("2026-10-25T10:59:00Z"),
            ("2026-10-24".into(), Hours::Outside)
        );
        assert_eq!(
            place("2026-10-25T11:00:00Z"),
            ("2026-10-25".into(), Hours::Outside)
        );
        assert!(!night("2026-10-25").is_service_day());
        assert_eq!(n.next_service(), night("2026-10-26"));
        for d in ["2026-10-23", "2026-10-26"] {
            assert_eq!(night(d).end() - night(d).start(), Duration::hours(5));
        }
    }

    #[test]
    fn sunday_evening_and_early_hours_have_no_band() {
        assert_eq!(
            ServiceNight::hour_band(utc("2026-11-29T22:30:00+01:00")),
            HourBand::Outside
        );
        assert_eq!(place("2026-11-30T20:00:00+01:00").1, Hours::Early);
        assert_eq!(
            ServiceNight::hour_band(utc("2026-11-30T20:00:00+01:00")),
            HourBand::Outside
        );
        assert_eq!(
            night("2026-11-29").date(),
            NaiveDate::from_ymd_opt(2026, 11, 29).unwrap_or_default()
        );
        assert_eq!(night("2026-11-29").next_service(), night("2026-11-30"));
        assert_eq!(night("2026-11-29").prev_service(), night("2026-11-28"));
    }

    #[test]
    fn extremes_of_the_range_do_not_panic() {
        for at in [DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::MAX_UTC] {
            let (n, _) = ServiceNight::placement(at);
            let _ = ServiceNight::hour_band(at);
            let _ = (
                n.early_start(),
                n.start(),
                n.end(),
                n.next_service(),
                n.prev_service(),
            );
        }
        let last = ServiceNight::of(DateTime::<Utc>::MAX_UTC);
        assert_eq!(last.date(), NaiveDate::MAX);
    }
}
