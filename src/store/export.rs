//! The journal as JSON Lines (docs/journal.md): a header line, then events in sequence,
//! each personal record just before the first event that points at it.

use super::Store;
use super::error::{Result, StoreError};
use crate::domain::calendar::ServiceNight;
use crate::domain::event::Envelope;
use crate::domain::personal::PersonalRecord;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::io::Write;

pub const JOURNAL_FORMAT: &str = "vigie-journal";
pub const JOURNAL_VERSION: u32 = 2;

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

/// One line of the export.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Line {
    Header(Header),
    Event(Envelope),
    Personal(PersonalRecord),
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

impl Store {
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
            territory: self.territory().id.clone(),
            from_night: range.from,
            to_night: range.to,
            anonymised,
        };
        write_line(out, &Line::Header(header))?;
        let (first, last) = self.seq_range(range)?;
        let mut summary = ExportSummary::default();
        let mut written = HashSet::new();
        if first > last {
            out.flush().map_err(w)?;
            return Ok(summary);
        }
        for env in self.envelopes(first, last) {
            let env = env?;
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
            write_line(out, &Line::Event(env))?;
            summary.events += 1;
        }
        out.flush().map_err(w)?;
        Ok(summary)
    }

    /// The journal sequence range covering the nights in `range`.
    fn seq_range(&self, range: ExportRange) -> Result<(u64, u64)> {
        if range.from.is_none() && range.to.is_none() {
            return Ok((1, self.last_seq()));
        }
        let (mut first, mut last) = (u64::MAX, 0);
        for night in self.nights() {
            let night = night?;
            if range.contains(night.night) {
                first = first.min(night.first_seq);
                last = last.max(night.last_seq);
            }
        }
        Ok((first, last))
    }
}

fn write_line(out: &mut dyn Write, line: &Line) -> Result<()> {
    serde_json::to_writer(&mut *out, line).map_err(|e| StoreError::Output(e.into()))?;
    out.write_all(b"\n").map_err(StoreError::Output)
}
