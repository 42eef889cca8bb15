//! Several desks (`cargo bench --bench desks`), against the targets, on loopback:
//! - commit → every console: the time from a desk's submission to its arrival at each of
//!   N connected consoles (real socket clients), p50/p99, with 14 and with 64 clients
//!   (targets: p99 < 20 ms with 14, < 50 ms with 64). Each commit is durable (fsync) first,
//!   so the figure includes the disk; the commit alone is shown beside it.
//! - the owner's idle CPU with 14 clients connected, over 5 s (target < 1 % of a core):
//!   the process's CPU time, clients' threads included (an upper bound for the owner).
//!
//! `VIGIE_BENCH_COMMITS=N` commits per run (default 200).

mod common;

use chrono::{TimeZone, Utc};
use common::{Res, Stats, cpu_ms, percentile};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use vigie::domain::calendar::ServiceNight;
use vigie::domain::{Command, Origin};
use vigie::i18n::Lang;
use vigie::runtime::desks::client::Remote;
use vigie::runtime::desks::protocol::{PROTOCOL, Purpose, ToOwner};
use vigie::runtime::desks::{Hub, Published, server};
use vigie::store::Store;

fn main() -> Res<()> {
    let commits: usize = std::env::var("VIGIE_BENCH_COMMITS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(200);
    for clients in [14, 64] {
        fan_out(clients, commits)?;
    }
    idle(14)?;
    Ok(())
}

fn hello(desk: &str) -> ToOwner {
    ToOwner::Hello {
        protocol: PROTOCOL,
        desk: desk.into(),
        lang: Lang::Fr,
        purpose: Purpose::Console,
        read_only: true,
        since: None,
        holding: false,
    }
}

struct Owner {
    _tmp: tempfile::TempDir,
    hub: Arc<Hub>,
    _server: server::Server,
    dir: std::path::PathBuf,
}

fn owner() -> Res<Owner> {
    let tmp = tempfile::tempdir()?;
    let dir = tmp.path().join("data");
    let store = Store::open(&dir, vigie::territory::rennes()?)?;
    let hub = Hub::new(store, "poste-1");
    let server = server::start(
        hub.clone(),
        &dir,
        None,
        Arc::new(|_| {}),
        vigie::runtime::opening_parts,
    )?;
    hub.join("poste-1", false, false);
    Ok(Owner {
        _tmp: tmp,
        hub,
        _server: server,
        dir,
    })
}

fn fan_out(clients: usize, commits: usize) -> Res<()> {
    let o = owner()?;
    let at = ServiceNight::of(Utc.with_ymd_and_hms(2026, 3, 3, 21, 0, 0).unwrap()).early_start();
    let desk = |id: String| Origin {
        desk: Some("poste-1".into()),
        team: None,
        id: Some(id),
    };
    let open = Command::OpenNight {
        coordinator: "nadia-b".into(),
    };
    o.hub.submit(&[open], &desk("open".into()), at)?;
    // seq → when its commit was submitted.
    let sent: Arc<Mutex<HashMap<u64, Instant>>> = Arc::default();
    let arrivals: Arc<Mutex<Vec<(u64, Instant)>>> = Arc::default();
    let territory = vigie::territory::rennes()?;
    let mut receivers = Vec::new();
    let mut links = Vec::new();
    for k in 0..clients {
        let c = Remote::connect(
            &o.dir,
            hello(&format!("poste-{}", k + 2)),
            territory.clone(),
        )
        .map_err(|e| format!("{e:?}"))?;
        let mut rx = c.rx;
        let arrivals = arrivals.clone();
        receivers.push(std::thread::spawn(move || {
            let mut got = Vec::new();
            while let Ok(p) = rx.blocking_recv() {
                let now = Instant::now();
                if let Published::Commit { written, origin } = &*p {
                    if origin.id.as_deref() == Some("stop") {
                        break;
                    }
                    got.extend(written.envelopes.iter().map(|e| (e.seq, now)));
                }
            }
            arrivals.lock().unwrap().extend(got);
        }));
        links.push(c.remote);
    }
    let mut commit_ms = Vec::new();
    for i in 0..commits {
        let cmd = [Command::AddLogEntry {
            text: format!("entrée {i}"),
        }];
        let t = Instant::now();
        let w = o.hub.submit(&cmd, &desk(format!("b-{i}")), at)?;
        commit_ms.push(t.elapsed().as_secs_f64() * 1e3);
        for e in &w.envelopes {
            sent.lock().unwrap().insert(e.seq, t);
        }
        // A pace, not a flood: a console's commits come one by one.
        std::thread::sleep(Duration::from_millis(5));
    }
    let stop = [Command::AddLogEntry { text: "fin".into() }];
    o.hub.submit(&stop, &desk("stop".into()), at)?;
    for r in receivers {
        let _ = r.join();
    }
    let sent = sent.lock().unwrap();
    let mut lat: Vec<f64> = arrivals
        .lock()
        .unwrap()
        .iter()
        .filter_map(|(seq, when)| Some(when.duration_since(*sent.get(seq)?).as_secs_f64() * 1e3))
        .collect();
    lat.sort_by(f64::total_cmp);
    let expected = commits * clients;
    println!(
        "commit → every console, {clients} clients: p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms ({} arrivals of {expected}); target p99 < {} ms",
        percentile(&lat, 0.50),
        percentile(&lat, 0.99),
        lat.last().copied().unwrap_or(f64::NAN),
        lat.len(),
        if clients <= 14 { 20 } else { 50 },
    );
    println!(
        "{}",
        Stats::of(commit_ms).line("  the commit alone (fsync included)")
    );
    drop(links);
    Ok(())
}

fn idle(clients: usize) -> Res<()> {
    let o = owner()?;
    let territory = vigie::territory::rennes()?;
    let links: Vec<_> = (0..clients)
        .map(|k| {
            Remote::connect(
                &o.dir,
                hello(&format!("poste-{}", k + 2)),
                territory.clone(),
            )
        })
        .collect::<Result<_, _>>()
        .map_err(|e| format!("{e:?}"))?;
    std::thread::sleep(Duration::from_millis(500));
    let (cpu, wall) = (cpu_ms(true), Instant::now());
    std::thread::sleep(Duration::from_secs(5));
    let used = cpu_ms(true) - cpu;
    let share = used / (wall.elapsed().as_secs_f64() * 1e3) * 100.0;
    println!(
        "owner idle with {clients} clients: {used:.1} ms CPU in 5 s = {share:.3} % of a core (owner and clients' threads); target < 1 %"
    );
    drop(links);
    Ok(())
}
