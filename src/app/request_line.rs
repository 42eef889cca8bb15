//! The `:` line's verbs about a request of the night, named by its number, in French or
//! English: `:renfort 3 E2`, `:annuler 3`, `:sanssuite 3 doublon|fondement|injoignable`,
//! `:telephone 3 info|oriente|relais [PARTENAIRE]`, `:corriger 3 p1 hall-b …`,
//! `:rappel 3 22:30|+20`, `:rappele 3 joint|message|absent`.

use super::form::callback::parse_due;
use crate::domain::command::Correction;
use crate::domain::ids::RequestId;
use crate::domain::reference::Territory;
use crate::domain::vocab::{CallbackOutcome, DismissReason, PhoneOutcome, Priority, Source};
use crate::domain::{Command, State};
use crate::i18n::notice::Fix;
use crate::i18n::{Lang, vocab};
use crate::text::fold;
use chrono::{DateTime, Utc};

/// The request numbered `words[1]` tonight (or an open one carried in).
fn request(state: &State, words: &[&str]) -> Result<RequestId, Fix> {
    let number: u32 = words
        .get(1)
        .and_then(|w| w.parse().ok())
        .ok_or(Fix::Usage)?;
    state
        .request_by_number(number)
        .map(|r| r.id)
        .ok_or(Fix::Usage)
}

/// The word at `i`, folded, if there is one.
fn word(words: &[&str], i: usize) -> Option<String> {
    words.get(i).map(|w| fold(w))
}

pub fn reinforce(state: &State, words: &[&str]) -> Result<Vec<Command>, Fix> {
    let request = request(state, words)?;
    let team = words.get(2).ok_or(Fix::Usage)?.to_uppercase();
    Ok(vec![Command::Reinforce { request, team }])
}

pub fn cancel(state: &State, words: &[&str]) -> Result<Vec<Command>, Fix> {
    Ok(vec![Command::Cancel {
        request: request(state, words)?,
    }])
}

pub fn dismiss(state: &State, words: &[&str]) -> Result<Vec<Command>, Fix> {
    let request = request(state, words)?;
    let reason = match word(words, 2).as_deref() {
        Some("doublon" | "duplicate") => DismissReason::Duplicate,
        Some("fondement" | "sansfondement" | "unfounded") => DismissReason::Unfounded,
        Some("injoignable" | "unreachable") => DismissReason::Unreachable,
        _ => return Err(Fix::Usage),
    };
    Ok(vec![Command::Dismiss { request, reason }])
}

/// A partner by id or by the start of its name.
fn partner(territory: &Territory, word: Option<&&str>) -> Option<String> {
    let w = fold(word?);
    let found: Vec<&str> = territory
        .partners
        .iter()
        .filter(|p| p.id == w || fold(&p.name).starts_with(&w))
        .map(|p| p.id.as_str())
        .collect();
    (found.len() == 1).then(|| found[0].to_string())
}

pub fn settle(state: &State, t: &Territory, words: &[&str]) -> Result<Vec<Command>, Fix> {
    let request = request(state, words)?;
    let partner = partner(t, words.get(3));
    let outcome = match word(words, 2).as_deref() {
        Some("info" | "information") => PhoneOutcome::Information,
        Some("oriente" | "oriented") => PhoneOutcome::Oriented,
        Some("relais" | "relay") => {
            let partner = partner.ok_or(Fix::Partner)?;
            let note = None;
            return Ok(vec![Command::Relay {
                request,
                partner,
                note,
            }]);
        }
        _ => return Err(Fix::Usage),
    };
    if outcome == PhoneOutcome::Oriented && partner.is_none() {
        return Err(Fix::Partner);
    }
    Ok(vec![Command::SettleByPhone {
        request,
        outcome,
        partner,
        note: None,
    }])
}

/// Each word after the number: a priority (p1…p4), an entrance of the site, a source or a
/// category by the start of one of its words (French or English).
pub fn correct(state: &State, t: &Territory, words: &[&str]) -> Result<Vec<Command>, Fix> {
    let id = request(state, words)?;
    let r = state.requests.get(&id).ok_or(Fix::Usage)?;
    let halls = t.site(&r.site).map_or(&[][..], |s| &s.entrances);
    let mut c = Correction {
        request: id,
        source: None,
        site: None,
        category: None,
        priority: None,
        entrance: None,
    };
    for w in words.iter().skip(2) {
        let key = fold(w);
        let hall = halls
            .iter()
            .find(|h| fold(h).replace(' ', "") == key.replace(' ', ""));
        if let Some(h) = hall {
            c.entrance = Some(h.clone());
        } else if let Some(p) = Priority::ALL
            .iter()
            .find(|p| fold(&format!("{p:?}")) == key)
        {
            c.priority = Some(*p);
        } else if let Some(s) = by_word(Source::ALL, w, vocab::source) {
            c.source = Some(s);
        } else if let Some(k) = by_word(crate::domain::vocab::Category::ALL, w, |k, l| {
            vocab::category(k, l)
        }) {
            c.category = Some(k);
        } else {
            return Err(Fix::Usage);
        }
    }
    Ok(vec![Command::CorrectRequest(c)])
}

/// The one value one of whose words (French or English) starts with `w`.
fn by_word<T: Copy + PartialEq>(
    all: &[T],
    w: &str,
    label: impl Fn(T, Lang) -> &'static str,
) -> Option<T> {
    let key = fold(w);
    let hits: Vec<T> = all
        .iter()
        .copied()
        .filter(|v| {
            [Lang::Fr, Lang::En]
                .iter()
                .any(|l| fold(label(*v, *l)).split(' ').any(|x| x.starts_with(&key)))
        })
        .collect();
    (hits.len() == 1).then(|| hits[0])
}

pub fn schedule(state: &State, now: DateTime<Utc>, words: &[&str]) -> Result<Vec<Command>, Fix> {
    let request = request(state, words)?;
    let due = words
        .get(2)
        .and_then(|w| parse_due(w, now))
        .ok_or(Fix::CallbackTime)?;
    Ok(vec![Command::ScheduleCallback { request, due }])
}

pub fn called_back(state: &State, words: &[&str]) -> Result<Vec<Command>, Fix> {
    let request = request(state, words)?;
    let outcome = match word(words, 2).as_deref() {
        Some("joint" | "reached") => CallbackOutcome::Reached,
        Some("message") => CallbackOutcome::MessageLeft,
        Some("absent" | "noanswer" | "repondeur") => CallbackOutcome::NoAnswer,
        _ => return Err(Fix::Usage),
    };
    Ok(vec![Command::RecordCallback { request, outcome }])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::vocab::Category;

    #[test]
    fn a_word_names_the_one_value_with_a_word_starting_with_it() {
        let cat = |k, l| vocab::category(k, l);
        assert_eq!(by_word(Category::ALL, "bruit", cat), None, "no such word");
        assert_eq!(
            by_word(Category::ALL, "sonores", cat),
            Some(Category::Noise)
        );
        assert_eq!(by_word(Category::ALL, "noise", cat), Some(Category::Noise));
    }
}
