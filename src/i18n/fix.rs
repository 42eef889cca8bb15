//! What a form or the command line expects where what was typed does not do: the field,
//! then how to fill it, as a value and in words.

use super::Lang;

/// What a form or the command line expects where what was typed does not do.
#[derive(Debug, Clone, PartialEq)]
pub enum Fix {
    Site,
    /// A free address's district.
    District,
    Source,
    Category,
    Priority,
    OutcomeAndLevel,
    Level,
    TeamPlace,
    InstructionPlace,
    LastDay,
    LastDayOrNone,
    FollowUpDate,
    EmptyEntry,
    NoCoordinator,
    /// A word of a team's members that names no mediator, or several.
    TeamMember {
        team: String,
        word: String,
    },
    UnknownMediator {
        word: String,
    },
    /// The command line's usage.
    Usage,
    /// The watch's, the relays' and the plan's forms (i18n/watch.rs).
    Desk(super::watch::DeskFix),
    /// A day already past (a follow-up, a last day).
    PastDay {
        date: chrono::NaiveDate,
    },
    /// A word no verb of the command line knows.
    UnknownVerb {
        word: String,
    },
    /// How a verb is written (`app::verbs`), in each language.
    VerbUsage {
        fr: String,
        en: String,
    },
    NoRequest {
        number: u32,
    },
    NoTeam {
        team: String,
    },
    NoCase {
        case: crate::domain::ids::CaseId,
    },
    /// A call settled by phone: the partner the resident was oriented or relayed to.
    Partner,
    /// How a call settled by phone ended, how a callback went.
    PhoneOutcome,
    CallbackTime,
}

pub fn text(fix: &Fix, lang: Lang) -> String {
    match fix {
        Fix::TeamMember { team, word } => match lang {
            Lang::Fr => {
                format!("{team} : « {word} » ne désigne aucun·e médiateur·rice (ou plusieurs).")
            }
            Lang::En => format!("{team}: \"{word}\" names no mediator (or several)."),
        },
        Fix::UnknownMediator { word } => match lang {
            Lang::Fr => format!("Médiateur·rice introuvable ou ambigu : « {word} »."),
            Lang::En => format!("Unknown or ambiguous mediator \"{word}\"."),
        },
        Fix::PastDay { date } => super::line::past_day(*date, lang),
        Fix::UnknownVerb { word } => super::line::unknown_verb(word, lang),
        Fix::VerbUsage { fr, en } => super::line::verb_usage(fr, en, lang),
        Fix::NoRequest { number } => super::line::no_request(*number, lang),
        Fix::NoTeam { team } => super::line::no_team(team, lang),
        Fix::NoCase { case } => super::line::no_case(*case, lang),
        other => fixed(other, lang).to_string(),
    }
}

fn fixed(fix: &Fix, lang: Lang) -> &'static str {
    let (fr, en) = match fix {
        Fix::Site => (
            "Lieu : tapez une partie du nom ou de l'adresse, ↑/↓ pour choisir.",
            "Site: type part of its name or address, ↑/↓ to pick.",
        ),
        Fix::District => (
            "Adresse libre : choisissez son quartier (←/→ ou une lettre, au champ Quartier).",
            "Free address: pick its district (←/→ or a letter, in the District field).",
        ),
        Fix::Source => ("Source : choisissez avec ←/→.", "Source: pick with ←/→."),
        Fix::Category => (
            "Catégorie : choisissez avec ←/→.",
            "Category: pick with ←/→.",
        ),
        Fix::Priority => (
            "Priorité : choisissez avec ←/→.",
            "Priority: pick with ←/→.",
        ),
        Fix::OutcomeAndLevel => (
            "Choisissez l'issue et le niveau de réponse (←/→).",
            "Pick the outcome and the response level (←/→).",
        ),
        Fix::Level => (
            "Niveau de réponse : choisissez avec ←/→.",
            "Response level: pick with ←/→.",
        ),
        Fix::TeamPlace => (
            "Lieu : tapez une partie du nom d'un site ou d'un quartier, ↑/↓ pour choisir.",
            "Place: type part of a site's or a district's name, ↑/↓ to pick.",
        ),
        Fix::InstructionPlace => (
            "Lieu : un site ou un quartier (↑/↓ pour choisir) ; vide pour tout le territoire.",
            "Place: a site or a district (↑/↓ to pick); empty for the whole territory.",
        ),
        Fix::LastDay => (
            "Dernier jour : JJ/MM, JJ/MM/AAAA ou +N jours, pas dans le passé.",
            "Last day: DD/MM, DD/MM/YYYY or +N days, not in the past.",
        ),
        Fix::LastDayOrNone => (
            "Dernier jour : JJ/MM, JJ/MM/AAAA ou +N jours ; vide : sans fin (pas pour une consigne temporaire).",
            "Last day: DD/MM, DD/MM/YYYY or +N days; empty: no end (not for a temporary one).",
        ),
        Fix::FollowUpDate => (
            "Date de suivi : JJ/MM, JJ/MM/AAAA ou +N jours, pas dans le passé ; vide pour l'effacer.",
            "Follow-up date: DD/MM, DD/MM/YYYY or +N days, not in the past; empty to clear it.",
        ),
        Fix::EmptyEntry => (
            "Entrée vide : tapez le texte, puis Entrée.",
            "Empty entry: type the text, then Enter.",
        ),
        Fix::NoCoordinator => (
            "Aucun·e coordinateur·rice dans le territoire.",
            "No coordinator in the territory.",
        ),
        Fix::Usage => (
            "Commandes : ouvrir NOM · equipe E1 NOM NOM [NOM] · releve NOM · cloturer",
            "Commands: open NAME · team E1 NAME NAME [NAME] · handover NAME · close",
        ),
        Fix::Partner => (
            "Partenaire : choisissez avec ←/→ ou la première lettre de son nom.",
            "Partner: pick with ←/→ or the first letter of its name.",
        ),
        Fix::PhoneOutcome => ("Issue : choisissez avec ←/→.", "Outcome: pick with ←/→."),
        Fix::CallbackTime => (
            "Heure du rappel : 22:30, 22h30 ou +20 (dans 20 minutes), pas dans le passé.",
            "Callback time: 22:30 or +20 (in 20 minutes), not in the past.",
        ),
        Fix::Desk(d) => return super::watch::fix(*d, lang),
        _ => ("", ""),
    };
    lang.pick(fr, en)
}
