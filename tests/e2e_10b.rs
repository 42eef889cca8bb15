//! End to end in a real terminal: the watch, a relay followed and the night's plan, typed
//! at like a coordinator would, then found again in `vigie log` and the night's report.

mod common;
mod e2e;

use e2e::{Console, Key, open_night};

const ROOMY: (u16, u16) = (120, 34);

/// `:` then a line, then Enter.
fn command(c: &mut Console, line: &str) {
    c.keys(":").keys(line).key(Key::Enter);
}

#[test]
fn an_observation_a_relay_and_a_point_of_the_plan_go_from_keys_to_the_log_and_the_report() {
    let data = e2e::data();
    let mut c = e2e::spawn(&data.dir, ROOMY, &[]);
    c.wait_for("Bienvenue dans Vigie");
    open_night(&mut c);

    // A point of the plan whatever the day (the window spans the whole night).
    command(&mut c, "point dalle kennedy 12:00 11:59");
    c.wait_for("1 point(s) ajouté(s) à la feuille de route.");
    c.wait_for("Feuille de route 0/");
    // E1, at base, goes to it: `p` offers the plan's points first.
    c.key(Key::Tab).keys("p").wait_for("Présence active de E1");
    let first = c.screen().contains("[12:00–11:59] Dalle Kennedy");
    assert!(first, "the point is offered:\n{}", c.screen());
    while !c
        .screen()
        .contains("Dalle Kennedy, dalle Kennedy (Villejean)")
    {
        c.key(Key::Down);
    }
    c.key(Key::Enter).wait_for("Équipe E1 : présence active");
    c.wait_for("Feuille de route 1/");

    // An observation from the board: a lift at Les Ajoncs, seen by E1.
    c.keys("w").wait_for("Observation (veille)");
    c.key(Key::Right)
        .key(Key::Right)
        .wait_for("ascenseur (technique)");
    c.key(Key::Tab)
        .keys("ajoncs")
        .wait_for("→ transmise à Archipel Habitat");
    c.key(Key::Enter)
        .wait_for("Observation 1 enregistrée, à transmettre à Archipel Habitat.");

    // A call, a team sent, cleared with the police as relay typed by its number.
    c.key(Key::BackTab)
        .keys("n")
        .wait_for("Nouvelle sollicitation");
    c.keys("ajoncs").wait_for("(1/1) Résidence Les Ajoncs");
    for _ in 0..3 {
        c.key(Key::Tab).key(Key::Right);
    }
    // Saved, the team picker opens on the suggested team.
    c.key(Key::Enter).wait_for("Envoyer une équipe");
    c.key(Key::Enter).wait_for("envoyée");
    c.keys("a").wait_for("sur place");
    c.keys("x").wait_for("Clôturer l'intervention");
    c.key(Key::Right).key(Key::Tab).key(Key::Right);
    c.key(Key::Tab).keys("17").wait_for("Police secours 17");
    c.key(Key::Enter).wait_for("Intervention clôturée.");

    // The relay is awaited: `f` follows it (answered).
    c.keys("f")
        .wait_for("Suivi d'un relais")
        .wait_for("attendu");
    c.key(Key::Enter)
        .wait_for("Relais Police secours : a répondu.");

    // A place not in the list: a free address, its district chosen by a letter; the team
    // picker that opens after saving is left.
    c.keys("n").wait_for("Nouvelle sollicitation");
    c.keys("12 rue de Fougères")
        .wait_for("adresse libre (hors liste)");
    for _ in 0..3 {
        c.key(Key::Tab).key(Key::Right);
    }
    c.key(Key::Tab).keys("m").wait_for("quartier : Maurepas");
    c.key(Key::Enter).wait_for("Envoyer une équipe");
    c.key(Key::Esc).wait_gone("Envoyer une équipe");
    c.wait_for("Maurepas · adresse libre");

    // The watch screen: the observation goes out directly.
    c.keys("6").wait_for("Veille sociale et territoriale (1)");
    c.keys("t")
        .wait_for("1 observation(s) marquée(s) transmise(s).");
    c.keys("5").wait_for("Annuaire des partenaires");
    c.keys("/").keys("115").wait_for("Samu social");
    c.key(Key::Enter).keys("4").wait_for("Relais attendus");
    c.wait_for("Feuille de route");
    c.keys("q");
    assert_eq!(c.wait_exit(), 0, "vigie should quit cleanly");

    common::run(&data.dir, &["check"]).assert_ok();
    let log = common::run(&data.dir, &["log"]);
    log.assert_ok();
    for line in [
        // Its number follows the weekday's standing points.
        ": point ciblé — Dalle Kennedy 12:00–11:59 (coordination)",
        ": passage de l'équipe E1",
        "Observation technique : ascenseur — Résidence Les Ajoncs",
        "Relais Police secours : a répondu (sollicitation 1)",
        "Observations transmises (envoi direct) : 1",
        "adresse libre (Maurepas) — source",
    ] {
        assert!(
            log.stdout.contains(line),
            "`vigie log` lacks {line:?}:\n{}",
            log.stdout
        );
    }
    let report = common::run(&data.dir, &["report", "night", "--format", "md"]);
    report.assert_ok();
    assert!(
        report.stdout.contains("Feuille de route") && report.stdout.contains("Dalle Kennedy"),
        "the night report has its plan:\n{}",
        report.stdout
    );
}
