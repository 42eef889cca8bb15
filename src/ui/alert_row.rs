//! A row that says what is late without painting the whole board: the marker and the late
//! figure (a request's age, a team's silence) take the alert's colour, the rest of the row
//! stays legible; only the worst item of the board takes the colour whole.

use super::theme::{Theme, alert_mark};
use crate::app::board::Alert;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// One row: `before` and `after` plain, `late` in the alert's style.
pub struct AlertRow {
    pub alert: Alert,
    pub before: String,
    pub late: String,
    pub after: String,
    /// The worst alert of the board: the whole row in its colour.
    pub worst: bool,
    pub selected: bool,
}

impl AlertRow {
    pub fn line<'a>(self, theme: &Theme) -> Line<'a> {
        let alert = theme.alert(self.alert);
        let mut base = if self.selected {
            theme.selected()
        } else {
            Style::new()
        };
        if self.worst {
            base = base.patch(alert);
        }
        Line::from(vec![
            Span::styled(alert_mark(self.alert), base.patch(alert)),
            Span::styled(self.before, base),
            Span::styled(self.late, base.patch(alert)),
            Span::styled(self.after, base),
        ])
    }
}
