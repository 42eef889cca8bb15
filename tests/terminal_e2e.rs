//! End to end in a real terminal: the built `vigie` binary in a pseudo-terminal, typed at like
//! a coordinator would, read off a vt100 screen. Each test has its own data directory, so
//! they run in parallel.

mod common;
mod e2e;

use e2e::{Console, Key, fill_request, open_night};
use std::path::Path;

/// Board size of the French tests: roomy enough that nothing the tests read is cut.
const ROOMY: (u16, u16) = (100, 30);

/// Records a P1 neighbour conflict at Résidence Les Ajoncs reported by a resident.
fn new_request(c: &mut Console, description: &str) {
    fill_request(c, description);
    saved(c);
}

/// Enter saves; the team picker opens on the nearest free team, Esc leaves it waiting.
fn saved(c: &mut Console) {
    c.key(Key::Enter).wait_for("Entrée envoie");
    c.key(Key::Esc).wait_for("Sollicitation enregistrée.");
}

/// Sends the suggested team (E1) to the selected request.
fn dispatch(c: &mut Console) {
    c.keys("d").wait_for("Envoyer une équipe");
    c.key(Key::Enter).wait_for("Équipe E1 envoyée");
}

/// The team of the selected request arrives, then clears: calmed on site, presence level.
fn arrive_and_clear(c: &mut Console) {
    c.keys("a").wait_for("Équipe E1 : sur place");
    c.keys("x").wait_for("Clôturer l'intervention de E1");
    c.key(Key::Right).key(Key::Tab).key(Key::Right);
    c.wait_for("apaisé sur place")
        .wait_for("présence, prévention");
    c.key(Key::Enter).wait_for("Intervention clôturée.");
}

/// Quits with `q` and checks the terminal was given back as it was found.
#[track_caller]
fn quit(c: &mut Console) {
    c.keys("q");
    assert_eq!(c.wait_exit(), 0, "vigie should quit cleanly");
    assert_restored(c);
}

#[track_caller]
fn assert_restored(c: &Console) {
    c.with_screen(|s| {
        assert!(!s.alternate_screen(), "still on the alternate screen");
        assert!(!s.hide_cursor(), "the cursor is still hidden");
        assert_eq!(
            s.mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "the mouse is still captured"
        );
    });
}

/// `vigie log` of the last night, after `vigie check` found the journal and views agree.
#[track_caller]
fn checked_log(data: &Path) -> String {
    common::run(data, &["check"]).assert_ok();
    let out = common::run(data, &["log"]);
    out.assert_ok();
    out.stdout
}

#[test]
fn a_request_from_call_to_logbook_and_the_terminal_is_given_back() {
    let data = e2e::data();
    let mut c = e2e::spawn(&data.dir, ROOMY, &[]);
    c.wait_for("Bienvenue dans Vigie");
    open_night(&mut c);
    new_request(&mut c, "Musique forte dans le hall B");
    dispatch(&mut c);
    c.wait_for("E1 en route");
    arrive_and_clear(&mut c);
    c.wait_for("Aucune sollicitation en cours");
    quit(&mut c);

    // Reopened, the logbook screen has the whole story.
    let mut c = e2e::spawn(&data.dir, ROOMY, &[]);
    c.wait_for("Nuit du").keys("3");
    c.wait_for("Main courante")
        .wait_for("Sollicitation 1 reçue : conflit de voisinage, P1 urgent")
        .wait_for("Équipe E1 affectée à la sollicitation 1")
        .wait_for("Équipe E1 sur place (sollicitation 1)")
        .wait_for("Sollicitation 1 clôturée par l'équipe E1 : apaisé sur place");
    quit(&mut c);

    let log = checked_log(&data.dir);
    for line in [
        "Sollicitation 1 reçue : conflit de voisinage, P1 urgent, Résidence Les Ajoncs",
        "« Musique forte dans le hall B »",
        "Équipe E1 affectée à la sollicitation 1",
        "Sollicitation 1 clôturée par l'équipe E1 : apaisé sur place — présence, prévention",
    ] {
        assert!(log.contains(line), "`vigie log` lacks {line:?}:\n{log}");
    }
}

