//! The JSON parses and has the shape docs/reports.md documents, field by field.

use super::nights::monday_and_tuesday;
use serde_json::Value;
use vigie::report::json;
use vigie::report::redact::Redaction;

fn keys(v: &Value) -> Vec<&str> {
    let mut k: Vec<&str> = v
        .as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect();
    k.sort_unstable();
    k
}

fn sorted(mut k: Vec<&str>) -> Vec<&str> {
    k.sort_unstable();
    k
}

fn is_time(v: &Value) -> bool {
    v.as_str()
        .is_some_and(|s| chrono::DateTime::parse_from_rfc3339(s).is_ok())
}

fn is_count(v: &Value) -> bool {
    v.as_u64().is_some()
}

#[track_caller]
fn count_list(v: &Value, keys_expected: &[&str]) {
    let list = v.as_array().expect("a list");
    let got: Vec<&str> = list
        .iter()
        .map(|c| {
            if c["key"] == "psychological_fragility" {
                // A health count below 5 has no figure (here: none that night).
                assert_eq!(keys(c), vec!["count", "fewer_than", "key"]);
                assert!(c["count"].is_null() && c["fewer_than"] == 5);
                return c["key"].as_str().expect("key");
            }
            assert_eq!(keys(c), vec!["count", "key"]);
            assert!(is_count(&c["count"]));
            c["key"].as_str().expect("key")
        })
        .collect();
    assert_eq!(got, keys_expected);
}

#[test]
fn the_json_has_the_documented_shape() {
    let d = monday_and_tuesday();
    let text = json::render(&d.report("2026-11-30", Redaction::Commissioner)).expect("json");
    let v: Value = serde_json::from_str(&text).expect("the JSON parses");
    assert_eq!(
        keys(&v),
        sorted(vec![
            "schema_version",
            "night",
            "internal",
            "opened_at",
            "closed_at",
            "totals",
            "by_category",
            "by_district",
            "by_landlord",
            "by_source",
            "by_priority",
            "by_hour_band",
            "outcomes",
            "levels",
            "partners",
            "plan",
            "times",
            "interventions",
            "interventions_withheld",
            "landlords",
            "district_observations",
            "handover",
        ])
    );
    assert_eq!(v["schema_version"], 2);
    assert_eq!(v["night"], "2026-11-30");
    assert_eq!(v["internal"], false);
    assert!(is_time(&v["opened_at"]) && is_time(&v["closed_at"]));
    assert_eq!(v["opened_at"], "2026-11-30T19:55:00Z");
    let totals = &v["totals"];
    assert_eq!(
        keys(totals),
        sorted(vec![
            "requests",
            "carried_in",
            "interventions",
            "cleared",
            "relayed",
            "dismissed",
            "cancelled",
            "settled",
            "open",
            "observations"
        ])
    );
    assert!(keys(totals).iter().all(|k| is_count(&totals[k])));
    assert_eq!(totals["requests"], 8);
    count_list(
        &v["by_category"],
        &[
            "neighbour_conflict",
            "noise",
            "hall_occupation",
            "incivility",
            "damage",
            "public_space",
            "vulnerable_person",
            "psychological_fragility",
            "family_tension",
            "technical_issue",
            "information",
            "other",
        ],
    );
    count_list(
        &v["by_source"],
        &[
            "resident",
            "landlord",
            "partner",
            "police",
            "city",
            "team_initiative",
            "other",
        ],
    );
    count_list(&v["by_priority"], &["p1", "p2", "p3", "p4"]);
    count_list(
        &v["by_hour_band"],
        &["h21", "h22", "h23", "h00", "h01", "outside"],
    );
    count_list(
        &v["outcomes"],
        &[
            "calmed",
            "mediation_to_continue",
            "relayed",
            "reported_to_landlord",
            "nobody_there",
            "unfounded",
            "referred",
        ],
    );
    count_list(
        &v["levels"],
        &[
            "presence",
            "mediation",
            "firm_reminder",
            "referral",
            "relay",
        ],
    );
    for list in ["by_district", "by_landlord"] {
        for c in v[list].as_array().expect("list") {
            assert_eq!(keys(c), vec!["count", "id", "name"]);
        }
    }
    assert_eq!(v["by_district"][0]["id"], "maurepas");
    assert_eq!(v["by_district"][0]["count"], 2);
    for p in v["partners"].as_array().expect("partners") {
        assert_eq!(keys(p), vec!["id", "name", "referrals", "relays"]);
    }
    // times: overall and by priority; each stretch {count, median_s, p90_s}.
    let times = &v["times"];
    assert_eq!(keys(times), vec!["by_priority", "overall"]);
    let stretch = |s: &Value| {
        assert_eq!(keys(s), vec!["count", "median_s", "p90_s"]);
    };
    for k in ["to_dispatch", "to_on_site", "total"] {
        stretch(&times["overall"][k]);
    }
    assert_eq!(times["overall"]["to_dispatch"]["median_s"], 240);
    assert_eq!(times["overall"]["to_dispatch"]["p90_s"], 1200);
    let p4 = &times["by_priority"][3];
    assert_eq!(
        keys(p4),
        vec!["priority", "to_dispatch", "to_on_site", "total"]
    );
    assert_eq!(p4["priority"], "p4");
    assert!(
        p4["total"]["median_s"].is_null(),
        "nothing to measure: null"
    );
    // interventions
    let i = &v["interventions"][0];
    assert_eq!(
        keys(i),
        sorted(vec![
            "dispatched_at",
            "on_site_at",
            "ended_at",
            "request",
            "site",
            "site_name",
            "district",
            "category",
            "priority",
            "team",
            "state",
            "level",
            "outcome",
        ]),
        "no note field in the commissioners' version"
    );
    assert_eq!(i["state"], "cleared");
    assert_eq!(i["dispatched_at"], "2026-11-30T20:14:00Z");
    assert!(is_count(&v["interventions_withheld"]));
    // landlords
    let s = &v["landlords"][0];
    assert_eq!(
        keys(s),
        vec!["id", "is_city", "items", "name", "observations", "requests"]
    );
    assert_eq!(
        keys(&s["items"][0]),
        sorted(vec![
            "received_at",
            "request",
            "site",
            "site_name",
            "category",
            "priority",
            "outcome"
        ])
    );
    let espacil = &v["landlords"][2];
    assert_eq!(espacil["id"], "espacil");
    assert_eq!(
        keys(&espacil["observations"][0]),
        sorted(vec![
            "at",
            "kind",
            "technical",
            "site",
            "site_name",
            "district",
            "team"
        ])
    );
    assert_eq!(v["district_observations"][0]["kind"], "gathering");
    assert_eq!(
        keys(&v["handover"]),
        vec!["actions", "needs", "situation", "written_at"]
    );
}
