//! The teams' safety in words: what a check-in says, the steps of a missed one, what to do
//! when a team does not answer, and the refusals of these rules.

use super::{Lang, vocab};
use crate::domain::Refusal;
use crate::domain::safety::{CheckInWord, MissedStep};

pub fn word(w: CheckInWord, lang: Lang) -> &'static str {
    match w {
        CheckInWord::Ras => lang.pick("RAS", "all clear"),
        CheckInWord::Reinforcement => lang.pick("besoin de renfort", "needs reinforcement"),
        CheckInWord::Incident => lang.pick("incident", "incident"),
    }
}

pub fn step(s: MissedStep, lang: Lang) -> &'static str {
    match s {
        MissedStep::Amber => lang.pick("alerte orange", "amber alert"),
        MissedStep::Red => lang.pick("alerte rouge", "red alert"),
        MissedStep::Escalated => lang.pick("escalade", "escalation"),
    }
}

/// What to do, in order, when a team does not answer; `phone` is the team's as noted when
/// it was composed, `police` the directory's number.
pub fn next_steps(phone: Option<&str>, police: &str, lang: Lang) -> Vec<String> {
    let call = match (phone, lang) {
        (Some(p), Lang::Fr) => format!("1. Appeler l'équipe : {p}"),
        (Some(p), Lang::En) => format!("1. Call the team: {p}"),
        (None, _) => lang
            .pick(
                "1. Appeler l'équipe (aucun numéro noté à sa composition)",
                "1. Call the team (no number noted when it was composed)",
            )
            .to_string(),
    };
    let (members, then) = match lang {
        Lang::Fr => (
            "2. Pas de réponse : appeler chaque médiateur·rice".to_string(),
            format!("3. Toujours rien : une équipe au dernier lieu connu, police ({police})"),
        ),
        Lang::En => (
            "2. No answer: call each mediator".to_string(),
            format!("3. Still nothing: a team to the last known place, police ({police})"),
        ),
    };
    vec![call, members, then]
}

/// The refusals of the safety rules, of a status already set and of a purge.
pub fn refusal(r: &Refusal, lang: Lang) -> Option<String> {
    let fr = lang == Lang::Fr;
    let pick = |a: String, b: String| if fr { a } else { b };
    Some(match r {
        Refusal::AlreadyInStatus { team, status } => pick(
            format!(
                "L'équipe {team} est déjà « {} » : rien n'est écrit.",
                vocab::team_status(*status, lang)
            ),
            format!(
                "Team {team} is already \"{}\": nothing written.",
                vocab::team_status(*status, lang)
            ),
        ),
        Refusal::TeamNotOut { team } => pick(
            format!("L'équipe {team} n'est pas sur le terrain : pas de contact attendu."),
            format!("Team {team} is not out in the field: no check-in expected."),
        ),
        Refusal::CheckInStepRecorded { team, step: s } => pick(
            format!(
                "L'{} de l'équipe {team} est déjà enregistrée.",
                step(*s, lang)
            ),
            format!("Team {team}'s {} is already recorded.", step(*s, lang)),
        ),
        Refusal::TeamHeardSince { team, minutes } => pick(
            format!("L'équipe {team} a donné des nouvelles il y a {minutes} min."),
            format!("Team {team} was heard from {minutes} min ago."),
        ),
        Refusal::MalformedCode => pick(
            "Le code de connexion n'a pas pu être préparé : rien n'est écrit.".into(),
            "The sign-in code could not be prepared: nothing written.".into(),
        ),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_team_silent_too_long_comes_with_what_to_do_in_order() {
        let fr = next_steps(Some("06 12 34 56 78"), "17", Lang::Fr);
        assert_eq!(fr[0], "1. Appeler l'équipe : 06 12 34 56 78");
        assert!(fr[2].contains("police (17)"));
        let en = next_steps(None, "17", Lang::En);
        assert!(en[0].contains("no number"));
        assert_eq!(word(CheckInWord::Ras, Lang::Fr), "RAS");
        assert_eq!(step(MissedStep::Escalated, Lang::Fr), "escalade");
    }
}
