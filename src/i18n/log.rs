//! The main courante: one readable line per event, in the UI language. The words of each
//! aggregate's events are in `log/` (night, teams, requests, interventions, cases, notes);
//! those of the handover and instructions in `i18n::handover`.

mod cases;
mod interventions;
mod night;
mod notes;
mod phone;
mod requests;
mod safety;
mod teams;
mod watch;

use super::{Lang, dates};
use crate::domain::aggregate::Aggregate;
use crate::domain::calendar::Hours;
use crate::domain::event::Envelope;
use crate::domain::ids::{PersonalId, RequestId};
use crate::domain::reference::Territory;
use crate::domain::vocab::Position;

pub use super::lookup::Lookup;

/// "21:04  Sollicitation 3 reçue …", with a marker when outside service hours.
pub fn line(env: &Envelope, lookup: &dyn Lookup, lang: Lang) -> String {
    let marker = match env.hours {
        Hours::Regular => "",
        Hours::Early => lang.pick(" [avant 21 h]", " [before 21:00]"),
        Hours::Outside => lang.pick(" [hors horaires]", " [outside hours]"),
    };
    format!(
        "{}{}  {}",
        dates::clock(env.at),
        marker,
        describe(env, lookup, lang)
    )
}

/// The event in words, without its time.
pub fn describe(env: &Envelope, lookup: &dyn Lookup, lang: Lang) -> String {
    let w = &Words::new(lookup, lang);
    let words = match env.event.aggregate() {
        Aggregate::Night => night::describe(env, w),
        Aggregate::Team => teams::describe(&env.event, w),
        Aggregate::Request => requests::describe(&env.event, w),
        Aggregate::Intervention => interventions::describe(&env.event, w),
        Aggregate::Case => cases::describe(&env.event, w),
        Aggregate::Note => notes::describe(&env.event, w),
        Aggregate::Handover => super::handover::describe(env, lookup, lang),
        Aggregate::Action => Some(super::action::describe(env, lookup, lang)),
        Aggregate::Watch | Aggregate::Plan => watch::describe(env, w),
        Aggregate::Phone => phone::describe(&env.event, w),
    };
    words.unwrap_or_default()
}

/// The names and texts the lines refer to, looked up and worded in the UI language.
struct Words<'a> {
    lookup: &'a dyn Lookup,
    t: &'a Territory,
    l: Lang,
    /// French puts a space before the colon, English does not.
    colon: &'static str,
}

impl<'a> Words<'a> {
    fn new(lookup: &'a dyn Lookup, l: Lang) -> Self {
        let colon = l.pick(" :", ":");
        Words {
            lookup,
            t: lookup.territory(),
            l,
            colon,
        }
    }

    fn coordinator(&self, id: &str) -> String {
        self.t
            .coordinator(id)
            .map_or(id.to_string(), |c| c.name.clone())
    }

    fn mediator(&self, id: &str) -> String {
        self.t
            .mediator(id)
            .map_or(id.to_string(), |m| m.name.clone())
    }

    /// "Name, address (District)".
    fn site(&self, id: &str) -> String {
        self.t.site(id).map_or(id.to_string(), |s| {
            let district = self
                .t
                .district(&s.district)
                .map_or(s.district.as_str(), |d| d.name.as_str());
            format!("{}, {} ({district})", s.name, s.address)
        })
    }

    fn partner(&self, id: &str) -> String {
        self.t
            .partner(id)
            .map_or(id.to_string(), |p| p.name.clone())
    }

    fn partners(&self, ids: &[String]) -> String {
        ids.iter()
            .map(|p| self.partner(p))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The request's number in its night, else its id.
    fn number(&self, id: &RequestId) -> String {
        self.lookup
            .request_number(*id)
            .map_or(format!("#{id}"), |n| n.to_string())
    }

    /// " — « text »" of a personal record, said when it was erased; nothing without one.
    fn text(&self, id: &Option<PersonalId>) -> String {
        match id {
            None => String::new(),
            Some(p) => match self.lookup.personal(*p).and_then(|r| r.text) {
                Some(text) => format!(" — « {text} »"),
                None => self
                    .l
                    .pick(" — [texte effacé]", " — [text erased]")
                    .to_string(),
            },
        }
    }

    fn position(&self, p: &Position) -> String {
        match p {
            Position::Base => self.l.pick("à la base", "at base").to_string(),
            Position::Site(s) => self.site(s),
            Position::District(d) => self.t.district(d).map_or(d.clone(), |d| d.name.clone()),
        }
    }
}
