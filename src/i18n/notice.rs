//! What the footer says, as values: the console builds a `Notice`, tests compare values,
//! and this module alone turns one into French or English (like `Refusal`).

pub use super::fix::Fix;
use super::{Lang, dates, places, refusal, vocab};
use crate::domain::Refusal;
use crate::domain::ids::CaseId;
use crate::domain::reference::Territory;
use crate::domain::vocab::{CaseState, Position, TeamStatus};
use crate::store::BackupWritten;
use chrono::NaiveDate;
use std::path::PathBuf;

#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    // What a commit wrote (the console reads it from the envelopes).
    NightOpened {
        teams: usize,
    },
    CoordinatorChanged,
    NightClosed,
    TeamComposed {
        team: String,
    },
    TeamSent {
        team: String,
    },
    Team {
        team: String,
        news: TeamNews,
    },
    RequestRecorded {
        number: u32,
    },
    InterventionCleared,
    RequestCarriedOver,
    RequestClosed,
    /// About the requests worked from the board (settled by phone, callbacks…).
    Request(super::request_notice::RequestNotice),
    CaseState {
        case: CaseId,
        state: CaseState,
    },
    CaseStep {
        case: CaseId,
    },
    FollowUp {
        case: CaseId,
        date: Option<NaiveDate>,
    },
    LogEntryAdded,
    HandoverNoteSaved,
    /// The coordinator's id.
    HandoverTaken {
        coordinator: String,
    },
    InstructionSaved,
    InstructionExtended,
    InstructionEnded,
    /// Any other fact written.
    Recorded,
    // The console's own news.
    EscAgain,
    Discarded,
    DraftRecovered,
    OpenNightFirst,
    SearchFound {
        count: usize,
    },
    ReportWritten(PathBuf),
    /// The month's period reports: where, how many files.
    ReportsWritten {
        dir: PathBuf,
        count: usize,
    },
    BackupWritten(BackupWritten),
    // What went wrong (the footer shows these as errors, with a bell).
    Refused(Refusal),
    /// Already in words (a store or file failure, worded where it happened).
    Failed(String),
    DraftNotSaved(String),
    SearchNotFound {
        query: String,
    },
    NightAlreadyOpen,
    NeedOpenNight,
    NoTeams,
    SelectRequest,
    SelectTeam,
    SelectCase,
    SelectOpenRequest,
    SelectInstruction,
    NoHandover,
    RequestsToDecide {
        count: usize,
    },
    /// Something typed to correct: the field and what it expects.
    Fix(Fix),
    /// The watch, the relays, the night's plan (i18n/desk_notice.rs).
    Desk(super::desk_notice::DeskNotice),
    /// A team's phone code was issued (its value, to read out to the team).
    TeamCode {
        team: String,
        code: String,
    },
    /// A key that would write what is already so: nothing is written.
    Already {
        team: String,
        status: TeamStatus,
    },
    /// A question answered no.
    NothingWritten,
    /// `!` with nothing late.
    NoAlert,
    AutopilotDemoOnly,
    /// Who has the demo's desk now.
    DeskHolder {
        autopilot: bool,
    },
    /// Several desks (i18n/seat_notice.rs): a commit refused on a read-only console.
    ReadOnly {
        holder: Option<String>,
    },
    /// This console's seat changed, or its owner went.
    Seat(super::seat_notice::SeatNotice),
}

/// What a team's commit said about it.
#[derive(Debug, Clone, PartialEq)]
pub enum TeamNews {
    OnSite,
    Contact,
    Recalled,
    Status(TeamStatus),
    Position(Position),
    Presence(Position),
    /// A check-in that reported a need or an incident.
    Reported(crate::domain::safety::CheckInWord),
}

impl Notice {
    /// Errors ring and show in the error colour.
    pub fn is_error(&self) -> bool {
        matches!(
            self,
            Notice::Refused(_)
                | Notice::ReadOnly { .. }
                | Notice::Seat(
                    super::seat_notice::SeatNotice::Stranded(_)
                        | super::seat_notice::SeatNotice::NoAnswer
                )
                | Notice::Failed(_)
                | Notice::DraftNotSaved(_)
                | Notice::SearchNotFound { .. }
                | Notice::NightAlreadyOpen
                | Notice::NeedOpenNight
                | Notice::NoTeams
                | Notice::SelectRequest
                | Notice::SelectTeam
                | Notice::SelectCase
                | Notice::SelectOpenRequest
                | Notice::SelectInstruction
                | Notice::NoHandover
                | Notice::RequestsToDecide { .. }
                | Notice::Fix(_)
                | Notice::AutopilotDemoOnly
        ) || matches!(self, Notice::Desk(d) if d.is_error())
            || matches!(self, Notice::Request(d) if d.is_error())
    }
}

