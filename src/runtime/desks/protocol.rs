//! What desks say to the owner over the local socket: one JSON value a line (serde), the
//! protocol versioned so that a console of another build is told so in words.

use crate::app::Opening;
use crate::app::{LogLine, Nights};
use crate::domain::event::{Envelope, Origin};
use crate::domain::personal::PersonalRecord;
use crate::domain::refusal::Refusal;
use crate::domain::state::State;
use crate::domain::views::NightRecord;
use crate::domain::{Command, Written};
use crate::i18n::Lang;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Bumped whenever a message changes shape.
pub const PROTOCOL: u32 = 1;
/// A desk's line (a command, a hello) is small; anything longer is refused.
pub const MAX_CLIENT_LINE: usize = 1 << 20;
/// The owner's lines carry the state at connect: larger, still bounded.
pub const MAX_OWNER_LINE: usize = 64 << 20;

/// What a desk is there for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Purpose {
    /// A console: the state, then every commit.
    Console,
    /// A read command of the command line (`vigie log`…): one answer, then the end.
    Command,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ToOwner {
    Hello {
        protocol: u32,
        desk: String,
        lang: Lang,
        purpose: Purpose,
        /// The head of service's console: never holds the desk.
        #[serde(default)]
        read_only: bool,
        /// A console reconnecting after its owner went: the last sequence it applied.
        #[serde(default)]
        since: Option<u64>,
        /// It held the desk before its owner went.
        #[serde(default)]
        holding: bool,
    },
    Submit {
        /// The client's command id: a retry with the same id is executed once.
        id: String,
        commands: Vec<Command>,
        at: DateTime<Utc>,
        /// A team's phone whose command this desk relays (the phone page of a `vigie
        /// serve` that does not own the store): the journal records that team.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        team: Option<String>,
    },
    /// A read command of the command line, as typed after `vigie`.
    Run { args: Vec<String> },
    /// The night was closed on a client: the owner writes the backup.
    BackUp { at: DateTime<Utc> },
}

/// Why a desk's commands were not executed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Refused {
    Rules {
        refusal: Refusal,
    },
    /// Another desk holds the desk (or this console is read-only for good).
    ReadOnly {
        holder: Option<String>,
    },
    /// The store failed, in the desk's language.
    Store {
        words: String,
    },
}

/// The parts of an `Opening` a client rebuilds it from (the log lines already worded in
/// the client's language).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OpeningParts {
    pub state: State,
    pub nights: Vec<(NightRecord, Vec<Envelope>)>,
    pub log: Vec<(u64, crate::domain::calendar::ServiceNight, String)>,
    pub coordinator: Option<String>,
    pub fresh: bool,
    pub personal: Vec<PersonalRecord>,
}

impl OpeningParts {
    pub fn into_opening(self) -> Opening {
        Opening {
            state: self.state,
            nights: Nights::load(self.nights),
            log: self
                .log
                .into_iter()
                .map(|(seq, night, text)| LogLine { seq, night, text })
                .collect(),
            coordinator: self.coordinator,
            fresh: self.fresh,
            personal: self.personal,
        }
    }
}

/// How a console starts: the whole opening, or what it missed since its last sequence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Start {
    Full {
        #[serde(with = "json_text")]
        opening: Box<OpeningParts>,
    },
    CatchUp {
        written: Written,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ToDesk {
    Welcome {
        protocol: u32,
        /// The owner: its desk name and process id.
        owner: String,
        pid: u32,
        holder: Option<String>,
        start: Option<Start>,
    },
    /// Another version: said in words, then the connection ends.
    Mismatch {
        protocol: u32,
        words: String,
    },
    Commit {
        written: Written,
        origin: Origin,
    },
    Holder {
        desk: Option<String>,
    },
    Answer {
        id: String,
        result: Result<Written, Refused>,
    },
    /// A read command's output, and its exit code.
    Ran {
        stdout: String,
        stderr: String,
        code: u8,
    },
    /// A line the owner could not read (the connection ends after it).
    Error {
        words: String,
    },
}

/// The opening travels as JSON text inside the message: an internally tagged enum is read
/// through serde's buffer, which cannot turn the state's numeric map keys (written as
/// strings in JSON) back into numbers; text read on its own can.
mod json_text {
    use super::OpeningParts;
    use serde::{Deserialize, Deserializer, Serializer, de::Error, ser};

    pub fn serialize<S: Serializer, T: serde::Serialize>(v: &T, s: S) -> Result<S::Ok, S::Error> {
        let text = serde_json::to_string(v).map_err(ser::Error::custom)?;
        s.serialize_str(&text)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Box<OpeningParts>, D::Error> {
        let text = String::deserialize(d)?;
        serde_json::from_str(&text)
            .map(Box::new)
            .map_err(D::Error::custom)
    }
}

/// The words for a peer of another version, in both languages (its language is unknown).
pub fn mismatch_words(theirs: u32) -> String {
    format!(
        "Versions différentes : ce poste parle le protocole {theirs}, le propriétaire du dossier le {PROTOCOL}. Mettez Vigie à jour sur les deux. / Different versions: this desk speaks protocol {theirs}, the store's owner {PROTOCOL}. Update Vigie on both."
    )
}

/// One line of JSON, newline included.
pub fn line<T: Serialize>(msg: &T) -> Vec<u8> {
    // Serializing our own types cannot fail (no maps with non-string keys).
    let mut v = serde_json::to_vec(msg).unwrap_or_default();
    v.push(b'\n');
    v
}
