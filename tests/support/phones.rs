//! A phone load for the load test and the bench: N phones (reqwest clients, each its own
//! session) sign in and send M actions each — check-ins « RAS » and observations, every
//! tenth one sent twice with the same id as a phone retrying after a lost answer — and the
//! time from a phone's action to its commit reaching a subscriber of the desk's commits
//! (what the desk's screen receives) is measured. Bounded and self-stopping, loopback only.
//!
//! Needs `support/field.rs` as `mod field` beside it.

#![allow(dead_code)]

use super::field::{act, home, phone, sign_in};
use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::broadcast;
use vigie::domain::Written;

pub struct Report {
    pub phones: usize,
    pub actions: usize,
    /// Commits seen by the subscriber that came from the phones.
    pub seen: usize,
    /// Retries (same id) answered without a second commit.
    pub retries: usize,
    pub p50: Duration,
    pub p99: Duration,
    pub max: Duration,
    pub elapsed: Duration,
}

impl std::fmt::Display for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} phones × {} actions ({} retries): {} commits seen; phone action → desk p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms; {:.1} s",
            self.phones,
            self.actions / self.phones.max(1),
            self.retries,
            self.seen,
            self.p50.as_secs_f64() * 1e3,
            self.p99.as_secs_f64() * 1e3,
            self.max.as_secs_f64() * 1e3,
            self.elapsed.as_secs_f64()
        )
    }
}

type Sent = Arc<Mutex<HashMap<String, Instant>>>;

/// How the phones behave: `tag` starts every command id (a second load on the same store
/// uses another); each phone waits `pause` before each action (zero: a burst).
#[derive(Clone, Copy)]
pub struct Plan<'a> {
    pub tag: &'a str,
    pub phones: usize,
    pub actions: usize,
    pub pause: Duration,
}

/// Runs the load: `teams` are (call sign, code) pairs, phone `i` signs in as team
/// `i % teams.len()`; `commits` is a subscription to the desk's commits taken before.
pub async fn load(
    base: &str,
    addr: SocketAddr,
    teams: &[(String, String)],
    mut commits: broadcast::Receiver<Arc<Written>>,
    plan: Plan<'_>,
) -> Report {
    let Plan {
        tag,
        phones,
        actions,
        pause,
    } = plan;
    let sent: Sent = Arc::default();
    let seen: Arc<Mutex<Vec<(String, Instant)>>> = Arc::default();
    let (sent2, seen2) = (sent.clone(), seen.clone());
    let expected = phones * actions;
    let watcher = tokio::spawn(async move {
        let deadline = Instant::now() + Duration::from_secs(120);
        while seen2.lock().unwrap().len() < expected && Instant::now() < deadline {
            let Ok(Ok(w)) = tokio::time::timeout(Duration::from_secs(5), commits.recv()).await
            else {
                continue;
            };
            let at = Instant::now();
            for e in &w.envelopes {
                if let Some(id) = e.origin.as_ref().and_then(|o| o.id.clone()) {
                    seen2.lock().unwrap().push((id, at));
                }
            }
        }
        let _ = sent2;
    });
    let start = Instant::now();
    let mut tasks = Vec::new();
    for i in 0..phones {
        let (team, code) = teams[i % teams.len()].clone();
        let (base, sent, tag) = (base.to_string(), sent.clone(), tag.to_string());
        tasks.push(tokio::spawn(async move {
            let c = phone(None, addr);
            let r = sign_in(&c, &base, &team, &code).await;
            assert_eq!(r.status().as_u16(), 303, "phone {i} signs in as {team}");
            let (_, csrf) = home(&c, &base).await;
            let mut retries = 0;
            for k in 0..actions {
                if !pause.is_zero() {
                    tokio::time::sleep(pause).await;
                }
                let id = format!("{tag}-p{i}-a{k}");
                let fields: &[(&str, &str)] = if k % 2 == 0 {
                    &[("do", "check_in"), ("word", "ras")]
                } else {
                    &[
                        ("do", "observe"),
                        ("kind", "lighting"),
                        ("site", super::field::SITE),
                    ]
                };
                sent.lock()
                    .unwrap()
                    .insert(format!("{team}:{id}"), Instant::now());
                let (status, body) = act(&c, &base, &csrf, &id, fields).await;
                assert_eq!(status, 200, "phone {i} action {k}: {body}");
                if k % 10 == 9 {
                    let (status, _) = act(&c, &base, &csrf, &id, fields).await;
                    assert_eq!(status, 200);
                    retries += 1;
                }
            }
            retries
        }));
    }
    let mut retries = 0;
    for t in tasks {
        retries += t.await.expect("a phone's task");
    }
    let elapsed = start.elapsed();
    let _ = tokio::time::timeout(Duration::from_secs(30), watcher).await;
    let sent = sent.lock().unwrap();
    let seen = seen.lock().unwrap();
    let mut lat: Vec<Duration> = seen
        .iter()
        .filter_map(|(id, at)| sent.get(id).map(|s| at.saturating_duration_since(*s)))
        .collect();
    lat.sort();
    let pick = |q: f64| {
        lat.get(((lat.len() as f64 * q) as usize).min(lat.len().saturating_sub(1)))
            .copied()
            .unwrap_or_default()
    };
    Report {
        phones,
        actions: expected,
        seen: seen.len(),
        retries,
        p50: pick(0.50),
        p99: pick(0.99),
        max: lat.last().copied().unwrap_or_default(),
        elapsed,
    }
}
