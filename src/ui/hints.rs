//! The footer's second line: key hints made to fit (as many as the line holds, in table
//! order, and the help's key last when some had to go — it lists them all); under the `:`
//! line being typed, its error in place or how the verb is written.

use crate::app::AppState;
use crate::app::form::line::LinePurpose;
use crate::app::keymap::hints;
use crate::app::verbs::find;
use crate::i18n::keys::{Doc, describe};
use crate::i18n::notice;
use crate::text::width;

pub fn fitted(app: &AppState, cells: usize) -> String {
    let l = app.lang;
    let all: Vec<(String, bool)> = hints(app)
        .iter()
        .map(|h| {
            let help = h.binding.doc == Doc::Help;
            (format!("{} {}", h.label(l), h.binding.describe(l)), help)
        })
        .collect();
    let joined: Vec<&str> = all.iter().map(|(s, _)| s.as_str()).collect();
    let whole = joined.join(" · ");
    if width(&whole) <= cells {
        return whole;
    }
    // On the help screen itself, `?` goes back: nothing to point at.
    let help = match app.screen {
        crate::app::Screen::Help => "…".to_string(),
        _ => format!("… ?/F1 {}", describe(Doc::Help, l)),
    };
    let mut out = String::new();
    for (hint, is_help) in &all {
        if *is_help {
            continue;
        }
        let sep = if out.is_empty() { "" } else { " · " };
        if width(&out) + width(sep) + width(hint) + 1 + width(&help) > cells {
            break;
        }
        out.push_str(sep);
        out.push_str(hint);
    }
    if out.is_empty() {
        help
    } else {
        format!("{out} {help}")
    }
}

/// Under the `:` line being typed: its error (true), or how the verb typed is written.
pub fn line_help(app: &AppState, typing: bool) -> Option<(String, bool)> {
    let line = app.mode.line(LinePurpose::Command).filter(|_| typing)?;
    if let Some(n) = app.notice.as_ref().filter(|n| n.is_error()) {
        return Some((notice::text(n, app.lang, &app.territory), true));
    }
    let verb = line.value().split_whitespace().next().and_then(find)?;
    Some((verb.usage(app.lang), false))
}
