//! The `:` line's verbs, as a table: each row is a verb in French and English, how its
//! arguments are written, and what it does (`verb_run`). `:aide` lists the table; another
//! verb is one more row. A word no row knows goes on to `command_line::parse`, the verbs
//! written as a match there.
//!
//! What a verb does is what its key does, through the same handlers (a team's key checks
//! that it applies, an irreversible one asks first). A line that goes wrong stays open
//! with its error in place; the next command clears it.

use super::form::Open;
use super::form::line::{LineForm, LinePurpose};
use super::respond::{commit, say};
pub use super::said::Said;
use super::verb_run as run;
use super::{Action, AppState, Effect, Mode, board_keys, pilot, safety};
use crate::domain::vocab::{CaseState, TeamStatus};
use crate::i18n::notice::{Fix, Notice};
use crate::text::fold;

/// A verb of the `:` line.
pub struct Verb {
    pub fr: &'static str,
    pub en: &'static str,
    /// Its arguments as written after it, in French and English ("N [ÉQUIPE]").
    pub args: (&'static str, &'static str),
    pub run: fn(&AppState, &[&str]) -> Result<Said, Fix>,
}

const fn v(
    fr: &'static str,
    en: &'static str,
    args: (&'static str, &'static str),
    run: fn(&AppState, &[&str]) -> Result<Said, Fix>,
) -> Verb {
    Verb { fr, en, args, run }
}

const NONE: (&str, &str) = ("", "");
const TEAM: (&str, &str) = ("ÉQUIPE", "TEAM");
const NAME: (&str, &str) = ("NOM", "NAME");
const NUMBER: (&str, &str) = ("N", "N");
const CASE: (&str, &str) = ("SITUATION", "CASE");

/// Every verb, in the order `:aide` lists them: the night, requests, teams, situations,
/// the handover, the console.
pub const VERBS: &[Verb] = &[
    v("ouvrir", "open", NAME, run::legacy),
    v(
        "equipe",
        "team",
        ("E4 NOM NOM [NOM]", "E4 NAME NAME [NAME]"),
        run::legacy,
    ),
    v("releve", "handover", NAME, run::legacy),
    v("cloturer", "close", NONE, run::close_night),
    v("nouvelle", "new", ("[LIEU]", "[PLACE]"), run::new_request),
    v("envoyer", "send", ("N [ÉQUIPE]", "N [TEAM]"), run::send),
    v("annuler", "cancel", NUMBER, run::cancel),
    v(
        "sanssuite",
        "dismiss",
        (
            "N doublon|infonde|injoignable",
            "N duplicate|unfounded|unreachable",
        ),
        run::dismiss,
    ),
    v("reporter", "carryover", NUMBER, run::carry_over),
    v(
        "renfort",
        "reinforce",
        ("N [ÉQUIPE]", "N [TEAM]"),
        run::legacy,
    ),
    v(
        "telephone",
        "phone",
        (
            "N info|oriente|relais [PARTENAIRE]",
            "N info|oriented|relay [PARTNER]",
        ),
        run::legacy,
    ),
    v(
        "corriger",
        "correct",
        ("N [P1…P4] [HALL] …", "N [P1…P4] [HALL] …"),
        run::legacy,
    ),
    v(
        "rappel",
        "callback",
        ("N HH:MM|+MIN", "N HH:MM|+MIN"),
        run::legacy,
    ),
    v(
        "rappele",
        "calledback",
        ("N joint|message|absent", "N reached|message|noanswer"),
        run::legacy,
    ),
    v("surplace", "onsite", TEAM, |a, w| {
        run::on_team(a, w, Action::Arrive)
    }),
    v(
        "contact",
        "checkin",
        (
            "ÉQUIPE [ras|renfort|incident]",
            "TEAM [clear|reinforcement|incident]",
        ),
        run::check_in,
    ),
    v("terminer", "clear", TEAM, |a, w| {
        run::on_team(a, w, Action::Clear)
    }),
    v("rappeler", "recall", TEAM, |a, w| {
        run::on_team(a, w, Action::Recall)
    }),
    v("code", "code", TEAM, |a, w| {
        run::on_team(a, w, Action::IssueCode)
    }),
    v("dispo", "available", TEAM, |a, w| {
        run::on_team(a, w, Action::SetStatus(TeamStatus::Available))
    }),
    v(
        "presence",
        "presence",
        ("ÉQUIPE [LIEU]", "TEAM [PLACE]"),
        run::presence,
    ),
    v(
        "position",
        "locate",
        ("ÉQUIPE [LIEU]", "TEAM [PLACE]"),
        run::locate,
    ),
    v("pause", "break", TEAM, |a, w| {
        run::on_team(a, w, Action::SetStatus(TeamStatus::Break))
    }),
    v("retour", "return", TEAM, |a, w| {
        run::on_team(a, w, Action::SetStatus(TeamStatus::ReturnToBase))
    }),
    v("horsservice", "offduty", TEAM, |a, w| {
        run::on_team(a, w, Action::SetStatus(TeamStatus::OffDuty))
    }),
    v("note", "note", ("TEXTE", "TEXT"), run::note),
    v("etape", "step", CASE, run::step),
    v(
        "suivi",
        "followup",
        ("SITUATION [JJ/MM|+N]", "CASE [DD/MM|+N]"),
        run::follow_up,
    ),
    v("veille", "watch", CASE, |a, w| {
        run::case_state(a, w, CaseState::Watch)
    }),
    v("rouvrir", "reopen", CASE, |a, w| {
        run::case_state(a, w, CaseState::Open)
    }),
    v("clore", "closecase", CASE, |a, w| {
        run::case_state(a, w, CaseState::Closed)
    }),
    v("obs", "obs", ("TYPE LIEU", "TYPE PLACE"), run::legacy),
    v("transmettre", "transmit", NUMBER, run::legacy),
    v("reponse", "answer", ("N TEXTE", "N TEXT"), run::legacy),
    v("resolue", "resolved", NUMBER, run::legacy),
    v("classer", "file", NUMBER, run::legacy),
    v(
        "relais",
        "relay",
        ("N PARTENAIRE ÉTAPE", "N PARTNER STEP"),
        run::legacy,
    ),
    v(
        "point",
        "point",
        ("LIEU HH:MM HH:MM", "PLACE HH:MM HH:MM"),
        run::legacy,
    ),
    v("passage", "pass", ("N ÉQUIPE", "N TEAM"), run::legacy),
    v("passation", "handovernote", NONE, run::handover_note),
    v("prendre", "take", NAME, run::take_handover),
    v("consigne", "instruction", NONE, run::instruction),
    v("rapport", "report", NONE, run::report),
    v("alerte", "alert", NONE, |_, _| Ok(Said::Worst)),
    v("pilote", "autopilot", NONE, |_, _| Ok(Said::Pilot)),
    v("aide", "help", NONE, |_, _| Ok(Said::Help)),
];

