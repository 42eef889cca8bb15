//! `vigie action add`: an action beyond calls (a partner meeting, an information action,
//! support to a residents' initiative, a territory project), recorded durably like any
//! command and counted in the period reports (docs/reports.md).

use super::store_err;
use crate::domain::action::{ActionPlace, NewAction};
use crate::domain::calendar::local_date;
use crate::i18n::{Lang, action as words};
use crate::store::Store;
use chrono::{NaiveDate, Utc};
use clap::{Args, Subcommand};
use std::process::ExitCode;

#[derive(Debug, Subcommand)]
pub enum ActionCmd {
    /// Record an action: its day, kind, place, partners and a short objective note.
    Add(AddArgs),
}

#[derive(Debug, Args)]
pub struct AddArgs {
    /// The day it took place (YYYY-MM-DD); default: today. Never a day to come.
    #[arg(long, value_name = "DATE")]
    pub date: Option<NaiveDate>,
    /// partner-meeting, fragility-meeting, information-action, residents-initiative,
    /// territory-project.
    #[arg(long, value_name = "KIND")]
    pub kind: String,
    /// The district it concerns (id, e.g. maurepas).
    #[arg(long, value_name = "ID", conflicts_with = "site")]
    pub district: Option<String>,
    /// The site it concerns (id); neither: the whole territory.
    #[arg(long, value_name = "ID")]
    pub site: Option<String>,
    /// A partner of the directory (id); repeat for several.
    #[arg(long = "partner", value_name = "ID")]
    pub partners: Vec<String>,
    /// The objective, in a few words (kept apart as personal data: no names here).
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
}

pub fn run(store: &mut Store, cmd: ActionCmd, lang: Lang) -> Result<ExitCode, String> {
    match cmd {
        ActionCmd::Add(args) => add(store, args, lang),
    }
}

fn add(store: &mut Store, args: AddArgs, lang: Lang) -> Result<ExitCode, String> {
    let now = Utc::now();
    let today = local_date(now);
    let date = args.date.unwrap_or(today);
    if date > today {
        return Err(match lang {
            Lang::Fr => {
                format!("le {date} n'est pas encore passé : on enregistre ce qui a eu lieu.")
            }
            Lang::En => format!("{date} has not come yet: record what took place."),
        });
    }
    let Some(kind) = words::parse_kind(&args.kind) else {
        return Err(match lang {
            Lang::Fr => format!(
                "type d'action inconnu « {} » : partner-meeting, fragility-meeting, information-action, residents-initiative ou territory-project.",
                args.kind
            ),
            Lang::En => format!(
                "unknown kind of action \"{}\": partner-meeting, fragility-meeting, information-action, residents-initiative or territory-project.",
                args.kind
            ),
        });
    };
    let place = match (args.district, args.site) {
        (Some(d), _) => ActionPlace::District(d),
        (None, Some(s)) => ActionPlace::Site(s),
        (None, None) => ActionPlace::Territory,
    };
    let action = NewAction {
        date,
        kind,
        place: place.clone(),
        partners: args.partners,
        note: args.note,
    };
    store
        .execute(&crate::domain::Command::RecordAction(action), now)
        .map_err(store_err(lang))?;
    println!(
        "{} {date}, {} — {}",
        lang.pick("Action enregistrée :", "Action recorded:"),
        words::kind(kind, lang),
        words::place(&place, store.territory(), lang)
    );
    Ok(ExitCode::SUCCESS)
}
