//! Why an import was refused (with its line), and what an accepted one brought.

use thiserror::Error;

/// Why an import file was refused, with its line number (from 1).
#[derive(Debug, Clone, PartialEq, Error)]
pub enum ImportError {
    #[error("line {line}: unreadable: {detail}")]
    Malformed { line: usize, detail: String },
    #[error("line {line}: unknown event kind {kind}")]
    UnknownKind { line: usize, kind: String },
    #[error("line {line}: unknown field {field}")]
    UnknownField { line: usize, field: String },
    #[error("line 1: not a Vigie journal")]
    NoHeader,
    #[error("line {line}: version {version} is newer than this Vigie")]
    Version { line: usize, version: u32 },
    #[error("line 1: a journal of the territory {found}, not {expected}")]
    Territory { found: String, expected: String },
    #[error("line {line}: expected sequence {expected}, found {found}")]
    Gap {
        line: usize,
        expected: u64,
        found: u64,
    },
    #[error("line {line}: sequence {seq} is already in the store")]
    AlreadyPresent { line: usize, seq: u64 },
    #[error("line {line}: {problem:?}")]
    Invalid {
        line: usize,
        problem: crate::domain::validate::Invalid,
    },
    #[error("the file holds no event")]
    Empty,
    #[error("line {line}: {detail}")]
    Io { line: usize, detail: String },
    #[error("line 1: byte-order mark")]
    Bom,
    #[error("line {line}: CRLF line end")]
    Crlf { line: usize },
    #[error("line {line}: invalid UTF-8")]
    InvalidUtf8 { line: usize },
    #[error("line {line}: NUL byte")]
    Nul { line: usize },
    /// A version-3 file without its trailer: cut short.
    #[error("no trailer after {events} events: the file is incomplete")]
    NoTrailer { events: u64 },
    #[error("line {line}: the trailer says {trailer} events, the file holds {events}")]
    TrailerMismatch {
        line: usize,
        events: u64,
        trailer: u64,
    },
    #[error("line {line}: after the trailer (line {trailer})")]
    AfterTrailer { line: usize, trailer: usize },
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportSummary {
    pub events: u64,
    pub personal: u64,
    /// A version-2 file: no trailer, so its completeness could not be proved.
    pub unproved: bool,
}
