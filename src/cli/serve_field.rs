//! Where `vigie serve --field` starts the teams' phone page. Its server is built apart; this
//! build has none, and says so.

use super::args::ServeArgs;
use crate::i18n::Lang;
use crate::runtime::desks::Link;
use std::net::SocketAddr;
use std::path::PathBuf;

/// The phone page's options, checked.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldArgs {
    pub addr: SocketAddr,
    pub cert: Option<PathBuf>,
    pub key: Option<PathBuf>,
    /// Plain HTTP, on a loopback address only (trials).
    pub plain_http: bool,
}

impl FieldArgs {
    /// `None` without `--field`; an error in words when the options do not fit together.
    pub fn from_args(a: &ServeArgs, lang: Lang) -> Result<Option<FieldArgs>, String> {
        let Some(addr) = a.field else {
            return Ok(None);
        };
        if a.plain_http && !addr.ip().is_loopback() {
            return Err(lang
                .pick(
                    "--plain-http seulement sur une adresse locale (127.0.0.1, ::1) : ailleurs, HTTPS avec --cert et --key.",
                    "--plain-http only on a loopback address (127.0.0.1, ::1): elsewhere, HTTPS with --cert and --key.",
                )
                .to_string());
        }
        if !a.plain_http && (a.cert.is_none() || a.key.is_none()) {
            return Err(lang
                .pick(
                    "--field demande le certificat du service : --cert FICHIER et --key FICHIER (ou --plain-http sur 127.0.0.1 pour un essai).",
                    "--field needs the service's certificate: --cert FILE and --key FILE (or --plain-http on 127.0.0.1 for a trial).",
                )
                .to_string());
        }
        Ok(Some(FieldArgs {
            addr,
            cert: a.cert.clone(),
            key: a.key.clone(),
            plain_http: a.plain_http,
        }))
    }
}

/// The running phone page: it stops when dropped.
pub struct FieldServer {
    _running: Box<dyn std::any::Any + Send>,
}

impl FieldServer {
    #[allow(dead_code, reason = "the phone server (another build) makes one")]
    pub fn new(running: Box<dyn std::any::Any + Send>) -> FieldServer {
        FieldServer { _running: running }
    }
}

/// Starts the phone page on `link` (the hub when this process owns the store, else the
/// connection to the owner).
pub fn start_field(link: Link, args: &FieldArgs) -> Result<FieldServer, String> {
    let _ = (link, args);
    Err("the phone page (--field) is not in this build / la page des équipes (--field) n'est pas dans cette version".into())
}
