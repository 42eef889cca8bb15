//! Key layout. Big-endian sequence numbers keep sled's order equal to the journal's order.
//!
//! - `journal`:  seq (u64 BE) → envelope (JSON)
//! - `personal`: id (u64 BE) → personal record (JSON)
//! - `views`:    `night/YYYY-MM-DD`, `req/<id BE>`, `case/<id BE>` → records (JSON);
//!   `meta/format`, `meta/snapshot`, `meta/import`, `meta/scrub` → store metadata;
//!   `cmd/<sha256 of a sender's command id>` → the sequences it wrote

use crate::domain::calendar::ServiceNight;

pub const JOURNAL: &str = "journal";
pub const PERSONAL: &str = "personal";
pub const VIEWS: &str = "views";

pub const META_FORMAT: &[u8] = b"meta/format";
pub const META_SNAPSHOT: &[u8] = b"meta/snapshot";
pub const META_IMPORT: &[u8] = b"meta/import";
/// Set in the commit of an erasure, removed once every backup was scrubbed.
pub const META_SCRUB: &[u8] = b"meta/scrub";
pub const NIGHT_PREFIX: &[u8] = b"night/";
pub const REQUEST_PREFIX: &[u8] = b"req/";
pub const CASE_PREFIX: &[u8] = b"case/";
/// A sender's command id (hashed) → what its commit wrote (`origin.rs`).
pub const COMMAND_PREFIX: &[u8] = b"cmd/";

pub fn seq(n: u64) -> [u8; 8] {
    n.to_be_bytes()
}

pub fn decode_seq(k: &[u8]) -> Option<u64> {
    Some(u64::from_be_bytes(k.try_into().ok()?))
}

pub fn night(n: ServiceNight) -> Vec<u8> {
    [NIGHT_PREFIX, n.to_string().as_bytes()].concat()
}

pub fn request(id: u64) -> Vec<u8> {
    [REQUEST_PREFIX, &id.to_be_bytes()].concat()
}

pub fn case(id: u64) -> Vec<u8> {
    [CASE_PREFIX, &id.to_be_bytes()].concat()
}
