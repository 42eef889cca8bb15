//! The desks' socket without a terminal: the owner's hub and server in this test, desks as
//! real socket clients. A peer of another version is told so in words, a retried command id
//! is executed once, a console catching up gets the personal records it missed, a desk that
//! does not hold the desk is refused, a peer of another uid is refused, and malformed or
//! oversized lines are refused while the owner goes on.

use chrono::{TimeZone, Utc};
use std::io::{BufRead, BufReader, Write};
use std::os::unix::net::UnixStream;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use vigie::domain::Command;
use vigie::domain::calendar::ServiceNight;
use vigie::i18n::Lang;
use vigie::runtime::desks::client::{Remote, Sent};
use vigie::runtime::desks::protocol::{PROTOCOL, Purpose, Refused, ToOwner};
use vigie::runtime::desks::server::{self, Server};
use vigie::runtime::desks::{Hub, platform};
use vigie::store::Store;

struct Owner {
    hub: Arc<Hub>,
    _server: Server,
    log: Arc<Mutex<Vec<String>>>,
}

fn owner(dir: &Path) -> Owner {
    let territory = vigie::territory::rennes().expect("the embedded territory loads");
    let store = Store::open(dir, territory).expect("the store opens");
    let hub = Hub::new(store, "poste-1");
    let log = Arc::new(Mutex::new(Vec::new()));
    let lines = log.clone();
    let server = server::start(
        hub.clone(),
        dir,
        None,
        Arc::new(move |l| lines.lock().unwrap().push(l)),
        vigie::runtime::opening_parts,
    )
    .expect("the socket is served");
    Owner {
        hub,
        _server: server,
        log,
    }
}

fn hello(desk: &str, protocol: u32) -> ToOwner {
    ToOwner::Hello {
        protocol,
        desk: desk.into(),
        lang: Lang::Fr,
        purpose: Purpose::Console,
        read_only: false,
        since: None,
        holding: false,
    }
}

fn at() -> chrono::DateTime<Utc> {
    ServiceNight::of(Utc.with_ymd_and_hms(2026, 3, 3, 21, 0, 0).unwrap()).early_start()
}

fn raw(dir: &Path) -> (UnixStream, BufReader<UnixStream>) {
    let s = UnixStream::connect(platform::socket_path(dir)).expect("connects");
    s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    let r = BufReader::new(s.try_clone().unwrap());
    (s, r)
}

fn send_line(s: &mut UnixStream, msg: &ToOwner) {
    s.write_all(&vigie::runtime::desks::protocol::line(msg))
        .unwrap();
}

fn read_json(r: &mut BufReader<UnixStream>) -> serde_json::Value {
    let mut line = String::new();
    r.read_line(&mut line).expect("a line from the owner");
    serde_json::from_str(&line).unwrap_or(serde_json::Value::Null)
}

/// The next message of `kind`, past the publications (a change of holder) before it.
fn read_kind(r: &mut BufReader<UnixStream>, kind: &str) -> serde_json::Value {
    for _ in 0..10 {
        let v = read_json(r);
        if v["type"] == kind || v.is_null() {
            return v;
        }
    }
    serde_json::Value::Null
}

fn open_night() -> Command {
    Command::OpenNight {
        coordinator: "nadia-b".into(),
    }
}

#[test]
fn a_desk_of_another_version_is_told_so_in_words() {
    let dir = tempfile::tempdir().unwrap();
    let _o = owner(dir.path());
    let (mut s, mut r) = raw(dir.path());
    send_line(&mut s, &hello("poste-9", PROTOCOL + 1));
    let answer = read_json(&mut r);
    assert_eq!(answer["type"], "mismatch", "{answer}");
    let words = answer["words"].as_str().unwrap();
    assert!(words.contains("Versions différentes"), "{words}");
    assert!(words.contains("Different versions"), "{words}");
    assert!(
        words.contains(&format!("protocole {}", PROTOCOL + 1)),
        "{words}"
    );
}

#[test]
fn a_retried_command_id_is_executed_once() {
    let dir = tempfile::tempdir().unwrap();
    let o = owner(dir.path());
    let territory = vigie::territory::rennes().unwrap();
    let c = Remote::connect(dir.path(), hello("poste-2", PROTOCOL), territory).unwrap();
    let wait = Duration::from_secs(30);
    let first = c.remote.submit("cmd-1", &[open_night()], at(), wait);
    let again = c.remote.submit("cmd-1", &[open_night()], at(), wait);
    let (Sent::Answered(Ok(a)), Sent::Answered(Ok(b))) = (first, again) else {
        panic!("both answered");
    };
    assert_eq!(a, b, "the retry is answered with what the first wrote");
    assert_eq!(
        o.hub.with_store(|s| s.last_seq()),
        a.envelopes.last().unwrap().seq
    );
    // Another id is another command: refused by the rules (the night is open).
    let other = c.remote.submit("cmd-2", &[open_night()], at(), wait);
    assert!(
        matches!(other, Sent::Answered(Err(Refused::Rules { .. }))),
        "{other:?}"
    );
}

