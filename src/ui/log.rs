//! The logbook screen: the night's main courante, newest line followed, matches of the
//! search marked.

use super::theme::Theme;
use crate::app::AppState;
use crate::i18n::dates;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Wrap};

pub fn draw(frame: &mut Frame, area: Rect, app: &AppState, theme: &Theme) {
    let l = app.lang;
    let book = &app.log;
    let night = book
        .night
        .map_or_else(String::new, |n| format!(" — {}", dates::night_title(n, l)));
    let mut title = format!(
        "{}{night} ({})",
        l.pick("Main courante", "Logbook"),
        book.lines.len()
    );
    if !book.query.is_empty() {
        let n = book.match_count();
        title.push_str(&match l {
            crate::i18n::Lang::Fr => format!(" · « {} » : {n}", book.query),
            crate::i18n::Lang::En => format!(" · \"{}\": {n}", book.query),
        });
    }
    if book.cursor.is_some() {
        title.push_str(l.pick(" · défilement (End : suivre)", " · scrolled (End: follow)"));
    }
    let block = Block::bordered()
        .title(Line::styled(title, theme.title()))
        .border_style(theme.focused_border());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if book.lines.is_empty() {
        let text = l.pick(
            "Rien d'écrit pour cette nuit. Chaque action s'y inscrit d'elle-même ; « e » ajoute une entrée libre.",
            "Nothing written for this night. Every action writes itself here; \"e\" adds a free entry.",
        );
        frame.render_widget(
            Paragraph::new(text)
                .style(theme.dim())
                .wrap(Wrap { trim: true }),
            inner,
        );
        return;
    }
    let height = inner.height as usize;
    let width = inner.width as usize;
    let sel = book.selected().unwrap_or(0);
    // Long lines wrap; the selected line and those just before it fill the pane upwards,
    // so following the night keeps the newest line at the bottom.
    let mut first = sel;
    let mut used = wrap(&book.lines[sel].text, width).len();
    while first > 0 {
        let h = wrap(&book.lines[first - 1].text, width).len();
        if used + h > height {
            break;
        }
        used += h;
        first -= 1;
    }
    let mut lines: Vec<Line> = Vec::with_capacity(height);
    for (i, line) in book.lines.iter().enumerate().skip(first) {
        if lines.len() >= height {
            break;
        }
        let mut style = Style::new();
        if book.is_match(i) {
            style = style.add_modifier(Modifier::BOLD).patch(theme.info());
        }
        if i == sel && book.cursor.is_some() {
            style = theme.selected();
        }
        lines.extend(
            wrap(&line.text, width)
                .into_iter()
                .map(|part| Line::styled(part, style)),
        );
    }
    lines.truncate(height);
    frame.render_widget(Paragraph::new(lines), inner);
}

/// Wraps a line at words to `width` cells; the following pieces are indented under the
/// text, past the time.
fn wrap(text: &str, width: usize) -> Vec<String> {
    const INDENT: usize = 7;
    if width <= INDENT + 1 {
        return vec![text.to_string()];
    }
    crate::text::wrap_hanging(text, width, INDENT)
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn long_lines_wrap_at_words_under_the_text_and_short_ones_stay_whole() {
        assert_eq!(wrap("21:04  court", 40), ["21:04  court"]);
        let parts = wrap("21:04  Équipe E1 sur place au Gros-Chêne", 24);
        assert_eq!(
            parts,
            [
                "21:04  Équipe E1 sur",
                "       place au",
                "       Gros-Chêne"
            ]
        );
        let parts = wrap("21:04  abcdefghijklmnop", 14);
        assert_eq!(
            parts,
            ["21:04  abcdefg", "       hijklmn", "       op"],
            "a word longer than the line is broken"
        );
        assert_eq!(
            wrap("21:04  abc", 3),
            ["21:04  abc"],
            "too narrow: left to the pane"
        );
    }
}
