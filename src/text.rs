//! Text as people type it and as a terminal draws it: search keys that ignore case, accents
//! and the difference between a hyphen, an apostrophe and a space; widths in terminal cells
//! (an emoji or a CJK character takes two, a combining accent none); a text field's visible
//! window; aligned columns; word wrapping.
//!
//! A leaf: it imports nothing of the project. Widths are counted per grapheme with
//! `unicode-width`, as ratatui's buffer draws them.

use unicode_normalization::char::{decompose_compatible, is_combining_mark};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// The search key of `s`: lower case, accents and other marks removed (compatibility
/// decomposition, so « ﬁ » is « fi » too), œ/æ/ß spelled out, apostrophes, hyphens, dashes,
/// underscores and whitespace all one plain space, runs of them collapsed, none at the ends.
/// « Gros-Chêne », « GROS CHÊNE », « gros—chene » and « gros chene » are one key.
pub fn fold(s: &str) -> String {
    let mut key = Key {
        out: String::with_capacity(s.len()),
        // Starts true so that leading separators are dropped.
        after_space: true,
    };
    for c in s.chars() {
        // Most of what is typed and named is ASCII: no decomposition to look up (this runs
        // for every site at every key of a search).
        if c.is_ascii() {
            key.push(c.to_ascii_lowercase());
        } else {
            decompose_compatible(c, |d| {
                if !is_combining_mark(d) {
                    d.to_lowercase().for_each(|l| key.push(l));
                }
            });
        }
    }
    if key.out.ends_with(' ') {
        key.out.pop();
    }
    key.out
}

/// A search key being written: separators collapsed into one space.
struct Key {
    out: String,
    after_space: bool,
}

impl Key {
    fn push(&mut self, c: char) {
        if is_separator(c) {
            if !self.after_space {
                self.out.push(' ');
                self.after_space = true;
            }
            return;
        }
        self.after_space = false;
        match c {
            'œ' => self.out.push_str("oe"),
            'æ' => self.out.push_str("ae"),
            'ß' => self.out.push_str("ss"),
            'ø' => self.out.push('o'),
            'ł' => self.out.push('l'),
            'đ' => self.out.push('d'),
            // Lower-casing may decompose again (İ gives i + a combining dot).
            c if is_combining_mark(c) => {}
            c => self.out.push(c),
        }
    }
}

/// What people type between two words, or inside one, interchangeably.
fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\'' | '’'
                | '‘'
                | 'ʼ'
                | '`'
                | '´'
                | '-'
                | '‐'
                | '‑'
                | '‒'
                | '–'
                | '—'
                | '―'
                | '−'
                | '_'
        )
}

/// The folded words of a query, for [`contains_words`].
pub fn words(query: &str) -> Vec<String> {
    fold(query)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Whether a folded text contains every folded word (no words: true).
pub fn contains_words(hay_folded: &str, words: &[String]) -> bool {
    words.iter().all(|w| hay_folded.contains(w.as_str()))
}

/// The width of `s` in terminal cells.
pub fn width(s: &str) -> usize {
    s.graphemes(true).map(UnicodeWidthStr::width).sum()
}

/// The longest start of `s` that fits in `cells`, never cutting a wide character in half.
pub fn truncate(s: &str, cells: usize) -> &str {
    let mut used = 0;
    for (at, g) in s.grapheme_indices(true) {
        used += g.width();
        if used > cells {
            return &s[..at];
        }
    }
    s
}

/// `s` followed by spaces up to `cells` cells (what `format!("{s:<w$}")` does, in cells
/// rather than characters); a longer `s` is left whole.
pub fn pad(s: &str, cells: usize) -> String {
    let mut out = String::with_capacity(s.len() + cells);
    out.push_str(s);
    out.extend(std::iter::repeat_n(' ', cells.saturating_sub(width(s))));
    out
}

/// `s` cut or padded to exactly `cells` cells, for aligned columns (what
/// `format!("{s:<w$.w$}")` does, in cells rather than characters).
pub fn fit(s: &str, cells: usize) -> String {
    pad(truncate(s, cells), cells)
}

/// The part of a text field's `value` shown in `cells` cells, and the cursor's cell column
/// in it. `cursor` counts characters (as tui-input gives it). The character under the
/// cursor is always shown whole (at the end, one cell is kept for the cursor itself); the
/// window starts as far left as that allows, and a wide character that does not fit at
/// the right edge is left out rather than cut.
pub fn field_window(value: &str, cursor: usize, cells: usize) -> (String, usize) {
    let cells = cells.max(1);
    let at = value
        .char_indices()
        .nth(cursor)
        .map_or(value.len(), |(i, _)| i);
    let before = width(&value[..at]);
    let under = value[at..]
        .graphemes(true)
        .next()
        .map_or(1, |g| g.width().max(1));
    // Cells scrolled out on the left: enough for the character under the cursor to fit.
    let need = (before + under).saturating_sub(cells).min(before);
    let mut skipped = 0;
    let mut start = 0;
    for (i, g) in value.grapheme_indices(true) {
        if skipped >= need {
            start = i;
            break;
        }
        skipped += g.width();
        start = i + g.len();
    }
    let shown = truncate(&value[start..], cells).to_string();
    (shown, before.saturating_sub(skipped))
}

/// `text` wrapped to `cells` cells a line, words (hyphenated ones too) kept whole; a word
/// longer than a line is broken.
pub fn wrap(text: &str, cells: usize) -> Vec<String> {
    wrap_hanging(text, cells, 0)
}

/// Like [`wrap`], the lines after the first indented by `indent` cells (under the text of a
/// line that starts with a time, say). Too narrow for the indent: no indent.
pub fn wrap_hanging(text: &str, cells: usize, indent: usize) -> Vec<String> {
    let cells = cells.max(1);
    let indent = " ".repeat(if indent < cells { indent } else { 0 });
    let options = textwrap::Options::new(cells)
        .subsequent_indent(&indent)
        .word_separator(textwrap::WordSeparator::AsciiSpace)
        .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit)
        // « Gros-Chêne » is one name: not cut after its hyphen.
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .break_words(true);
    textwrap::wrap(text, options)
        .into_iter()
        .map(|line| line.into_owned())
        .collect()
}

#[cfg(test)]
mod tests;
