//! The words of the teams' phone page (the field link): labels, and what a team is told
//! when something cannot be done. French by default, English too.

use super::Lang;

/// Labels the phone page prints; one set per language.
pub struct PageWords {
    pub lang: &'static str,
    pub title: &'static str,
    pub team: &'static str,
    pub code: &'static str,
    pub sign_in: &'static str,
    pub sign_out: &'static str,
    pub no_team: &'static str,
    pub assignment: &'static str,
    pub no_assignment: &'static str,
    pub site: &'static str,
    pub entrance: &'static str,
    pub category: &'static str,
    pub priority: &'static str,
    pub status: &'static str,
    pub instructions: &'static str,
    pub callback_hidden: &'static str,
    pub en_route: &'static str,
    pub on_site: &'static str,
    pub done: &'static str,
    pub outcome: &'static str,
    pub level: &'static str,
    pub relays: &'static str,
    pub referrals: &'static str,
    pub note: &'static str,
    pub check_in: &'static str,
    pub observation: &'static str,
    pub kind: &'static str,
    pub send: &'static str,
    pub passage: &'static str,
    pub no_plan: &'static str,
    pub point: &'static str,
    pub none: &'static str,
    pub offline: &'static str,
    pub queued: &'static str,
    pub live: &'static str,
    pub no_network: &'static str,
}

pub fn page(lang: Lang) -> &'static PageWords {
    match lang {
        Lang::Fr => &FR,
        Lang::En => &EN,
    }
}

static FR: PageWords = PageWords {
    lang: "fr",
    title: "Vigie — équipe",
    team: "Équipe",
    code: "Code de la nuit",
    sign_in: "Se connecter",
    sign_out: "Se déconnecter",
    no_team: "Aucune équipe n'a de code cette nuit : demandez-le au poste.",
    assignment: "Mission en cours",
    no_assignment: "Pas de mission en cours.",
    site: "Lieu",
    entrance: "Hall",
    category: "Motif",
    priority: "Priorité",
    status: "Statut",
    instructions: "Consignes sur ce lieu",
    callback_hidden: "Le numéro du demandeur reste au poste : appelez le poste.",
    en_route: "En route (bien reçu)",
    on_site: "Sur place",
    done: "Terminé",
    outcome: "Issue",
    level: "Niveau de réponse",
    relays: "Relais",
    referrals: "Orientations",
    note: "Note",
    check_in: "Point de situation",
    observation: "Observation pour la veille",
    kind: "Type",
    send: "Envoyer",
    passage: "Passage à un point de la feuille de route",
    no_plan: "Aucun point à la feuille de route.",
    point: "Point",
    none: "—",
    offline: "Hors réseau : les actions attendent et partiront au retour du réseau.",
    queued: "en attente d'envoi",
    live: "À jour",
    no_network: "Hors réseau",
};

static EN: PageWords = PageWords {
    lang: "en",
    title: "Vigie — team",
    team: "Team",
    code: "Tonight's code",
    sign_in: "Sign in",
    sign_out: "Sign out",
    no_team: "No team has a code tonight: ask the desk for one.",
    assignment: "Current assignment",
    no_assignment: "No current assignment.",
    site: "Place",
    entrance: "Entrance",
    category: "Reason",
    priority: "Priority",
    status: "Status",
    instructions: "Instructions at this place",
    callback_hidden: "The caller's number stays at the desk: call the desk.",
    en_route: "En route (received)",
    on_site: "On site",
    done: "Done",
    outcome: "Outcome",
    level: "Response level",
    relays: "Relays",
    referrals: "Referrals",
    note: "Note",
    check_in: "Check-in",
    observation: "Observation for the watch",
    kind: "Type",
    send: "Send",
    passage: "Passage at a point of the night's plan",
    no_plan: "No point on tonight's plan.",
    point: "Point",
    none: "—",
    offline: "Offline: actions wait and will go when the network is back.",
    queued: "waiting to be sent",
    live: "Up to date",
    no_network: "Offline",
};

/// What a team is told (the phone's notices), beyond the domain's refusals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Said {
    Done,
    WrongCode,
    /// Locked for about this many minutes.
    Locked(u64),
    TooFast,
    SignedOut,
    NightClosed,
    SignInFirst,
    Forbidden,
    TooLarge,
    BadForm,
    NotFound,
    Unavailable,
}

pub fn said(s: Said, lang: Lang) -> String {
    let fr = lang == Lang::Fr;
    let pick = |a: &str, b: &str| if fr { a.to_string() } else { b.to_string() };
    match s {
        Said::Done => pick("Enregistré au poste.", "Recorded at the desk."),
        Said::WrongCode => pick(
            "Code incorrect. Après cinq erreurs, la connexion de l'équipe est bloquée 15 minutes.",
            "Wrong code. After five mistakes the team's sign-in is locked for 15 minutes.",
        ),
        Said::Locked(m) => {
            if fr {
                format!(
                    "Trop d'erreurs de code : la connexion de l'équipe est bloquée encore {m} min. Appelez le poste."
                )
            } else {
                format!(
                    "Too many wrong codes: the team's sign-in is locked for {m} more min. Call the desk."
                )
            }
        }
        Said::TooFast => pick(
            "Trop de tentatives depuis ce téléphone : attendez une minute.",
            "Too many attempts from this phone: wait a minute.",
        ),
        Said::SignedOut => pick("Vous êtes déconnecté·e.", "You are signed out."),
        Said::NightClosed => pick(
            "La nuit est clôturée ou le code a été renouvelé : reconnectez-vous avec le code du poste.",
            "The night is closed or the code was renewed: sign in again with the desk's code.",
        ),
        Said::SignInFirst => pick("Connectez-vous d'abord.", "Sign in first."),
        Said::Forbidden => pick(
            "Formulaire expiré : rechargez la page et recommencez.",
            "This form has expired: reload the page and try again.",
        ),
        Said::TooLarge => pick(
            "Envoi trop long : raccourcissez la note.",
            "Too long: shorten the note.",
        ),
        Said::BadForm => pick(
            "Formulaire incomplet : vérifiez les champs.",
            "Incomplete form: check the fields.",
        ),
        Said::NotFound => pick("Page introuvable.", "Page not found."),
        Said::Unavailable => pick(
            "Le poste n'a pas pu enregistrer : réessayez dans un instant.",
            "The desk could not record it: try again in a moment.",
        ),
    }
}

/// The console's footer after it issued a team's phone code.
pub fn code_issued(team: &str, code: &str, lang: Lang) -> String {
    let shown = grouped(code);
    match lang {
        Lang::Fr => format!(
            "Code du téléphone de {team} : {shown} — à donner à l'équipe (il n'est affiché qu'ici ; K le renouvelle)."
        ),
        Lang::En => format!(
            "Phone code of {team}: {shown} — give it to the team (shown only here; K renews it)."
        ),
    }
}

/// A code in groups of five, easier to read out over the radio.
pub fn grouped(code: &str) -> String {
    let chars: Vec<char> = code.chars().collect();
    chars
        .chunks(5)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join(" ")
}

/// What the board shows beside a team: the code this console issued, or that one exists.
pub fn code_on_board(known: Option<&str>, exists: bool, lang: Lang) -> Option<String> {
    match (known, exists) {
        (Some(code), true) => Some(format!("code {}", grouped(code))),
        (_, true) => Some(
            lang.pick("code donné (K : nouveau)", "code given (K: new)")
                .into(),
        ),
        (_, false) => None,
    }
}
