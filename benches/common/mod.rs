//! What the benches share: the ten-year demo store, built once under `target/`, and the
//! percentiles they print. Each bench uses part of it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::time::Instant;
use vigie::store::Store;

pub type Res<T> = Result<T, Box<dyn std::error::Error>>;

/// The last night of the demo store: a Friday, so that Saturday can be "tonight".
pub const DEMO_UNTIL: &str = "2026-11-27";
/// `vigie demo`'s seed when none is given.
pub const DEMO_SEED: u64 = 1;

/// `VIGIE_BENCH_NIGHTS` (default 3000): how many nights the demo store holds.
pub fn nights() -> u32 {
    std::env::var("VIGIE_BENCH_NIGHTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3000)
}

/// `VIGIE_BENCH_REBUILD=1`: build the cached stores again.
pub fn rebuild() -> bool {
    std::env::var_os("VIGIE_BENCH_REBUILD").is_some()
}

/// `target/bench-demo-N`: what `vigie demo --nights N --until 2026-11-27` makes, through
/// the same `vigie::demo::simulate`. Built when missing (a few minutes for 3000 nights).
pub fn demo_store(base: &Path, nights: u32) -> Res<PathBuf> {
    let dir = base.join(format!("bench-demo-{nights}"));
    if rebuild() || !dir.join("store").exists() {
        // Built aside and renamed when complete: an interrupted build is never taken for a
        // store (the next run starts it again).
        let partial = dir.with_extension("partial");
        let _ = std::fs::remove_dir_all(&dir);
        let _ = std::fs::remove_dir_all(&partial);
        let t = Instant::now();
        let mut store = Store::open(&partial, vigie::territory::rennes()?)?;
        // As `vigie demo` does: the retention period runs at each close.
        store.set_retention_days(Some(365));
        let until = DEMO_UNTIL.parse()?;
        let nights_list = vigie::demo::nights_until(until, nights);
        let s = vigie::demo::simulate(&mut store, &nights_list, DEMO_SEED, |done| {
            if done % 500 == 0 {
                eprintln!("  demo: {done}/{nights} nights");
            }
        })
        .map_err(|e| format!("{e:?}"))?;
        println!(
            "Generated `vigie demo --nights {nights}`: {} events, {} requests in {:.1} s",
            s.events,
            s.requests,
            t.elapsed().as_secs_f64()
        );
        drop(store);
        std::fs::rename(&partial, &dir)?;
    }
    Ok(dir)
}

/// Copies a closed store directory (sled files and all) into `to`.
pub fn copy_dir(from: &Path, to: &Path) -> Res<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}

pub fn dir_size(p: &Path) -> u64 {
    let Ok(entries) = std::fs::read_dir(p) else {
        return 0;
    };
    entries
        .flatten()
        .map(|e| match e.metadata() {
            Ok(m) if m.is_dir() => dir_size(&e.path()),
            Ok(m) => m.len(),
            Err(_) => 0,
        })
        .sum()
}

pub fn percentile(sorted: &[f64], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

/// Milliseconds since `t`.
pub fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1e3
}

/// CPU time used so far (ms) by this thread, or by the whole process: on a shared machine
/// the wall clock also counts the time spent waiting for a core.
pub fn cpu_ms(process: bool) -> f64 {
    let clock = if process {
        libc::CLOCK_PROCESS_CPUTIME_ID
    } else {
        libc::CLOCK_THREAD_CPUTIME_ID
    };
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid timespec for the call to fill; the clock ids are constants.
    let rc = unsafe { libc::clock_gettime(clock, &mut ts) };
    if rc != 0 {
        return f64::NAN;
    }
    ts.tv_sec as f64 * 1e3 + ts.tv_nsec as f64 / 1e6
}

/// Wall and CPU time of one stretch of work.
pub struct Timer {
    wall: Instant,
    cpu: f64,
}

impl Timer {
    pub fn start() -> Timer {
        Timer {
            wall: Instant::now(),
            cpu: cpu_ms(false),
        }
    }
    /// (wall ms, this thread's CPU ms) since the start.
    pub fn stop(&self) -> (f64, f64) {
        (ms(self.wall), cpu_ms(false) - self.cpu)
    }
}

/// p50, p90, p99 and max of a set of timings (ms).
#[derive(Debug, Clone, Copy)]
pub struct Stats {
    pub p50: f64,
    pub p90: f64,
    pub p99: f64,
    pub max: f64,
    pub n: usize,
}

impl Stats {
    pub fn of(mut v: Vec<f64>) -> Stats {
        if v.is_empty() {
            return Stats {
                p50: f64::NAN,
                p90: f64::NAN,
                p99: f64::NAN,
                max: f64::NAN,
                n: 0,
            };
        }
        v.sort_by(f64::total_cmp);
        Stats {
            p50: percentile(&v, 0.5),
            p90: percentile(&v, 0.9),
            p99: percentile(&v, 0.99),
            max: v[v.len() - 1],
            n: v.len(),
        }
    }

    pub fn line(&self, name: &str) -> String {
        format!(
            "  {name:<40} p50 {:8.3} ms  p90 {:8.3}  p99 {:8.3}  max {:8.3}  (n={})",
            self.p50, self.p90, self.p99, self.max, self.n
        )
    }
}

/// Timings of one measurement: wall clock and CPU (ms).
#[derive(Debug, Default, Clone)]
pub struct Series {
    pub wall: Vec<f64>,
    pub cpu: Vec<f64>,
}

impl Series {
    pub fn push(&mut self, (wall, cpu): (f64, f64)) {
        self.wall.push(wall);
        self.cpu.push(cpu);
    }
    pub fn wall(&self) -> Stats {
        Stats::of(self.wall.clone())
    }
    pub fn cpu(&self) -> Stats {
        Stats::of(self.cpu.clone())
    }
    /// "name  wall p50 p99 max | CPU p50 p99 max (n)".
    pub fn line(&self, name: &str) -> String {
        let (w, c) = (self.wall(), self.cpu());
        format!(
            "  {name:<36} wall p50 {:7.3}  p99 {:7.3}  max {:7.3} │ CPU p50 {:7.3}  p99 {:7.3}  max {:7.3} ms (n={})",
            w.p50, w.p99, w.max, c.p50, c.p99, c.max, w.n
        )
    }
}
