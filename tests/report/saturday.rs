//! Night B, Saturday 24 October 2026, across the autumn clock change.

use super::fixture::Desk;
use super::nights::{TEAMS3, clear};
use vigie::domain::Command;
use vigie::domain::vocab::*;

const NONE: (Option<&str>, Option<&str>, Option<&str>) = (None, None, None);

/// Night B, Saturday 24 October 2026: summer time (UTC+2) until 03:00, when the clocks go
/// back to 02:00 (UTC+1); the hour from 02:00 to 03:00 is lived twice.
pub fn clock_change() -> Desk {
    use Category::*;
    use Outcome::*;
    use Priority::*;
    use ResponseLevel::*;
    use Source::*;
    let mut d = Desk::new();
    d.open(
        "2026-10-24T20:50:00+02:00",
        "nadia-b",
        &[TEAMS3[0], TEAMS3[1]],
    );
    d.receive(
        "b1",
        "2026-10-24T21:20:00+02:00",
        "blo-landrel-1",
        Noise,
        P3,
        Resident,
        NONE,
    );
    d.dispatch("2026-10-24T21:25:00+02:00", "b1", "E1");
    d.arrive("2026-10-24T21:35:00+02:00", "E1");
    clear(
        &mut d,
        "2026-10-24T21:50:00+02:00",
        "E1",
        Mediation,
        Calmed,
        &[],
        &[],
        None,
    );
    d.receive(
        "b2",
        "2026-10-25T01:50:00+02:00",
        "blo-landrel-3",
        NeighbourConflict,
        P2,
        Resident,
        NONE,
    );
    d.dispatch("2026-10-25T02:10:00+02:00", "b2", "E2");
    d.receive(
        "b3",
        "2026-10-25T02:30:00+02:00",
        "blo-triangle-2",
        PsychologicalFragility,
        P1,
        Partner,
        NONE,
    );
    d.dispatch("2026-10-25T02:32:00+02:00", "b3", "E1");
    d.arrive("2026-10-25T02:45:00+02:00", "E1");
    // The clocks went back: 02:15 winter time is half an hour after 02:45 summer time.
    d.arrive("2026-10-25T02:15:00+01:00", "E2");
    clear(
        &mut d,
        "2026-10-25T02:20:00+01:00",
        "E1",
        Referral,
        Referred,
        &[],
        &["cmp-adultes"],
        None,
    );
    clear(
        &mut d,
        "2026-10-25T02:40:00+01:00",
        "E2",
        Mediation,
        MediationToContinue,
        &[],
        &[],
        None,
    );
    d.receive(
        "b4",
        "2026-10-25T02:50:00+01:00",
        "blo-poterie-2",
        Noise,
        P3,
        Resident,
        NONE,
    );
    let b4 = d.id("b4");
    d.run(
        "2026-10-25T02:55:00+01:00",
        Command::Dismiss {
            request: b4,
            reason: DismissReason::Unreachable,
        },
    );
    d.note_and_close(
        "2026-10-25T03:10:00+01:00",
        [
            "Nuit du changement d'heure, fin de service tardive.",
            "Médiation à poursuivre aux Asturies.",
            "",
        ],
    );
    d
}
