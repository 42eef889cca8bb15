//! The only place that knows keys: (mode, key) → action. The help screen is drawn from
//! these tables.

use super::update::Action;
use super::{AppState, Mode, Pane, Screen};
use crate::domain::vocab::TeamStatus;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEventKind};

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
        KeyCode::Char('l'),
        "l",
        Action::Locate,
        "position de l'équipe",
        "team's position",
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
];

/// Keys of every screen.
pub const GLOBAL: &[Binding] = &[
    b(
        KeyCode::Char('1'),
        "1/F2",
        Action::Show(Screen::Board),
        "tableau",
        "board",
    ),
    b(
        KeyCode::Char('2'),
        "2/F3",
        Action::Show(Screen::Cases),
        "situations",
        "situations",
    ),
    b(
        KeyCode::Char('3'),
        "3/F4",
        Action::Show(Screen::Log),
        "main courante",
        "logbook",
    ),
    b(
        KeyCode::Char('4'),
        "4/F5",
        Action::Show(Screen::Handover),
        "passation",
        "handover",
    ),
    b(
        KeyCode::Char('O'),
        "O",
        Action::OpenNight,
        "ouvrir la nuit",
        "open the night",
    ),
    b(
        KeyCode::Char(':'),
        ":",
        Action::CommandLine,
        "ligne de commande",
        "command line",
    ),
    b(KeyCode::Char('?'), "?/F1", Action::Help, "aide", "help"),
    b(KeyCode::Char('q'), "q", Action::Quit, "quitter", "quit"),
];

/// Keys of the situations screen.
pub const CASES: &[Binding] = &[
    b(KeyCode::Up, "↑/k", Action::Up, "monter", "up"),
    b(KeyCode::Down, "↓/j", Action::Down, "descendre", "down"),
    b(
        KeyCode::Char('e'),
        "e",
        Action::CaseStep,
        "étape de réponse",
        "response step",
    ),
    b(
        KeyCode::Char('s'),
        "s",
        Action::FollowUp,
        "date de suivi",
        "follow-up date",
    ),
    b(
        KeyCode::Char('w'),
        "w",
        Action::Watch,
        "mettre en veille",
        "put under watch",
    ),
    b(KeyCode::Char('o'), "o", Action::Reopen, "rouvrir", "reopen"),
    b(
        KeyCode::Char('X'),
        "X",
        Action::CloseCase,
        "clore la situation",
        "close the situation",
    ),
];

/// On the help screen `q` and Esc go back to where you were (quitting from the help would
/// surprise whoever came to read it).
const HELP: &[Binding] = &[b(
    KeyCode::Char('q'),
    "q/Esc",
    Action::Back,
    "retour",
    "back",
)];

/// Keys of the handover screen.
pub const HANDOVER: &[Binding] = &[
    b(KeyCode::Up, "↑/k", Action::Up, "monter", "up"),
    b(KeyCode::Down, "↓/j", Action::Down, "descendre", "down"),
    b(
        KeyCode::Char('r'),
        "r",
        Action::CarryOver,
        "reporter à la nuit suivante",
        "carry over to the next night",
    ),
    b(
        KeyCode::Char('X'),
        "X",
        Action::CloseRequest,
        "clore la sollicitation",
        "close the request",
    ),
    b(
        KeyCode::Char('w'),
        "w",
        Action::WriteNote,
        "note de passation",
        "handover note",
    ),
    b(
        KeyCode::Char('C'),
        "C",
        Action::CloseNight,
        "clôturer la nuit",
        "close the night",
    ),
    b(
        KeyCode::Char('A'),
        "A",
        Action::Acknowledge,
        "prendre la passation",
        "take the handover",
    ),
    b(
        KeyCode::Char('i'),
        "i",
        Action::NewInstruction,
        "nouvelle consigne",
        "new instruction",
    ),
    b(
        KeyCode::Char('+'),
        "+",
        Action::ExtendInstruction,
        "prolonger la consigne",
        "extend the instruction",
    ),
    b(
        KeyCode::Char('E'),
        "E",
        Action::EndInstruction,
        "lever la consigne",
        "end the instruction",
    ),
    b(
        KeyCode::Char('R'),
        "R",
        Action::ExportReport,
        "rapport de la nuit (Markdown)",
        "night report (Markdown)",
    ),
];

