//! What the period reports and the night report let out: invented callers' names, numbers
//! in every separator style and free texts looked for in every output and format; a
//! landlord's report searched for every other landlord's site names; hostile text escaped
//! by the rules of each format.

use super::fixture::Desk;
use super::nights::{TEAMS3, clear};
use vigie::domain::Command;
use vigie::domain::action::{ActionKind, ActionPlace, NewAction};
use vigie::domain::vocab::*;
use vigie::i18n::Lang;
use vigie::report::csv::{self, Separator};
use vigie::report::markdown;
use vigie::report::period::files::render;
use vigie::report::period::{Format, Period, Who, period_report};
use vigie::report::redact::Redaction;

const CALLER: &str = "Mme Quatrebarbes-Zéphyrin";
/// The same number in every spelling a coordinator might type.
const NUMBERS: &[&str] = &[
    "06 98 76 54 32",
    "06.98.76.54.32",
    "06-98-76-54-32",
    "06/98/76/54/32",
    "06\u{a0}98\u{a0}76\u{a0}54\u{a0}32",
    "06\u{202f}98\u{202f}76\u{202f}54\u{202f}32",
    "+33 6 98 76 54 32",
    "0033 6 98 76 54 32",
    "0698765432",
];
const DESCRIPTION: &str = "Voisine Zéphyrin en pleurs";
const NOTE: &str = "Vu quatrebarbes-zephyrin, rappeler au 06.98.76.54.32";
const OBSERVATION: &str = "Porte forcée par Trifouilly";
const ACTION: &str = "Réunion avec Mme Biscornu";
const HOSTILE: &str =
    "<script>alert(1)</script> <img src=x onerror=alert(2)> *gras* [lien](javascript:alert(3))";

fn night_with_personal_data() -> Desk {
    let mut d = Desk::new();
    d.open("2026-11-30T20:55:00+01:00", "claire-m", &TEAMS3);
    for (i, number) in NUMBERS.iter().enumerate() {
        let name: &'static str = Box::leak(format!("q{i}").into_boxed_str());
        let description = format!("{DESCRIPTION}, joindre au {number}");
        d.receive(
            name,
            "2026-11-30T21:10:00+01:00",
            "mau-gros-chene-1",
            Category::Noise,
            Priority::P3,
            Source::Resident,
            (
                Some(CALLER),
                Some("06 98 76 54 32"),
                Some(Box::leak(description.into_boxed_str())),
            ),
        );
    }
    d.dispatch("2026-11-30T21:12:00+01:00", "q0", "E1");
    d.arrive("2026-11-30T21:20:00+01:00", "E1");
    clear(
        &mut d,
        "2026-11-30T21:40:00+01:00",
        "E1",
        ResponseLevel::Mediation,
        Outcome::Calmed,
        &[],
        &[],
        Some(NOTE),
    );
    d.observe(
        "2026-11-30T21:50:00+01:00",
        ObservationKind::Door,
        Some("vil-kennedy-3"),
        None,
        Some(OBSERVATION),
    );
    let action = NewAction {
        date: "2026-11-30".parse().expect("a date"),
        kind: ActionKind::InformationAction,
        place: ActionPlace::Site("mau-gros-chene-1".into()),
        partners: vec![],
        note: Some(ACTION.into()),
    };
    d.run(
        "2026-11-30T21:55:00+01:00",
        vigie::domain::Command::RecordAction(action),
    );
    for i in 1..NUMBERS.len() {
        let request = d.id(&format!("q{i}"));
        d.run(
            "2026-11-30T22:00:00+01:00",
            Command::Dismiss {
                request,
                reason: DismissReason::Duplicate,
            },
        );
    }
    let needs = format!("=HYPERLINK(\"x\") {HOSTILE} rappeler Zéphyrin au 06 98 76 54 32");
    d.note_and_close(
        "2026-12-01T02:05:00+01:00",
        ["Nuit calme.", HOSTILE, Box::leak(needs.into_boxed_str())],
    );
    d
}

/// Strings that never leave the service, in any report of any version.
fn never() -> Vec<String> {
    let mut v: Vec<String> = NUMBERS.iter().map(|s| s.to_string()).collect();
    v.extend(["Quatrebarbes", "Zéphyrin", "zephyrin"].map(String::from));
    v
}

