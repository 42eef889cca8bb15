//! The only place that knows keys: (mode, key) → action. The help screen is drawn from
//! these tables.

use super::update::Action;
use super::{AppState, Mode};
use crate::domain::vocab::TeamStatus;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// One key of the board and what it does, in both languages.
pub struct Binding {
    pub key: KeyCode,
    pub label: &'static str,
    pub action: Action,
    pub fr: &'static str,
    pub en: &'static str,
}

impl Binding {
    /// The key as written on screen: the label, with "Enter" said in French in French.
    pub fn key_name(&self, lang: crate::i18n::Lang) -> String {
        match lang {
            crate::i18n::Lang::Fr => self.label.replace("Enter", "Entrée"),
            crate::i18n::Lang::En => self.label.to_string(),
        }
    }
}

const fn b(
    key: KeyCode,
    label: &'static str,
    action: Action,
    fr: &'static str,
    en: &'static str,
) -> Binding {
    Binding {
        key,
        label,
        action,
        fr,
        en,
    }
}

/// Keys of the board (normal mode).
pub const BOARD: &[Binding] = &[
    b(
        KeyCode::Char('n'),
        "n",
        Action::NewRequest,
        "nouvelle sollicitation",
        "new request",
    ),
    b(
        KeyCode::Char('d'),
        "d",
        Action::Dispatch,
        "envoyer une équipe",
        "dispatch a team",
    ),
    b(
        KeyCode::Char('a'),
        "a",
        Action::Arrive,
        "équipe sur place",
        "team on site",
    ),
    b(
        KeyCode::Char('c'),
        "c",
        Action::Contact,
        "contact de sécurité",
        "safety check-in",
    ),
    b(
        KeyCode::Char('x'),
        "x",
        Action::Clear,
        "clôturer l'intervention",
        "clear the intervention",
    ),
    b(
        KeyCode::Char('R'),
        "R",
        Action::Recall,
        "rappeler l'équipe",
        "recall the team",
    ),
    b(
        KeyCode::Char('v'),
        "v",
        Action::SetStatus(TeamStatus::Available),
        "disponible",
        "available",
    ),
    b(
        KeyCode::Char('p'),
        "p",
        Action::SetStatus(TeamStatus::ActivePresence),
        "présence active",
        "active presence",
    ),
    b(
        KeyCode::Char('b'),
        "b",
        Action::SetStatus(TeamStatus::Break),
        "pause",
        "break",
    ),
    b(
        KeyCode::Char('r'),
        "r",
        Action::SetStatus(TeamStatus::ReturnToBase),
        "retour base",
        "return to base",
    ),
    b(
        KeyCode::Char('o'),
        "o",
        Action::SetStatus(TeamStatus::OffDuty),
        "hors service",
        "off duty",
    ),
    b(
        KeyCode::Char(':'),
        ":",
        Action::CommandLine,
        "commande (ouvrir, equipe, cloturer)",
        "command (open, team, close)",
    ),
    b(
        KeyCode::Tab,
        "Tab",
        Action::NextPane,
        "volet suivant",
        "next pane",
    ),
    b(
        KeyCode::BackTab,
        "S-Tab",
        Action::PrevPane,
        "volet précédent",
        "previous pane",
    ),
    b(KeyCode::Up, "↑/k", Action::Up, "monter", "up"),
    b(KeyCode::Down, "↓/j", Action::Down, "descendre", "down"),
    b(KeyCode::Char('?'), "?", Action::Help, "aide", "help"),
    b(KeyCode::Char('q'), "q", Action::Quit, "quitter", "quit"),
];

/// Keys inside a form, a picker or the command line.
pub const FORM: &[Binding] = &[
    b(
        KeyCode::Tab,
        "Tab/↓",
        Action::NextField,
        "champ suivant",
        "next field",
    ),
    b(
        KeyCode::BackTab,
        "S-Tab/↑",
        Action::PrevField,
        "champ précédent",
        "previous field",
    ),
    b(
        KeyCode::Right,
        "←/→",
        Action::ChooseNext,
        "choisir",
        "choose",
    ),
    b(
        KeyCode::Enter,
        "Enter",
        Action::Submit,
        "enregistrer",
        "save",
    ),
    b(KeyCode::Esc, "Esc", Action::Back, "annuler", "cancel"),
];

pub fn action_for(app: &AppState, event: &Event) -> Option<Action> {
    let Event::Key(key) = event else { return None };
    if key.kind == KeyEventKind::Release {
        return None;
    }
    if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
        return Some(Action::Quit);
    }
    match &app.mode {
        Mode::Normal => normal(key),
        Mode::ConfirmQuit => match key.code {
            KeyCode::Char('o' | 'y' | 'q') | KeyCode::Enter => Some(Action::Quit),
            _ => Some(Action::Back),
        },
        Mode::Dispatch { .. } => match key.code {
            KeyCode::Up | KeyCode::Char('k') => Some(Action::Up),
            KeyCode::Down | KeyCode::Char('j') => Some(Action::Down),
            KeyCode::Enter => Some(Action::Submit),
            KeyCode::Esc | KeyCode::Char('q') => Some(Action::Back),
            _ => None,
        },
        Mode::NewRequest(_) | Mode::Clear(_) | Mode::Command(_) => form(key, event),
    }
}

fn normal(key: &KeyEvent) -> Option<Action> {
    let code = match key.code {
        KeyCode::Char('k') => KeyCode::Up,
        KeyCode::Char('j') => KeyCode::Down,
        KeyCode::Esc => return Some(Action::Back),
        KeyCode::F(1) => return Some(Action::Help),
        c => c,
    };
    BOARD
        .iter()
        .find(|b| b.key == code)
        .map(|b| b.action.clone())
}

fn form(key: &KeyEvent, event: &Event) -> Option<Action> {
    match key.code {
        KeyCode::Tab => Some(Action::NextField),
        KeyCode::BackTab => Some(Action::PrevField),
        KeyCode::Down => Some(Action::Down),
        KeyCode::Up => Some(Action::Up),
        KeyCode::Enter => Some(Action::Submit),
        KeyCode::Esc => Some(Action::Back),
        KeyCode::Right if key.modifiers.is_empty() => Some(Action::ChooseNext),
        KeyCode::Left if key.modifiers.is_empty() => Some(Action::ChoosePrev),
        _ => tui_input::backend::crossterm::to_input_request(event).map(Action::Edit),
    }
}
