//! The three scenario nights. Every personal string is invented and distinctive, so the
//! privacy tests can look for it in the outputs.

use super::fixture::Desk;
use vigie::domain::Command;
use vigie::domain::command::{CaseLink, Clearance};
use vigie::domain::vocab::*;

pub const CALLER: &str = "Quatrebarbes-Zéphyrin";
pub const CALLBACK: &str = "06 98 76 54 32";
pub const DESCRIPTION: &str = "Sono du voisin Trifouilly très forte";
pub const HEALTH_CALLER: &str = "Farandoulette";
pub const HEALTH_CALLBACK: &str = "06 55 44 33 22";
pub const HEALTH_TEXT: &str = "parle de Grimaldine";
pub const HEALTH_NOTE: &str = "Orientée vers le CMP, Grimaldine apaisée";
pub const NOTE_WITH_NUMBER: &str = "Voisin rencontré, rappeler au 07 11 22 33 44 demain";
pub const NOTE_NUMBER: &str = "07 11 22 33 44";
pub const CARRIED_NOTE: &str = "Rappel fait à l'occupant du deuxième";
pub const OBSERVATION_NOTE: &str = "Cabine immobilisée palier quatre";

const NONE: (Option<&str>, Option<&str>, Option<&str>) = (None, None, None);

#[allow(clippy::too_many_arguments)]
pub fn clear(
    d: &mut Desk,
    when: &str,
    team: &str,
    level: ResponseLevel,
    outcome: Outcome,
    relays: &[&str],
    referrals: &[&str],
    note: Option<&str>,
) {
    d.run(
        when,
        Command::Clear(Clearance {
            team: team.into(),
            level,
            outcome,
            relays: relays.iter().map(|s| s.to_string()).collect(),
            referrals: referrals.iter().map(|s| s.to_string()).collect(),
            note: note.map(str::to_string),
            case: CaseLink::None,
        }),
    );
}

pub const TEAMS3: [(&str, [&str; 2]); 3] = [
    ("E1", ["samir-k", "gwenaelle-p"]),
    ("E2", ["aicha-d", "loic-m"]),
    ("E3", ["fatou-s", "erwan-g"]),
];

/// Night A, Monday 30 November 2026 (CET, UTC+1), then night C, Tuesday 1 December, in the
/// same store (a request carried over from A is served in C).
pub fn monday_and_tuesday() -> Desk {
    use Category::*;
    use Outcome::*;
    use Priority::*;
    use ResponseLevel::*;
    use Source::*;
    let mut d = Desk::new();
    // ---- Night A: 2026-11-30 ----
    d.open("2026-11-30T20:55:00+01:00", "claire-m", &TEAMS3);
    d.receive(
        "a1",
        "2026-11-30T21:10:00+01:00",
        "mau-gros-chene-1",
        Noise,
        P3,
        Resident,
        NONE,
    );
    d.dispatch("2026-11-30T21:14:00+01:00", "a1", "E1");
    d.arrive("2026-11-30T21:24:00+01:00", "E1");
    d.receive(
        "a2",
        "2026-11-30T21:30:00+01:00",
        "vil-kennedy-1",
        HallOccupation,
        P2,
        City,
        NONE,
    );
    d.dispatch("2026-11-30T21:32:00+01:00", "a2", "E2");
    clear(
        &mut d,
        "2026-11-30T21:40:00+01:00",
        "E1",
        Mediation,
        Calmed,
        &[],
        &[],
        None,
    );
    d.arrive("2026-11-30T21:50:00+01:00", "E2");
    d.observe(
        "2026-11-30T21:50:00+01:00",
        ObservationKind::Lighting,
        Some("vil-kennedy-3"),
        None,
        None,
    );
    d.receive(
        "a3",
        "2026-11-30T22:05:00+01:00",
        "blo-triangle-3",
        NeighbourConflict,
        P2,
        Resident,
        NONE,
    );
    clear(
        &mut d,
        "2026-11-30T22:10:00+01:00",
        "E2",
        FirmReminder,
        Calmed,
        &[],
        &[],
        None,
    );
    d.dispatch("2026-11-30T22:11:00+01:00", "a3", "E1");
    d.arrive("2026-11-30T22:19:00+01:00", "E1");
    d.receive(
        "a4",
        "2026-11-30T22:40:00+01:00",
        "vil-harpe-1",
        VulnerablePerson,
        P1,
        Partner,
        NONE,
    );
    d.dispatch("2026-11-30T22:41:00+01:00", "a4", "E3");
    clear(
        &mut d,
        "2026-11-30T22:45:00+01:00",
        "E1",
        Relay,
        Relayed,
        &["police-17"],
        &[],
        None,
    );
    d.arrive("2026-11-30T22:53:00+01:00", "E3");
    d.receive(
        "a5",
        "2026-11-30T23:15:00+01:00",
        "bre-parc-2",
        Damage,
        P3,
        TeamInitiative,
        NONE,
    );
    clear(
        &mut d,
        "2026-11-30T23:30:00+01:00",
        "E3",
        Referral,
        Referred,
        &[],
        &["samu-social-115", "ccas-rennes"],
        None,
    );
    d.dispatch("2026-11-30T23:35:00+01:00", "a5", "E2");
    d.arrive("2026-11-30T23:40:00+01:00", "E2");
    d.observe(
        "2026-11-30T23:45:00+01:00",
        ObservationKind::Gathering,
        None,
        Some("brequigny"),
        None,
    );
    clear(
        &mut d,
        "2026-11-30T23:55:00+01:00",
        "E2",
        Presence,
        ReportedToLandlord,
        &[],
        &[],
        None,
    );
    d.receive(
        "a6",
        "2026-12-01T00:20:00+01:00",
        "mau-gros-chene-4",
        PublicSpace,
        P4,
        Police,
        NONE,
    );
    let a6 = d.id("a6");
    d.run(
        "2026-12-01T00:25:00+01:00",
        Command::Relay {
            request: a6,
            partner: "police-municipale".into(),
            note: None,
        },
    );
    d.receive(
        "a7",
        "2026-12-01T01:05:00+01:00",
        "vil-kennedy-3",
        Noise,
        P3,
        Resident,
        NONE,
    );
    let a7 = d.id("a7");
    d.run(
        "2026-12-01T01:07:00+01:00",
        Command::Dismiss {
            request: a7,
            reason: DismissReason::Duplicate,
        },
    );
    d.receive(
        "a8",
        "2026-12-01T01:40:00+01:00",
        "bre-cloteaux-1",
        Incivility,
        P4,
        Resident,
        NONE,
    );
    let a8 = d.id("a8");
    d.run(
        "2026-12-01T01:50:00+01:00",
        Command::CarryOver { request: a8 },
    );
    d.note_and_close(
        "2026-12-01T02:05:00+01:00",
        [
            "Nuit chargée à Villejean, calme ailleurs.",
            "Conflit de voisinage à la résidence Zagreb relayé à la police.",
            "Passer aux Clôteaux pour la sollicitation reportée.",
        ],
    );

    super::tuesday::night_c(&mut d);
    d
}

pub use super::saturday::clock_change;
