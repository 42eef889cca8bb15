//! Load on loopback, bounded and self-stopping: three consoles' worth of clients and fifty
//! simulated clients send commands at once through the owner's socket (a tenth of them
//! retried with their same id): none lost, none doubled, and every client's state ends
//! equal to the store's. `cargo test` sends 1,000 commands; `VIGIE_LOAD_COMMANDS=10000`
//! the full count (the bench, `benches/desks.rs`, measures the latencies).

use chrono::{TimeZone, Utc};
use std::collections::HashSet;
use std::sync::Arc;
use std::time::{Duration, Instant};
use vigie::domain::calendar::ServiceNight;
use vigie::domain::{Command, Origin};
use vigie::i18n::Lang;
use vigie::runtime::desks::client::{Remote, Sent};
use vigie::runtime::desks::protocol::{PROTOCOL, Purpose, ToOwner};
use vigie::runtime::desks::{Hub, server};
use vigie::store::Store;

const CLIENTS: usize = 3 + 50;
const DEADLINE: Duration = Duration::from_secs(120);

fn commands() -> usize {
    std::env::var("VIGIE_LOAD_COMMANDS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1000)
}

fn hello() -> ToOwner {
    ToOwner::Hello {
        protocol: PROTOCOL,
        desk: "poste-1".into(),
        lang: Lang::Fr,
        purpose: Purpose::Console,
        read_only: false,
        since: None,
        holding: false,
    }
}

#[test]
fn many_clients_none_lost_none_doubled_every_state_equal() {
    let dir = tempfile::tempdir().unwrap();
    let territory = vigie::territory::rennes().unwrap();
    let store = Store::open(dir.path(), territory.clone()).unwrap();
    let hub = Hub::new(store, "poste-1");
    let _server = server::start(
        hub.clone(),
        dir.path(),
        None,
        Arc::new(|_| {}),
        vigie::runtime::opening_parts,
    )
    .unwrap();
    hub.join("poste-1", false, false);
    let at = ServiceNight::of(Utc.with_ymd_and_hms(2026, 3, 3, 21, 0, 0).unwrap()).early_start();
    let desk = Origin {
        desk: Some("poste-1".into()),
        ..Origin::default()
    };
    let open = Command::OpenNight {
        coordinator: "nadia-b".into(),
    };
    hub.submit(&[open], &desk, at).unwrap();
    let clients: Vec<_> = (0..CLIENTS)
        .map(|_| Remote::connect(dir.path(), hello(), territory.clone()).unwrap())
        .collect();
    let total = commands();
    let threads: Vec<_> = clients
        .iter()
        .enumerate()
        .map(|(k, c)| {
            let remote = c.remote.clone();
            let count = total / CLIENTS + usize::from(k < total % CLIENTS);
            std::thread::spawn(move || send(&remote, k, count, at))
        })
        .collect();
    for t in threads {
        t.join().expect("a client thread");
    }
    // Every command once in the journal, under its own id.
    let last = hub.with_store(|s| s.last_seq());
    let ids: Vec<String> = hub.with_store(|s| {
        s.envelopes(1, last)
            .filter_map(|e| e.ok()?.origin?.id)
            .filter(|id| id.starts_with("load-"))
            .collect()
    });
    let unique: HashSet<&String> = ids.iter().collect();
    assert_eq!(ids.len(), total, "every command written, none twice");
    assert_eq!(unique.len(), total);
    // Every client's state follows the store's to the end.
    let store_state = hub.state();
    let until = Instant::now() + DEADLINE;
    for (k, c) in clients.iter().enumerate() {
        while c.remote.with_state(|s, _| s.last_seq) < last {
            assert!(Instant::now() < until, "client {k} did not catch up");
            std::thread::sleep(Duration::from_millis(20));
        }
        let equal = c.remote.with_state(|s, _| *s == store_state);
        assert!(equal, "client {k}'s state differs from the store's");
    }
}

/// `count` log entries, each tenth sent again with its id (its answer taken as lost).
fn send(remote: &Remote, k: usize, count: usize, at: chrono::DateTime<Utc>) {
    let wait = Duration::from_secs(60);
    for i in 0..count {
        let id = format!("load-{k}-{i}");
        let cmd = [Command::AddLogEntry {
            text: format!("entrée {k}/{i}"),
        }];
        let Sent::Answered(Ok(first)) = remote.submit(&id, &cmd, at, wait) else {
            panic!("command {id} not answered");
        };
        if i % 10 == 0 {
            let Sent::Answered(Ok(again)) = remote.submit(&id, &cmd, at, wait) else {
                panic!("retry of {id} not answered");
            };
            assert_eq!(
                first, again,
                "a retry is answered with what the first wrote"
            );
        }
    }
}
