//! The main courante as the console shows it: the night's lines, a cursor that follows the
//! newest line until the coordinator scrolls, and a search. Its keys are in `log_keys`.

use crate::domain::calendar::ServiceNight;
use crate::domain::event::Envelope;
use crate::i18n::Lang;
use crate::i18n::log::{Lookup, line};
use crate::text::fold;

/// One line of the main courante, written in the UI language when it arrives.
#[derive(Debug, Clone, PartialEq)]
pub struct LogLine {
    pub seq: u64,
    pub night: ServiceNight,
    pub text: String,
}

impl LogLine {
    pub fn of(env: &Envelope, lookup: &dyn Lookup, lang: Lang) -> LogLine {
        LogLine {
            seq: env.seq,
            night: env.night,
            text: line(env, lookup, lang),
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct Logbook {
    pub lines: Vec<LogLine>,
    pub night: Option<ServiceNight>,
    /// The selected line; `None` follows the newest line as lines arrive.
    pub cursor: Option<usize>,
    /// The last search (shown highlighted, `n`/`N` go through its matches).
    pub query: String,
}

impl Logbook {
    /// Adds lines written since; a line of another night starts that night's courante.
    pub fn append(&mut self, lines: Vec<LogLine>) {
        for line in lines {
            if Some(line.night) != self.night {
                self.lines.clear();
                self.night = Some(line.night);
                self.cursor = None;
            }
            // A line already shown (the runtime may resend) is not repeated.
            if self.lines.last().is_some_and(|l| l.seq >= line.seq) {
                continue;
            }
            self.lines.push(line);
        }
    }

    pub fn selected(&self) -> Option<usize> {
        self.cursor.or(self.lines.len().checked_sub(1))
    }

    /// Moves the cursor; reaching the last line follows new lines again.
    pub fn move_by(&mut self, delta: isize) {
        let Some(last) = self.lines.len().checked_sub(1) else {
            return;
        };
        let at = self.selected().unwrap_or(last) as isize;
        let to = (at + delta).clamp(0, last as isize) as usize;
        self.cursor = (to != last).then_some(to);
    }

    pub fn home(&mut self) {
        if self.lines.len() > 1 {
            self.cursor = Some(0);
        }
    }

    pub fn end(&mut self) {
        self.cursor = None;
    }

    /// Whether line `i` contains the search (accents, case, hyphens and apostrophes aside).
    pub fn is_match(&self, i: usize) -> bool {
        let q = fold(self.query.trim());
        !q.is_empty()
            && self
                .lines
                .get(i)
                .is_some_and(|l| fold(&l.text).contains(&q))
    }

    pub fn match_count(&self) -> usize {
        (0..self.lines.len()).filter(|i| self.is_match(*i)).count()
    }

    /// Goes to the next (or previous) matching line, wrapping around; false when none.
    pub fn find(&mut self, forward: bool) -> bool {
        let n = self.lines.len();
        let Some(from) = self.selected() else {
            return false;
        };
        for step in 1..=n {
            let i = if forward {
                (from + step) % n
            } else {
                (from + n - step % n) % n
            };
            if self.is_match(i) {
                self.cursor = (i + 1 != n).then_some(i);
                return true;
            }
        }
        false
    }

    /// Starts a search from the newest line backwards, as one looks for what just happened.
    pub fn search(&mut self, query: &str) -> bool {
        self.query = query.trim().to_string();
        self.cursor = None;
        if self.selected().is_some_and(|i| self.is_match(i)) {
            return true;
        }
        self.find(false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn book(texts: &[&str]) -> Logbook {
        let night: ServiceNight = "2026-11-30".parse().expect("night");
        let mut b = Logbook::default();
        b.append(
            texts
                .iter()
                .enumerate()
                .map(|(i, t)| LogLine {
                    seq: i as u64 + 1,
                    night,
                    text: t.to_string(),
                })
                .collect(),
        );
        b
    }

    #[test]
    fn the_cursor_follows_new_lines_until_the_coordinator_scrolls() {
        let mut b = book(&["a", "b", "c"]);
        assert_eq!(b.selected(), Some(2));
        b.move_by(-1);
        assert_eq!(b.selected(), Some(1));
        let night = b.night.expect("night");
        b.append(vec![LogLine {
            seq: 4,
            night,
            text: "d".into(),
        }]);
        assert_eq!(b.selected(), Some(1), "scrolled back: stays");
        b.move_by(10);
        assert_eq!(b.cursor, None, "back at the end: follows again");
        assert_eq!(b.selected(), Some(3));
    }

    #[test]
    fn a_new_night_starts_a_new_courante_and_repeats_are_dropped() {
        let mut b = book(&["a", "b"]);
        let again = b.lines[1].clone();
        b.append(vec![again]);
        assert_eq!(b.lines.len(), 2);
        let next: ServiceNight = "2026-12-01".parse().expect("night");
        b.append(vec![LogLine {
            seq: 9,
            night: next,
            text: "ouverte".into(),
        }]);
        assert_eq!(b.lines.len(), 1);
        assert_eq!(b.night, Some(next));
    }

    #[test]
    fn search_ignores_accents_and_wraps_both_ways() {
        let mut b = book(&["Équipe E1 envoyée", "note", "équipe E2 sur place", "fin"]);
        assert!(b.search("EQUIPE"));
        assert_eq!(b.selected(), Some(2), "newest match first");
        assert!(b.find(false));
        assert_eq!(b.selected(), Some(0));
        assert!(b.find(false));
        assert_eq!(b.selected(), Some(2), "wraps");
        assert!(b.find(true));
        assert_eq!(b.selected(), Some(0));
        assert_eq!(b.match_count(), 2);
        assert!(!b.search("ascenseur"));
        assert_eq!(b.match_count(), 0);
    }

    #[test]
    fn search_treats_hyphens_apostrophes_and_spaces_alike() {
        let mut b = book(&[
            "21:30  Sollicitation 4 reçue : Dalle du Gros-Chêne (Maurepas)",
            "21:40  Équipe E2 sur place",
            "21:50  Note — hall de l’immeuble Kennedy",
        ]);
        assert!(b.search("gros chene"));
        assert_eq!(b.selected(), Some(0));
        assert_eq!(b.match_count(), 1);
        assert!(b.search("GROS—CHÊNE"));
        assert_eq!(b.selected(), Some(0));
        assert!(b.search("l'immeuble"));
        assert_eq!(b.selected(), Some(2));
        assert!(!b.search("gros chene kennedy"), "the words in that order");
    }

    #[test]
    fn an_empty_book_never_moves_nor_finds() {
        let mut b = Logbook::default();
        b.move_by(5);
        b.home();
        assert!(!b.search("x"));
        assert_eq!(b.selected(), None);
    }
}
