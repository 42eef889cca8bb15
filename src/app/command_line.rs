//! The `:` command line: open the night, compose a team, hand over, close the night, in
//! French or English words. Names are found by id or by the start of the name.

use crate::domain::Command;
use crate::domain::reference::Territory;
use crate::i18n::notice::Fix;
use crate::text::fold;

/// Finds a coordinator or mediator by id or by the start of the name (accents aside).
pub fn person<'a>(people: impl Iterator<Item = (&'a str, &'a str)>, word: &str) -> Option<String> {
    let w = fold(word);
    let matches: Vec<&str> = people
        .filter(|(id, name)| *id == word || fold(name).starts_with(&w))
        .map(|(id, _)| id)
        .collect();
    (matches.len() == 1).then(|| matches[0].to_string())
}

/// `:ouvrir NOM`, `:equipe E1 NOM NOM [NOM]`, `:releve NOM`, `:cloturer` (English words too).
pub fn parse(territory: &Territory, words: &[&str]) -> Result<Command, Fix> {
    let coordinator = |w: Option<&&str>| {
        let people = territory
            .coordinators
            .iter()
            .map(|c| (c.id.as_str(), c.name.as_str()));
        w.and_then(|w| person(people, w)).ok_or(Fix::Usage)
    };
    match words.first().map(|w| fold(w)).as_deref() {
        Some("ouvrir" | "open") => Ok(Command::OpenNight {
            coordinator: coordinator(words.get(1))?,
        }),
        Some("releve" | "handover") => Ok(Command::ChangeCoordinator {
            coordinator: coordinator(words.get(1))?,
        }),
        Some("equipe" | "team") if words.len() >= 3 => {
            let mut members = Vec::new();
            for w in &words[2..] {
                let people = territory
                    .mediators
                    .iter()
                    .map(|m| (m.id.as_str(), m.name.as_str()));
                let id = person(people, w).ok_or_else(|| Fix::UnknownMediator {
                    word: w.to_string(),
                })?;
                members.push(id);
            }
            Ok(Command::ComposeTeam {
                team: words[1].to_uppercase(),
                members,
                equipment: None,
            })
        }
        Some("cloturer" | "close") => Ok(Command::CloseNight),
        _ => Err(Fix::Usage),
    }
}

/// The whole line: the verbs about the night's requests need the state (a request is named
/// by its number tonight), the others only the territory.
pub fn parse_in(ctx: &super::form::Ctx, words: &[&str]) -> Result<Vec<Command>, Fix> {
    use super::request_line as r;
    let (state, territory) = (ctx.domain, ctx.territory);
    match words.first().map(|w| fold(w)).as_deref() {
        Some("renfort" | "reinforce") => r::reinforce(state, words),
        Some("annuler" | "cancel") => r::cancel(state, words),
        Some("sanssuite" | "dismiss") => r::dismiss(state, words),
        Some("telephone" | "phone") => r::settle(state, territory, words),
        Some("corriger" | "correct") => r::correct(state, territory, words),
        Some("rappel" | "callback") => r::schedule(state, ctx.now, words),
        Some("rappele" | "calledback") => r::called_back(state, words),
        _ => parse(territory, words).map(|c| vec![c]),
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
