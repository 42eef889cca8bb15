//! Store benchmarks (`cargo bench --bench store`): durable commit latency beside the floor
//! (a plain append + fdatasync of the same bytes on the same disk) and SQLite in WAL mode
//! with `synchronous=FULL`, in one run; then the 300- and 3000-night demo stores: size on
//! disk beside SQLite and gzip of the same export, open to ready and a full check, each in a
//! fresh process (time and peak memory).
//!
//! `VIGIE_BENCH_NIGHTS=300` measures only the smaller store; `VIGIE_BENCH_REBUILD=1`
//! regenerates the stores.

#[path = "../common/mod.rs"]
mod common;
mod sqlite;

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
    if let Some(i) = args.iter().position(|a| a == "--check-only") {
        let dir = args.get(i + 1).ok_or("--check-only DIR")?;
        return check_only(Path::new(dir));
    }
    // `cargo bench` passes `--bench`; anything else (a test run) only checks it builds.
    if !args.iter().any(|a| a == "--bench") {
        println!("store bench: run it with `cargo bench --bench store`");
        return Ok(());
    }
    let base = PathBuf::from("target");
    std::fs::create_dir_all(&base)?;
    commit_latency(&base)?;
    // `cargo bench --bench store -- --commits`: the commit part only (for a profiler).
    if args.iter().any(|a| a == "--commits") {
        return Ok(());
    }
    let nights = common::nights();
    if nights != 300 {
        big_store(&base, 300)?;
    }
    big_store(&base, nights)?;
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

/// One contact check-in per commit, against the floor (a plain append + fdatasync of the
/// same bytes) and SQLite WAL FULL inserting the same bytes, in interleaved blocks so that
/// disk noise hits all three.
fn commit_latency(base: &Path) -> Res<()> {
    const N: usize = 1000;
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
    let lite = sqlite::open(&dir.path().join("sqlite.db"))?;
    let (mut durable, mut floor, mut sql) = (Vec::new(), Vec::new(), Vec::new());
    let mut bytes = Vec::new();
    let mut seq = 0;
    while durable.len() < N {
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
            floor.push(t.elapsed().as_secs_f64() * 1e3);
        }
        for _ in 0..BLOCK {
            seq += 1;
            let t = Instant::now();
            sqlite::commit(&lite, seq, &bytes)?;
            sql.push(t.elapsed().as_secs_f64() * 1e3);
        }
    }
    println!(
        "Durable commit of one command ({} bytes of JSON per event), same disk, one run:",
        bytes.len()
    );
    let b = summary("append + fdatasync (floor)", floor.clone());
    let c = summary("SQLite WAL synchronous=FULL", sql.clone());
    let a = summary("vigie commit", durable.clone());
    let p99 = |mut v: Vec<f64>| {
        v.sort_by(f64::total_cmp);
        percentile(&v, 0.99)
    };
    println!(
        "  vigie / floor: median {:.2}×, p99 {:.2}× (target ≤ 1.2×); SQLite / floor: median {:.2}×, p99 {:.2}×\n",
        a / b,
        p99(durable) / p99(floor.clone()),
        c / b,
        p99(sql) / p99(floor)
    );
    Ok(())
}

fn big_store(base: &Path, nights: u32) -> Res<()> {
    let dir = common::demo_store(base, nights)?;
    let store_bytes = dir_size(&dir.join("store"));
    println!("Store of {nights} nights ({}):", dir.display());
    sizes(base, &dir, nights, store_bytes)?;
    let exe = std::env::current_exe()?;
    let (mut times, mut walls, mut peak) = (Vec::new(), Vec::new(), 0u64);
    for _ in 0..10 {
        let t = Instant::now();
        let (ms, kb) = child(&exe, "--open-only", &dir)?;
        walls.push(t.elapsed().as_secs_f64() * 1e3);
        times.push(ms);
        peak = peak.max(kb);
    }
    summary("open to ready (in process)", times);
    summary("whole process, exec to exit", walls);
    println!(
        "  open: peak resident memory {:.1} MB",
        peak as f64 / 1024.0
    );
    let (ms, kb) = child(&exe, "--check-only", &dir)?;
    println!(
        "  full check: {:.1} s, peak resident memory {:.1} MB (target < 64 MB)\n",
        ms / 1e3,
        kb as f64 / 1024.0
    );
    Ok(())
}

/// The store's size beside SQLite and gzip holding the same export.
fn sizes(base: &Path, dir: &Path, nights: u32, store_bytes: u64) -> Res<()> {
    let store = Store::open(dir, vigie::territory::rennes()?)?;
    let mut export = Vec::new();
    store.export(&mut export, Default::default(), false, Utc::now())?;
    drop(store);
    let text = String::from_utf8(export)?;
    let lite_path = base.join(format!("bench-sqlite-{nights}.db"));
    let _ = std::fs::remove_file(&lite_path);
    let mut lite = sqlite::open(&lite_path)?;
    sqlite::load(&mut lite, &text)?;
    drop(lite);
    let lite_bytes = std::fs::metadata(&lite_path)?.len();
    let _ = std::fs::remove_file(&lite_path);
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(text.as_bytes())?;
    let gz_bytes = gz.finish()?.len() as u64;
    let mb = |b: u64| b as f64 / 1e6;
    println!(
        "  size: store {:.1} MB, SQLite {:.1} MB ({:.2}×, target ≤ 1.5×), gzip {:.1} MB, export {:.1} MB",
        mb(store_bytes),
        mb(lite_bytes),
        store_bytes as f64 / lite_bytes as f64,
        mb(gz_bytes),
        mb(text.len() as u64)
    );
    Ok(())
}

/// Runs this bench in a fresh process in one of its modes; its milliseconds and peak KB.
fn child(exe: &Path, mode: &str, dir: &Path) -> Res<(f64, u64)> {
    let out = Process::new(exe).arg(mode).arg(dir).output()?;
    let text = String::from_utf8_lossy(&out.stdout);
    let mut fields = text.split_whitespace();
    let ms: f64 = fields.next().and_then(|v| v.parse().ok()).ok_or(format!(
        "{mode} said {text:?} {}",
        String::from_utf8_lossy(&out.stderr)
    ))?;
    let kb: u64 = fields.next().and_then(|v| v.parse().ok()).unwrap_or(0);
    Ok((ms, kb))
}

fn peak_kb() -> Res<u64> {
    let status = std::fs::read_to_string("/proc/self/status")?;
    Ok(status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse::<u64>().ok())
        .unwrap_or(0))
}

/// In a fresh process: a full check.
fn check_only(dir: &Path) -> Res<()> {
    let t = Instant::now();
    let store = Store::open(dir, vigie::territory::rennes()?)?;
    let report = store.check()?;
    let ms = t.elapsed().as_secs_f64() * 1e3;
    if !report.is_ok() {
        return Err(format!("check found differences: {:?}", report.differences).into());
    }
    println!("{ms:.3} {}", peak_kb()?);
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
    println!("{ms:.3} {}", peak_kb()?);
    Ok(())
}
