//! `journal import`: all or nothing. A first pass reads and checks every line without
//! writing; a second pass writes in groups under an "import under way" marker, so that a
//! crash in the middle is rolled back the next time the store opens.

use super::error::{Result, StoreError};
use super::export::{JOURNAL_FORMAT, JOURNAL_VERSION, Line};
use super::views::{MemViews, decode, encode};
use super::{Snapshot, Store, keys};
use crate::domain::event::SCHEMA_VERSION;
use serde::{Deserialize, Serialize};
use std::io::BufRead;
use thiserror::Error;

/// Why an import file was refused, with its line number (from 1).
#[derive(Debug, Clone, PartialEq, Error)]
pub enum ImportError {
    #[error("line {line}: unreadable: {detail}")]
    Malformed { line: usize, detail: String },
    #[error("line {line}: unknown event kind {kind}")]
    UnknownKind { line: usize, kind: String },
    #[error("line 1: not a Vigie journal")]
    NoHeader,
    #[error("line {line}: version {version} is newer than this Vigie")]
    Version { line: usize, version: u32 },
    #[error("line {line}: expected sequence {expected}, found {found}")]
    Gap {
        line: usize,
        expected: u64,
        found: u64,
    },
    #[error("line {line}: sequence {seq} is already in the store")]
    AlreadyPresent { line: usize, seq: u64 },
    #[error("the file holds no event")]
    Empty,
    #[error("line {line}: {detail}")]
    Io { line: usize, detail: String },
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportSummary {
    pub events: u64,
    pub personal: u64,
}

#[derive(Debug, Serialize, Deserialize)]
struct ImportMarker {
    first_seq: u64,
    personal_before: Option<u64>,
}

/// Writes one group of lines in one commit; the first group also writes the marker.
fn write_group(
    store: &mut Store,
    marker: &ImportMarker,
    group: &mut Vec<Line>,
    first: &mut bool,
) -> Result<()> {
    let mut tx = store.begin()?;
    if *first {
        tx.meta
            .insert(keys::META_IMPORT.to_vec(), Some(encode(marker)?));
        *first = false;
    }
    for line in group.drain(..) {
        match line {
            Line::Event(env) => tx.push(env)?,
            Line::Personal(p) => tx.push_personal(p),
            Line::Header(_) => {}
        }
    }
    tx.commit().map(|_| ())
}

/// Events written per transaction during an import.
const GROUP: usize = 4096;

fn parse(line_no: usize, text: &str) -> std::result::Result<Line, ImportError> {
    serde_json::from_str::<Line>(text).map_err(|e| {
        let value: Option<serde_json::Value> = serde_json::from_str(text).ok();
        let kind = value
            .as_ref()
            .and_then(|v| v.get("event")?.get("kind")?.as_str().map(str::to_string));
        match kind {
            Some(kind) if e.to_string().contains("unknown variant") => ImportError::UnknownKind {
                line: line_no,
                kind,
            },
            _ => ImportError::Malformed {
                line: line_no,
                detail: e.to_string(),
            },
        }
    })
}

/// Reads every line, calling `each` on the parsed ones; checks the header and the sequence.
fn read_all(
    reader: impl BufRead,
    last_seq: u64,
    mut each: impl FnMut(Line) -> Result<()>,
) -> std::result::Result<Result<ImportSummary>, ImportError> {
    let mut summary = ImportSummary::default();
    let mut expected = last_seq + 1;
    for (i, text) in reader.lines().enumerate() {
        let line_no = i + 1;
        let text = text.map_err(|e| ImportError::Io {
            line: line_no,
            detail: e.to_string(),
        })?;
        if text.trim().is_empty() {
            continue;
        }
        let line = parse(line_no, &text)?;
        match &line {
            Line::Header(h) if line_no == 1 => {
                if h.format != JOURNAL_FORMAT {
                    return Err(ImportError::NoHeader);
                }
                if h.version > JOURNAL_VERSION {
                    return Err(ImportError::Version {
                        line: 1,
                        version: h.version,
                    });
                }
            }
            _ if line_no == 1 => return Err(ImportError::NoHeader),
            Line::Header(_) => {
                return Err(ImportError::Malformed {
                    line: line_no,
                    detail: "a second header".into(),
                });
            }
            Line::Event(env) => {
                if env.v > SCHEMA_VERSION {
                    return Err(ImportError::Version {
                        line: line_no,
                        version: env.v,
                    });
                }
                if env.seq < expected && summary.events == 0 {
                    return Err(ImportError::AlreadyPresent {
                        line: line_no,
                        seq: env.seq,
                    });
                }
                if env.seq != expected {
                    return Err(ImportError::Gap {
                        line: line_no,
                        expected,
                        found: env.seq,
                    });
                }
                expected += 1;
                summary.events += 1;
            }
            Line::Personal(_) => summary.personal += 1,
        }
        if let Err(e) = each(line) {
            return Ok(Err(e));
        }
    }
    if summary.events == 0 {
        return Err(ImportError::Empty);
    }
    Ok(Ok(summary))
}

impl Store {
    /// Imports a journal export. `open` is called twice: once to check, once to write.
    pub fn import<R: BufRead>(
        &mut self,
        mut open: impl FnMut() -> std::io::Result<R>,
    ) -> Result<std::result::Result<ImportSummary, ImportError>> {
        let io = |e: std::io::Error| StoreError::Read(e.to_string());
        let last = self.last_seq();
        if let Err(refused) = read_all(open().map_err(io)?, last, |_| Ok(())) {
            return Ok(Err(refused));
        }
        let marker = ImportMarker {
            first_seq: last + 1,
            personal_before: self
                .personal
                .last()?
                .and_then(|(k, _)| keys::decode_seq(&k)),
        };
        let mut group: Vec<Line> = Vec::with_capacity(GROUP);
        let mut first = true;
        let mut failure: Option<StoreError> = None;
        let reader = open().map_err(io)?;
        let checked = read_all(reader, last, |line| {
            group.push(line);
            if group.len() >= GROUP {
                write_group(self, &marker, &mut group, &mut first)
                    .inspect_err(|e| failure = Some(StoreError::Write(e.to_string())))?;
            }
            Ok(())
        });
        let summary = match checked {
            Ok(Ok(s)) => s,
            // The file changed between the passes: what was written is rolled back.
            Err(refused) => {
                if !first {
                    self.roll_back_import()?;
                }
                return Ok(Err(refused));
            }
            Ok(Err(e)) => return Err(failure.unwrap_or(e)),
        };
        write_group(self, &marker, &mut group, &mut first)?;
        let mut tx = self.begin()?;
        tx.meta.insert(keys::META_IMPORT.to_vec(), None);
        tx.commit()?;
        Ok(Ok(summary))
    }