/// The notice in words.
pub fn text(n: &Notice, lang: Lang, territory: &Territory) -> String {
    let p = |fr: &str, en: &str| lang.pick(fr, en).to_string();
    let team = |t: &str| format!("{} {t}", lang.pick("Équipe", "Team"));
    let case = |c: &CaseId| format!("Situation {c}");
    // « E1 : sur place », "E1: on site".
    let said = |what: &str, then: &str| format!("{what}{} {then}", lang.colon());
    match n {
        Notice::ReadOnly { holder } => super::seat_notice::read_only(holder.as_deref(), lang),
        Notice::Seat(s) => super::seat_notice::text(s, lang),
        Notice::NightOpened { teams: 0 } => p("Nuit ouverte.", "Night opened."),
        Notice::NightOpened { teams } => counted(n, *teams, lang),
        Notice::CoordinatorChanged => p("Relève enregistrée.", "Handover recorded."),
        Notice::NightClosed => p("Nuit clôturée.", "Night closed."),
        Notice::TeamComposed { team: t } => format!("{} {}", team(t), p("composée", "composed")),
        Notice::TeamSent { team: t } => format!("{} {}", team(t), p("envoyée", "sent")),
        Notice::Team { team: t, news } => said(&team(t), &news_text(news, lang, territory)),
        Notice::RequestRecorded { .. } => p("Sollicitation enregistrée.", "Request recorded."),
        Notice::InterventionCleared => p("Intervention clôturée.", "Intervention cleared."),
        Notice::RequestCarriedOver => p(
            "Sollicitation reportée à la nuit suivante.",
            "Request carried over to the next night.",
        ),
        Notice::RequestClosed => p("Sollicitation clôturée.", "Request closed."),
        Notice::Request(d) => super::request_notice::text(d, lang),
        Notice::CaseState { case: c, state } => format!("{} {}", case(c), case_state(*state, lang)),
        Notice::CaseStep { case: c } => said(&case(c), &p("étape enregistrée", "step recorded")),
        Notice::FollowUp { case: c, date } => follow_up(&case(c), *date, lang),
        Notice::LogEntryAdded => p(
            "Entrée ajoutée à la main courante.",
            "Entry added to the logbook.",
        ),
        Notice::HandoverNoteSaved => p("Note de passation enregistrée.", "Handover note saved."),
        Notice::HandoverTaken { coordinator: c } => {
            let who = territory
                .coordinator(c)
                .map_or(c.as_str(), |c| c.name.as_str());
            said(&p("Passation prise", "Handover taken"), who)
        }
        Notice::InstructionSaved => p("Consigne enregistrée.", "Instruction saved."),
        Notice::InstructionExtended => p("Consigne prolongée.", "Instruction extended."),
        Notice::InstructionEnded => p("Consigne levée.", "Instruction ended."),
        Notice::Recorded => p("Enregistré.", "Recorded."),
        Notice::Desk(d) => super::desk_notice::text(d, lang, territory),
        Notice::TeamCode { team, code } => super::field::code_issued(team, code, lang),
        Notice::EscAgain => p(
            "Esc encore pour abandonner la saisie.",
            "Esc again to discard.",
        ),
        Notice::Discarded => p("Saisie abandonnée.", "Discarded."),
        Notice::DraftRecovered => p(
            "Saisie retrouvée après une interruption : relisez, puis Entrée (ou Esc).",
            "Typing recovered after an interruption: check it, then Enter (or Esc).",
        ),
        Notice::OpenNightFirst => p(
            "Ouvrez d'abord la nuit : coordinateur·rice et équipes.",
            "Open the night first: coordinator and teams.",
        ),
        Notice::SearchFound { count } => counted(n, *count, lang),
        Notice::ReportWritten(path) => said(
            &p("Rapport écrit", "Report written"),
            &path.display().to_string(),
        ),
        Notice::ReportsWritten { dir, count } => match lang {
            Lang::Fr => format!(
                "{count} fichier(s) de rapports écrits dans {}",
                dir.display()
            ),
            Lang::En => format!("{count} report file(s) written to {}", dir.display()),
        },
        Notice::BackupWritten(w) => super::backup::backup_written(w, lang),
        Notice::Refused(r) => refusal::refusal(&super::names::named(r, territory), lang),
        Notice::Failed(words) => words.clone(),
        Notice::DraftNotSaved(e) => said(&p("Brouillon non enregistré", "Draft not saved"), e),
        Notice::SearchNotFound { query } => not_found(query, lang),
        Notice::RequestsToDecide { count } => counted(n, *count, lang),
        Notice::Fix(fix) => super::fix::text(fix, lang),
        Notice::Already { team, status } => super::line::already(team, *status, lang),
        Notice::DeskHolder { autopilot } => super::line::desk(*autopilot, lang).to_string(),
        other => guidance(other, lang).to_string(),
    }
}