#[test]
fn a_desk_that_does_not_hold_the_desk_is_refused_until_it_takes_it() {
    let dir = tempfile::tempdir().unwrap();
    let o = owner(dir.path());
    assert!(
        o.hub.join("poste-1", false, false),
        "the owner's console holds it"
    );
    let territory = vigie::territory::rennes().unwrap();
    let c = Remote::connect(dir.path(), hello("poste-2", PROTOCOL), territory).unwrap();
    assert_eq!(c.holder.as_deref(), Some("poste-1"));
    let wait = Duration::from_secs(30);
    let compose = Command::ComposeTeam {
        team: "E1".into(),
        members: vec!["samir-k".into(), "loic-m".into()],
        equipment: None,
    };
    let refused = c
        .remote
        .submit("c-1", std::slice::from_ref(&compose), at(), wait);
    match refused {
        Sent::Answered(Err(Refused::ReadOnly { holder })) => {
            assert_eq!(holder.as_deref(), Some("poste-1"))
        }
        other => panic!("refused as read-only, not {other:?}"),
    }
    // Opening the night takes the desk.
    let opened = c.remote.submit("c-2", &[open_night()], at(), wait);
    assert!(matches!(opened, Sent::Answered(Ok(_))), "{opened:?}");
    assert_eq!(o.hub.holder().as_deref(), Some("poste-2"));
}

#[test]
fn malformed_and_oversized_lines_are_refused_and_the_owner_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let o = owner(dir.path());
    // Not even a hello.
    let (mut s, mut r) = raw(dir.path());
    s.write_all(b"{ not json\n").unwrap();
    assert_eq!(read_json(&mut r)["type"], "error");
    // A hello, then garbage.
    let (mut s, mut r) = raw(dir.path());
    send_line(&mut s, &hello("poste-3", PROTOCOL));
    assert_eq!(read_json(&mut r)["type"], "welcome");
    s.write_all(b"[1, 2, 3]\n").unwrap();
    let answer = read_kind(&mut r, "error");
    assert_eq!(answer["type"], "error", "{answer}");
    assert!(answer["words"].as_str().unwrap().contains("illisible"));
    // A line over the limit, without its end.
    let (mut s, mut r) = raw(dir.path());
    send_line(&mut s, &hello("poste-4", PROTOCOL));
    assert_eq!(read_json(&mut r)["type"], "welcome");
    let big = vec![b'x'; vigie::runtime::desks::protocol::MAX_CLIENT_LINE + 10];
    let _ = s.write_all(&big);
    let answer = read_kind(&mut r, "error");
    assert_eq!(answer["type"], "error", "{answer}");
    assert!(answer["words"].as_str().unwrap().contains("trop longue"));
    // The owner still answers.
    let territory = vigie::territory::rennes().unwrap();
    let c = Remote::connect(dir.path(), hello("poste-5", PROTOCOL), territory).unwrap();
    let done = c
        .remote
        .submit("ok-1", &[open_night()], at(), Duration::from_secs(30));
    assert!(matches!(done, Sent::Answered(Ok(_))), "{done:?}");
    let log = o.log.lock().unwrap().join("\n");
    assert!(log.contains("over the limit"), "{log}");
}

#[test]
fn only_a_peer_of_our_own_uid_is_allowed() {
    assert!(platform::peer_allowed(1000, 1000));
    assert!(!platform::peer_allowed(65534, 1000));
    assert!(!platform::peer_allowed(0, 1000));
}

