//! How a command fails: its words in the UI language and its exit code (README, `vigie
//! --help`).

use crate::i18n::{self, Lang};
use crate::store::StoreError;

/// A failed command: what to print, and the exit code (README, `vigie --help`).
#[derive(Debug)]
pub struct Failure {
    pub message: String,
    pub code: u8,
}

/// The exit code of a usage error (the others come from `StoreError::exit_code`).
pub const EXIT_USAGE: u8 = 2;

impl From<String> for Failure {
    fn from(message: String) -> Failure {
        Failure { message, code: 1 }
    }
}

/// A store error in words, with its exit code.
pub fn fail(lang: Lang) -> impl Fn(StoreError) -> Failure {
    move |e| {
        let e = crate::store::with_backup_hint(e);
        let mut message = i18n::store::store_error(&e, lang);
        if let StoreError::Locked(dir) = &e
            && let Some(who) = crate::runtime::desks::server::owner_of(dir)
        {
            message.push_str(&format!(
                " [{}{who}]",
                lang.pick("propriétaire : ", "owner: ")
            ));
        }
        Failure {
            code: e.exit_code(),
            message,
        }
    }
}

pub const EXIT_CODES_HELP: &str = "Codes de sortie / exit codes: 0 succès / success; 1 différences ou dommages trouvés, commande refusée / differences or damage found, command refused; 2 usage; 3 données impossibles à ouvrir (absentes, verrouillées, droits, autre territoire) / the store cannot be opened (missing, locked, permissions, another territory); 4 disque plein / disk full.";
