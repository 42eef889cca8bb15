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
use std::path::Path;

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

/// Prints the report from a current copy (`true`), or nothing when there is none.
pub(super) fn print_copy(
    dir: &Path,
    territory: &str,
    args: &NightArgs,
    lang: Lang,
    out: &mut dyn Write,
) -> bool {
    if !applies(args) {
        return false;
    }
    match crate::store::read_derived(dir, &name(args, lang), territory) {
        Ok(Some(text)) => {
            // A closed pipe (`| head`) is not an error worth a message.
            let _ = out.write_all(&text).and_then(|_| out.flush());
            true
        }
        _ => false,
    }
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
