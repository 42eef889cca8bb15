//! The journal as JSON Lines (docs/journal.md): a header line, then events in sequence,
//! each personal record just before the first event that points at it.

use super::error::{Result, StoreError};
use super::views::decode;
use super::{Store, chain, keys};
use crate::domain::calendar::ServiceNight;
use crate::domain::event::Envelope;
use crate::domain::ids::PersonalId;
use crate::domain::personal::PersonalRecord;
use crate::domain::views::NightRecord;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};

pub const JOURNAL_FORMAT: &str = "vigie-journal";
/// 3: the file ends with a trailer (event count and final hash).
pub const JOURNAL_VERSION: u32 = 3;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Header {
    pub format: String,
    pub version: u32,
    pub exported_at: DateTime<Utc>,
    #[serde(default)]
    pub territory: String,
    #[serde(default)]
    pub from_night: Option<ServiceNight>,
    #[serde(default)]
    pub to_night: Option<ServiceNight>,
    #[serde(default)]
    pub anonymised: bool,
}

/// The last line (version 3): how many events the file holds and the hash chained over
/// them from zero (docs/journal.md); a file without it, or that disagrees, is incomplete.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Trailer {
    pub events: u64,
    pub hash: String,
}

/// One line of the export.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Line {
    Header(Header),
    Event(Envelope),
    Personal(PersonalRecord),
    Trailer(Trailer),
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct ExportSummary {
    pub events: u64,
    pub personal: u64,
}

/// Which part of the journal to export.
#[derive(Debug, Clone, Copy, Default)]
pub struct ExportRange {
    pub from: Option<ServiceNight>,
    pub to: Option<ServiceNight>,
}

impl ExportRange {
    fn contains(&self, n: ServiceNight) -> bool {
        self.from.is_none_or(|f| n >= f) && self.to.is_none_or(|t| n <= t)
    }
}

/// What an export reads: handles on the trees (sled trees are shared `Arc`s, cheap to clone)
/// and the journal's end when it was taken, so a backup can run on another thread while the
/// console goes on writing. The journal only grows, so everything up to `last_seq` is fixed.
#[derive(Clone)]
pub struct JournalSource {
    dir: PathBuf,
    journal: sled::Tree,
    personal: sled::Tree,
    views: sled::Tree,
    territory: String,
    last_seq: u64,
}

impl Store {
    /// A view of the journal as it stands now, to export from another thread.
    pub fn journal_source(&self) -> JournalSource {
        JournalSource {
            dir: self.dir.clone(),
            journal: self.journal.clone(),
            personal: self.personal.clone(),
            views: self.views.clone(),
            territory: self.territory().id.clone(),
            last_seq: self.last_seq(),
        }
    }

    pub fn export(
        &self,
        out: &mut dyn Write,
        range: ExportRange,
        anonymised: bool,
        now: DateTime<Utc>,
    ) -> Result<ExportSummary> {
        self.journal_source().export(out, range, anonymised, now)
    }
}

impl JournalSource {
    pub fn last_seq(&self) -> u64 {
        self.last_seq
    }

    /// The personal records and the views (for the scrub a backup job owes first).
    pub(super) fn trees(&self) -> (&sled::Tree, &sled::Tree) {
        (&self.personal, &self.views)
    }

    /// The data directory the journal belongs to.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The last envelope of the journal (as of when the source was taken).
    pub fn last_envelope(&self) -> Result<Option<Envelope>> {
        if self.last_seq == 0 {
            return Ok(None);
        }
        self.envelopes(self.last_seq, self.last_seq)
            .next()
            .transpose()
    }

    fn damage(&self, e: sled::Error) -> StoreError {
        super::unreadable(&self.dir)(e)
    }

    fn row<T: serde::de::DeserializeOwned>(
        &self,
        item: sled::Result<(sled::IVec, sled::IVec)>,
        what: &str,
    ) -> Result<T> {
        super::read_row(&self.dir, item, what)
    }

