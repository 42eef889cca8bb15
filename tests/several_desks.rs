//! Several consoles on one store, each the real binary in a pseudo-terminal: the first owns
//! the store, the others are live clients; a call taken on one appears on the others; a
//! read-only console cannot write and says why; `:releve` moves the desk; read commands run
//! in another process meanwhile; the owner killed, a client takes over and nothing
//! acknowledged is lost. Waits poll the screens against the e2e deadline (60 s).

mod common;
mod e2e;

use e2e::{Console, Key, fill_request, open_night};

const ROOMY: (u16, u16) = (100, 30);

/// Fills the new request form (P1 neighbour conflict at Les Ajoncs) and presses Enter.
fn request_form(c: &mut Console, description: &str) {
    fill_request(c, description);
    c.key(Key::Enter);
}

/// A request taken: Enter saves, Esc leaves it waiting for a team.
fn take_call(c: &mut Console, description: &str) {
    request_form(c, description);
    c.wait_for("Entrée envoie");
    c.key(Key::Esc).wait_for("Sollicitation enregistrée.");
}

fn header(c: &Console) -> String {
    c.screen().lines().next().unwrap_or_default().to_string()
}

fn wait_header(c: &mut Console, read_only: bool) {
    let what = if read_only { "LECTURE" } else { "no LECTURE" };
    c.wait_until(what, |s| {
        s.lines().next().unwrap_or_default().contains("LECTURE") == read_only
    });
}

fn cmd(c: &mut Console, line: &str) {
    c.keys(":").keys(line).key(Key::Enter);
}

#[test]
fn two_consoles_share_the_night_and_the_desk_moves_with_releve() {
    let d = e2e::data();
    let mut a = e2e::spawn(&d.dir, ROOMY, &[]);
    a.wait_for("Bienvenue dans Vigie");
    let mut b = e2e::spawn(&d.dir, ROOMY, &[]);
    b.wait_for("en LECTURE");
    assert!(header(&b).contains("LECTURE"), "{}", b.screen());
    assert!(!header(&a).contains("LECTURE"), "{}", a.screen());
    // Taken on the owner's console, seen on the other.
    open_night(&mut a);
    b.wait_for("Samir K., Gwenaëlle P.");
    take_call(&mut a, "tapage hall B");
    b.wait_for("Les Ajoncs");
    // The read-only console cannot write, and says why and how.
    request_form(&mut b, "essai lecture");
    b.wait_for("Console en LECTURE").wait_for(":releve NOM");
    b.key(Key::Esc).wait_for("Esc encore");
    b.key(Key::Esc).wait_for("Saisie abandonnée.");
    // Read commands in another process, answered by the owner.
    let log = common::run(&d.dir, &["log"]);
    log.assert_ok();
    assert!(
        log.stdout.contains("ouverte par Nadia B."),
        "{}",
        log.stdout
    );
    let report = common::run(&d.dir, &["report", "night"]);
    report.assert_ok();
    assert!(
        report.stdout.contains("# Rapport de nuit"),
        "{}",
        report.stdout
    );
    // :releve takes the desk; the other console reads only now.
    cmd(&mut b, "releve yannick");
    wait_header(&mut b, false);
    wait_header(&mut a, true);
    a.wait_for("a pris le bureau");
    take_call(&mut b, "bruit parking");
    a.wait_for("Yannick L.");
    let log = common::run(&d.dir, &["log"]);
    assert!(
        log.stdout.contains("Relève : coordination par Yannick L."),
        "{}",
        log.stdout
    );
    b.keys("q");
    assert_eq!(b.wait_exit(), 0);
    a.keys("q");
    assert_eq!(a.wait_exit(), 0);
    common::run(&d.dir, &["check"]).assert_ok();
}

#[test]
fn three_consoles_and_the_owner_killed_a_client_takes_over() {
    let d = e2e::data();
    let mut a = e2e::spawn(&d.dir, ROOMY, &[]);
    a.wait_for("Bienvenue dans Vigie");
    let mut b = e2e::spawn(&d.dir, ROOMY, &[]);
    b.wait_for("en LECTURE");
    let mut c = e2e::spawn(&d.dir, ROOMY, &[]);
    c.wait_for("en LECTURE");
    open_night(&mut a);
    take_call(&mut a, "avant la coupure");
    b.wait_for("Les Ajoncs");
    c.wait_for("Les Ajoncs");
    a.kill9();
    // One client opens the store, the other connects to it; each says what happened.
    let said = |s: &str| s.contains("a repris le dossier") || s.contains("reconnectée au poste");
    b.wait_until("taken over or reconnected", said);
    c.wait_until("taken over or reconnected", said);
    let (b_owns, c_owns) = (
        b.screen().contains("a repris le dossier"),
        c.screen().contains("a repris le dossier"),
    );
    assert!(
        b_owns ^ c_owns,
        "exactly one owner:\n{}\n{}",
        b.screen(),
        c.screen()
    );
    // The desk's holder died with its console: one takes it, the other sees its call.
    cmd(&mut b, "releve claire");
    wait_header(&mut b, false);
    take_call(&mut b, "apres la coupure");
    c.wait_for("Claire M.");
    c.wait_until("two requests", |s| s.contains("Sollicitations (2)"));
    let log = common::run(&d.dir, &["log"]);
    log.assert_ok();
    assert!(
        log.stdout.contains("Relève : coordination par Claire M."),
        "{}",
        log.stdout
    );
    c.keys("q");
    assert_eq!(c.wait_exit(), 0);
    b.keys("q");
    assert_eq!(b.wait_exit(), 0);
    let check = common::run(&d.dir, &["check"]);
    check.assert_ok();
    let log = common::run(&d.dir, &["log"]);
    let requests = log.stdout.matches("Les Ajoncs").count();
    assert!(
        requests >= 2,
        "both requests are in the journal:\n{}",
        log.stdout
    );
}
