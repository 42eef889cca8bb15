//! Reading an import file line by line, refusing what `decide` would have refused and
//! what the format does not allow: a byte-order mark, CRLF, invalid UTF-8, NUL bytes,
//! unknown fields, a header of another territory, events out of order, a missing or
//! disagreeing trailer. Everything is said with its line number.

use super::chain::{self, Hash};
use super::export::{JOURNAL_FORMAT, JOURNAL_VERSION, Line};
use super::import_error::ImportError;
use crate::domain::event::{Envelope, SCHEMA_VERSION};
use crate::domain::reference::Territory;
use crate::domain::state::State;
use crate::domain::validate;
use chrono::{DateTime, Utc};
use serde_json::Value;
use std::io::BufRead;

type Checked<T> = std::result::Result<T, ImportError>;

/// The first key of `input` (depth first) that `output` (the same line read and written
/// back) does not have: a field this Vigie does not know, which it would drop silently.
fn unknown_field(input: &Value, output: &Value, path: &str) -> Option<String> {
    match (input, output) {
        (Value::Object(a), Value::Object(b)) => a.iter().find_map(|(k, v)| {
            let here = if path.is_empty() {
                k.clone()
            } else {
                format!("{path}.{k}")
            };
            match b.get(k) {
                None if v.is_null() => None,
                None => Some(here),
                Some(w) => unknown_field(v, w, &here),
            }
        }),
        (Value::Array(a), Value::Array(b)) => {
            a.iter().zip(b).find_map(|(v, w)| unknown_field(v, w, path))
        }
        _ => None,
    }
}

/// One raw line (without its `\n`) turned into a parsed line and its JSON value.
fn parse(line: usize, raw: &[u8]) -> Checked<(Line, Value)> {
    if line == 1 && raw.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return Err(ImportError::Bom);
    }
    if raw.ends_with(b"\r") {
        return Err(ImportError::Crlf { line });
    }
    if raw.contains(&0) {
        return Err(ImportError::Nul { line });
    }
    let text = std::str::from_utf8(raw).map_err(|_| ImportError::InvalidUtf8 { line })?;
    let value: Value = serde_json::from_str(text).map_err(|e| ImportError::Malformed {
        line,
        detail: e.to_string(),
    })?;
    let parsed = serde_json::from_value::<Line>(value.clone()).map_err(|e| {
        let kind = value.get("event").and_then(|v| v.get("kind")?.as_str());
        match kind {
            Some(kind) if e.to_string().contains("unknown variant") => ImportError::UnknownKind {
                line,
                kind: kind.to_string(),
            },
            _ => ImportError::Malformed {
                line,
                detail: e.to_string(),
            },
        }
    })?;
    let back = serde_json::to_value(&parsed).unwrap_or(Value::Null);
    if let Some(field) = unknown_field(&value, &back, "") {
        return Err(ImportError::UnknownField { line, field });
    }
    Ok((parsed, value))
}

/// What the lines must agree with.
pub struct Expect<'a> {
    pub last_seq: u64,
    pub last_at: Option<DateTime<Utc>>,
    pub territory: &'a Territory,
    /// The state before the first event, to check the events against (`None`: the second
    /// pass, which writes what the first one checked).
    pub state: Option<State>,
}

/// What a whole file held.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Read {
    pub events: u64,
    pub personal: u64,
    pub version: u32,
    /// A version-2 file has no trailer: its completeness cannot be proved.
    pub unproved: bool,
}

/// Where the reading of a file stands.
struct Reader<'a> {
    expect: Expect<'a>,
    read: Read,
    next_seq: u64,
    hash: Hash,
    trailer_at: Option<usize>,
    previous: Option<DateTime<Utc>>,
}