/// Keys of the logbook screen.
pub const LOG: &[Binding] = &[
    b(KeyCode::Up, "↑/k", Action::Up, "monter", "up"),
    b(KeyCode::Down, "↓/j", Action::Down, "descendre", "down"),
    b(
        KeyCode::PageUp,
        "PgUp",
        Action::PageUp,
        "page précédente",
        "page up",
    ),
    b(
        KeyCode::PageDown,
        "PgDn",
        Action::PageDown,
        "page suivante",
        "page down",
    ),
    b(KeyCode::Home, "Home/g", Action::Home, "début", "top"),
    b(
        KeyCode::End,
        "End/G",
        Action::End,
        "fin (suit la nuit)",
        "end (follows the night)",
    ),
    b(
        KeyCode::Char('/'),
        "/",
        Action::Search,
        "chercher",
        "search",
    ),
    b(
        KeyCode::Char('n'),
        "n/N",
        Action::FindNext,
        "résultat suivant / précédent",
        "next / previous match",
    ),
    b(
        KeyCode::Char('e'),
        "e",
        Action::LogEntry,
        "entrée libre",
        "free entry",
    ),
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
    let key = match event {
        Event::Key(key) => key,
        // The wheel scrolls what has the keyboard; clicks are placed by the runtime.
        Event::Mouse(m) if matches!(app.mode, Mode::Normal) => {
            return match m.kind {
                MouseEventKind::ScrollUp => Some(Action::Up),
                MouseEventKind::ScrollDown => Some(Action::Down),
                _ => None,
            };
        }
        _ => return None,
    };
    if key.kind == KeyEventKind::Release {
        return None;
    }
    if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
        return Some(Action::Quit);
    }
    match &app.mode {
        Mode::Normal => normal(app.screen, key),
        Mode::ConfirmQuit(_) => match key.code {
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
        _ => form(key, event),
    }
}

/// The table of keys of a screen (besides the global ones).
pub fn screen_table(screen: Screen) -> &'static [Binding] {
    match screen {
        Screen::Board => BOARD,
        Screen::Cases => CASES,
        Screen::Log => LOG,
        Screen::Handover => HANDOVER,
        Screen::Help => HELP,
    }
}

fn normal(screen: Screen, key: &KeyEvent) -> Option<Action> {
    // Second keys for the same thing: vi moves, F-keys for screens and help.
    let code = match key.code {
        KeyCode::Char('k') => KeyCode::Up,
        KeyCode::Char('j') => KeyCode::Down,
        KeyCode::Char('g') => KeyCode::Home,
        KeyCode::Char('G') => KeyCode::End,
        KeyCode::F(1) => KeyCode::Char('?'),
        KeyCode::F(n @ 2..=5) => KeyCode::Char(char::from(b'0' + n - 1)),
        KeyCode::Esc => return Some(Action::Back),
        KeyCode::Char('N') if screen == Screen::Log => return Some(Action::FindPrev),
        c => c,
    };
    screen_table(screen)
        .iter()
        .chain(GLOBAL)
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

/// The keys worth showing in the footer now: those of the focused pane or screen first.
pub fn hints(app: &AppState) -> Vec<&'static Binding> {
    let labels: &[&str] = match (&app.mode, app.screen, app.focus) {
        (Mode::Normal, Screen::Board, Pane::Requests) => {
            &["n", "d", "a", "x", "Tab", "1/F2", "?/F1", "q"]
        }
        (Mode::Normal, Screen::Board, Pane::Teams) => &[
            "a", "c", "x", "v", "p", "l", "b", "r", "o", "R", "Tab", "?/F1",
        ],
        (Mode::Normal, Screen::Board, Pane::Cases) => &["2/F3", "Tab", "3/F4", "?/F1", "q"],
        (Mode::Normal, Screen::Cases, _) => &["e", "s", "w", "o", "X", "1/F2", "3/F4", "?/F1"],
        (Mode::Normal, Screen::Log, _) => {
            &["/", "n/N", "e", "PgUp", "End/G", "1/F2", "2/F3", "?/F1"]
        }
        (Mode::Normal, Screen::Handover, _) => {
            &["r", "X", "w", "C", "A", "i", "+", "E", "R", "1/F2", "?/F1"]
        }
        (Mode::Normal, Screen::Help, _) => &["q/Esc", "1/F2", "2/F3", "3/F4", "4/F5"],
        (Mode::Choice(_), _, _) => &["←/→", "Enter", "Esc"],
        (Mode::Dispatch { .. }, _, _) => &["↑/k", "↓/j", "Enter", "Esc"],
        (Mode::Place(_), _, _) => &["Enter", "Esc"],
        _ => &["Tab/↓", "S-Tab/↑", "←/→", "Enter", "Esc"],
    };
    // The screen's own keys first: the same letter means different things on each screen.
    let own = match app.mode {
        Mode::Normal => screen_table(app.screen),
        _ => FORM,
    };
    labels
        .iter()
        .filter_map(|l| own.iter().chain(GLOBAL).chain(FORM).find(|b| b.label == *l))
        .collect()
}
