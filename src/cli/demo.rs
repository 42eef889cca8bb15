//! `vigie demo --nights N`: simulated past nights written into the store, with progress on
//! standard error and a summary line.

use super::{DemoArgs, Failure, fail};
use crate::demo::{DemoError, nights_until, simulate};
use crate::domain::calendar::ServiceNight;
use crate::i18n::Lang;
use crate::store::Store;
use chrono::Utc;
use std::process::ExitCode;

pub fn run(store: &mut Store, args: DemoArgs, lang: Lang) -> Result<ExitCode, Failure> {
    let until = args
        .until
        .unwrap_or_else(|| ServiceNight::of(Utc::now()).prev_service());
    let nights = nights_until(until, args.nights);
    let total = nights.len();
    let started = std::time::Instant::now();
    let result = simulate(store, &nights, args.seed, |done| {
        if done % 100 == 0 || done == total {
            eprintln!("{done}/{total} {}", lang.pick("nuits", "nights"));
        }
    });
    match result {
        Ok(s) => {
            println!(
                "{} {} {}, {} {}, {} {}, {} {} ({:.1} s)",
                lang.pick("Démo :", "Demo:"),
                s.nights,
                lang.pick("nuits", "nights"),
                s.requests,
                lang.pick("sollicitations", "requests"),
                s.events,
                lang.pick("événements", "events"),
                s.backups,
                lang.pick("sauvegarde(s)", "backup(s)"),
                started.elapsed().as_secs_f64()
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(DemoError::StoreAhead { last }) => Err(if lang == Lang::Fr {
            format!(
                "Ces données vont déjà jusqu'à la nuit du {last} : choisissez un autre dossier avec --data, ou --until après {last}."
            )
        } else {
            format!(
                "This store already holds nights up to {last}: choose another directory with --data, or --until after {last}."
            )
        }
        .into()),
        Err(DemoError::NightOpen { night }) => Err(if lang == Lang::Fr {
            format!("La nuit du {night} est ouverte dans ces données : clôturez-la avant une démo.")
        } else {
            format!("The night of {night} is open in this store: close it before a demo.")
        }
        .into()),
        Err(DemoError::Store(e)) => Err(fail(lang)(e)),
    }
}
