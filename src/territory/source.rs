//! One territory file's text and the name to show for it, plus the line look-ups that let an
//! error point at the line to fix even when the check runs after parsing (a duplicate id, an
//! unknown reference): the parsers give positions only for what they reject themselves.

/// A file's display name (as the user gave it, or `assets/rennes/…` when embedded) and text.
#[derive(Debug, Clone)]
pub(crate) struct Source {
    pub file: String,
    pub text: String,
}

impl Source {
    pub fn new(file: impl Into<String>, text: impl Into<String>) -> Source {
        Source {
            file: file.into(),
            text: text.into(),
        }
    }

    /// 1-based (line, column) of a byte offset; the column counts characters.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let mut end = offset.min(self.text.len());
        while !self.text.is_char_boundary(end) {
            end -= 1;
        }
        let before = &self.text[..end];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        (line, column)
    }

    /// The 1-based line of the `nth` (0-based) item whose id is `id`: a line reading
    /// `id = "x"` in TOML or `"id": "x"` in JSON, spaces and a trailing comma ignored.
    pub fn item_line(&self, id: &str, nth: usize) -> Option<usize> {
        self.text
            .lines()
            .enumerate()
            .filter(|(_, line)| is_id_line(line, id))
            .nth(nth)
            .map(|(i, _)| i + 1)
    }

    /// The line of `field = …` in the TOML table starting at `item_line` (before the next
    /// table header), else `item_line` itself: the best place to point at.
    pub fn field_line(&self, item_line: Option<usize>, field: &str) -> Option<usize> {
        let start = item_line?;
        for (i, line) in self.text.lines().enumerate().skip(start - 1) {
            let t = line.trim_start();
            if i + 1 > start && t.starts_with('[') {
                break;
            }
            if let Some(rest) = t.strip_prefix(field)
                && rest.trim_start().starts_with('=')
            {
                return Some(i + 1);
            }
        }
        Some(start)
    }

    /// The line of `field` of the `nth` item with id `id`.
    pub fn field_line_of(&self, id: &str, nth: usize, field: &str) -> Option<usize> {
        self.field_line(self.item_line(id, nth), field)
    }
}

fn is_id_line(line: &str, id: &str) -> bool {
    let compact: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    let compact = compact.strip_suffix(',').unwrap_or(&compact);
    let toml = [format!("id=\"{id}\""), format!("id='{id}'")];
    compact == format!("\"id\":\"{id}\"") || toml.iter().any(|t| compact == t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_from_one() {
        let s = Source::new("f", "ab\ncdé\nx");
        assert_eq!(s.line_col(0), (1, 1));
        assert_eq!(s.line_col(4), (2, 2));
        // Inside the two bytes of "é": counted from the character's start.
        assert_eq!(s.line_col(6), (2, 3));
        assert_eq!(s.line_col(8), (3, 1));
        assert_eq!(s.line_col(999), (3, 2));
    }

    #[test]
    fn finds_items_and_fields() {
        let s = Source::new(
            "f",
            "[[sites]]\nid = \"a\"\nname = \"A\"\n\n[[sites]]\nid=\"b\"\ndistrict = \"x\"\n\
             [[sites]]\nid = \"a\"\n",
        );
        assert_eq!(s.item_line("a", 0), Some(2));
        assert_eq!(s.item_line("a", 1), Some(9));
        assert_eq!(s.item_line("c", 0), None);
        assert_eq!(s.field_line_of("b", 0, "district"), Some(7));
        // Not in this table: falls back to the id line.
        assert_eq!(s.field_line_of("a", 0, "district"), Some(2));
        let json = Source::new("g", "{\n \"id\": \"maurepas\",\n}");
        assert_eq!(json.item_line("maurepas", 0), Some(2));
    }
}
