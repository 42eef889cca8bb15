//! Reports answered without opening the store, whose open grows with history: a period
//! report from the facts database when it counts the whole journal, and `vigie report
//! night` without a date (the commissioners' version on standard output, what is asked
//! the morning after) from a copy made at the journal's present head
//! (`store::read_derived`). Anything else, or a copy the journal has moved past, goes the
//! long way.

use super::report::NightArgs;
use crate::i18n::Lang;
use crate::report::night::REPORT_SCHEMA_VERSION;
use crate::store::Store;
use std::io::Write;
use std::process::ExitCode;

/// One copy per way of writing it (format, language, separator): the text itself, so that
/// what the copy prints is byte for byte what the long way would.
fn name(args: &NightArgs, lang: Lang) -> String {
    let sep = format!("{:?}", super::report_files::separator(args.separator, lang));
    let format = format!("{:?}", args.format);
    let lang = lang.pick("fr", "en");
    format!("last-night-report-v{REPORT_SCHEMA_VERSION}-{format}-{lang}-{sep}.txt").to_lowercase()
}

/// Whether the copy can answer these arguments at all.
pub(super) fn applies(args: &NightArgs) -> bool {
    args.night.is_none() && !args.internal && args.out.is_none()
}

/// The report from a current copy, else built from the store (which keeps a copy).
pub(super) fn run(
    g: &super::Global,
    args: NightArgs,
    lang: Lang,
) -> Result<ExitCode, super::Failure> {
    let territory = super::load_territory(g, lang)?;
    let dir = super::data_dir(g)?;
    let copy = crate::store::read_derived(&dir, &name(&args, lang), &territory.id);
    if let Ok(Some(text)) = copy {
        let mut out = std::io::stdout().lock();
        // A closed pipe (`| head`) is not an error worth a message.
        let _ = out.write_all(&text).and_then(|_| out.flush());
        return Ok(ExitCode::SUCCESS);
    }
    let mut store = match Store::open_existing(&dir, territory) {
        Ok(s) => s,
        // A console owns the store: it answers.
        Err(crate::store::StoreError::Locked(_)) => return super::desks::through_owner(g, lang),
        Err(e) => return Err(super::fail(lang)(e)),
    };
    Ok(super::report::run(
        &mut store,
        super::report::ReportCmd::Night(args),
        lang,
    )?)
}

/// Keeps the text of the last closed night's commissioners' report for the next time (a
/// cache: failing to write it changes nothing).
pub(super) fn keep(store: &Store, args: &NightArgs, lang: Lang, text: &str) {
    if applies(args) {
        let _ = store.write_derived(&name(args, lang), text.as_bytes());
    }
}

/// The store's facts alone, if they count its journal (else the store is opened).
pub(super) fn facts_view(
    g: &super::Global,
    lang: Lang,
) -> Result<Option<crate::store::FactsView>, super::Failure> {
    let territory = super::load_territory(g, lang)?;
    let dir = super::data_dir(g)?;
    if g.demo || !dir.join("store").is_dir() {
        return Ok(None);
    }
    crate::store::FactsView::open(&dir, territory).map_err(super::fail(lang))
}
