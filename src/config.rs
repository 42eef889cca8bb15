//! The settings file: TOML in the platform's config directory (`~/.config/vigie/config.toml`
//! on Linux), or the file named by `--config` / `VIGIE_CONFIG`. A missing file means the
//! defaults; a wrong one is refused with its line and what is expected.
//!
//! ```toml
//! lang = "fr"          # or "en"
//! desk = "poste-2"     # this console's name among several desks (default: poste-<pid>)
//! read_only = true     # the head of service's console: never holds the desk
//! [thresholds]         # minutes; amber past the value, red past twice
//! p1 = 5
//! p2 = 15
//! p3 = 45
//! p4 = 0               # 0: never overdue
//! contact = 20         # a team on site without a check-in
//! contact_en_route = 20 # a team en route
//! contact_presence = 30 # a team in active presence
//! [retention]
//! days = 365           # personal records kept after their request's last activity
//! ```
//!
//! A team out in the field turns amber past its status's value, red past twice (with a
//! bell), and is escalated past three times.

use crate::app::Thresholds;
use crate::i18n::Lang;
use crate::territory::TerritoryError;
use crate::territory::files::parse_toml;
use crate::territory::source::Source;
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// Longest threshold accepted: a whole night.
const MAX_MINUTES: i64 = 12 * 60;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Settings {
    pub lang: Option<Lang>,
    pub thresholds: Thresholds,
    /// `[retention] days`: none means the default (365, `store`'s retention at close).
    pub retention_days: Option<u32>,
    /// This console's name among the desks on one store.
    pub desk: Option<String>,
    /// Never holds the desk (the head of service's console).
    pub read_only: bool,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    lang: Option<String>,
    desk: Option<String>,
    #[serde(default)]
    read_only: bool,
    #[serde(default)]
    thresholds: ThresholdsFile,
    #[serde(default)]
    retention: RetentionFile,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RetentionFile {
    days: Option<u32>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ThresholdsFile {
    p1: Option<i64>,
    p2: Option<i64>,
    p3: Option<i64>,
    p4: Option<i64>,
    contact: Option<i64>,
    contact_en_route: Option<i64>,
    contact_presence: Option<i64>,
}

/// What is wrong in the settings file, and where.
#[derive(Debug, Clone, PartialEq)]
pub struct ConfigError {
    pub file: String,
    pub line: Option<usize>,
    pub field: Option<String>,
    /// Already in the UI language when Vigie found it; the TOML parser's words otherwise.
    pub message: String,
}

impl ConfigError {
    pub fn to_text(&self, lang: Lang) -> String {
        let line = self.line.map_or(String::new(), |l| match lang {
            Lang::Fr => format!(", ligne {l}"),
            Lang::En => format!(", line {l}"),
        });
        let field = self
            .field
            .as_ref()
            .map_or(String::new(), |f| format!(" [{f}]"));
        match lang {
            Lang::Fr => format!("réglages {}{line}{field} : {}", self.file, self.message),
            Lang::En => format!("settings {}{line}{field}: {}", self.file, self.message),
        }
    }
}

/// The file to read: the one given, else the platform's.
pub fn path(given: Option<PathBuf>) -> Option<PathBuf> {
    given.or_else(|| dirs::config_dir().map(|d| d.join("vigie").join("config.toml")))
}

/// Reads the settings; a file that does not exist gives the defaults.
pub fn load(path: &Path, lang: Lang) -> Result<Settings, ConfigError> {
    let file = path.display().to_string();
    match std::fs::read_to_string(path) {
        Ok(text) => parse(&file, &text, lang),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Settings::default()),
        Err(e) => Err(ConfigError {
            file,
            line: None,
            field: None,
            message: e.to_string(),
        }),
    }
}

/// Parses and checks the settings text. `lang` is the language of the messages.
pub fn parse(file: &str, text: &str, lang: Lang) -> Result<Settings, ConfigError> {
    let parsed: File = parse_toml(&Source::new(file, text)).map_err(|e| parse_error(file, e))?;
    let check = Check { file, text, lang };
    Ok(Settings {
        lang: check.lang(parsed.lang.as_deref())?,
        thresholds: check.thresholds(&parsed.thresholds)?,
        retention_days: check.retention(parsed.retention.days)?,
        desk: parsed.desk,
        read_only: parsed.read_only,
    })
}

/// A TOML error keeps its line and field; any other (not expected from a text) is shown as
/// it is.
fn parse_error(file: &str, e: TerritoryError) -> ConfigError {
    match e {
        TerritoryError::Syntax {
            line,
            field,
            message,
            ..
        } => ConfigError {
            file: file.to_string(),
            line,
            field,
            message,
        },
        other => ConfigError {
            file: file.to_string(),
            line: None,
            field: None,
            message: format!("{other:?}"),
        },
    }
}

/// Checks the values of a file that parsed; a wrong one is refused with the line of its key.
struct Check<'a> {
    file: &'a str,
    text: &'a str,
    lang: Lang,
}

