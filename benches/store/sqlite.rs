//! SQLite beside the store, for the same work: WAL mode with `synchronous=FULL` (a commit
//! is durable when it returns), one row per event.

use rusqlite::{Connection, params};
use std::path::Path;

pub fn open(path: &Path) -> rusqlite::Result<Connection> {
    let db = Connection::open(path)?;
    db.pragma_update(None, "journal_mode", "WAL")?;
    db.pragma_update(None, "synchronous", "FULL")?;
    db.execute_batch(
        "CREATE TABLE IF NOT EXISTS journal (seq INTEGER PRIMARY KEY, body BLOB NOT NULL);
         CREATE TABLE IF NOT EXISTS personal (id INTEGER PRIMARY KEY, body BLOB NOT NULL);",
    )?;
    Ok(db)
}

/// One durable commit of one event.
pub fn commit(db: &Connection, seq: u64, body: &[u8]) -> rusqlite::Result<()> {
    db.execute(
        "INSERT INTO journal (seq, body) VALUES (?1, ?2)",
        params![seq as i64, body],
    )?;
    Ok(())
}

/// Loads an export (events and personal records, one row each) in one transaction, and
/// checkpoints the WAL into the database file.
pub fn load(db: &mut Connection, export: &str) -> rusqlite::Result<u64> {
    let tx = db.transaction()?;
    let mut rows = 0;
    {
        let mut ev = tx.prepare("INSERT INTO journal (seq, body) VALUES (?1, ?2)")?;
        let mut pe = tx.prepare("INSERT INTO personal (id, body) VALUES (?1, ?2)")?;
        for line in export.lines() {
            let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
                continue;
            };
            match v["type"].as_str() {
                Some("event") => {
                    ev.execute(params![v["seq"].as_i64(), line.as_bytes()])?;
                }
                Some("personal") => {
                    pe.execute(params![v["id"].as_i64(), line.as_bytes()])?;
                }
                _ => continue,
            }
            rows += 1;
        }
    }
    tx.commit()?;
    db.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")?;
    Ok(rows)
}
