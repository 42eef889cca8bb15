//! What a report may show. By default (the version for commissioners) no personal data at
//! all: no caller name, no callback number, no free text. The internal version
//! (`--internal`) keeps the free-text notes (request description, intervention and
//! observation notes) but never a caller's name or callback number. Every free text that
//! goes out, in either version (the handover note too), has phone numbers written in any
//! spelling and the recorded callers' names masked. Requests whose category touches health
//! appear only in counts. See docs/reports.md.

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

/// The free text a report may quote, by personal record (empty for commissioners), and
/// what must be masked in any text: the callers' names.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Notes {
    texts: BTreeMap<PersonalId, String>,
    masker: Masker,
}

impl Notes {
    /// Keeps only the text of each record (never `caller_name`, never `callback`), masked;
    /// no text at all for commissioners. The callers' names of `records` are masked
    /// wherever they appear, in either version.
    pub fn from_records(records: &[PersonalRecord], redaction: Redaction) -> Notes {
        let masker = Masker::new(records.iter().filter_map(|r| r.caller_name.as_deref()));
        let texts = match redaction {
            Redaction::Commissioner => BTreeMap::new(),
            Redaction::Internal => records
                .iter()
                .filter_map(|r| Some((r.id, masker.clean(r.text.as_deref()?))))
                .collect(),
        };
        Notes { texts, masker }
    }

    pub fn get(&self, id: Option<PersonalId>) -> Option<&str> {
        self.texts.get(&id?).map(String::as_str)
    }

    /// Any other free text that goes out (the handover note), masked the same way.
    pub fn clean(&self, text: &str) -> String {
        self.masker.clean(text)
    }
}

/// Masks phone numbers and the given names in free text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Masker {
    /// Folded (lowercase, no accents) names and name parts, longest first.
    terms: Vec<Vec<char>>,
}

/// Words of a name that are not the name itself.
const CIVILITIES: &[&str] = &["mme", "mlle", "madame", "monsieur", "mr", "mrs", "ms", "m."];

impl Masker {
    pub fn new<'a>(names: impl Iterator<Item = &'a str>) -> Masker {
        let mut terms: Vec<Vec<char>> = Vec::new();
        for name in names {
            let folded: Vec<char> = name.trim().chars().map(fold).collect();
            if folded.len() >= 3 {
                terms.push(folded.clone());
            }
            let s: String = folded.iter().collect();
            for part in s.split(|c: char| c.is_whitespace() || c == '-' || c == '\'') {
                let part = part.trim_matches('.');
                if part.chars().count() >= 3 && !CIVILITIES.contains(&part) {
                    terms.push(part.chars().collect());
                }
            }
        }
        terms.sort_by_key(|t| std::cmp::Reverse(t.len()));
        terms.dedup();
        Masker { terms }
    }

    pub fn clean(&self, text: &str) -> String {
        mask_names(&mask_numbers(text), &self.terms)
    }
}

/// Whether rows about this category may be shown (otherwise it is counted only).
pub fn listable(category: Category) -> bool {
    !category.is_health()
}

/// Below this, a count of a health category is shown as « < 5 ».
pub const HEALTH_THRESHOLD: u32 = 5;

/// What replaces a number or a name in a note.
pub const MASK: &str = "[…]";

/// What may stand between the digits of a phone number: spaces (no-break ones included),
/// dots, dashes, slashes, the brackets of « (0) ».
fn is_separator(c: char) -> bool {
    matches!(
        c,
        ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '.' | '-' | '/' | '(' | ')'
    )
}

/// Masks every run of digits (with separators, a leading +) holding 8 digits or more:
/// French phone numbers in any usual spelling (`+33`, `0033` included), and anything
/// close enough to one.
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
            while j < chars.len() && (chars[j].is_ascii_digit() || is_separator(chars[j])) {
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

/// Lowercase without the accents of French (and nearby) names: one char for one char, so
/// positions in the folded text are positions in the original.
fn fold(c: char) -> char {
    let lower = c.to_lowercase().next().unwrap_or(c);
    match lower {
        'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' => 'a',
        'ç' => 'c',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'î' | 'ï' | 'í' | 'ì' => 'i',
        'ô' | 'ö' | 'ó' | 'ò' | 'õ' => 'o',
        'û' | 'ü' | 'ú' | 'ù' => 'u',
        'ÿ' | 'ý' => 'y',
        'ñ' => 'n',
        '’' => '\'',
        other => other,
    }
}

/// Masks each term where it stands as a whole word (case and accents aside).
fn mask_names(text: &str, terms: &[Vec<char>]) -> String {
    if terms.is_empty() {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    let folded: Vec<char> = chars.iter().map(|c| fold(*c)).collect();
    let word = |i: usize| folded.get(i).is_some_and(|c| c.is_alphanumeric());
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    'outer: while i < chars.len() {
        if i == 0 || !word(i - 1) {
            for t in terms {
                let end = i + t.len();
                if end <= folded.len() && folded[i..end] == t[..] && !word(end) {
                    out.push_str(MASK);
                    i = end;
                    continue 'outer;
                }
            }
        }
        out.push(chars[i]);
        i += 1;
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
        assert_eq!(mask_numbers("+33 (0)6 12 34 56 78"), "[…]");
        assert_eq!(mask_numbers("0033 6 12 34 56 78"), "[…]");
        assert_eq!(
            mask_numbers("06.12.34.56.78 ou 07-11-22-33-44 ou 07/11/22/33/44"),
            "[…] ou […] ou […]"
        );
        assert_eq!(mask_numbers("06\u{a0}12\u{a0}34\u{a0}56\u{a0}78"), "[…]");
        assert_eq!(
            mask_numbers("06\u{202f}12\u{202f}34\u{202f}56\u{202f}78"),
            "[…]"
        );
        // Short numbers stay: a door code, a floor, a time.
        assert_eq!(
            mask_numbers("bât. 12, 3e étage à 23 h 15"),
            "bât. 12, 3e étage à 23 h 15"
        );
        assert_eq!(mask_numbers("1 + 1 = 2"), "1 + 1 = 2");
    }

    #[test]
    fn callers_names_are_masked_as_words_case_and_accents_aside() {
        let m = Masker::new(["Mme Quatrebarbes-Zéphyrin", "Léonce Biscornu"].into_iter());
        assert_eq!(
            m.clean("vu MME QUATREBARBES-ZEPHYRIN puis zéphyrin seule"),
            "vu […] puis […] seule"
        );
        assert_eq!(
            m.clean("Biscornu rappelé ; léonce absent"),
            "[…] rappelé ; […] absent"
        );
        // Inside another word, a name is not one.
        assert_eq!(m.clean("Biscornus et Madame"), "Biscornus et Madame");
        assert_eq!(Masker::default().clean("rien"), "rien");
    }
}