/// Run as root: a child of uid 65534 reaches the socket (its permissions opened for the
/// test) and is refused by the uid check.
#[test]
fn a_peer_of_another_uid_is_refused() {
    // SAFETY: getuid has no preconditions.
    if unsafe { libc::getuid() } != 0 {
        return;
    }
    use std::os::unix::fs::PermissionsExt;
    use std::os::unix::process::CommandExt;
    let base = tempfile::tempdir().unwrap();
    std::fs::set_permissions(base.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let dir = base.path().join("data");
    let o = owner(&dir);
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    let sock = platform::socket_path(&dir);
    std::fs::set_permissions(&sock, std::fs::Permissions::from_mode(0o666)).unwrap();
    let mut child = std::process::Command::new(std::env::current_exe().unwrap());
    child
        .args(["--exact", "child_of_another_uid", "--nocapture"])
        .env("VIGIE_TEST_SOCKET", &sock);
    // SAFETY: setuid between fork and exec, nothing else.
    unsafe {
        child.pre_exec(|| match libc::setuid(65534) {
            0 => Ok(()),
            _ => Err(std::io::Error::last_os_error()),
        });
    }
    let out = child.output().expect("the child runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("CHILD: refused"), "{text}");
    let log = o.log.lock().unwrap().join("\n");
    assert!(log.contains("refused a connection from uid 65534"), "{log}");
}

/// The child of the test above (does nothing when run by the suite itself).
#[test]
fn child_of_another_uid() {
    let Ok(sock) = std::env::var("VIGIE_TEST_SOCKET") else {
        return;
    };
    let Ok(mut s) = UnixStream::connect(&sock) else {
        println!("CHILD: could not connect");
        return;
    };
    s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    // The owner may have closed the connection already: writing then fails (refused too).
    let hello = vigie::runtime::desks::protocol::line(&hello("intrus", PROTOCOL));
    if s.write_all(&hello).is_err() {
        println!("CHILD: refused");
        return;
    }
    let mut line = String::new();
    let n = BufReader::new(s).read_line(&mut line).unwrap_or(0);
    match n {
        0 => println!("CHILD: refused"),
        _ => println!("CHILD: answered {line}"),
    }
}

/// A console joining a night already under way gets its state: maps keyed by number (the
/// requests) come through the welcome.
#[test]
fn a_console_joining_a_night_with_requests_is_welcomed_with_them() {
    use vigie::domain::command::NewRequest;
    use vigie::domain::event::Origin;
    use vigie::domain::vocab::{Category, Priority, Source};
    let dir = tempfile::tempdir().unwrap();
    let o = owner(dir.path());
    let desk = Origin {
        desk: Some("poste-1".into()),
        ..Origin::default()
    };
    let call = Command::ReceiveRequest(NewRequest {
        source: Source::Resident,
        site: "vil-kennedy-1".into(),
        category: Category::Noise,
        priority: Priority::P3,
        caller_name: None,
        callback: None,
        description: None,
        entrance: None,
        address: None,
    });
    o.hub
        .submit(&[open_night(), call], &desk, at())
        .expect("committed");
    let territory = vigie::territory::rennes().unwrap();
    let c = Remote::connect(dir.path(), hello("poste-2", PROTOCOL), territory)
        .unwrap_or_else(|_| panic!("welcomed"));
    let requests = c.remote.with_state(|s, _| s.requests.len());
    assert_eq!(requests, 1);
}

#[test]
fn a_console_catching_up_gets_the_personal_records_of_what_it_missed() {
    use vigie::domain::command::NewRequest;
    use vigie::domain::event::Origin;
    use vigie::domain::vocab::{Category, Priority, Source};
    let dir = tempfile::tempdir().unwrap();
    let o = owner(dir.path());
    let desk = Origin {
        desk: Some("poste-1".into()),
        ..Origin::default()
    };
    let opened = o.hub.submit(&[open_night()], &desk, at()).expect("opened");
    let seen = opened.envelopes.last().expect("an envelope").seq;
    // Missed while away: a call with a caller's name and number (invented).
    let call = Command::ReceiveRequest(NewRequest {
        source: Source::Resident,
        site: "vil-kennedy-1".into(),
        category: Category::Noise,
        priority: Priority::P3,
        caller_name: Some("Mme Lestrade".into()),
        callback: Some("06 00 00 00 01".into()),
        description: None,
        entrance: None,
        address: None,
    });
    o.hub.submit(&[call], &desk, at()).expect("committed");
    let (mut s, mut r) = raw(dir.path());
    let mut back = hello("poste-2", PROTOCOL);
    if let ToOwner::Hello { since, .. } = &mut back {
        *since = Some(seen);
    }
    send_line(&mut s, &back);
    let welcome = read_kind(&mut r, "welcome");
    let start = &welcome["start"];
    assert_eq!(start["type"], "catch_up", "{welcome}");
    let personal = start["written"]["personal"].as_array().expect("records");
    assert_eq!(personal.len(), 1, "{start}");
    assert_eq!(personal[0]["caller_name"], "Mme Lestrade");
}
