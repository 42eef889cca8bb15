//! Why an import (or a restore) refused a file, said with its line and what to do.

use super::Lang;
use crate::domain::validate::Invalid;
use crate::store::ImportError;

fn invalid(p: &Invalid, lang: Lang) -> String {
    let fr = lang == Lang::Fr;
    match p {
        Invalid::UnknownReference { what, id } => match lang {
            Lang::Fr => format!("{what} « {id} » inconnu du territoire"),
            Lang::En => format!("{what} \"{id}\" is not in the territory"),
        },
        Invalid::UnknownEarlier { what, id } => match lang {
            Lang::Fr => format!("{what} {id} : aucun événement antérieur ne l'a créé"),
            Lang::En => format!("{what} {id}: no earlier event made it"),
        },
        Invalid::Duplicate { what, id } => match lang {
            Lang::Fr => format!("{what} {id} existe déjà"),
            Lang::En => format!("{what} {id} already exists"),
        },
        Invalid::TimeBack { at, previous } => match lang {
            Lang::Fr => format!(
                "l'instant {at} est antérieur à celui de l'événement précédent ({previous})"
            ),
            Lang::En => format!("the instant {at} is before the previous event's ({previous})"),
        },
        Invalid::Placement { night } => match lang {
            Lang::Fr => format!(
                "la nuit {night} ou les heures ne correspondent pas à l'instant de l'événement"
            ),
            Lang::En => format!("the night {night} or the hours do not match the event's instant"),
        },
        Invalid::NightOrder { night, last } => match lang {
            Lang::Fr => format!(
                "la nuit du {night} est ouverte alors que la nuit du {last} est ouverte ou plus récente"
            ),
            Lang::En => {
                format!("the night of {night} opens while the night of {last} is open or later")
            }
        },
        Invalid::NoNightOpen => {
            if fr {
                "événement de nuit alors qu'aucune nuit n'est ouverte".into()
            } else {
                "a night's event while no night is open".into()
            }
        }
        Invalid::OtherNight { night, open } => match lang {
            Lang::Fr => format!("la nuit du {night} est close pendant la nuit du {open}"),
            Lang::En => format!("the night of {night} is closed during the night of {open}"),
        },
        Invalid::TooLong { field, max } => match lang {
            Lang::Fr => format!("le texte « {field} » dépasse {max} caractères"),
            Lang::En => format!("the text \"{field}\" is longer than {max} characters"),
        },
    }
}

pub fn import_error(e: &ImportError, lang: Lang) -> String {
    let what = match (e, lang) {
        (ImportError::Malformed { line, detail }, Lang::Fr) => {
            format!("Ligne {line} illisible : {detail}.")
        }
        (ImportError::Malformed { line, detail }, Lang::En) => {
            format!("Line {line} is unreadable: {detail}.")
        }
        (ImportError::UnknownKind { line, kind }, Lang::Fr) => format!(
            "Ligne {line} : type d'événement inconnu « {kind} » (export d'une version plus récente ?)."
        ),
        (ImportError::UnknownKind { line, kind }, Lang::En) => {
            format!("Line {line}: unknown event kind \"{kind}\" (an export from a newer version?).")
        }
        (ImportError::UnknownField { line, field }, Lang::Fr) => format!(
            "Ligne {line} : champ inconnu « {field} » (il serait perdu ; export d'une version plus récente ?)."
        ),
        (ImportError::UnknownField { line, field }, Lang::En) => format!(
            "Line {line}: unknown field \"{field}\" (it would be lost; an export from a newer version?)."
        ),
        (ImportError::NoHeader, Lang::Fr) => {
            "Ligne 1 : ce fichier n'est pas un journal Vigie (en-tête absent).".into()
        }
        (ImportError::NoHeader, Lang::En) => {
            "Line 1: this file is not a Vigie journal (no header).".into()
        }
        (ImportError::Version { line, version }, Lang::Fr) => format!(
            "Ligne {line} : version {version} plus récente que ce Vigie ; mettez Vigie à jour."
        ),
        (ImportError::Version { line, version }, Lang::En) => {
            format!("Line {line}: version {version} is newer than this Vigie; update Vigie.")
        }
        (ImportError::Territory { found, expected }, Lang::Fr) => format!(
            "Ligne 1 : journal du territoire « {found} », pas « {expected} » ; donnez le bon avec --territory."
        ),
        (ImportError::Territory { found, expected }, Lang::En) => format!(
            "Line 1: a journal of the territory \"{found}\", not \"{expected}\"; give the right one with --territory."
        ),
        (
            ImportError::Gap {
                line,
                expected,
                found,
            },
            Lang::Fr,
        ) => format!(
            "Ligne {line} : séquence {found} au lieu de {expected} ; le journal est incomplet."
        ),
        (
            ImportError::Gap {
                line,
                expected,
                found,
            },
            Lang::En,
        ) => format!(
            "Line {line}: sequence {found} instead of {expected}; the journal is incomplete."
        ),
        (ImportError::AlreadyPresent { line, seq }, Lang::Fr) => format!(
            "Ligne {line} : l'événement {seq} est déjà dans ces données ; ce journal a déjà été importé."
        ),
        (ImportError::AlreadyPresent { line, seq }, Lang::En) => format!(
            "Line {line}: event {seq} is already in this store; this journal was already imported."
        ),
        (ImportError::Invalid { line, problem }, Lang::Fr) => {
            format!("Ligne {line} : {}.", invalid(problem, lang))
        }
        (ImportError::Invalid { line, problem }, Lang::En) => {
            format!("Line {line}: {}.", invalid(problem, lang))
        }
        _ => file_problem(e, lang),
    };
    what + lang.pick(" Rien n'a été importé.", " Nothing was imported.")
}

