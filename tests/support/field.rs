//! A night with two teams on a real store behind the field link, served on loopback, and
//! a phone (a reqwest client with cookies) to sign in and act with.

#![allow(dead_code)]

use chrono::{NaiveTime, Utc};
use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use vigie::domain::command::NewRequest;
use vigie::domain::plan::{NewPlanItem, PlanCommand, PlanKind, PlanOrigin, PlanPlace, Window};
use vigie::domain::vocab::{Category, Priority, Source};
use vigie::domain::{Command, Written};
use vigie::field::{FieldDesk, FieldLog, FieldOptions, LocalDesk, TlsFiles, code};
use vigie::store::Store;

pub const SITE: &str = "mau-gros-chene-1";
pub const OTHER_SITE: &str = "mau-gros-chene-2";
/// Invented numbers: E2's callback must never reach E1's phone (nor any phone).
pub const E1_CALLBACK: &str = "06 11 22 33 44";
pub const E2_CALLBACK: &str = "06 99 88 77 66";

pub struct World {
    pub dir: tempfile::TempDir,
    pub desk: Arc<LocalDesk>,
    pub codes: HashMap<String, String>,
    pub base: String,
    pub addr: SocketAddr,
    pub logs: Arc<Mutex<Vec<FieldLog>>>,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    pub server: Option<tokio::task::JoinHandle<Result<(), vigie::field::FieldError>>>,
}

impl Drop for World {
    fn drop(&mut self) {
        if let Some(s) = self.stop.take() {
            let _ = s.send(());
        }
    }
}

fn request(site: &str, callback: &str) -> Command {
    Command::ReceiveRequest(NewRequest {
        source: Source::Resident,
        site: site.into(),
        category: Category::Noise,
        priority: Priority::P2,
        caller_name: Some("Résident Inventé".into()),
        callback: Some(callback.into()),
        description: None,
        entrance: (site == SITE).then(|| "Hall A".into()),
        address: None,
    })
}

fn team(id: &str, members: [&str; 2]) -> Command {
    Command::ComposeTeam {
        team: id.into(),
        members: members.map(String::from).to_vec(),
        equipment: None,
    }
}

/// Opens a night, composes E1 and E2, gives each a code and a request, and a plan item.
fn night(desk: &LocalDesk) -> HashMap<String, String> {
    let now = Utc::now();
    let mut cmds = vec![
        Command::OpenNight {
            coordinator: "nadia-b".into(),
        },
        team("E1", ["samir-k", "loic-m"]),
        team("E2", ["gwenaelle-p", "thomas-r"]),
        Command::Plan(PlanCommand::Add(NewPlanItem {
            kind: PlanKind::TargetedPoint,
            place: PlanPlace::Site(SITE.into()),
            window: Window {
                from: NaiveTime::from_hms_opt(21, 0, 0).unwrap(),
                to: NaiveTime::from_hms_opt(23, 0, 0).unwrap(),
            },
            origin: PlanOrigin::Coordinator,
        })),
        request(SITE, E1_CALLBACK),
        request(OTHER_SITE, E2_CALLBACK),
    ];
    let mut codes = HashMap::new();
    for t in ["E1", "E2"] {
        let c = code::generate();
        cmds.push(Command::IssueTeamCode {
            team: t.into(),
            hash: code::hash(&c).unwrap(),
        });
        codes.insert(t.to_string(), c);
    }
    desk.commit_at_desk(&cmds, "poste-1", now)
        .expect("the night is set");
    let (r1, r2) = desk.with_store(|s| {
        let mut ids: Vec<_> = s.state().requests.keys().copied().collect();
        ids.sort();
        (ids[0], ids[1])
    });
    let dispatch = [
        Command::Dispatch {
            request: r1,
            team: "E1".into(),
        },
        Command::Dispatch {
            request: r2,
            team: "E2".into(),
        },
    ];
    desk.commit_at_desk(&dispatch, "poste-1", now)
        .expect("dispatched");
    codes
}

pub struct Tls {
    pub cert_pem: String,
    pub files: TlsFiles,
}

/// A self-signed certificate for localhost, written beside the store.
pub fn self_signed(dir: &std::path::Path) -> Tls {
    let cert = rcgen::generate_simple_self_signed(vec!["localhost".into()]).unwrap();
    let (c, k) = (dir.join("cert.pem"), dir.join("key.pem"));
    std::fs::write(&c, cert.cert.pem()).unwrap();
    std::fs::write(&k, cert.signing_key.serialize_pem()).unwrap();
    Tls {
        cert_pem: cert.cert.pem(),
        files: TlsFiles { cert: c, key: k },
    }
}

/// The world, served on 127.0.0.1 (plain HTTP trial, or HTTPS with `tls`).
pub async fn world(tls: bool) -> (World, Option<Tls>) {
    world_with(tls, |_| {}).await
}

