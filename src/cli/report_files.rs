//! What the report commands share: the CSV separator option, and writing a report file.

use crate::i18n::Lang;
use crate::report::csv::Separator;
use clap::ValueEnum;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Sep {
    Comma,
    Semicolon,
}

/// The separator asked for, else the language's: English spreadsheets read commas and a
/// decimal point, French ones semicolons and a decimal comma.
pub(super) fn separator(asked: Option<Sep>, lang: Lang) -> Separator {
    match (asked, lang) {
        (Some(Sep::Comma), _) | (None, Lang::En) => Separator::Comma,
        (Some(Sep::Semicolon), _) | (None, Lang::Fr) => Separator::Semicolon,
    }
}

/// Writes `bytes` whole or not at all, saying so in the UI language.
pub(super) fn write_file(path: &std::path::Path, bytes: &[u8], lang: Lang) -> Result<(), String> {
    crate::atomic_file::write(path, bytes).map_err(|e| match lang {
        Lang::Fr => format!("impossible d'écrire {} : {e}", path.display()),
        Lang::En => format!("cannot write {}: {e}", path.display()),
    })
}