/// What is wrong with the file as a whole: empty, its encoding, its trailer.
fn file_problem(e: &ImportError, lang: Lang) -> String {
    match (e, lang) {
        (ImportError::Empty, Lang::Fr) => "Le fichier ne contient aucun événement.".into(),
        (ImportError::Empty, Lang::En) => "The file holds no event.".into(),
        (ImportError::Io { line, detail }, Lang::Fr) => {
            format!("Lecture impossible à la ligne {line} : {detail}.")
        }
        (ImportError::Io { line, detail }, Lang::En) => format!("Cannot read line {line}: {detail}."),
        (ImportError::Bom, Lang::Fr) => "Ligne 1 : le fichier commence par une marque d'ordre des octets (BOM) ; enregistrez-le en UTF-8 sans BOM.".into(),
        (ImportError::Bom, Lang::En) => "Line 1: the file starts with a byte-order mark (BOM); save it as UTF-8 without BOM.".into(),
        (ImportError::Crlf { line }, Lang::Fr) => format!(
            "Ligne {line} : fin de ligne Windows (CRLF) ; le journal s'écrit avec des fins de ligne \\n seules."
        ),
        (ImportError::Crlf { line }, Lang::En) => format!(
            "Line {line}: a Windows line end (CRLF); the journal uses \\n line ends only."
        ),
        (ImportError::InvalidUtf8 { line }, Lang::Fr) => {
            format!("Ligne {line} : octets qui ne sont pas de l'UTF-8 valide.")
        }
        (ImportError::InvalidUtf8 { line }, Lang::En) => format!("Line {line}: bytes that are not valid UTF-8."),
        (ImportError::Nul { line }, Lang::Fr) => {
            format!("Ligne {line} : octet nul (NUL) ; le fichier est endommagé.")
        }
        (ImportError::Nul { line }, Lang::En) => format!("Line {line}: a NUL byte; the file is damaged."),
        (ImportError::NoTrailer { events }, Lang::Fr) => format!(
            "Fichier incomplet : pas de ligne de fin après {events} événements (fichier coupé ?)."
        ),
        (ImportError::NoTrailer { events }, Lang::En) => format!(
            "Incomplete file: no trailer line after {events} events (a file cut short?)."
        ),
        (ImportError::TrailerMismatch { line, events, trailer }, Lang::Fr) => format!(
            "Ligne {line} : la ligne de fin annonce {trailer} événements et sa signature, le fichier en a {events} ou diffère ; il est incomplet ou modifié."
        ),
        (ImportError::TrailerMismatch { line, events, trailer }, Lang::En) => format!(
            "Line {line}: the trailer announces {trailer} events and a hash; the file holds {events} or differs; it is incomplete or changed."
        ),
        (ImportError::AfterTrailer { line, trailer }, Lang::Fr) => {
            format!("Ligne {line} : des lignes suivent la ligne de fin (ligne {trailer}).")
        }
        (ImportError::AfterTrailer { line, trailer }, Lang::En) => {
            format!("Line {line}: lines follow the trailer (line {trailer}).")
        }
        _ => String::new(),
    }
}

/// Said after importing a version-2 file, which has no trailer.
pub fn unproved(lang: Lang) -> &'static str {
    lang.pick(
        "Note : fichier de version 2, sans ligne de fin ; rien ne prouve qu'il soit complet (vérifiez le nombre d'événements).",
        "Note: a version-2 file, without a trailer; nothing proves it is complete (check the event count).",
    )
}
