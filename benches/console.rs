//! Console benchmarks (`cargo bench --bench console`), against the targets, on the
//! store `vigie demo --nights 3000` makes (built once under `target/`, see `common`):
//! - start → first full frame (< 150 ms): territory, `Store::open`, the console's first
//!   state (`vigie::runtime::initial_app`), one draw at 200×60 by a real crossterm backend
//!   into memory; each run in a fresh process. Also the real binary in a pseudo-terminal.
//! - the board drawn at 200×60 (< 4 ms at p99), tonight open with teams and waiting requests.
//! - a key → its frame (< 8 ms at p99): `keymap` → `update` → a draw (then the draft on disk).
//!
//! `cargo bench --bench console -- cold draw keys pty` runs only the parts named;
//! `VIGIE_BENCH_NIGHTS=300` uses a smaller store; `VIGIE_BENCH_REBUILD=1` rebuilds the stores.

mod common;
#[path = "console/draw.rs"]
mod draw;
#[path = "console/keys.rs"]
mod keys;
#[path = "console/pty.rs"]
mod pty;
#[path = "console/tonight.rs"]
mod tonight;

use chrono::Utc;
use common::{Res, Series, Stats, ms};
use std::path::{Path, PathBuf};
use std::process::Command as Process;
use std::time::Instant;
use vigie::app::{Screen, Thresholds};
use vigie::i18n::Lang;
use vigie::store::Store;
use vigie::ui::{self, Theme};

const COLD_RUNS: usize = 20;
const DRAWS: usize = 2000;
const KEY_ROUNDS: usize = 25;
const PTY_ROUNDS: usize = 5;
/// Starts of the real binary (the key rounds are typed in the last one).
const PTY_STARTS: usize = 7;

/// One line of the closing table: judged on the wall clock; the CPU time (when known) says
/// how much of it was work rather than waiting for a core on a shared machine.
struct Verdict {
    target: &'static str,
    how: String,
    value: f64,
    cpu: Option<f64>,
    limit: f64,
}

fn main() -> Res<()> {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--first-frame") {
        let dir = args.get(i + 1).ok_or("--first-frame DIR")?;
        return first_frame(Path::new(dir));
    }
    // `cargo bench` passes `--bench`; anything else (a test run) only checks it builds.
    if !args.iter().any(|a| a == "--bench") {
        println!("console bench: run it with `cargo bench --bench console`");
        return Ok(());
    }
    let parts: Vec<&str> = args.iter().skip(1).map(String::as_str).collect();
    let all = !parts
        .iter()
        .any(|p| ["cold", "draw", "keys", "pty"].contains(p));
    let wants = |p: &str| all || parts.contains(&p);
    let base = PathBuf::from("target");
    let nights = common::nights();
    let demo = common::demo_store(&base, nights)?;
    let open = tonight::open_store(&base, &demo, nights)?;
    println!(
        "Stores: {} ({:.0} MB, as `vigie demo --nights {nights}` leaves it), {} (tonight open)\n",
        demo.display(),
        common::dir_size(&demo) as f64 / 1e6,
        open.display()
    );
    let mut verdicts = Vec::new();
    if wants("cold") {
        for (name, dir) in [("demo store", &demo), ("tonight open", &open)] {
            let (total, cpu) = cold(name, dir)?;
            verdicts.push(Verdict {
                target: "start → first full frame",
                how: format!("fresh process, {name}, p90 of {COLD_RUNS}"),
                value: total.p90,
                cpu: Some(cpu.p90),
                limit: 150.0,
            });
        }
    }
    if wants("pty") {
        match pty_runs(&open) {
            Ok((frames, keys)) => {
                println!("Real binary in a 200×60 pseudo-terminal (tonight open):");
                println!("{}", frames.line("spawn → first full frame written"));
                println!("{}", keys.line("key written → its frame written"));
                println!();
                verdicts.push(Verdict {
                    target: "start → first full frame",
                    how: format!("real binary in a pty, p50 of {PTY_STARTS}"),
                    value: frames.p50,
                    cpu: None,
                    limit: 150.0,
                });
                verdicts.push(Verdict {
                    target: "key → frame",
                    how: format!("real binary in a pty, p99 of {}", keys.n),
                    value: keys.p99,
                    cpu: None,
                    limit: 8.0,
                });
            }
            Err(e) => println!("Real binary in a pseudo-terminal: not measured ({e})\n"),
        }
    }
    if wants("draw") || wants("keys") {
        let store = Store::open(&open, vigie::territory::rennes()?)?;
        let (mut app, _) = board_app(&store)?;
        drop(store);
        if wants("draw") {
            println!(
                "The board at 200×60, tonight open ({DRAWS} draws each, {} ms asleep before each):",
                draw::IDLE.as_millis()
            );
            for (name, s) in draw::board(&mut app, DRAWS)? {
                println!("{}", s.line(&name));
                verdicts.push(Verdict {
                    target: "board drawn at 200×60",
                    how: format!("{name}, p99"),
                    value: s.wall().p99,
                    cpu: Some(s.cpu().p99),
                    limit: 4.0,
                });
            }
            println!();
        }
        if wants("keys") {
            let (mut app, _) = board_app(&Store::open(&open, vigie::territory::rennes()?)?)?;
            let drafts = tempfile::tempdir_in(&base)?;
            let script = keys::script();
            let k = draw::keys(&mut app, &script, KEY_ROUNDS, drafts.path())?;
            println!(
                "A key → its frame, in process ({} keys a round, {KEY_ROUNDS} rounds):",
                script.len()
            );
            println!("{}", k.total.line("key → frame (all)"));
            println!("{}", k.update.line("  keymap + update"));
            println!("{}", k.draw.line("  draw (crossterm→memory)"));
            println!("{}", k.draft.line("then the draft on disk (fsync)"));
            println!("{}", k.handled.line("key → frame → draft on disk"));
            let mut worst: Vec<(&str, Series)> = k.by_label.into_iter().collect();
            worst.sort_by(|a, b| b.1.cpu().p99.total_cmp(&a.1.cpu().p99));
            println!("  slowest keys (by CPU p99):");
            for (label, s) in worst.iter().take(4) {
                println!("  {}", s.line(label));
            }
            println!();
            verdicts.push(Verdict {
                target: "key → frame",
                how: format!("in process, p99 of {}", k.total.wall.len()),
                value: k.total.wall().p99,
                cpu: Some(k.total.cpu().p99),
                limit: 8.0,
            });
        }
    }
    table(&verdicts);
    Ok(())
}