/// The world, with its options changed by `tune` (a load raises the sign-in rate).
pub async fn world_with(tls: bool, tune: impl FnOnce(&mut FieldOptions)) -> (World, Option<Tls>) {
    let dir = tempfile::tempdir().unwrap();
    let territory = vigie::territory::rennes().unwrap();
    let store = Store::open(&dir.path().join("data"), territory).unwrap();
    let desk = Arc::new(LocalDesk::new(store));
    let codes = night(&desk);
    let logs = Arc::new(Mutex::new(Vec::new()));
    let sink = logs.clone();
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    let cert = tls.then(|| self_signed(dir.path()));
    let mut opts = match &cert {
        Some(t) => FieldOptions::https(addr, t.files.clone()),
        None => FieldOptions::plain_loopback(addr),
    };
    opts.log = Arc::new(move |l: &FieldLog| sink.lock().unwrap().push(l.clone()));
    tune(&mut opts);
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let shared: Arc<dyn FieldDesk> = desk.clone();
    let server = tokio::spawn(vigie::field::serve_on(shared, opts, listener, async {
        let _ = stopped.await;
    }));
    let scheme = if tls {
        "https://localhost"
    } else {
        "http://127.0.0.1"
    };
    let base = format!("{scheme}:{}", addr.port());
    let w = World {
        dir,
        desk,
        codes,
        base,
        addr,
        logs,
        stop: Some(stop),
        server: Some(server),
    };
    (w, cert)
}

/// A phone: cookies kept, redirects not followed (the tests read them).
pub fn phone(tls: Option<&Tls>, addr: SocketAddr) -> reqwest::Client {
    let mut b = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .resolve("localhost", addr);
    if let Some(t) = tls {
        b = b.add_root_certificate(reqwest::Certificate::from_pem(t.cert_pem.as_bytes()).unwrap());
    }
    b.build().unwrap()
}

pub fn enc(pairs: &[(&str, &str)]) -> String {
    fn one(s: &str) -> String {
        s.bytes()
            .map(|b| match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => {
                    (b as char).to_string()
                }
                b' ' => "+".into(),
                _ => format!("%{b:02X}"),
            })
            .collect()
    }
    pairs
        .iter()
        .map(|(k, v)| format!("{}={}", one(k), one(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// The value of the first hidden field `name` in a page.
pub fn hidden(page: &str, name: &str) -> Option<String> {
    let needle = format!("name=\"{name}\" value=\"");
    let at = page.find(&needle)? + needle.len();
    Some(page[at..].split('"').next()?.to_string())
}

pub async fn post(c: &reqwest::Client, url: &str, body: String) -> reqwest::Response {
    c.post(url)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body)
        .send()
        .await
        .unwrap()
}

/// Signs in: the sign-in page's token, then the code; answers the POST's response.
pub async fn sign_in(c: &reqwest::Client, base: &str, team: &str, code: &str) -> reqwest::Response {
    let page = c
        .get(format!("{base}/connexion"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let csrf = hidden(&page, "csrf").unwrap_or_default();
    let body = enc(&[("csrf", &csrf), ("team", team), ("code", code)]);
    post(c, &format!("{base}/connexion"), body).await
}

/// The team's page and its CSRF token.
pub async fn home(c: &reqwest::Client, base: &str) -> (String, String) {
    let page = c
        .get(format!("{base}/"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let csrf = hidden(&page, "csrf").unwrap_or_default();
    (page, csrf)
}

/// Sends an action (`do` and its fields) with a command id; answers (status, body).
pub async fn act(
    c: &reqwest::Client,
    base: &str,
    csrf: &str,
    id: &str,
    fields: &[(&str, &str)],
) -> (u16, String) {
    let mut all = vec![("csrf", csrf), ("id", id)];
    all.extend_from_slice(fields);
    let r = c
        .post(format!("{base}/action"))
        .header("content-type", "application/x-www-form-urlencoded")
        .header("x-vigie-js", "1")
        .body(enc(&all))
        .send()
        .await
        .unwrap();
    (r.status().as_u16(), r.text().await.unwrap())
}

/// The events the store holds after `from`, with their origin's team.
pub fn journal_since(desk: &LocalDesk, from: u64) -> Vec<(String, Option<String>)> {
    desk.with_store(|s| {
        let last = s.last_seq();
        s.envelopes(from + 1, last)
            .map(|e| {
                let e = e.unwrap();
                (e.event.kind().to_string(), e.origin.and_then(|o| o.team))
            })
            .collect()
    })
}

pub fn last_seq(desk: &LocalDesk) -> u64 {
    desk.with_store(|s| s.last_seq())
}

pub fn written_kinds(w: &Written) -> Vec<&'static str> {
    w.envelopes.iter().map(|e| e.event.kind()).collect()
}
