//! `keep_draft`: what is typed reaches the disk once per change, and a failure is said.

use super::{draft_file, keep_draft};
use crate::app::form::Open;
use crate::app::form::line::{LineForm, LinePurpose};
use crate::app::{AppState, Mode};
use crate::domain::State;
use crate::domain::reference::Territory;
use crate::i18n::Lang;
use crate::i18n::notice::Notice;

fn typing(text: &str) -> AppState {
    let now = "2026-11-28T21:30:00Z".parse().unwrap();
    let mut app = AppState::new(Lang::Fr, State::default(), Territory::default(), now);
    let entry = LineForm::new(LinePurpose::LogEntry, text.into());
    app.mode = Mode::Line(Box::new(Open::new(entry)));
    app
}

#[test]
fn a_changed_draft_is_written_and_an_unchanged_one_is_not_rewritten() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = typing("Appel du bailleur");
    let mut saved = None;
    assert!(keep_draft(&mut app, dir.path(), &mut saved));
    let on_disk = draft_file::load(dir.path());
    assert!(on_disk.is_some());
    assert_eq!(on_disk, saved);
    // Nothing changed: the file is left alone (removing it shows it is not rewritten).
    std::fs::remove_file(dir.path().join("draft.json")).unwrap();
    assert!(keep_draft(&mut app, dir.path(), &mut saved));
    assert_eq!(draft_file::load(dir.path()), None);
    // The form closed: the draft goes.
    app.mode = Mode::Normal;
    assert!(keep_draft(&mut app, dir.path(), &mut saved));
    assert_eq!(saved, None);
}

#[test]
fn a_draft_that_cannot_be_written_is_said_in_the_footer() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("gone");
    let mut app = typing("Appel du bailleur");
    let mut saved = None;
    assert!(!keep_draft(&mut app, &missing, &mut saved));
    assert!(matches!(app.notice, Some(Notice::DraftNotSaved(_))));
    let text = crate::i18n::notice::text(app.notice.as_ref().unwrap(), Lang::Fr, &app.territory);
    assert!(text.starts_with("Brouillon"), "{text}");
}