impl Verb {
    /// ":envoyer N [ÉQUIPE]".
    pub fn usage(&self, lang: crate::i18n::Lang) -> String {
        let (word, args) = match lang {
            crate::i18n::Lang::Fr => (self.fr, self.args.0),
            crate::i18n::Lang::En => (self.en, self.args.1),
        };
        if args.is_empty() {
            format!(":{word}")
        } else {
            format!(":{word} {args}")
        }
    }
}

/// The row a word names, in either language (accents and case aside).
pub fn find(word: &str) -> Option<&'static Verb> {
    let w = fold(word);
    VERBS.iter().find(|v| v.fr == w || v.en == w)
}

/// Enter on the `:` line.
pub(super) fn submit(app: &mut AppState) -> Vec<Effect> {
    let Some(text) = app
        .mode
        .line(LinePurpose::Command)
        .map(|i| i.value().to_string())
    else {
        return Vec::new();
    };
    let words: Vec<&str> = text.split_whitespace().collect();
    let Some(first) = words.first() else {
        app.mode = Mode::Normal;
        return Vec::new();
    };
    let said = match find(first) {
        Some(verb) => (verb.run)(app, &words).map_err(|fix| match fix {
            Fix::Usage => usage(verb),
            other => other,
        }),
        None => run::legacy(app, &words).map_err(|fix| match fix {
            Fix::Usage => Fix::UnknownVerb {
                word: first.to_string(),
            },
            other => other,
        }),
    };
    let line = LineForm::new(LinePurpose::Command, text.clone());
    match said {
        Ok(said) => apply(app, said, line),
        Err(fix) => say(app, Notice::Fix(fix)),
    }
}

fn usage(verb: &Verb) -> Fix {
    Fix::VerbUsage {
        fr: verb.usage(crate::i18n::Lang::Fr),
        en: verb.usage(crate::i18n::Lang::En),
    }
}

/// Does what the verb came to. Until a commit is answered, or when it went wrong, the
/// line stays open with what was typed (its error in place).
fn apply(app: &mut AppState, said: Said, line: LineForm) -> Vec<Effect> {
    app.mode = Mode::Normal;
    let effects = match said {
        Said::Commit(commands) => commit(app, commands),
        Said::Team(team, action) => board_keys::for_team(app, team, action),
        Said::Ask(question) => super::confirm::ask(app, question),
        Said::Open(mode) => {
            app.mode = mode;
            Vec::new()
        }
        Said::Say(notice) => say(app, notice),
        Said::Effects(effects) => effects,
        Said::Help => {
            app.mode = Mode::Verbs;
            Vec::new()
        }
        Said::Pilot => pilot::toggle(app),
        Said::Worst => safety::worst_key(app),
    };
    let writing = effects.iter().any(|e| matches!(e, Effect::Commit(_)));
    let wrong = app.notice.as_ref().is_some_and(Notice::is_error);
    if matches!(app.mode, Mode::Normal) && (writing || wrong) {
        app.mode = Mode::Line(Box::new(Open::new(line)));
    }
    effects
}

/// The verbs' list: any key closes it (Esc, Enter, q).
pub(super) fn keys(app: &mut AppState, action: Action) -> Vec<Effect> {
    match action {
        Action::Quit => vec![Effect::Quit],
        _ => {
            app.mode = Mode::Normal;
            Vec::new()
        }
    }
}
