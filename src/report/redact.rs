//! What a night report may show. By default (the version for commissioners) no personal
//! data at all: no caller name, no callback number, no free text. The internal version
//! (`--internal`) keeps the free-text notes (request description, intervention and
//! observation notes) but never a caller's name or callback number, and masks anything in
//! a note that looks like a phone number. Requests whose category touches health appear
//! only in counts, in both versions: no row, no site, no note. See docs/reports.md.

use crate::domain::ids::PersonalId;
use crate::domain::personal::PersonalRecord;
use crate::domain::vocab::Category;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Redaction {
    /// For commissioners: structured facts only.
    #[default]
    Commissioner,
    /// For the service: notes kept, callback numbers never.
    Internal,
}

/// The free text a report may quote, by personal record; empty for commissioners.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Notes(BTreeMap<PersonalId, String>);

impl Notes {
    /// Keeps only the text of each record (never `caller_name`, never `callback`), with
    /// phone-like numbers masked; nothing at all for commissioners.
    pub fn from_records(records: &[PersonalRecord], redaction: Redaction) -> Notes {
        if redaction == Redaction::Commissioner {
            return Notes::default();
        }
        Notes(
            records
                .iter()
                .filter_map(|r| Some((r.id, mask_numbers(r.text.as_deref()?))))
                .collect(),
        )
    }

    pub fn get(&self, id: Option<PersonalId>) -> Option<&str> {
        self.0.get(&id?).map(String::as_str)
    }
}

/// Whether rows about this category may be shown (otherwise it is counted only).
pub fn listable(category: Category) -> bool {
    !category.is_health()
}

/// What replaces a number in a note.
pub const MASK: &str = "[…]";

/// Masks every run of digits (with spaces, dots, dashes, a leading +) holding 8 digits or
/// more: French phone numbers in any usual spelling, and anything close enough to one.
pub fn mask_numbers(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_digit() || (c == '+' && chars.get(i + 1).is_some_and(char::is_ascii_digit)) {
            // The run: digits and separators, ending on a digit.
            let mut j = i + 1;
            let mut last_digit = i;
            let mut digits = usize::from(c.is_ascii_digit());
            while j < chars.len() && (chars[j].is_ascii_digit() || " .-".contains(chars[j])) {
                if chars[j].is_ascii_digit() {
                    digits += 1;
                    last_digit = j;
                }
                j += 1;
            }
            if digits >= 8 {
                out.push_str(MASK);
            } else {
                out.extend(&chars[i..=last_digit]);
            }
            i = last_digit + 1;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_masked_in_any_spelling() {
        assert_eq!(
            mask_numbers("rappeler au 06 12 34 56 78 svp"),
            "rappeler au […] svp"
        );
        assert_eq!(mask_numbers("tel 0612345678."), "tel […].");
        assert_eq!(mask_numbers("+33 6 12 34 56 78"), "[…]");
        assert_eq!(
            mask_numbers("06.12.34.56.78 ou 07-11-22-33-44"),
            "[…] ou […]"
        );
        // Short numbers stay: a door code, a floor, a time.
        assert_eq!(
            mask_numbers("bât. 12, 3e étage à 23 h 15"),
            "bât. 12, 3e étage à 23 h 15"
        );
        assert_eq!(mask_numbers("1 + 1 = 2"), "1 + 1 = 2");
    }
}
