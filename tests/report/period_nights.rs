//! Nights for the period reports, through the real commands: October 2026 with the clock
//! change, a request corrected after its night, two requests carried over (one only
//! corrected the next night), an early visit, an observation; November with the carried
//! request served and an action beyond calls; a night each side of the year end.

use super::fixture::Desk;
use super::nights::clear;
use vigie::domain::Command;
use vigie::domain::action::{ActionKind, ActionPlace, NewAction};
use vigie::domain::command::Correction;
use vigie::domain::vocab::*;

const NONE: (Option<&str>, Option<&str>, Option<&str>) = (None, None, None);
const TEAMS: [(&str, [&str; 2]); 2] = [
    ("E1", ["samir-k", "gwenaelle-p"]),
    ("E2", ["aicha-d", "loic-m"]),
];

pub fn autumn() -> Desk {
    use Category::*;
    use Priority::*;
    use ResponseLevel::*;
    use Source::*;
    let mut d = Desk::new();
    // N1, Saturday 24 October 2026: the clocks go back at 03:00 summer time.
    d.open("2026-10-24T20:55:00+02:00", "claire-m", &TEAMS);
    d.observe(
        "2026-10-24T22:00:00+02:00",
        ObservationKind::Lift,
        Some("vil-kennedy-3"),
        None,
        None,
    );
    d.receive(
        "r1",
        "2026-10-25T01:50:00+02:00",
        "mau-gros-chene-1",
        Noise,
        P2,
        Resident,
        NONE,
    );
    d.dispatch("2026-10-25T02:10:00+02:00", "r1", "E1");
    d.arrive("2026-10-25T02:15:00+01:00", "E1");
    clear(
        &mut d,
        "2026-10-25T02:30:00+01:00",
        "E1",
        Mediation,
        Outcome::Calmed,
        &[],
        &[],
        None,
    );
    d.run("2026-10-25T02:40:00+01:00", Command::CloseNight);

    // N2, Friday 30 October: an early visit at 20:10, two requests carried over.
    d.open("2026-10-30T19:35:00+01:00", "claire-m", &TEAMS);
    d.receive(
        "r0",
        "2026-10-30T20:10:00+01:00",
        "vil-harpe-1",
        VulnerablePerson,
        P1,
        Partner,
        NONE,
    );
    d.dispatch("2026-10-30T20:12:00+01:00", "r0", "E1");
    d.arrive("2026-10-30T20:20:00+01:00", "E1");
    clear(
        &mut d,
        "2026-10-30T20:40:00+01:00",
        "E1",
        Referral,
        Outcome::Referred,
        &[],
        &["ccas-rennes"],
        None,
    );
    d.receive(
        "r2",
        "2026-10-30T22:00:00+01:00",
        "blo-triangle-3",
        Noise,
        P3,
        Resident,
        NONE,
    );
    d.receive(
        "r3",
        "2026-10-30T23:00:00+01:00",
        "bre-cloteaux-1",
        Incivility,
        P4,
        Resident,
        NONE,
    );
    for r in ["r2", "r3"] {
        let request = d.id(r);
        d.run("2026-10-31T01:30:00+01:00", Command::CarryOver { request });
    }
    d.run("2026-10-31T02:05:00+01:00", Command::CloseNight);

    // N3, Saturday 31 October: r2 corrected then served; r3 only corrected, carried again.
    d.open("2026-10-31T20:55:00+01:00", "claire-m", &TEAMS);
    let (r2, r3) = (d.id("r2"), d.id("r3"));
    d.run(
        "2026-10-31T21:05:00+01:00",
        correct(r2, Some(NeighbourConflict), Some(P2)),
    );
    d.dispatch("2026-10-31T21:10:00+01:00", "r2", "E2");
    d.arrive("2026-10-31T21:20:00+01:00", "E2");
    clear(
        &mut d,
        "2026-10-31T21:40:00+01:00",
        "E2",
        FirmReminder,
        Outcome::Calmed,
        &[],
        &[],
        None,
    );
    d.run("2026-10-31T21:45:00+01:00", correct(r3, None, Some(P3)));
    d.run(
        "2026-10-31T23:00:00+01:00",
        Command::CarryOver { request: r3 },
    );
    d.run("2026-11-01T02:05:00+01:00", Command::CloseNight);

    // N4, Monday 2 November: r3 served; r5 handed straight to the police municipale.
    d.open("2026-11-02T20:55:00+01:00", "claire-m", &TEAMS);
    d.dispatch("2026-11-02T21:00:00+01:00", "r3", "E1");
    d.arrive("2026-11-02T21:10:00+01:00", "E1");
    clear(
        &mut d,
        "2026-11-02T21:30:00+01:00",
        "E1",
        Presence,
        Outcome::ReportedToLandlord,
        &[],
        &[],
        None,
    );
    d.receive(
        "r5",
        "2026-11-02T22:00:00+01:00",
        "mau-gros-chene-4",
        PublicSpace,
        P3,
        City,
        NONE,
    );
    let r5 = d.id("r5");
    d.run(
        "2026-11-02T22:05:00+01:00",
        Command::Relay {
            request: r5,
            partner: "police-municipale".into(),
            note: None,
        },
    );
    d.run("2026-11-03T02:05:00+01:00", Command::CloseNight);
    // A partner meeting in Maurepas, recorded by day.
    let meeting = NewAction {
        date: "2026-11-05".parse().expect("a date"),
        kind: ActionKind::PartnerMeeting,
        place: ActionPlace::District("maurepas".into()),
        partners: vec!["ccas-rennes".into()],
        note: Some("Point sur les halls".into()),
    };
    d.run(
        "2026-11-05T15:00:00+01:00",
        vigie::domain::Command::RecordAction(meeting),
    );

    // N5, Tuesday 29 December and N6, Monday 4 January 2027: each side of the year end.
    d.open("2026-12-29T20:55:00+01:00", "claire-m", &TEAMS);
    d.receive(
        "r6",
        "2026-12-29T22:00:00+01:00",
        "mau-gros-chene-1",
        Noise,
        P3,
        Resident,
        NONE,
    );
    let r6 = d.id("r6");
    d.run(
        "2026-12-29T22:05:00+01:00",
        Command::Dismiss {
            request: r6,
            reason: DismissReason::Duplicate,
        },
    );
    d.run("2026-12-30T02:05:00+01:00", Command::CloseNight);
    d.open("2027-01-04T20:55:00+01:00", "claire-m", &TEAMS);
    d.receive(
        "r7",
        "2027-01-04T21:30:00+01:00",
        "mau-gros-chene-1",
        Damage,
        P3,
        Resident,
        NONE,
    );
    d.dispatch("2027-01-04T21:31:00+01:00", "r7", "E1");
    d.arrive("2027-01-04T21:41:00+01:00", "E1");
    clear(
        &mut d,
        "2027-01-04T21:50:00+01:00",
        "E1",
        Presence,
        Outcome::Calmed,
        &[],
        &[],
        None,
    );
    d.run("2027-01-05T02:05:00+01:00", Command::CloseNight);
    d
}

fn correct(
    request: vigie::domain::ids::RequestId,
    category: Option<Category>,
    priority: Option<Priority>,
) -> Command {
    Command::CorrectRequest(Correction {
        entrance: None,
        request,
        source: None,
        site: None,
        category,
        priority,
    })
}
