//! What goes out: by default no caller name, number or free text; `--internal` keeps the
//! notes but never a callback number; health categories are counted, never listed. The
//! invented strings of the scenario are looked for in every output.

use super::nights::*;
use vigie::i18n::Lang;
use vigie::report::csv::{self, Separator};
use vigie::report::night::NightReport;
use vigie::report::redact::Redaction;
use vigie::report::{json, markdown};

fn outputs(r: &NightReport) -> Vec<(&'static str, String)> {
    vec![
        ("md fr", markdown::render(r, Lang::Fr)),
        ("md en", markdown::render(r, Lang::En)),
        ("csv ;", csv::render(r, Lang::Fr, Separator::Semicolon)),
        ("csv ,", csv::render(r, Lang::En, Separator::Comma)),
        ("json", json::render(r).expect("json")),
    ]
}

/// Never in any version: who called, their number, anything about the health request
/// (its site included), a number typed into a note.
const NEVER: &[&str] = &[
    CALLER,
    CALLBACK,
    "0698765432",
    HEALTH_CALLER,
    HEALTH_CALLBACK,
    HEALTH_TEXT,
    "Grimaldine",
    HEALTH_NOTE,
    NOTE_NUMBER,
    "Résidence Trégain",
];

/// Free text: only in the internal version.
const NOTES: &[&str] = &[
    DESCRIPTION,
    "Voisin rencontré",
    CARRIED_NOTE,
    OBSERVATION_NOTE,
];

#[test]
fn the_default_report_has_no_name_no_number_no_free_text() {
    let d = monday_and_tuesday();
    let r = d.report("2026-12-01", Redaction::Commissioner);
    assert!(!r.internal);
    for (what, out) in outputs(&r) {
        for s in NEVER.iter().chain(NOTES) {
            assert!(!out.contains(s), "{what} shows {s:?}");
        }
    }
    assert!(r.interventions.iter().all(|i| i.note.is_none()));
    assert!(
        !json::render(&r).expect("json").contains("\"note\""),
        "no note field at all"
    );
}

#[test]
fn the_internal_report_keeps_notes_but_never_a_callback_number() {
    let d = monday_and_tuesday();
    let r = d.report("2026-12-01", Redaction::Internal);
    assert!(r.internal);
    for (what, out) in outputs(&r) {
        for s in NEVER {
            assert!(!out.contains(s), "{what} shows {s:?}");
        }
        for s in NOTES {
            assert!(out.contains(s), "{what} lacks the note {s:?}");
        }
        // Markdown escapes the brackets of the mask: it reads « […] » once rendered.
        assert!(
            out.contains("rappeler au […] demain") || out.contains("rappeler au \\[…\\] demain"),
            "{what}: the number in the note is masked"
        );
    }
}

#[test]
fn health_requests_are_counted_but_never_listed() {
    let d = monday_and_tuesday();
    for redaction in [Redaction::Commissioner, Redaction::Internal] {
        let r = d.report("2026-12-01", redaction);
        let health = vigie::domain::vocab::Category::PsychologicalFragility;
        assert_eq!(super::fixture::count(&r.by_category, health), 1);
        assert!(r.interventions.iter().all(|i| i.category != health));
        assert!(
            r.landlords
                .iter()
                .flat_map(|s| &s.items)
                .all(|i| i.category != health)
        );
        // Archipel: c2 (health) and c3: two requests, one listed.
        let archipel = r
            .landlords
            .iter()
            .find(|s| s.id == "archipel")
            .expect("Archipel");
        assert_eq!((archipel.requests, archipel.items.len()), (2, 1));
        assert_eq!(r.interventions_withheld, 1);
    }
}