    /// An import was interrupted: remove what it wrote and rebuild the views from the journal.
    pub(super) fn roll_back_import(&mut self) -> Result<()> {
        let raw = self
            .views
            .get(keys::META_IMPORT)?
            .ok_or_else(|| StoreError::Read("no import marker".into()))?;
        let marker: ImportMarker = decode(&raw, "import marker")?;
        for k in self.journal.range(keys::seq(marker.first_seq)..).keys() {
            self.journal.remove(k?)?;
        }
        let from = marker.personal_before.map_or(0, |p| p + 1);
        for k in self.personal.range(keys::seq(from)..).keys() {
            self.personal.remove(k?)?;
        }
        self.rebuild_views()?;
        self.ensure_aggregates()?;
        self.views.remove(keys::META_IMPORT)?;
        self.durable(true)
    }

    /// Rewrites every view and the snapshot from a full replay of the journal.
    pub(super) fn rebuild_views(&mut self) -> Result<()> {
        let mut diffs = Vec::new();
        let (state, views, _) = self.replay_all(&mut diffs)?;
        if let Some(d) = diffs.first() {
            return Err(StoreError::Damaged {
                path: self.dir.clone(),
                detail: d.clone(),
            });
        }
        for prefix in [keys::NIGHT_PREFIX, keys::REQUEST_PREFIX, keys::CASE_PREFIX] {
            for k in self.views.scan_prefix(prefix).keys() {
                self.views.remove(k?)?;
            }
        }
        let MemViews {
            nights,
            requests,
            cases,
        } = views;
        for n in nights.values() {
            self.views.insert(keys::night(n.night), encode(n)?)?;
        }
        for r in requests.values() {
            self.views.insert(keys::request(r.id.0), encode(r)?)?;
        }
        for c in cases.values() {
            self.views.insert(keys::case(c.id.0), encode(c)?)?;
        }
        let snap = Snapshot {
            seq: state.last_seq,
            state: state.clone(),
        };
        self.views.insert(keys::META_SNAPSHOT, encode(&snap)?)?;
        self.snapshot_seq = state.last_seq;
        self.state = state;
        Ok(())
    }
}