    fn envelopes(&self, from: u64, to: u64) -> impl Iterator<Item = Result<Envelope>> + '_ {
        let rows = self.journal.range(keys::seq(from)..=keys::seq(to));
        rows.map(|item| super::read_env(&self.dir, item))
    }

    /// Rows with their canonical JSON (what the chain covers) and the envelope.
    fn raw_envelopes(
        &self,
        from: u64,
        to: u64,
    ) -> impl Iterator<Item = Result<(sled::IVec, Envelope)>> + '_ {
        let rows = self.journal.range(keys::seq(from)..=keys::seq(to));
        rows.map(|item| {
            let (_, v) = item.map_err(super::unreadable(&self.dir))?;
            let env = super::rows::envelope(&self.dir, &v)?;
            Ok((v, env))
        })
    }

    fn personal_record(&self, id: PersonalId) -> Result<Option<PersonalRecord>> {
        match self
            .personal
            .get(keys::seq(id.0))
            .map_err(|e| self.damage(e))?
        {
            Some(v) => decode(&v, "personal").map(Some).map_err(|_| {
                super::damaged(
                    &self.dir,
                    super::Damage::Row {
                        what: "personal".into(),
                    },
                )
            }),
            None => Ok(None),
        }
    }

    pub fn export(
        &self,
        out: &mut dyn Write,
        range: ExportRange,
        anonymised: bool,
        now: DateTime<Utc>,
    ) -> Result<ExportSummary> {
        let w = StoreError::Output;
        let header = Header {
            format: JOURNAL_FORMAT.into(),
            version: JOURNAL_VERSION,
            exported_at: now,
            territory: self.territory.clone(),
            from_night: range.from,
            to_night: range.to,
            anonymised,
        };
        write_line(out, &Line::Header(header))?;
        let (first, last) = self.seq_range(range)?;
        let mut summary = ExportSummary::default();
        let mut written = HashSet::new();
        let mut hash = chain::ZERO;
        let last = last.min(self.last_seq);
        let rows = (first <= last).then(|| self.raw_envelopes(first, last));
        for row in rows.into_iter().flatten() {
            let (row, env) = row?;
            if !range.contains(env.night) {
                continue;
            }
            if !anonymised {
                for id in env.event.personal_refs() {
                    if written.insert(id)
                        && let Some(rec) = self.personal_record(id)?
                    {
                        write_line(out, &Line::Personal(rec))?;
                        summary.personal += 1;
                    }
                }
            }
            // The stored canonical JSON, with the line's type in front.
            let body = row.get(32..).unwrap_or_default();
            hash = chain::next(&hash, body);
            out.write_all(b"{\"type\":\"event\",")
                .and_then(|()| out.write_all(body.get(1..).unwrap_or_default()))
                .and_then(|()| out.write_all(b"\n"))
                .map_err(w)?;
            summary.events += 1;
        }
        let trailer = Trailer {
            events: summary.events,
            hash: chain::to_hex(&hash),
        };
        write_line(out, &Line::Trailer(trailer))?;
        out.flush().map_err(w)?;
        Ok(summary)
    }

    /// The journal sequence range covering the nights in `range`.
    fn seq_range(&self, range: ExportRange) -> Result<(u64, u64)> {
        if range.from.is_none() && range.to.is_none() {
            return Ok((1, self.last_seq));
        }
        let (mut first, mut last) = (u64::MAX, 0);
        for item in self.views.scan_prefix(keys::NIGHT_PREFIX) {
            let night: NightRecord = self.row(item, "night")?;
            if range.contains(night.night) {
                first = first.min(night.first_seq);
                last = last.max(night.last_seq.min(self.last_seq));
            }
        }
        Ok((first, last))
    }
}

fn write_line(out: &mut dyn Write, line: &Line) -> Result<()> {
    serde_json::to_writer(&mut *out, line).map_err(|e| StoreError::Output(e.into()))?;
    out.write_all(b"\n").map_err(StoreError::Output)
}
