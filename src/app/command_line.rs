//! The `:` command line: open the night, compose a team, hand over, close the night, in
//! French or English words. Names are found by id or by the start of the name.

use super::update::{Action, Effect};
use super::update::{commit, t};
use super::{AppState, Message, Mode};
use crate::domain::Command;
use crate::i18n::Lang;
use crate::text::fold;
use tui_input::Input;

/// Finds a coordinator or mediator by id or by the start of the name (accents aside).
pub(super) fn person<'a>(
    people: impl Iterator<Item = (&'a str, &'a str)>,
    word: &str,
) -> Option<String> {
    let w = fold(word);
    let matches: Vec<&str> = people
        .filter(|(id, name)| *id == word || fold(name).starts_with(&w))
        .map(|(id, _)| id)
        .collect();
    (matches.len() == 1).then(|| matches[0].to_string())
}

pub(super) fn command_line(app: &mut AppState, mut input: Input, action: Action) -> Vec<Effect> {
    match action {
        Action::Edit(req) => {
            input.handle(req);
        }
        Action::Back | Action::Quit => return Vec::new(),
        Action::Submit => {
            let line = input.value().to_string();
            let words: Vec<&str> = line.split_whitespace().collect();
            let parsed = parse_command(app, &words);
            return match parsed {
                Ok((cmd, msg)) => {
                    app.mode = Mode::Command(input);
                    commit(app, cmd, msg)
                }
                Err(e) => {
                    app.message = Some(Message::Error(e));
                    app.mode = Mode::Command(input);
                    vec![Effect::Bell]
                }
            };
        }
        _ => {}
    }
    app.mode = Mode::Command(input);
    Vec::new()
}

/// `:ouvrir NOM`, `:equipe E1 NOM NOM [NOM]`, `:releve NOM`, `:cloturer` (English words too).
fn parse_command(app: &AppState, words: &[&str]) -> Result<(Command, String), String> {
    let lang = app.lang;
    let t_ = &app.territory;
    let coordinators = || {
        t_.coordinators
            .iter()
            .map(|c| (c.id.as_str(), c.name.as_str()))
    };
    let mediators = || {
        t_.mediators
            .iter()
            .map(|m| (m.id.as_str(), m.name.as_str()))
    };
    let usage = t(
        lang,
        "Commandes : ouvrir NOM · equipe E1 NOM NOM [NOM] · releve NOM · cloturer",
        "Commands: open NAME · team E1 NAME NAME [NAME] · handover NAME · close",
    );
    match words.first().map(|w| fold(w)).as_deref() {
        Some("ouvrir" | "open") => {
            let who = words
                .get(1)
                .and_then(|w| person(coordinators(), w))
                .ok_or_else(|| usage.clone())?;
            Ok((
                Command::OpenNight { coordinator: who },
                t(lang, "Nuit ouverte.", "Night opened."),
            ))
        }
        Some("releve" | "handover") => {
            let who = words
                .get(1)
                .and_then(|w| person(coordinators(), w))
                .ok_or_else(|| usage.clone())?;
            Ok((
                Command::ChangeCoordinator { coordinator: who },
                t(lang, "Relève enregistrée.", "Handover recorded."),
            ))
        }
        Some("equipe" | "team") if words.len() >= 3 => {
            let mut members = Vec::new();
            for w in &words[2..] {
                let id = person(mediators(), w).ok_or_else(|| {
                    if lang == Lang::Fr {
                        format!("Médiateur·rice introuvable ou ambigu : « {w} ».")
                    } else {
                        format!("Unknown or ambiguous mediator \"{w}\".")
                    }
                })?;
                members.push(id);
            }
            let team = words[1].to_uppercase();
            let msg = format!(
                "{} {team} {}",
                t(lang, "Équipe", "Team"),
                lang.pick("composée", "composed")
            );
            Ok((
                Command::ComposeTeam {
                    team,
                    members,
                    equipment: None,
                },
                msg,
            ))
        }
        Some("cloturer" | "close") => Ok((
            Command::CloseNight,
            t(lang, "Nuit clôturée.", "Night closed."),
        )),
        _ => Err(usage),
    }
}

#[cfg(test)]
mod tests {
    use super::person;

    #[test]
    fn a_name_is_found_by_its_start_with_accents_hyphens_and_apostrophes_aside() {
        let people = [
            ("m1", "Anne-Lise Quéré"),
            ("m2", "Anaïs D'Arvor"),
            ("m3", "Éloi Brun"),
        ];
        let find = |w: &str| person(people.iter().copied(), w);
        assert_eq!(find("anne lise").as_deref(), Some("m1"));
        assert_eq!(find("ANNE-LI").as_deref(), Some("m1"));
        assert_eq!(find("anais d arv").as_deref(), Some("m2"));
        assert_eq!(find("eloi").as_deref(), Some("m3"));
        assert_eq!(find("m3").as_deref(), Some("m3"), "by id");
        assert_eq!(find("an"), None, "two people start so");
    }
}
