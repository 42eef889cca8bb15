//! The key tables of forms, lines typed in the footer, pickers and the quit question.

use super::{ANY, Binding, NEVER, b, char};
use crate::app::Action;
use crate::i18n::keys::Doc;
use KeyCode::{BackTab, Down, Enter, Esc, Left, Right, Tab, Up};
use crossterm::event::KeyCode;

/// Keys of every form (after those of the focused field's kind).
pub const FORM: &[Binding] = &[
    b(
        &[(Tab, Action::NextField), (Down, Action::Down)],
        Doc::NextField,
        ANY,
    ),
    b(
        &[(BackTab, Action::PrevField), (Up, Action::Up)],
        Doc::PrevField,
        NEVER,
    ),
    b(&[(Enter, Action::Submit)], Doc::Save, ANY),
    b(&[(Esc, Action::Back)], Doc::Cancel, ANY),
];

/// A choice field: ←/→ choose.
pub const CHOICE_FIELD: &[Binding] = &[b(
    &[(Left, Action::ChoosePrev), (Right, Action::ChooseNext)],
    Doc::Choose,
    ANY,
)];

/// A field that finds matches as one types: ↑/↓ pick among them.
pub const LIST_FIELD: &[Binding] = &[
    b(
        &[(Up, Action::Up), (Down, Action::Down)],
        Doc::PickFromList,
        ANY,
    ),
    b(
        &[(Left, Action::ChoosePrev), (Right, Action::ChooseNext)],
        Doc::Choose,
        NEVER,
    ),
];

/// A text field: ←/→ move the cursor (like Home, End, Backspace, which need no table).
pub const TEXT_FIELD: &[Binding] = &[b(
    &[(Left, Action::ChoosePrev), (Right, Action::ChooseNext)],
    Doc::Choose,
    NEVER,
)];

/// The `:` command line.
pub const COMMAND_LINE: &[Binding] = &[
    b(&[(Enter, Action::Submit)], Doc::Run, ANY),
    b(&[(Esc, Action::Back)], Doc::Cancel, ANY),
    b(
        &[(Left, Action::ChoosePrev), (Right, Action::ChooseNext)],
        Doc::Choose,
        NEVER,
    ),
];

/// A free entry of the main courante.
pub const LOG_ENTRY: &[Binding] = &[
    b(&[(Enter, Action::Submit)], Doc::Save, ANY),
    b(&[(Esc, Action::Back)], Doc::Cancel, ANY),
    b(
        &[(Left, Action::ChoosePrev), (Right, Action::ChooseNext)],
        Doc::Choose,
        NEVER,
    ),
];

/// Typing a search in the main courante.
pub const SEARCH: &[Binding] = &[
    b(&[(Enter, Action::Submit)], Doc::Search, ANY),
    b(&[(Esc, Action::Back)], Doc::Cancel, ANY),
    b(
        &[(Left, Action::ChoosePrev), (Right, Action::ChooseNext)],
        Doc::Choose,
        NEVER,
    ),
];

/// The team picker.
pub const PICKER: &[Binding] = &[
    b(&[(Up, Action::Up), (Down, Action::Down)], Doc::Choose, ANY),
    b(
        &[(char('k'), Action::Up), (char('j'), Action::Down)],
        Doc::Choose,
        NEVER,
    ),
    b(&[(Enter, Action::Submit)], Doc::Send, ANY),
    b(
        &[(Esc, Action::Back), (char('q'), Action::Back)],
        Doc::Cancel,
        ANY,
    ),
];

/// Who takes the handover, how a request closes.
pub const CHOICE: &[Binding] = &[
    b(
        &[(Left, Action::ChoosePrev), (Right, Action::ChooseNext)],
        Doc::Choose,
        ANY,
    ),
    b(
        &[(Up, Action::Up), (Down, Action::Down)],
        Doc::Choose,
        NEVER,
    ),
    b(&[(Enter, Action::Submit)], Doc::Save, ANY),
    b(&[(Esc, Action::Back)], Doc::Cancel, ANY),
];

/// Ctrl-C from a form: quit? Any other key stays.
pub const CONFIRM_QUIT: &[Binding] = &[
    b(
        &[
            (char('o'), Action::Quit),
            (char('y'), Action::Quit),
            (char('q'), Action::Quit),
            (Enter, Action::Quit),
        ],
        Doc::Quit,
        ANY,
    ),
    b(
        &[(Esc, Action::Back), (char('n'), Action::Back)],
        Doc::Stay,
        ANY,
    ),
];

/// An irreversible key's question: yes writes, no writes nothing.
pub const CONFIRM: &[Binding] = &[
    b(
        &[
            (char('o'), Action::Submit),
            (char('y'), Action::Submit),
            (Enter, Action::Submit),
        ],
        Doc::Yes,
        ANY,
    ),
    b(
        &[(char('n'), Action::Back), (Esc, Action::Back)],
        Doc::No,
        ANY,
    ),
];

/// The command line's verbs (`:aide`): any key closes the list.
pub const VERB_LIST: &[Binding] = &[b(
    &[(Esc, Action::Back), (Enter, Action::Back)],
    Doc::Back,
    ANY,
)];
