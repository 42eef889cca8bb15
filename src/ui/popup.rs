//! The one form pop-up: a bordered box over the screen, labels in a column of `LABEL`
//! cells, values after them, the focused field reversed and the cursor in the text being
//! typed. Every form is drawn with it.

use super::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};
use tui_input::Input;

/// The width of the labels' column.
pub const LABEL: u16 = 16;

/// A bordered pop-up of at most `width`×`height` centred in `body`; returns its inside.
pub fn frame_popup(
    frame: &mut Frame,
    body: Rect,
    width: u16,
    height: u16,
    title: &str,
    theme: &Theme,
) -> Rect {
    let area = body.centered(
        Constraint::Length(width.min(body.width)),
        Constraint::Length(height.min(body.height)),
    );
    frame.render_widget(Clear, area);
    let block = Block::bordered()
        .title(Line::styled(title.to_string(), theme.title()))
        .border_style(theme.focused_border());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    inner
}

/// The part of a text input that fits `width` cells around the cursor, and the cursor's
/// column in it (emoji and CJK take two cells).
pub fn text_field(input: &Input, width: u16) -> (String, u16) {
    let (shown, cursor) = crate::text::field_window(input.value(), input.cursor(), width.into());
    (shown, u16::try_from(cursor).unwrap_or(width))
}

enum Entry<'a> {
    Value {
        label: String,
        value: String,
        focused: bool,
    },
    Text {
        label: String,
        input: &'a Input,
        focused: bool,
    },
    /// A line under the values' column (what a field found, a warning).
    Under(String, Style),
    Line(Line<'a>),
}

/// A form as a list of lines, drawn at once.
pub struct FormPopup<'a> {
    title: String,
    width: u16,
    /// Room kept for lines that come and go (matches), beyond the entries.
    height: Option<u16>,
    entries: Vec<Entry<'a>>,
}

impl<'a> FormPopup<'a> {
    pub fn new(title: impl Into<String>, width: u16) -> FormPopup<'a> {
        FormPopup {
            title: title.into(),
            width,
            height: None,
            entries: Vec::new(),
        }
    }

    /// A fixed height (borders included), so the box does not jump as lines come and go.
    pub fn height(mut self, height: u16) -> FormPopup<'a> {
        self.height = Some(height);
        self
    }

    /// A chosen value ("◀ P2 ▶", a name).
    pub fn value(&mut self, label: impl Into<String>, value: String, focused: bool) {
        let label = label.into();
        self.entries.push(Entry::Value {
            label,
            value,
            focused,
        });
    }

    /// A text being typed; the cursor goes there when it has the keyboard.
    pub fn text(&mut self, label: impl Into<String>, input: &'a Input, focused: bool) {
        let label = label.into();
        self.entries.push(Entry::Text {
            label,
            input,
            focused,
        });
    }

    pub fn under(&mut self, text: String, style: Style) {
        self.entries.push(Entry::Under(text, style));
    }

    pub fn line(&mut self, line: Line<'a>) {
        self.entries.push(Entry::Line(line));
    }

    pub fn draw(self, frame: &mut Frame, body: Rect, theme: &Theme) {
        let height = self.height.unwrap_or(self.entries.len() as u16 + 2);
        let inner = frame_popup(frame, body, self.width, height, &self.title, theme);
        let width = inner.width.saturating_sub(LABEL);
        let mut cursor = None;
        let mut lines = Vec::with_capacity(self.entries.len());
        for (row, entry) in self.entries.into_iter().enumerate() {
            lines.push(match entry {
                Entry::Value {
                    label,
                    value,
                    focused,
                } => labelled(label, value, focused, theme),
                Entry::Text {
                    label,
                    input,
                    focused,
                } => {
                    let (shown, at) = text_field(input, width);
                    if focused {
                        cursor = Some((at, row as u16));
                    }
                    labelled(label, shown, focused, theme)
                }
                Entry::Under(text, style) => Line::from(vec![
                    Span::raw(" ".repeat(LABEL as usize)),
                    Span::styled(text, style),
                ]),
                Entry::Line(line) => line,
            });
        }
        frame.render_widget(Paragraph::new(lines), inner);
        if let Some((x, y)) = cursor
            && y < inner.height
        {
            let x = (inner.x + LABEL + x).min(inner.right().saturating_sub(1));
            frame.set_cursor_position((x, inner.y + y));
        }
    }
}

/// "label  value" with the focused field reversed.
fn labelled<'a>(label: String, value: String, focused: bool, theme: &Theme) -> Line<'a> {
    let style = if focused {
        theme.selected()
    } else {
        Style::new()
    };
    Line::from(vec![
        Span::styled(crate::text::pad(&label, LABEL.into()), theme.title()),
        Span::styled(value, style),
    ])
}
