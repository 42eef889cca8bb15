//! Message catalogs: French (default) and English. The domain speaks in types; words are
//! chosen here.

pub mod action;
pub mod backup;
pub mod damage;
pub mod dates;
pub mod desk_keys;
pub mod desk_notice;
pub mod detail;
pub mod field;
pub mod fix;
pub mod handover;
pub mod import;
pub mod keys;
pub mod line;
pub mod log;
pub mod lookup;
pub mod names;
pub mod notice;
pub mod phone;
pub mod places;
pub mod refusal;
pub mod report;
pub mod request_notice;
pub mod safety;
pub mod seat_notice;
pub mod store;
pub mod territory;
pub mod vocab;
pub mod watch;

/// The UI language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Fr,
    En,
}

impl Lang {
    /// Parses "fr" / "en" (also "fr_FR.UTF-8" style locale strings).
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.to_ascii_lowercase();
        if s.starts_with("fr") {
            Some(Lang::Fr)
        } else if s.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// The colon as each language writes it: « E1 : sur place », "E1: on site".
    pub fn colon(self) -> &'static str {
        self.pick(" :", ":")
    }

    /// Picks the French or the English text.
    pub fn pick<'a>(self, fr: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Fr => fr,
            Lang::En => en,
        }
    }
}