impl Reader<'_> {
    fn header(&mut self, line: usize, h: &super::export::Header) -> Checked<()> {
        if line != 1 {
            return Err(ImportError::Malformed {
                line,
                detail: "a second header".into(),
            });
        }
        if h.format != JOURNAL_FORMAT {
            return Err(ImportError::NoHeader);
        }
        if h.version > JOURNAL_VERSION {
            return Err(ImportError::Version {
                line,
                version: h.version,
            });
        }
        if !h.territory.is_empty() && h.territory != self.expect.territory.id {
            return Err(ImportError::Territory {
                found: h.territory.clone(),
                expected: self.expect.territory.id.clone(),
            });
        }
        self.read.version = h.version;
        Ok(())
    }

    fn event(&mut self, line: usize, env: &Envelope, mut value: Value) -> Checked<()> {
        let (expected, so_far, previous) = (self.next_seq, self.read.events, self.previous);
        check_event(line, env, expected, so_far, &mut self.expect, previous)?;
        if let Some(map) = value.as_object_mut() {
            map.remove("type");
        }
        self.hash = chain::next(&self.hash, &chain::canonical_value(&value));
        self.previous = Some(env.at);
        self.next_seq += 1;
        self.read.events += 1;
        Ok(())
    }

    /// Checks one parsed line; true when it goes on to the caller.
    fn line(&mut self, line: usize, parsed: &Line, value: Value) -> Checked<bool> {
        if let Some(at) = self.trailer_at {
            return Err(ImportError::AfterTrailer { line, trailer: at });
        }
        match parsed {
            Line::Header(h) => self.header(line, h)?,
            _ if line == 1 => return Err(ImportError::NoHeader),
            Line::Event(env) => self.event(line, env, value)?,
            Line::Personal(p) => {
                validate::check_personal(p)
                    .map_err(|problem| ImportError::Invalid { line, problem })?;
                self.read.personal += 1;
            }
            Line::Trailer(t) => {
                let (events, hash) = (self.read.events, self.hash);
                if t.events != events || chain::from_hex(&t.hash) != Some(hash) {
                    return Err(ImportError::TrailerMismatch {
                        line,
                        events,
                        trailer: t.events,
                    });
                }
                self.trailer_at = Some(line);
                return Ok(false);
            }
        }
        Ok(true)
    }

    fn end(mut self) -> Checked<Read> {
        if self.read.events == 0 {
            return Err(ImportError::Empty);
        }
        match (self.trailer_at, self.read.version >= 3) {
            (None, true) => Err(ImportError::NoTrailer {
                events: self.read.events,
            }),
            (None, false) => {
                self.read.unproved = true;
                Ok(self.read)
            }
            _ => Ok(self.read),
        }
    }
}

/// Reads every line, checks it, and hands the events and records to `each`.
pub fn read_all<E>(
    mut input: impl BufRead,
    expect: Expect<'_>,
    mut each: impl FnMut(Line) -> std::result::Result<(), E>,
) -> Checked<std::result::Result<Read, E>> {
    let mut reader = Reader {
        next_seq: expect.last_seq + 1,
        previous: expect.last_at,
        expect,
        read: Read::default(),
        hash: chain::ZERO,
        trailer_at: None,
    };
    let mut raw = Vec::new();
    let mut line = 0;
    loop {
        raw.clear();
        let n = input
            .read_until(b'\n', &mut raw)
            .map_err(|e| ImportError::Io {
                line: line + 1,
                detail: e.to_string(),
            })?;
        if n == 0 {
            break;
        }
        line += 1;
        if raw.last() == Some(&b'\n') {
            raw.pop();
        }
        if raw.iter().all(u8::is_ascii_whitespace) && !raw.contains(&b'\r') {
            continue;
        }
        let (parsed, value) = parse(line, &raw)?;
        if reader.line(line, &parsed, value)?
            && let Err(e) = each(parsed)
        {
            return Ok(Err(e));
        }
    }
    reader.end().map(Ok)
}

fn check_event(
    line: usize,
    env: &Envelope,
    expected: u64,
    events_so_far: u64,
    expect: &mut Expect<'_>,
    previous: Option<DateTime<Utc>>,
) -> Checked<()> {
    if env.v > SCHEMA_VERSION {
        return Err(ImportError::Version {
            line,
            version: env.v,
        });
    }
    if env.seq < expected && events_so_far == 0 {
        return Err(ImportError::AlreadyPresent { line, seq: env.seq });
    }
    if env.seq != expected {
        return Err(ImportError::Gap {
            line,
            expected,
            found: env.seq,
        });
    }
    if let Some(state) = expect.state.as_mut() {
        validate::check_event(state, expect.territory, env, previous)
            .map_err(|problem| ImportError::Invalid { line, problem })?;
        state.apply(env);
    }
    Ok(())
}