/// The sentences with a count in them.
fn counted(n: &Notice, count: usize, lang: Lang) -> String {
    match (n, lang) {
        (Notice::NightOpened { .. }, Lang::Fr) => {
            format!("Nuit ouverte, {count} équipe(s) composée(s).")
        }
        (Notice::NightOpened { .. }, Lang::En) => {
            format!("Night opened, {count} team(s) composed.")
        }
        (Notice::SearchFound { .. }, Lang::Fr) => {
            format!("{count} ligne(s) — n suivante, N précédente, Esc efface.")
        }
        (Notice::SearchFound { .. }, Lang::En) => {
            format!("{count} line(s) — n next, N previous, Esc clears.")
        }
        (_, Lang::Fr) => {
            format!("Encore {count} sollicitation(s) à décider : « r » reporte, « X » clôt.")
        }
        (_, Lang::En) => {
            format!("{count} request(s) still to decide: \"r\" carries over, \"X\" closes.")
        }
    }
}

fn not_found(query: &str, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("« {query} » : introuvable dans la main courante."),
        Lang::En => format!("\"{query}\": not found in the logbook."),
    }
}

/// The fixed sentences that tell the coordinator what to do first.
fn guidance(n: &Notice, lang: Lang) -> &'static str {
    let (fr, en) = match n {
        Notice::NightAlreadyOpen => (
            "La nuit est déjà ouverte. « :equipe E4 NOM NOM » ajoute une équipe.",
            "The night is already open. \":team E4 NAME NAME\" adds a team.",
        ),
        Notice::NeedOpenNight => ("Ouvrez d'abord la nuit (O).", "Open the night first (O)."),
        Notice::NoTeams => (
            "Aucune équipe : composez-les avec « :equipe ».",
            "No team: compose them with \":team\".",
        ),
        Notice::SelectRequest => ("Choisissez une sollicitation.", "Select a request."),
        Notice::SelectTeam => ("Choisissez une équipe.", "Select a team."),
        Notice::SelectCase => ("Aucune situation choisie.", "No situation selected."),
        Notice::SelectOpenRequest => (
            "Choisissez une sollicitation ouverte.",
            "Select an open request.",
        ),
        Notice::SelectInstruction => ("Choisissez une consigne.", "Select an instruction."),
        Notice::NoHandover => (
            "Aucune nuit enregistrée : pas de passation.",
            "No night recorded: no handover.",
        ),
        Notice::NothingWritten => ("Rien n'a été écrit.", "Nothing written."),
        Notice::NoAlert => ("Aucune alerte en cours.", "No alert showing."),
        Notice::AutopilotDemoOnly => (
            "Le pilote automatique n'existe qu'en démo (vigie --demo).",
            "The autopilot exists only in the demo (vigie --demo).",
        ),
        _ => ("", ""),
    };
    lang.pick(fr, en)
}

fn news_text(news: &TeamNews, lang: Lang, territory: &Territory) -> String {
    match news {
        TeamNews::OnSite => lang.pick("sur place", "on site").into(),
        TeamNews::Contact => lang.pick("contact enregistré", "contact recorded").into(),
        TeamNews::Recalled => lang.pick("rappelée", "recalled").into(),
        TeamNews::Status(s) => vocab::team_status(*s, lang).into(),
        TeamNews::Position(at) => format!(
            "{} — {}",
            lang.pick("position", "position"),
            places::place(territory, at)
        ),
        TeamNews::Presence(at) => format!(
            "{} — {}",
            vocab::team_status(TeamStatus::ActivePresence, lang),
            places::place(territory, at)
        ),
        TeamNews::Reported(word) => format!(
            "{} — {}",
            lang.pick("contact", "check-in"),
            super::safety::word(*word, lang)
        ),
    }
}

fn case_state(state: CaseState, lang: Lang) -> &'static str {
    match state {
        CaseState::Watch => lang.pick("mise en veille", "under watch"),
        CaseState::Open => lang.pick("rouverte", "reopened"),
        CaseState::Closed => lang.pick("close", "closed"),
    }
}

fn follow_up(case: &str, date: Option<NaiveDate>, lang: Lang) -> String {
    match (date, lang) {
        (Some(d), Lang::Fr) => format!("{case} : suivi le {}", dates::full_date(d, lang)),
        (Some(d), Lang::En) => format!("{case}: follow-up on {}", dates::full_date(d, lang)),
        (None, _) => format!(
            "{case}{} {}",
            lang.colon(),
            lang.pick("plus de suivi prévu", "no follow-up planned")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_and_news_are_told_apart_and_every_notice_has_words() {
        let t = crate::territory::rennes().expect("Rennes");
        let all = [
            Notice::NightOpened { teams: 2 },
            Notice::Team {
                team: "E1".into(),
                news: TeamNews::Presence(Position::District("villejean".into())),
            },
            Notice::NoTeams,
            Notice::SelectCase,
            Notice::Fix(Fix::Usage),
            Notice::HandoverTaken {
                coordinator: "claire-m".into(),
            },
        ];
        for n in &all {
            for lang in [Lang::Fr, Lang::En] {
                assert!(!text(n, lang, &t).is_empty(), "{n:?}");
            }
        }
        assert!(!all[0].is_error() && all[2].is_error() && all[4].is_error());
        assert_eq!(
            text(&all[0], Lang::Fr, &t),
            "Nuit ouverte, 2 équipe(s) composée(s)."
        );
        assert!(text(&all[5], Lang::Fr, &t).starts_with("Passation prise : Claire"));
    }
}
