//! Store benchmarks (`cargo bench --bench store`): durable commit latency beside a plain
//! append + fdatasync of the same bytes on the same disk, and a ten-year store (3000
//! demo nights): open-to-ready time and peak memory in a fresh process, size, full check.
//!
//! `VIGIE_BENCH_NIGHTS=300` makes a smaller store for a quick run; `VIGIE_BENCH_REBUILD=1`
//! regenerates it.

mod common;

use chrono::{DateTime, Duration, Utc};
use common::{Res, dir_size, percentile};
use std::fs::OpenOptions;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command as Process;
use std::time::Instant;
use vigie::domain::Command;
use vigie::store::Store;

fn main() -> Res<()> {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--open-only") {
        let dir = args.get(i + 1).ok_or("--open-only DIR")?;
        return open_only(Path::new(dir));
    }
    // `cargo bench` passes `--bench`; anything else (a test run) only checks it builds.
    if !args.iter().any(|a| a == "--bench") {
        println!("store bench: run it with `cargo bench --bench store`");
        return Ok(());
    }
    let base = PathBuf::from("target");
    std::fs::create_dir_all(&base)?;
    commit_latency(&base)?;
    big_store(&base)?;
    Ok(())
}

fn summary(name: &str, mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    let median = percentile(&v, 0.5);
    println!(
        "  {name:<28} median {median:7.3} ms  p90 {:7.3}  p99 {:7.3}  max {:7.3}  (n={})",
        percentile(&v, 0.9),
        percentile(&v, 0.99),
        v[v.len() - 1],
        v.len()
    );
    median
}

/// One contact check-in per commit, against a plain append + fdatasync of the same bytes.
fn commit_latency(base: &Path) -> Res<()> {
    const N: usize = 500;
    const BLOCK: usize = 50;
    let dir = tempfile::tempdir_in(base)?;
    let mut store = Store::open(&dir.path().join("data"), vigie::territory::rennes()?)?;
    let mut at: DateTime<Utc> = "2026-11-30T20:05:00Z".parse()?;
    store.execute(
        &Command::OpenNight {
            coordinator: "nadia-b".into(),
        },
        at,
    )?;
    let members = vec!["samir-k".to_string(), "gwenaelle-p".to_string()];
    store.execute(
        &Command::ComposeTeam {
            team: "E1".into(),
            members,
            equipment: None,
        },
        at,
    )?;
    let mut plain = OpenOptions::new()
        .create(true)
        .append(true)
        .open(dir.path().join("plain.log"))?;
    let (mut durable, mut baseline) = (Vec::with_capacity(N), Vec::with_capacity(N));
    let mut bytes = Vec::new();
    while durable.len() < N {
        // Interleaved blocks, so that disk noise hits both sides.
        for _ in 0..BLOCK {
            at += Duration::seconds(1);
            let t = Instant::now();
            let envs = store.execute(&Command::RecordContact { team: "E1".into() }, at)?;
            durable.push(t.elapsed().as_secs_f64() * 1e3);
            bytes = serde_json::to_vec(&envs)?;
        }
        for _ in 0..BLOCK {
            let t = Instant::now();
            plain.write_all(&bytes)?;
            plain.sync_data()?;
            baseline.push(t.elapsed().as_secs_f64() * 1e3);
        }
    }
    println!(
        "Durable commit of one command ({} bytes of JSON per event), same disk:",
        bytes.len()
    );
    let a = summary("vigie commit (flush+fsync)", durable);
    let b = summary("append + fdatasync", baseline);
    println!("  ratio of medians: {:.2}× (target ≤ 2×)\n", a / b);
    Ok(())
}

fn big_store(base: &Path) -> Res<()> {
    let nights = common::nights();
    let dir = common::demo_store(base, nights)?;
    println!(
        "Store of {nights} nights: {:.1} MB on disk",
        dir_size(&dir) as f64 / 1e6
    );
    let exe = std::env::current_exe()?;
    let (mut times, mut walls, mut peak) = (Vec::new(), Vec::new(), 0u64);
    for _ in 0..10 {
        let t = Instant::now();
        let out = Process::new(&exe).arg("--open-only").arg(&dir).output()?;
        walls.push(t.elapsed().as_secs_f64() * 1e3);
        let text = String::from_utf8_lossy(&out.stdout);
        let mut fields = text.split_whitespace();
        let ms: f64 = fields
            .next()
            .and_then(|v| v.parse().ok())
            .ok_or(format!("open-only said {text:?}"))?;
        let kb: u64 = fields.next().and_then(|v| v.parse().ok()).unwrap_or(0);
        times.push(ms);
        peak = peak.max(kb);
    }
    summary("open to ready (in process)", times);
    summary("whole process, exec to exit", walls);
    println!(
        "  peak resident memory: {:.1} MB (target < 64 MB; target open < 100 ms)",
        peak as f64 / 1024.0
    );
    let store = Store::open(&dir, vigie::territory::rennes()?)?;
    let t = Instant::now();
    let report = store.check()?;
    println!(
        "Full check: {:.1} s — {} events, {} nights, {} requests, {} interventions, {} cases, {} differences",
        t.elapsed().as_secs_f64(),
        report.events,
        report.nights,
        report.requests,
        report.interventions,
        report.cases,
        report.differences.len()
    );
    Ok(())
}

/// In a fresh process: load the territory, open the store, read what the console draws first.
fn open_only(dir: &Path) -> Res<()> {
    let t = Instant::now();
    let store = Store::open(dir, vigie::territory::rennes()?)?;
    let state = store.state();
    let last = store.last_night()?;
    let ms = t.elapsed().as_secs_f64() * 1e3;
    std::hint::black_box((state.last_seq, last.map(|n| n.events)));
    let status = std::fs::read_to_string("/proc/self/status")?;
    let kb = status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse::<u64>().ok())
        .unwrap_or(0);
    println!("{ms:.3} {kb}");
    Ok(())
}
