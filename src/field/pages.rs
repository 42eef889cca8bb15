//! The phone's pages, rendered on the server (askama escapes every text it writes):
//! sign-in, the team's page (its situation is also served alone for live updates), and a
//! message page for errors.

use super::code;
use super::view::{Choice, TeamView, slug};
use crate::domain::safety::CheckInWord;
use crate::i18n::field::{PageWords, page};
use crate::i18n::{Lang, safety};
use askama::Template;

#[derive(Template)]
#[template(path = "field_sign_in.html")]
struct SignIn<'a> {
    w: &'static PageWords,
    q: &'a str,
    csrf: &'a str,
    teams: &'a [String],
    message: Option<String>,
    /// Set when a session just ended (« deconnexion », « nuit »): the page's script empties
    /// the queue of actions not sent.
    end: &'a str,
}

#[derive(Template)]
#[template(path = "field_message.html")]
struct Message {
    w: &'static PageWords,
    message: String,
}

#[derive(Template)]
#[template(path = "field_situation.html")]
struct Situation<'a> {
    w: &'static PageWords,
    q: &'a str,
    csrf: &'a str,
    v: &'a TeamView,
}

#[derive(Template)]
#[template(path = "field_team.html")]
struct Team<'a> {
    w: &'static PageWords,
    q: &'a str,
    csrf: &'a str,
    v: &'a TeamView,
    flash: Option<(bool, String)>,
    situation: String,
    words: Vec<Choice>,
}

/// The hidden fields of an action form: the session's CSRF token, a fresh command id (a
/// form sent twice is executed once) and what it does.
fn hidden_fields(csrf: &str, kind: &str) -> String {
    format!(
        "<input type=\"hidden\" name=\"csrf\" value=\"{csrf}\">\
         <input type=\"hidden\" name=\"id\" value=\"{}\">\
         <input type=\"hidden\" name=\"do\" value=\"{kind}\">",
        &code::token()[..32]
    )
}

impl Situation<'_> {
    fn hidden(&self, kind: &str) -> String {
        hidden_fields(self.csrf, kind)
    }
}

impl Team<'_> {
    fn hidden(&self, kind: &str) -> String {
        hidden_fields(self.csrf, kind)
    }
}

/// The query suffix that keeps an explicit language across links and forms.
pub fn suffix(lang: Option<Lang>) -> &'static str {
    match lang {
        Some(Lang::En) => "?lang=en",
        Some(Lang::Fr) => "?lang=fr",
        None => "",
    }
}

fn render(t: &impl Template) -> String {
    // A template that fails to render is a bug; the phone still gets a page.
    t.render()
        .unwrap_or_else(|_| "<!DOCTYPE html><title>Vigie</title><p>Vigie</p>".to_string())
}

pub fn sign_in(
    lang: Lang,
    q: &str,
    csrf: &str,
    teams: &[String],
    message: Option<String>,
    end: &str,
) -> String {
    render(&SignIn {
        w: page(lang),
        q,
        csrf,
        teams,
        message,
        end,
    })
}

pub fn message(lang: Lang, message: String) -> String {
    render(&Message {
        w: page(lang),
        message,
    })
}

pub fn situation(lang: Lang, q: &str, csrf: &str, v: &TeamView) -> String {
    render(&Situation {
        w: page(lang),
        q,
        csrf,
        v,
    })
}

pub fn team(
    lang: Lang,
    q: &str,
    csrf: &str,
    v: &TeamView,
    flash: Option<(bool, String)>,
) -> String {
    let words = CheckInWord::ALL
        .iter()
        .map(|w| Choice {
            value: slug(w),
            label: safety::word(*w, lang).to_string(),
        })
        .collect();
    render(&Team {
        w: page(lang),
        q,
        csrf,
        v,
        flash,
        situation: situation(lang, q, csrf, v),
        words,
    })
}