#[test]
fn each_confirmed_action_survives_sigkill() {
    let data = e2e::data();
    let draft = data.dir.join("draft.json");

    let mut c = e2e::spawn(&data.dir, ROOMY, &[]);
    c.wait_for("Bienvenue dans Vigie");
    open_night(&mut c);
    new_request(&mut c, "Rassemblement bruyant devant l'entrée");
    c.kill9();
    // Killed, it could not give the terminal back: what `assert_restored` looks for is real.
    c.with_screen(|s| assert!(s.alternate_screen() && s.hide_cursor()));
    assert!(!draft.exists(), "a saved form leaves no draft");
    let log = checked_log(&data.dir);
    assert!(log.contains("Sollicitation 1 reçue"), "{log}");

    let mut c = e2e::spawn(&data.dir, ROOMY, &[]);
    c.wait_for("Résidence Les Ajoncs").wait_for("reçue");
    assert!(
        !c.screen().contains("Nouvelle sollicitation"),
        "{}",
        c.screen()
    );
    dispatch(&mut c);
    c.kill9();
    let log = checked_log(&data.dir);
    assert!(
        log.contains("Équipe E1 affectée à la sollicitation 1"),
        "{log}"
    );

    let mut c = e2e::spawn(&data.dir, ROOMY, &[]);
    c.wait_for("E1 en route");
    arrive_and_clear(&mut c);
    c.kill9();
    let log = checked_log(&data.dir);
    assert!(
        log.contains("Équipe E1 sur place (sollicitation 1)"),
        "{log}"
    );
    assert!(
        log.contains("Sollicitation 1 clôturée par l'équipe E1 : apaisé sur place"),
        "{log}"
    );

    let mut c = e2e::spawn(&data.dir, ROOMY, &[]);
    c.wait_for("Aucune sollicitation en cours")
        .wait_for("E1  disponible");
    quit(&mut c);
}

