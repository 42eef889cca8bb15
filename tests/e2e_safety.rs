//! The teams' safety and the guard rails in a real terminal: the live demo, played fast
//! with check-in thresholds of one minute, sends a team that goes quiet on its way — amber,
//! red, then the escalation across the board and in the header; the coordinator goes to it
//! and records the check-in; closing the night shows what is still out and asks, and no
//! writes nothing; the autopilot takes the desk and gives it back. `vigie log` has it all.

mod common;
mod e2e;

use e2e::{Console, Key};
use std::time::{Duration, Instant};

const SIZE: (u16, u16) = (100, 30);

/// A one-minute threshold for every status out in the field: 1 amber, 2 red, 3 escalated.
fn quick_thresholds(dir: &std::path::Path) -> std::path::PathBuf {
    let file = dir.join("quick.toml");
    std::fs::write(
        &file,
        "[thresholds]\ncontact = 1\ncontact_en_route = 1\ncontact_presence = 1\n",
    )
    .expect("settings file");
    file
}

/// Waits for `text` longer than the usual deadline: the demo first simulates sixty past
/// nights (tens of seconds in a debug build).
fn wait_long(c: &Console, text: &str) {
    let deadline = Instant::now() + Duration::from_secs(240);
    while !c.screen().contains(text) {
        assert!(
            Instant::now() < deadline,
            "no {text:?} after 240 s:\n{}",
            c.screen()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn command(c: &mut Console, line: &str) {
    c.keys(":").wait_for(":");
    c.keys(line).wait_for(line);
    c.key(Key::Enter);
}

#[test]
fn a_quiet_team_is_escalated_the_close_asks_and_the_logbook_keeps_every_step() {
    let data = e2e::data();
    let config = quick_thresholds(data.dir.parent().expect("a parent"));
    let cfg = config.to_str().expect("a path");
    // Thirty times faster than real time: a simulated minute every two seconds.
    let args = ["--demo", "--speed", "30", "--config", cfg];
    let mut c = e2e::spawn(&data.dir, SIZE, &args);
    wait_long(&c, "DÉMO ×30 · à vous");
    // The demo's first call comes within a simulated minute or so.
    // (Requests carried from the simulated nights may be there too: wait for tonight's 1.)
    c.wait_until("a first call", |s| {
        s.lines().any(|l| {
            let mut w = l.trim_start_matches(['|', '│']).split_whitespace();
            let first = w.next();
            first == Some("1") || (first == Some("‼") && w.next() == Some("1"))
        })
    });
    command(&mut c, "envoyer 1 e1");
    c.wait_for("Équipe E1 envoyée");
    // En route and silent: three minutes later, escalated (before it can arrive).
    c.wait_for("‼ ESCALADE E1").wait_for("Sécurité des équipes");
    c.wait_for("1. Appeler l'équipe : Véhicule 1");
    c.keys("!").keys("c").wait_for("Contact de l'équipe E1");
    c.key(Key::Enter).wait_for("Équipe E1 : contact enregistré");

    // Closing asks first, showing what is out; no writes nothing.
    command(&mut c, "cloturer");
    c.wait_for("Clôturer la nuit ?").wait_for("Encore dehors");
    c.wait_for("‼ E1").wait_for("sollicitation 1 —");
    c.keys("n").wait_for("Rien n'a été écrit.");
    c.wait_gone("Clôturer la nuit ?");

    // The demo's own coordinator takes the desk, and gives it back when asked.
    c.keys("D").wait_for("DÉMO ×30 · pilote auto");
    c.keys("D").wait_for("DÉMO ×30 · à vous");
    c.keys("q");
    assert_eq!(c.wait_exit(), 0);

    let out = common::run(&data.dir, &["log"]);
    out.assert_ok();
    for line in [
        "Équipe E1 : sans contact depuis 1′ — alerte orange",
        "Équipe E1 : sans contact depuis 2′ — alerte rouge",
        "Équipe E1 : sans contact depuis 3′ — ESCALADE",
        "Équipe E1 : contact, tout va bien",
    ] {
        assert!(
            out.stdout.contains(line),
            "`vigie log` lacks {line:?}:\n{}",
            out.stdout
        );
    }
}
