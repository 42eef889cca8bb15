//! `journal import`: all or nothing. A first pass reads and checks every line without
//! writing; a second pass writes in groups under an "import under way" marker, so that a
//! crash in the middle is rolled back the next time the store opens.

use super::error::{Result, StoreError};
use super::export::Line;
use super::import_lines::{Expect, read_all};
use super::views::{MemViews, decode, encode};
use super::{Snapshot, Store, keys};
use serde::{Deserialize, Serialize};
use std::io::BufRead;

pub use super::import_error::{ImportError, ImportSummary};

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
            Line::Header(_) | Line::Trailer(_) => {}
        }
    }
    tx.commit_direct().map(|_| ())
}

/// Events written per transaction during an import (sled is checkpointed after each).
const GROUP: usize = 1024;

impl Store {
    /// What a file must agree with to follow this store's journal.
    fn expect(&self, check: bool) -> Result<Expect<'_>> {
        let last_seq = self.last_seq();
        let last_at = match last_seq {
            0 => None,
            n => self.envelopes(n, n).next().transpose()?.map(|e| e.at),
        };
        Ok(Expect {
            last_seq,
            last_at,
            territory: &self.territory,
            state: check.then(|| self.state.clone()),
        })
    }

    /// Imports a journal export. `open` is called twice: once to check, once to write.
    pub fn import<R: BufRead>(
        &mut self,
        mut open: impl FnMut() -> std::io::Result<R>,
    ) -> Result<std::result::Result<ImportSummary, ImportError>> {
        let io = |e: std::io::Error| StoreError::Read(e.to_string());
        let expect = self.expect(true)?;
        if let Err(refused) = read_all(open().map_err(io)?, expect, |_| Ok::<(), ()>(())) {
            return Ok(Err(refused));
        }
        let marker = ImportMarker {
            first_seq: self.last_seq() + 1,
            personal_before: self
                .personal
                .last()?
                .and_then(|(k, _)| keys::decode_seq(&k)),
        };
        let mut group: Vec<Line> = Vec::with_capacity(GROUP);
        let mut first = true;
        let reader = open().map_err(io)?;
        // The second pass writes; it does not borrow the store for its expectations.
        let territory = self.territory.clone();
        let expect = Expect {
            territory: &territory,
            state: None,
            ..self.expect(false)?
        };
        let checked = read_all(reader, expect, |line| {
            group.push(line);
            if group.len() >= GROUP {
                write_group(self, &marker, &mut group, &mut first)?;
            }
            Ok::<(), StoreError>(())
        });
        let read = match checked {
            Ok(Ok(s)) => s,
            // The file changed between the passes: what was written is rolled back.
            Err(refused) => {
                if !first {
                    self.roll_back_import()?;
                    self.reopen_after_repair_in_place()?;
                }
                return Ok(Err(refused));
            }
            Ok(Err(e)) => return Err(e),
        };
        write_group(self, &marker, &mut group, &mut first)?;
        let mut tx = self.begin()?;
        tx.meta.insert(keys::META_IMPORT.to_vec(), None);
        tx.commit_direct()?;
        Ok(Ok(ImportSummary {
            events: read.events,
            personal: read.personal,
            unproved: read.unproved,
        }))
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
        let (state, views, _) = self.replay_all(&mut diffs, |_, _, _| Ok(()))?;
        if !diffs.is_empty() {
            return Err(super::damaged(
                &self.dir,
                super::error::Damage::Row {
                    what: "journal".into(),
                },
            ));
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