#[test]
fn a_draft_survives_sigkill_and_can_still_be_saved() {
    let data = e2e::data();
    let mut c = e2e::spawn(&data.dir, ROOMY, &[]);
    c.wait_for("Bienvenue dans Vigie");
    open_night(&mut c);
    c.keys("n").wait_for("Nouvelle sollicitation");
    c.keys("ajoncs").wait_for("(1/1) Résidence Les Ajoncs");
    // To the description, the eighth field.
    for _ in 0..7 {
        c.key(Key::Tab);
    }
    // The draft is written right after the key's frame (runtime), so the kill waits for
    // it on disk rather than racing its fsyncs.
    c.keys("Fenêtre du hall cassée")
        .wait_for("Fenêtre du hall cassée");
    let draft = data.dir.join("draft.json");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while !std::fs::read_to_string(&draft).is_ok_and(|d| d.contains("Fenêtre du hall cassée")) {
        assert!(
            std::time::Instant::now() < deadline,
            "the draft never reached the disk"
        );
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    c.kill9();
    assert!(data.dir.join("draft.json").exists(), "no draft on disk");

    let mut c = e2e::spawn(&data.dir, ROOMY, &[]);
    c.wait_for("Nouvelle sollicitation")
        .wait_for("(1/1) Résidence Les Ajoncs")
        .wait_for("Fenêtre du hall cassée");
    // Back from the description to the source, then the first choice of the three.
    for _ in 0..6 {
        c.key(Key::BackTab);
    }
    for _ in 0..3 {
        c.key(Key::Right).key(Key::Tab);
    }
    c.wait_for("habitant").wait_for("conflit de voisinage");
    saved(&mut c);
    assert!(
        !data.dir.join("draft.json").exists(),
        "the draft outlived its form"
    );
    quit(&mut c);

    let log = checked_log(&data.dir);
    assert!(log.contains("« Fenêtre du hall cassée »"), "{log}");
}

#[test]
fn ctrl_c_in_a_form_asks_then_quits_and_the_form_comes_back() {
    let data = e2e::data();
    let mut c = e2e::spawn(&data.dir, ROOMY, &[]);
    c.wait_for("Bienvenue dans Vigie");
    open_night(&mut c);
    c.keys("n").wait_for("Nouvelle sollicitation");
    c.keys("dalle gros-chêne")
        .wait_for("(1/1) Dalle commerciale du Gros-Chêne");
    c.key(Key::CtrlC).wait_for("Quitter Vigie ?");
    c.key(Key::Esc).wait_gone("Quitter Vigie ?");
    c.wait_for("Nouvelle sollicitation")
        .wait_for("dalle gros-chêne");
    c.key(Key::CtrlC).wait_for("Quitter Vigie ?");
    c.keys("o");
    assert_eq!(c.wait_exit(), 0, "vigie should quit cleanly");
    assert_restored(&c);

    let mut c = e2e::spawn(&data.dir, ROOMY, &[]);
    c.wait_for("Nouvelle sollicitation")
        .wait_for("dalle gros-chêne");
    c.key(Key::Esc)
        .wait_for("Esc encore pour abandonner la saisie.");
    c.key(Key::Esc).wait_for("Saisie abandonnée.");
    // The draft is removed right after the frame that says so: waited for, not raced.
    let until = std::time::Instant::now() + e2e::DEADLINE;
    while data.dir.join("draft.json").exists() && std::time::Instant::now() < until {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert!(
        !data.dir.join("draft.json").exists(),
        "abandoned, yet drafted"
    );
    quit(&mut c);
}

#[test]
fn english_at_80x24_with_the_help_screen() {
    let data = e2e::data();
    let mut c = e2e::spawn(&data.dir, (80, 24), &["--lang", "en"]);
    c.wait_for("No night open — O to open it")
        .wait_for("Requests (0)")
        .wait_for("Teams")
        .wait_for("Welcome to Vigie");
    c.keys("?")
        .wait_for("Help — Esc to go back")
        .wait_for("Everywhere")
        .wait_for("dispatch a team");
    c.key(Key::Esc).wait_gone("Help — Esc to go back");
    c.wait_for("Welcome to Vigie");
    quit(&mut c);
}

#[test]
fn a_too_small_terminal_says_so_and_recovers() {
    let data = e2e::data();
    let mut c = e2e::spawn(&data.dir, (30, 8), &[]);
    c.wait_for("Terminal trop petit");
    c.resize(80, 24).wait_for("Bienvenue dans Vigie");
    c.resize(30, 8).wait_for("Terminal trop petit");
    quit(&mut c);
}

/// A call at a site typed in part, from a resident, the first category, priority `p` (the
/// number of → presses on the priority).
fn call_at(c: &mut Console, site: &str, shown: &str, p: usize) {
    c.keys("n").wait_for("Nouvelle sollicitation");
    c.keys(site).wait_for(shown);
    c.key(Key::Tab)
        .key(Key::Right)
        .key(Key::Tab)
        .key(Key::Right);
    c.key(Key::Tab);
    for _ in 0..p {
        c.key(Key::Right);
    }
    saved(c);
}

#[test]
fn a_call_just_taken_is_the_one_a_team_is_sent_to_even_after_moving_the_selection() {
    let data = e2e::data();
    let mut c = e2e::spawn(&data.dir, ROOMY, &[]);
    c.wait_for("Bienvenue dans Vigie");
    open_night(&mut c);
    // Three calls: P3, P2, P1 (each sorts above the one before).
    call_at(&mut c, "ajoncs", "(1/1) Résidence Les Ajoncs", 3);
    call_at(&mut c, "harpe", "Résidence La Harpe", 2);
    call_at(&mut c, "kennedy", "Dalle Kennedy", 1);
    // The coordinator moves down the list, then takes a fourth call, P4 (sorted last).
    c.key(Key::Down).key(Key::Down);
    call_at(&mut c, "bourbonnais", "Résidence Bourbonnais", 4);
    // `d` is about the fourth call, not the row the finger was on before.
    c.keys("d").wait_for("Envoyer une équipe : sollicitation 4");
    c.key(Key::Enter).wait_for("envoyée");
    quit(&mut c);
    let log = checked_log(&data.dir);
    assert!(
        log.lines()
            .any(|l| l.contains("affectée à la sollicitation 4")),
        "{log}"
    );
}
