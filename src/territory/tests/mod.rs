//! Tests of the loader: the real Rennes data (`rennes`) and broken copies of it (`errors`).

mod errors;
mod rennes;

use super::*;
use crate::domain::reference::PartnerKind;
use crate::i18n::{Lang, territory::territory_error};

fn rennes_ok() -> Territory {
    match rennes() {
        Ok(t) => t,
        Err(e) => panic!("{}", territory_error(&e, Lang::En)),
    }
}

/// Loads the embedded files after `edit`, expecting an error.
fn broken(edit: impl FnOnce(&mut Sources)) -> TerritoryError {
    let mut s = Sources::embedded();
    edit(&mut s);
    match load(&s) {
        Ok(_) => panic!("the edited territory should not load"),
        Err(e) => e,
    }
}

/// 1-based line of the `nth` (0-based) line containing `needle`.
fn line_of(text: &str, needle: &str, nth: usize) -> usize {
    text.lines()
        .enumerate()
        .filter(|(_, l)| l.contains(needle))
        .nth(nth)
        .map(|(i, _)| i + 1)
        .unwrap_or_else(|| panic!("`{needle}` #{nth} not found"))
}

/// Replaces the `line`-th (1-based) line of `text`.
fn replace_line(text: &str, line: usize, new: &str) -> String {
    let mut lines: Vec<&str> = text.lines().collect();
    lines[line - 1] = new;
    lines.join("\n") + "\n"
}
