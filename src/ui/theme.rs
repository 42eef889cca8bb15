//! Styles in one place. Colour carries meaning only where a text marker says it too, and
//! NO_COLOR drops colour entirely.

use crate::app::board::Alert;
use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    pub fn from_env() -> Theme {
        Theme {
            color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
        }
    }

    fn fg(&self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    pub fn alert(&self, a: Alert) -> Style {
        match a {
            Alert::None => Style::new(),
            Alert::Amber => self.fg(Color::Yellow).add_modifier(Modifier::BOLD),
            Alert::Red => self
                .fg(Color::Red)
                .add_modifier(Modifier::BOLD | Modifier::REVERSED),
        }
    }

    pub fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    pub fn focused_border(&self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    pub fn dim(&self) -> Style {
        Style::new().add_modifier(Modifier::DIM)
    }

    pub fn error(&self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }

    pub fn info(&self) -> Style {
        self.fg(Color::Green)
    }

    /// The demo tag: reversed, so it shows even without colour.
    pub fn demo(&self) -> Style {
        self.fg(Color::Magenta)
            .add_modifier(Modifier::BOLD | Modifier::REVERSED)
    }

    pub fn title(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }
}

/// The text marker that doubles an alert colour (for NO_COLOR and colour-blind readers).
pub fn alert_mark(a: Alert) -> &'static str {
    match a {
        Alert::None => " ",
        Alert::Amber => "!",
        Alert::Red => "‼",
    }
}
