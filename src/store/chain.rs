//! The journal's hash chain. Each event's hash covers the previous event's hash and the
//! event's canonical JSON (keys sorted at every level), so that any change, loss or
//! reordering of an event changes every hash after it. The canonical form does not depend
//! on how a line was written (key order, spacing), so an export read back by another
//! Vigie version gives the same chain as long as the event's fields are the same.

use crate::domain::event::Envelope;
use serde_json::Value;
use sha2::{Digest, Sha256};

/// SHA-256 of the previous hash and the canonical event.
pub type Hash = [u8; 32];

/// The hash before the first event.
pub const ZERO: Hash = [0; 32];

/// The canonical JSON of an envelope.
pub fn canonical(env: &Envelope) -> Vec<u8> {
    // An envelope is plain data (strings, integers, enums): it always turns into a value.
    let value = serde_json::to_value(env).unwrap_or(Value::Null);
    canonical_value(&value)
}

/// The canonical JSON of an already parsed value (an import line without its `type`).
pub fn canonical_value(value: &Value) -> Vec<u8> {
    let mut out = Vec::with_capacity(256);
    write_sorted(value, &mut out);
    out
}

fn write_sorted(value: &Value, out: &mut Vec<u8>) {
    match value {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            out.push(b'{');
            for (i, k) in keys.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                write_scalar(&Value::String((*k).clone()), out);
                out.push(b':');
                write_sorted(&map[*k], out);
            }
            out.push(b'}');
        }
        Value::Array(items) => {
            out.push(b'[');
            for (i, v) in items.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                write_sorted(v, out);
            }
            out.push(b']');
        }
        scalar => write_scalar(scalar, out),
    }
}

fn write_scalar(value: &Value, out: &mut Vec<u8>) {
    // Writing a scalar into a Vec cannot fail.
    let _ = serde_json::to_writer(&mut *out, value);
}

/// The hash of the event that follows `prev`.
pub fn next(prev: &Hash, canonical: &[u8]) -> Hash {
    let mut h = Sha256::new();
    h.update(prev);
    h.update(canonical);
    h.finalize().into()
}

pub fn to_hex(h: &Hash) -> String {
    h.iter().map(|b| format!("{b:02x}")).collect()
}

pub fn from_hex(s: &str) -> Option<Hash> {
    if s.len() != 64 || !s.is_ascii() {
        return None;
    }
    let mut h = ZERO;
    for (i, byte) in h.iter_mut().enumerate() {
        *byte = u8::from_str_radix(&s[2 * i..2 * i + 2], 16).ok()?;
    }
    Some(h)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_form_ignores_key_order_and_spacing() {
        let a: Value = serde_json::from_str(r#"{"b":1,"a":{"y":[1,{"d":2,"c":"é"}],"x":null}}"#)
            .expect("json");
        let b: Value =
            serde_json::from_str(r#"{ "a" : {"x":null, "y":[1,{"c":"é","d":2}]}, "b":1 }"#)
                .expect("json");
        assert_eq!(canonical_value(&a), canonical_value(&b));
        assert_eq!(
            String::from_utf8(canonical_value(&a)).expect("utf-8"),
            r#"{"a":{"x":null,"y":[1,{"c":"é","d":2}]},"b":1}"#
        );
    }

    #[test]
    fn a_changed_byte_changes_the_hash_and_hex_reads_back() {
        let h1 = next(&ZERO, b"{\"seq\":1}");
        let h2 = next(&ZERO, b"{\"seq\":2}");
        assert_ne!(h1, h2);
        assert_eq!(from_hex(&to_hex(&h1)), Some(h1));
        assert_eq!(from_hex("zz"), None);
    }
}
