//! Reading an import file line by line, refusing what `decide` would have refused and
//! what the format does not allow: a byte-order mark, CRLF, invalid UTF-8, NUL bytes,
//! unknown fields, a header of another territory, events out of order, a missing or
//! disagreeing trailer. Everything is said with its line number.

use super::chain::{self, Hash};
use super::export::{JOURNAL_FORMAT, JOURNAL_VERSION, Line};
use super::import::ImportError;
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

/// Reads every line, checks it, and hands the events and records to `each`.
pub fn read_all<E>(
    mut reader: impl BufRead,
    mut expect: Expect<'_>,
    mut each: impl FnMut(Line) -> std::result::Result<(), E>,
) -> Checked<std::result::Result<Read, E>> {
    let mut read = Read::default();
    let mut next_seq = expect.last_seq + 1;
    let mut hash: Hash = chain::ZERO;
    let mut trailer_at = None;
    let mut previous = expect.last_at;
    let mut raw = Vec::new();
    let mut line = 0;
    loop {
        raw.clear();
        let n = reader
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
        if let Some(at) = trailer_at {
            return Err(ImportError::AfterTrailer { line, trailer: at });
        }
        let (parsed, mut value) = parse(line, &raw)?;
        match &parsed {
            Line::Header(h) if line == 1 => {
                if h.format != JOURNAL_FORMAT {
                    return Err(ImportError::NoHeader);
                }
                if h.version > JOURNAL_VERSION {
                    return Err(ImportError::Version {
                        line,
                        version: h.version,
                    });
                }
                if !h.territory.is_empty() && h.territory != expect.territory.id {
                    return Err(ImportError::Territory {
                        found: h.territory.clone(),
                        expected: expect.territory.id.clone(),
                    });
                }
                read.version = h.version;
            }
            _ if line == 1 => return Err(ImportError::NoHeader),
            Line::Header(_) => {
                return Err(ImportError::Malformed {
                    line,
                    detail: "a second header".into(),
                });
            }
            Line::Event(env) => {
                check_event(line, env, next_seq, read.events, &mut expect, previous)?;
                if let Some(map) = value.as_object_mut() {
                    map.remove("type");
                }
                hash = chain::next(&hash, &chain::canonical_value(&value));
                previous = Some(env.at);
                next_seq += 1;
                read.events += 1;
            }
            Line::Personal(p) => {
                validate::check_personal(p)
                    .map_err(|problem| ImportError::Invalid { line, problem })?;
                read.personal += 1;
            }
            Line::Trailer(t) => {
                if t.events != read.events || chain::from_hex(&t.hash) != Some(hash) {
                    return Err(ImportError::TrailerMismatch {
                        line,
                        events: read.events,
                        trailer: t.events,
                    });
                }
                trailer_at = Some(line);
                continue;
            }
        }
        if let Err(e) = each(parsed) {
            return Ok(Err(e));
        }
    }
    if read.events == 0 {
        return Err(ImportError::Empty);
    }
    match (trailer_at, read.version >= 3) {
        (None, true) => {
            return Err(ImportError::NoTrailer {
                events: read.events,
            });
        }
        (None, false) => read.unproved = true,
        _ => {}
    }
    Ok(Ok(read))
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
