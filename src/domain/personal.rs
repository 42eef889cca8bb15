//! Personal data: a caller's name, a callback number, free text that may speak of people.
//! Never inside an event: events point at a record kept in its own tree, so that retention
//! and a resident's erasure request delete the record and leave the structured history intact.

use super::calendar::ServiceNight;
use super::ids::PersonalId;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// What the record belongs to (for retention rules and the export).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PersonalKind {
    Request,
    InterventionNote,
    LogEntry,
    ObservationNote,
    CaseNote,
    RelayNote,
    ActionNote,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonalRecord {
    pub id: PersonalId,
    pub kind: PersonalKind,
    pub created_at: DateTime<Utc>,
    pub night: ServiceNight,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caller_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub callback: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// A free address (a place not in the territory's list).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
}

/// Longest free text kept (a note, not a report).
pub const MAX_TEXT: usize = 2000;
/// Longest caller name kept.
pub const MAX_NAME: usize = 80;

/// Normalises a French callback number to "06 12 34 56 78" (or "+33 6 12 34 56 78" kept as
/// national form). Accepts spaces, dots and dashes; `+33`/`0033` prefixes. `None` if invalid.
pub fn normalise_phone(input: &str) -> Option<String> {
    let trimmed = input.trim();
    let mut digits = String::new();
    for (i, c) in trimmed.char_indices() {
        match c {
            '0'..='9' => digits.push(c),
            ' ' | '.' | '-' => {}
            '+' if i == 0 => digits.push('+'),
            _ => return None,
        }
    }
    let national = if let Some(rest) = digits.strip_prefix("+33") {
        format!("0{rest}")
    } else if let Some(rest) = digits.strip_prefix("0033") {
        format!("0{rest}")
    } else {
        digits
    };
    let bytes = national.as_bytes();
    let valid = bytes.len() == 10 && bytes[0] == b'0' && (b'1'..=b'9').contains(&bytes[1]);
    if !valid {
        return None;
    }
    let pairs: Vec<&str> = (0..5).map(|i| &national[i * 2..i * 2 + 2]).collect();
    Some(pairs.join(" "))
}

/// Trims free text; empty means none.
pub fn clean_text(input: Option<&str>) -> Option<String> {
    input
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones_are_normalised_or_refused() {
        assert_eq!(
            normalise_phone("06 39 98 12 34").as_deref(),
            Some("06 39 98 12 34")
        );
        assert_eq!(
            normalise_phone("0639981234").as_deref(),
            Some("06 39 98 12 34")
        );
        assert_eq!(
            normalise_phone("06.39.98.12.34").as_deref(),
            Some("06 39 98 12 34")
        );
        assert_eq!(
            normalise_phone("+33 6 39 98 12 34").as_deref(),
            Some("06 39 98 12 34")
        );
        assert_eq!(
            normalise_phone("0033639981234").as_deref(),
            Some("06 39 98 12 34")
        );
        assert_eq!(normalise_phone("063998123"), None);
        assert_eq!(normalise_phone("06399812345"), None);
        assert_eq!(normalise_phone("0039981234"), None);
        assert_eq!(normalise_phone("06 39 98 12 3a"), None);
        assert_eq!(normalise_phone("6+0639981234"), None);
        assert_eq!(normalise_phone(""), None);
    }

    #[test]
    fn blank_text_is_none() {
        assert_eq!(clean_text(Some("  ")), None);
        assert_eq!(clean_text(Some(" bruit ")).as_deref(), Some("bruit"));
        assert_eq!(clean_text(None), None);
    }
}
