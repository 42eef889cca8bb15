//! Report benchmarks (`cargo bench --bench report`), whole processes on the ten-year demo
//! store (3000 nights): the one-year report for one commissioner beside the `sqlite3`
//! command-line tool answering the equivalent query over the same journal (one table,
//! `json_extract`, an index on kind and night), run alternately; `vigie report night`
//! without a date at 300 and 3000 nights; the size of the year's HTML report.
//!
//! `VIGIE_BENCH_RUNS` (default 21) sets the runs of each command.

mod common;

use common::{Res, Stats, demo_store, ms};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;
use vigie::store::Store;

const YEAR: &str = "2025";
const LANDLORD: &str = "archipel";

fn main() -> Res<()> {
    if !std::env::args().any(|a| a == "--bench") {
        println!("report bench: run it with `cargo bench --bench report`");
        return Ok(());
    }
    let runs: usize = std::env::var("VIGIE_BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(21);
    let base = PathBuf::from("target");
    let big = ready(&demo_store(&base, 3000)?)?;
    let small = ready(&demo_store(&base, 300)?)?;
    let db = sqlite_journal(&big, &base.join("bench-journal-3000.sqlite"))?;
    let query = base.join("bench-report-query.sql");
    std::fs::write(&query, QUERY)?;

    println!(
        "One-year report for one commissioner ({LANDLORD}, {YEAR}), whole processes, alternating:"
    );
    let year = [
        "report",
        "period",
        "--year",
        YEAR,
        "--commissioner",
        LANDLORD,
        "--format",
        "json",
    ];
    let (mut ours, mut theirs) = (Vec::new(), Vec::new());
    for _ in 0..runs {
        ours.push(timed(&mut vigie(&big, &year))?);
        theirs.push(timed(
            Command::new("sqlite3")
                .arg(&db)
                .stdin(std::fs::File::open(&query)?),
        )?);
    }
    let (o, s) = (Stats::of(ours), Stats::of(theirs));
    println!("{}", o.line("vigie report period --year (json)"));
    println!("{}", s.line("sqlite3 (json_extract, index)"));
    println!("  ratio of medians: {:.2}", o.p50 / s.p50);
    let open = Stats::of(
        (0..runs)
            .map(|_| {
                timed(&mut vigie(
                    &big,
                    &["report", "night", "2026-11-27", "--format", "json"],
                ))
            })
            .collect::<Res<Vec<f64>>>()?,
    );
    println!("{}", open.line("for scale: report night 2026-11-27"));

    println!("`vigie report night` without a date (the last closed night):");
    for (n, dir) in [(300, &small), (3000, &big)] {
        let s = Stats::of(
            (0..runs)
                .map(|_| timed(&mut vigie(dir, &["report", "night", "--format", "json"])))
                .collect::<Res<Vec<f64>>>()?,
        );
        println!("{}", s.line(&format!("{n} nights")));
    }

    let html = vigie(
        &big,
        &[
            "report",
            "period",
            "--year",
            YEAR,
            "--commissioner",
            "service",
            "--format",
            "html",
        ],
    )
    .output()?;
    println!(
        "HTML of the service's {YEAR} report: {} bytes ({:.0} KB)",
        html.stdout.len(),
        html.stdout.len() as f64 / 1024.0
    );
    Ok(())
}

/// Opens the demo store once so that its aggregates are built before anything is timed.
fn ready(dir: &Path) -> Res<PathBuf> {
    let t = Instant::now();
    drop(Store::open(dir, vigie::territory::rennes()?)?);
    println!("  opened {} ({:.0} ms)", dir.display(), ms(t));
    Ok(dir.to_path_buf())
}

fn vigie(data: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_vigie"));
    c.arg("--data").arg(data).args(args);
    c
}

/// Wall time of a whole process, its output thrown away; a failure is an error.
fn timed(cmd: &mut Command) -> Res<f64> {
    let t = Instant::now();
    let out = cmd.stdout(Stdio::null()).stderr(Stdio::piped()).output()?;
    let took = ms(t);
    if !out.status.success() {
        return Err(format!("{cmd:?}: {}", String::from_utf8_lossy(&out.stderr)).into());
    }
    Ok(took)
}

/// The same journal in one SQLite table (built once): every envelope's JSON with its
/// sequence, night and kind, an index on (kind, night), and the sites with their landlord.
fn sqlite_journal(store_dir: &Path, db: &Path) -> Res<PathBuf> {
    if db.exists() {
        return Ok(db.to_path_buf());
    }
    let t = Instant::now();
    let partial = db.with_extension("partial");
    let _ = std::fs::remove_file(&partial);
    let store = Store::open(store_dir, vigie::territory::rennes()?)?;
    let sql = db.with_extension("sql");
    let mut out = std::io::BufWriter::new(std::fs::File::create(&sql)?);
    writeln!(out, "PRAGMA journal_mode=OFF; BEGIN;")?;
    writeln!(
        out,
        "CREATE TABLE journal (seq INTEGER PRIMARY KEY, night TEXT, kind TEXT, body TEXT);"
    )?;
    writeln!(
        out,
        "CREATE TABLE sites (id TEXT PRIMARY KEY, district TEXT, landlord TEXT);"
    )?;
    for s in &store.territory().sites {
        writeln!(
            out,
            "INSERT INTO sites VALUES ('{}','{}','{}');",
            s.id, s.district, s.landlord
        )?;
    }
    for env in store.envelopes(1, store.last_seq()) {
        let env = env?;
        let body = serde_json::to_string(&env)?.replace('\'', "''");
        writeln!(
            out,
            "INSERT INTO journal VALUES ({},'{}','{}','{body}');",
            env.seq,
            env.night,
            env.event.kind()
        )?;
    }
    writeln!(
        out,
        "CREATE INDEX kind_night ON journal (kind, night); COMMIT;"
    )?;
    drop(out);
    drop(store);
    let status = Command::new("sqlite3")
        .arg(&partial)
        .stdin(std::fs::File::open(&sql)?)
        .status()?;
    if !status.success() {
        return Err("sqlite3 could not build the journal table".into());
    }
    std::fs::remove_file(&sql)?;
    std::fs::rename(&partial, db)?;
    println!("  built {} ({:.1} s)", db.display(), ms(t) / 1e3);
    Ok(db.to_path_buf())
}

/// The year's headline figures for one landlord: requests by category, source and
/// priority, interventions, outcomes and levels, observations.
const QUERY: &str = "
CREATE TEMP TABLE r AS
  SELECT json_extract(body, '$.event.request') AS id,
         json_extract(body, '$.event.category') AS category,
         json_extract(body, '$.event.source') AS source,
         json_extract(body, '$.event.priority') AS priority
  FROM journal JOIN sites ON sites.id = json_extract(body, '$.event.site')
  WHERE kind = 'request_received' AND night BETWEEN '2025-01-01' AND '2025-12-31'
    AND sites.landlord = 'archipel';
SELECT category, count(*) FROM r GROUP BY category;
SELECT source, count(*) FROM r GROUP BY source;
SELECT priority, count(*) FROM r GROUP BY priority;
SELECT count(*) FROM journal
  WHERE kind = 'request_assigned' AND night BETWEEN '2025-01-01' AND '2025-12-31'
    AND json_extract(body, '$.event.request') IN (SELECT id FROM r);
SELECT json_extract(body, '$.event.outcome'), json_extract(body, '$.event.level'), count(*)
  FROM journal
  WHERE kind = 'intervention_cleared' AND night BETWEEN '2025-01-01' AND '2025-12-31'
    AND json_extract(body, '$.event.request') IN (SELECT id FROM r)
  GROUP BY 1, 2;
SELECT count(*) FROM journal JOIN sites ON sites.id = json_extract(body, '$.event.site')
  WHERE kind = 'observation_recorded' AND night BETWEEN '2025-01-01' AND '2025-12-31'
    AND sites.landlord = 'archipel';
";
