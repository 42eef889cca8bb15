//! Night C, Tuesday 1 December 2026, after Monday's night in the same store: the request
//! carried over from Monday is served, personal data is typed in (all invented), a
//! psychological-fragility request is handled, and a request comes in at 01:58 and is
//! cleared at 02:20.

use super::fixture::Desk;
use super::nights::*;
use vigie::domain::vocab::*;

const NONE: (Option<&str>, Option<&str>, Option<&str>) = (None, None, None);

pub fn night_c(d: &mut Desk) {
    use Category::*;
    use Outcome::*;
    use Priority::*;
    use ResponseLevel::*;
    use Source::*;
    let d = &mut *d;
    // ---- Night C: 2026-12-01 ----
    let two = [TEAMS3[0], TEAMS3[1]];
    d.open("2026-12-01T20:55:00+01:00", "yannick-l", &two);
    d.dispatch("2026-12-01T21:05:00+01:00", "a8", "E2");
    d.receive(
        "c1",
        "2026-12-01T21:10:00+01:00",
        "mau-bellangerais-1",
        Noise,
        P3,
        Resident,
        (Some(CALLER), Some(CALLBACK), Some(DESCRIPTION)),
    );
    d.dispatch("2026-12-01T21:12:00+01:00", "c1", "E1");
    d.arrive("2026-12-01T21:20:00+01:00", "E1");
    d.arrive("2026-12-01T21:20:00+01:00", "E2");
    d.observe(
        "2026-12-01T21:30:00+01:00",
        ObservationKind::Lift,
        Some("mau-gros-chene-2"),
        None,
        Some(OBSERVATION_NOTE),
    );
    clear(
        d,
        "2026-12-01T21:35:00+01:00",
        "E2",
        FirmReminder,
        Calmed,
        &[],
        &[],
        Some(CARRIED_NOTE),
    );
    clear(
        d,
        "2026-12-01T21:45:00+01:00",
        "E1",
        Mediation,
        Calmed,
        &[],
        &[],
        Some(NOTE_WITH_NUMBER),
    );
    d.receive(
        "c2",
        "2026-12-01T22:30:00+01:00",
        "mau-bellangerais-2",
        PsychologicalFragility,
        P2,
        Resident,
        (
            Some(HEALTH_CALLER),
            Some(HEALTH_CALLBACK),
            Some(HEALTH_TEXT),
        ),
    );
    d.dispatch("2026-12-01T22:33:00+01:00", "c2", "E1");
    d.arrive("2026-12-01T22:50:00+01:00", "E1");
    clear(
        d,
        "2026-12-01T23:20:00+01:00",
        "E1",
        Referral,
        Referred,
        &[],
        &["cmp-adultes"],
        Some(HEALTH_NOTE),
    );
    d.receive(
        "c3",
        "2026-12-02T00:40:00+01:00",
        "mau-gros-chene-2",
        HallOccupation,
        P3,
        TeamInitiative,
        NONE,
    );
    d.dispatch("2026-12-02T00:45:00+01:00", "c3", "E2");
    d.arrive("2026-12-02T00:47:00+01:00", "E2");
    clear(
        d,
        "2026-12-02T01:00:00+01:00",
        "E2",
        Presence,
        Calmed,
        &[],
        &[],
        None,
    );
    // Received two minutes before the end of service hours, cleared after it.
    d.receive(
        "c4",
        "2026-12-02T01:58:00+01:00",
        "mau-gros-chene-3",
        Incivility,
        P3,
        Resident,
        NONE,
    );
    d.dispatch("2026-12-02T02:01:00+01:00", "c4", "E1");
    d.arrive("2026-12-02T02:09:00+01:00", "E1");
    clear(
        d,
        "2026-12-02T02:20:00+01:00",
        "E1",
        FirmReminder,
        Calmed,
        &[],
        &[],
        None,
    );
    d.note_and_close(
        "2026-12-02T02:30:00+01:00",
        ["Nuit calme.", "Rien en cours.", "Rien de particulier."],
    );
}
