//! The lines the field link writes for the administrator: who signed in and from where,
//! wrong codes and locks, refusals and failures. `vigie serve` chooses where they go.

use crate::i18n::Lang;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

pub type LogFn = Arc<dyn Fn(&FieldLog) + Send + Sync>;

#[derive(Debug, Clone, PartialEq)]
pub enum FieldLog {
    Listening {
        addr: SocketAddr,
        https: bool,
    },
    SignedIn {
        team: String,
        from: IpAddr,
    },
    WrongCode {
        team: String,
        from: IpAddr,
        locked: bool,
    },
    Locked {
        team: String,
        from: IpAddr,
    },
    TooFast {
        from: IpAddr,
    },
    SignedOut {
        team: String,
        from: IpAddr,
    },
    /// The domain refused a team's action (in the server's language).
    Refused {
        team: String,
        from: IpAddr,
        why: String,
    },
    /// A request turned away: no session, a bad CSRF token, a body too large.
    Rejected {
        from: IpAddr,
        why: &'static str,
    },
    /// The store could not write (its words, for the administrator only).
    Failed {
        team: String,
        from: IpAddr,
        error: String,
    },
    SessionsEnded {
        count: usize,
    },
    Stopped,
}

impl FieldLog {
    pub fn line(&self, lang: Lang) -> String {
        let fr = lang == Lang::Fr;
        let p = |a: String, b: String| if fr { a } else { b };
        match self {
            FieldLog::Listening { addr, https } => {
                let s = if *https { "https" } else { "http" };
                p(
                    format!("terrain : à l'écoute sur {s}://{addr}"),
                    format!("field: listening on {s}://{addr}"),
                )
            }
            FieldLog::SignedIn { team, from } => p(
                format!("terrain : équipe {team} connectée depuis {from}"),
                format!("field: team {team} signed in from {from}"),
            ),
            FieldLog::WrongCode { team, from, locked } => {
                let lock = match (locked, fr) {
                    (true, true) => " — connexion bloquée 15 min",
                    (true, false) => " — sign-in locked for 15 min",
                    _ => "",
                };
                p(
                    format!("terrain : code incorrect pour {team} depuis {from}{lock}"),
                    format!("field: wrong code for {team} from {from}{lock}"),
                )
            }
            FieldLog::Locked { team, from } => p(
                format!("terrain : connexion de {team} bloquée, tentative depuis {from}"),
                format!("field: sign-in of {team} locked, attempt from {from}"),
            ),
            FieldLog::TooFast { from } => p(
                format!("terrain : trop de tentatives depuis {from}"),
                format!("field: too many attempts from {from}"),
            ),
            FieldLog::SignedOut { team, from } => p(
                format!("terrain : équipe {team} déconnectée ({from})"),
                format!("field: team {team} signed out ({from})"),
            ),
            FieldLog::Refused { team, from, why } => p(
                format!("terrain : refusé à {team} ({from}) : {why}"),
                format!("field: refused to {team} ({from}): {why}"),
            ),
            FieldLog::Rejected { from, why } => p(
                format!("terrain : requête rejetée de {from} : {why}"),
                format!("field: request rejected from {from}: {why}"),
            ),
            FieldLog::Failed { team, from, error } => p(
                format!("terrain : ÉCHEC d'écriture pour {team} ({from}) : {error}"),
                format!("field: FAILED to write for {team} ({from}): {error}"),
            ),
            FieldLog::SessionsEnded { count } => p(
                format!(
                    "terrain : {count} session(s) terminée(s) (nuit clôturée ou code renouvelé)"
                ),
                format!("field: {count} session(s) ended (night closed or code renewed)"),
            ),
            FieldLog::Stopped => p("terrain : arrêté".into(), "field: stopped".into()),
        }
    }
}

/// Lines to standard error, with the time (UTC), one per event.
pub fn stderr(lang: Lang) -> LogFn {
    Arc::new(move |l: &FieldLog| {
        let at = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ");
        eprintln!("{at} {}", l.line(lang));
    })
}