#[test]
fn no_period_report_in_any_format_lets_out_a_name_a_number_or_free_text() {
    let d = night_with_personal_data();
    let t = d.store.territory();
    let month = Period::month("2026-11").expect("a month");
    for who in Who::all(t) {
        let r = period_report(&d.store, month, &who).expect("a report");
        for f in [Format::Html, Format::Md, Format::Csv, Format::Json] {
            for lang in [Lang::Fr, Lang::En] {
                let out =
                    String::from_utf8(render(&r, t, f, lang, Separator::Comma).expect("rendered"))
                        .expect("utf-8");
                for s in never().iter().map(String::as_str).chain([
                    NOTE,
                    OBSERVATION,
                    ACTION,
                    "pleurs",
                    "Trifouilly",
                    "Biscornu",
                ]) {
                    assert!(!out.contains(s), "{} {f:?} {lang:?} shows {s:?}", who.id());
                }
                assert!(
                    !out.contains("<script") && !out.contains("<img"),
                    "{} {f:?}",
                    who.id()
                );
            }
        }
    }
}

#[test]
fn a_landlords_report_never_names_another_landlords_site() {
    let d = super::period_nights::autumn();
    let t = d.store.territory();
    for who in Who::all(t) {
        let Who::Landlord(own) = &who else { continue };
        for p in ["2026-10", "2026-11"] {
            let r = period_report(&d.store, Period::month(p).expect("a month"), &who)
                .expect("a report");
            for f in [Format::Html, Format::Md, Format::Csv, Format::Json] {
                let out = String::from_utf8(
                    render(&r, t, f, Lang::Fr, Separator::Semicolon).expect("rendered"),
                )
                .expect("utf-8");
                for s in t.sites.iter().filter(|s| s.landlord != *own) {
                    assert!(
                        !out.contains(&s.name) && !out.contains(&format!("\"{}\"", s.id)),
                        "{own} {f:?} names {}",
                        s.name
                    );
                }
            }
        }
    }
}

#[test]
fn the_night_report_masks_numbers_and_names_and_escapes_hostile_text() {
    let d = night_with_personal_data();
    let r = d.report("2026-11-30", Redaction::Internal);
    let md = markdown::render(&r, Lang::Fr);
    let csv = csv::render(&r, Lang::Fr, Separator::Semicolon);
    for out in [&md, &csv] {
        for s in never() {
            assert!(!out.contains(&s), "shows {s:?}");
        }
    }
    // The description is kept in the internal version, its number masked.
    assert!(
        md.contains("Voisine \\[…\\] en pleurs") || md.contains("Voisine [...]"),
        "{md}"
    );
    // Markdown: no tag, no link, no emphasis survives; the text reads as typed.
    assert!(!md.contains("<script") && !md.contains("<img"), "{md}");
    assert!(md.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "{md}");
    assert!(
        md.contains("\\*gras\\*") && md.contains("\\[lien\\](javascript:alert(3))"),
        "{md}"
    );
    // CSV: the formula stays text, the quotes doubled.
    assert!(csv.contains("\"'=HYPERLINK(\"\"x\"\")"), "{csv}");
}

#[test]
fn html_escapes_whatever_text_it_is_given() {
    let d = super::period_nights::autumn();
    let t = d.store.territory();
    let mut r = period_report(
        &d.store,
        Period::month("2026-10").expect("a month"),
        &Who::Service,
    )
    .expect("a report");
    r.commissioner.name = HOSTILE.to_string();
    if let Some(s) = r.activity.by_site.first_mut() {
        s.name = "<img src=x onerror=alert(9)>".into();
    }
    let html = String::from_utf8(
        render(&r, t, Format::Html, Lang::Fr, Separator::Semicolon).expect("html"),
    )
    .expect("utf-8");
    assert!(
        !html.contains("<script") && !html.contains("<img"),
        "escaped"
    );
    // askama writes numeric entities.
    assert!(
        html.contains("&#60;script&#62;alert(1)") && html.contains("&#60;img src=x onerror"),
        "{html}"
    );
}