impl Check<'_> {
    fn line_of(&self, key: &str) -> Option<usize> {
        self.text
            .lines()
            .position(|l| {
                l.trim_start()
                    .strip_prefix(key)
                    .is_some_and(|r| r.trim_start().starts_with('='))
            })
            .map(|i| i + 1)
    }

    fn wrong(&self, key: &str, fr: &str, en: &str) -> ConfigError {
        ConfigError {
            file: self.file.to_string(),
            line: self.line_of(key),
            field: Some(key.to_string()),
            message: self.lang.pick(fr, en).to_string(),
        }
    }

    fn lang(&self, value: Option<&str>) -> Result<Option<Lang>, ConfigError> {
        let expected = || {
            self.wrong(
                "lang",
                "« fr » ou « en » attendu",
                "\"fr\" or \"en\" expected",
            )
        };
        value
            .map(|s| Lang::parse(s).ok_or_else(expected))
            .transpose()
    }

    fn retention(&self, days: Option<u32>) -> Result<Option<u32>, ConfigError> {
        match days {
            Some(d) if !(1..=3650).contains(&d) => Err(self.wrong(
                "days",
                "un nombre de jours entre 1 et 3650 est attendu",
                "a number of days from 1 to 3650 is expected",
            )),
            d => Ok(d),
        }
    }

    fn minutes(&self, key: &str, value: Option<i64>) -> Result<Option<i64>, ConfigError> {
        match value {
            Some(m) if !(0..=MAX_MINUTES).contains(&m) => Err(self.wrong(
                key,
                "un nombre de minutes entre 0 et 720 est attendu",
                "a number of minutes from 0 to 720 is expected",
            )),
            v => Ok(v),
        }
    }

    fn thresholds(&self, t: &ThresholdsFile) -> Result<Thresholds, ConfigError> {
        let mut thresholds = Thresholds::default();
        for (i, (key, value)) in [("p1", t.p1), ("p2", t.p2), ("p3", t.p3), ("p4", t.p4)]
            .into_iter()
            .enumerate()
        {
            if let Some(m) = self.minutes(key, value)? {
                // 0: that priority never turns amber.
                thresholds.wait[i] = (m > 0).then_some(m);
            }
        }
        let check_ins = [
            ("contact", t.contact, &mut thresholds.contact),
            (
                "contact_en_route",
                t.contact_en_route,
                &mut thresholds.en_route,
            ),
            (
                "contact_presence",
                t.contact_presence,
                &mut thresholds.presence,
            ),
        ];
        for (key, value, slot) in check_ins {
            if let Some(m) = self.minutes(key, value)? {
                if m == 0 {
                    return Err(self.wrong(
                        key,
                        "au moins 1 minute : le contact de sécurité ne se désactive pas",
                        "at least 1 minute: the safety check-in cannot be turned off",
                    ));
                }
                *slot = m;
            }
        }
        Ok(thresholds)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_file_sets_the_language_and_every_threshold() {
        let s = parse(
            "config.toml",
            "lang = \"en\"\n[thresholds]\np1 = 3\np2 = 10\np3 = 30\np4 = 90\ncontact = 15\n",
            Lang::Fr,
        )
        .expect("valid");
        assert_eq!(s.lang, Some(Lang::En));
        assert_eq!(s.thresholds.wait, [Some(3), Some(10), Some(30), Some(90)]);
        assert_eq!(s.thresholds.contact, 15);
    }

    #[test]
    fn each_status_out_in_the_field_has_its_check_in_threshold() {
        let s = parse(
            "c",
            "[thresholds]\ncontact_en_route = 15\ncontact_presence = 45\n",
            Lang::Fr,
        )
        .expect("valid");
        assert_eq!(
            (
                s.thresholds.contact,
                s.thresholds.en_route,
                s.thresholds.presence
            ),
            (20, 15, 45)
        );
        let e = parse("c.toml", "[thresholds]\ncontact_presence = 0\n", Lang::En).expect_err("off");
        assert_eq!(e.field.as_deref(), Some("contact_presence"));
        assert_eq!(e.line, Some(2));
    }

    #[test]
    fn an_empty_file_and_zero_keep_the_defaults_or_turn_an_alert_off() {
        assert_eq!(parse("c", "", Lang::Fr), Ok(Settings::default()));
        let s = parse("c", "[thresholds]\np3 = 0\n", Lang::Fr).expect("valid");
        assert_eq!(s.thresholds.wait, [Some(5), Some(15), None, None]);
    }

    #[test]
    fn wrong_values_name_the_line_and_the_field_in_the_ui_language() {
        let e = parse("c.toml", "lang = \"fr\"\n[thresholds]\np2 = -4\n", Lang::Fr)
            .expect_err("negative");
        assert_eq!(e.line, Some(3));
        assert_eq!(
            e.to_text(Lang::Fr),
            "réglages c.toml, ligne 3 [p2] : un nombre de minutes entre 0 et 720 est attendu"
        );
        let e = parse("c.toml", "lang = \"de\"\n", Lang::En).expect_err("german");
        assert_eq!(
            e.to_text(Lang::En),
            "settings c.toml, line 1 [lang]: \"fr\" or \"en\" expected"
        );
        let e = parse("c.toml", "[thresholds]\ncontact = 0\n", Lang::Fr).expect_err("off");
        assert_eq!(e.field.as_deref(), Some("contact"));
    }

    #[test]
    fn syntax_errors_and_unknown_keys_point_at_their_line() {
        let e = parse(
            "c.toml",
            "lang = \"fr\"\n[thresholds]\np1 = cinq\n",
            Lang::Fr,
        )
        .expect_err("syntax");
        assert_eq!(e.line, Some(3));
        let e = parse("c.toml", "\n[thresholds]\np5 = 3\n", Lang::Fr).expect_err("unknown");
        assert_eq!(e.line, Some(3), "{e:?}");
    }

    #[test]
    fn a_missing_file_gives_the_defaults_and_an_unreadable_one_says_why() {
        let dir = tempfile::tempdir().expect("tempdir");
        let missing = dir.path().join("none.toml");
        assert_eq!(load(&missing, Lang::Fr), Ok(Settings::default()));
        let e = load(dir.path(), Lang::Fr).expect_err("a directory");
        assert!(e.to_text(Lang::Fr).starts_with("réglages "));
    }
}