/// The real binary started `PTY_STARTS` times (keys typed in the last start): spawn → first
/// frame, and key → frame.
fn pty_runs(dir: &Path) -> Res<(Stats, Stats)> {
    let (mut frames, mut keys) = (Vec::new(), Vec::new());
    for i in 0..PTY_STARTS {
        let rounds = if i + 1 == PTY_STARTS { PTY_ROUNDS } else { 0 };
        let run = pty::run(&bin(), dir, &keys::script(), rounds)?;
        if run.unchanged > 0 {
            println!("  ({} keys left the screen as it was)", run.unchanged);
        }
        frames.push(run.first_frame);
        keys.extend(run.keys);
    }
    Ok((Stats::of(frames), Stats::of(keys)))
}

/// `target/release/vigie`, built by cargo beside the bench.
fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_vigie"))
}

/// The console as it starts on `store`, then on the board, at tonight's clock.
fn board_app(store: &Store) -> Res<(vigie::app::AppState, Option<vigie::app::draft::Draft>)> {
    let (mut app, draft) =
        vigie::runtime::initial_app(store, Lang::Fr, Thresholds::default(), tonight::now()?);
    app.screen = Screen::Board;
    Ok((app, draft))
}

/// Runs `--first-frame` in fresh processes; prints the split; returns the totals (wall and
/// the process's CPU).
fn cold(name: &str, dir: &Path) -> Res<(Stats, Stats)> {
    let exe = std::env::current_exe()?;
    let mut cols: [Vec<f64>; 7] = Default::default();
    let mut bytes = 0.0;
    for _ in 0..COLD_RUNS {
        let t = Instant::now();
        let out = Process::new(&exe).arg("--first-frame").arg(dir).output()?;
        let wall = ms(t);
        let text = String::from_utf8_lossy(&out.stdout);
        let v: Vec<f64> = text
            .split_whitespace()
            .filter_map(|f| f.parse().ok())
            .collect();
        if v.len() != 7 || !out.status.success() {
            let err = String::from_utf8_lossy(&out.stderr);
            return Err(format!("--first-frame said {text:?} {err:?}").into());
        }
        for (c, x) in cols.iter_mut().zip(v[..6].iter().chain([wall].iter())) {
            c.push(*x);
        }
        bytes = v[6];
    }
    println!("Start → first full frame, {name}, {COLD_RUNS} fresh processes ({bytes:.0} bytes):");
    let names = [
        "territory loaded",
        "Store::open",
        "console state (initial_app)",
        "first draw (crossterm→memory)",
        "total, start → frame",
        "  CPU of the process by then",
        "whole process, exec → exit",
    ];
    let stats: Vec<Stats> = cols.into_iter().map(Stats::of).collect();
    for (s, n) in stats.iter().zip(names) {
        println!("{}", s.line(n));
    }
    println!();
    Ok((stats[4], stats[5]))
}

/// In a fresh process: what `vigie` does before its first frame, timed part by part.
fn first_frame(dir: &Path) -> Res<()> {
    let t0 = Instant::now();
    let territory = vigie::territory::rennes()?;
    let territory_ms = ms(t0);
    let t = Instant::now();
    let store = Store::open(dir, territory)?;
    let open_ms = ms(t);
    let t = Instant::now();
    let (app, _) = vigie::runtime::initial_app(&store, Lang::Fr, Thresholds::default(), Utc::now());
    let app_ms = ms(t);
    let t = Instant::now();
    let theme = Theme::from_env();
    let (mut terminal, written) = draw::crossterm_terminal()?;
    terminal.draw(|f| ui::draw(f, &app, &theme))?;
    let bytes = written.get();
    let draw_ms = ms(t);
    let total = ms(t0);
    let cpu = common::cpu_ms(true);
    println!("{territory_ms:.3} {open_ms:.3} {app_ms:.3} {draw_ms:.3} {total:.3} {cpu:.3} {bytes}");
    Ok(())
}

fn table(verdicts: &[Verdict]) {
    println!("| target | measured | wall | CPU | limit | verdict |");
    println!("|---|---|---:|---:|---:|---|");
    for v in verdicts {
        let cpu = v.cpu.map_or("—".to_string(), |c| format!("{c:.2} ms"));
        let verdict = match (v.value < v.limit, v.cpu.map(|c| c < v.limit)) {
            (true, _) => "PASS",
            (false, Some(true)) => "FAIL (CPU within: waits for a core)",
            (false, _) => "FAIL",
        };
        println!(
            "| {} | {} | {:.2} ms | {cpu} | < {:.0} ms | {verdict} |",
            v.target, v.how, v.value, v.limit
        );
    }
}
