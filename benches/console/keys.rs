//! A coordinator's keys, for the key → frame benches: moves on the board, panes, the other
//! screens and help, then a new request typed (site search, choices, a name) and abandoned.
//! The same script drives the console in process and the real binary in a terminal.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

pub struct Key {
    /// What the key is, for the table of slowest keys.
    pub label: &'static str,
    pub code: KeyCode,
    /// What a terminal sends for it.
    pub bytes: Vec<u8>,
}

impl Key {
    pub fn event(&self) -> Event {
        let modifiers = match self.code {
            KeyCode::Char(c) if c.is_uppercase() => KeyModifiers::SHIFT,
            _ => KeyModifiers::NONE,
        };
        Event::Key(KeyEvent::new(self.code, modifiers))
    }
}

fn key(label: &'static str, code: KeyCode) -> Key {
    let bytes = match code {
        KeyCode::Char(c) => c.to_string().into_bytes(),
        KeyCode::Tab => b"\t".to_vec(),
        KeyCode::Esc => b"\x1b".to_vec(),
        KeyCode::Down => b"\x1b[B".to_vec(),
        KeyCode::Up => b"\x1b[A".to_vec(),
        KeyCode::Right => b"\x1b[C".to_vec(),
        KeyCode::Enter => b"\r".to_vec(),
        _ => Vec::new(),
    };
    Key { label, code, bytes }
}

fn typed(label: &'static str, text: &str) -> impl Iterator<Item = Key> {
    text.chars()
        .map(move |c| key(label, KeyCode::Char(c)))
        .collect::<Vec<_>>()
        .into_iter()
}

/// One round; it starts and ends on the board's requests pane with no form open.
pub fn script() -> Vec<Key> {
    use KeyCode::*;
    let mut keys = Vec::new();
    for _ in 0..4 {
        keys.push(key("j (down)", Char('j')));
    }
    keys.push(key("k (up)", Char('k')));
    keys.push(key("k (up)", Char('k')));
    for _ in 0..3 {
        keys.push(key("Tab (pane)", Tab));
        keys.push(key("j (down)", Char('j')));
    }
    keys.push(key("2 (situations)", Char('2')));
    keys.push(key("j (down)", Char('j')));
    keys.push(key("j (down)", Char('j')));
    keys.push(key("3 (logbook)", Char('3')));
    keys.push(key("k (up)", Char('k')));
    keys.push(key("4 (handover)", Char('4')));
    keys.push(key("j (down)", Char('j')));
    keys.push(key("1 (board)", Char('1')));
    keys.push(key("? (help)", Char('?')));
    keys.push(key("Esc (back)", Esc));
    keys.push(key("n (request form)", Char('n')));
    keys.extend(typed("site search", "mau"));
    keys.push(key("↓ (site choice)", Down));
    keys.push(key("→ (choice)", Right));
    for _ in 0..3 {
        keys.push(key("Tab (field)", Tab));
        keys.push(key("→ (choice)", Right));
    }
    keys.push(key("Tab (field)", Tab));
    keys.extend(typed("typing a name", "Test Fictif"));
    keys.push(key("Esc (back)", Esc));
    keys.push(key("Esc (back)", Esc));
    keys
}
