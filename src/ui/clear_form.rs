//! The pop-up that clears an intervention.

use super::popup::FormPopup;
use super::theme::Theme;
use crate::app::AppState;
use crate::app::form::Open;
use crate::app::form::clear::{ClearField, ClearForm};
use crate::domain::command::CaseLink;
use crate::i18n::vocab;
use ratatui::Frame;
use ratatui::layout::Rect;

pub fn draw(frame: &mut Frame, body: Rect, app: &AppState, open: &Open<ClearForm>, theme: &Theme) {
    let l = app.lang;
    let form = &open.form;
    let f = open.field;
    let title = format!(
        "{} {} — {}",
        l.pick("Clôturer l'intervention de", "Clear the intervention of"),
        form.team,
        l.pick("Entrée enregistre", "Enter saves")
    );
    let none = || "(←/→)".to_string();
    let partner = |i: Option<usize>| {
        i.and_then(|i| app.territory.partners.get(i))
            .map_or_else(|| l.pick("aucun", "none").to_string(), |p| p.name.clone())
    };
    let case = match form.case {
        CaseLink::None => l.pick("aucune", "none").to_string(),
        CaseLink::New => l
            .pick("ouvrir une nouvelle situation", "open a new situation")
            .to_string(),
        CaseLink::Existing(c) => format!("{} {c}", l.pick("situation", "situation")),
    };
    let mut p = FormPopup::new(title, 72).height(10);
    let outcome = form
        .outcome
        .map_or_else(none, |v| vocab::outcome(v, l).into());
    p.value(
        l.pick("Issue *", "Outcome *"),
        outcome,
        f == ClearField::Outcome,
    );
    let level = form.level.map_or_else(none, |v| vocab::level(v, l).into());
    p.value(l.pick("Niveau *", "Level *"), level, f == ClearField::Level);
    p.value(
        l.pick("Relais", "Relay"),
        partner(form.relay),
        f == ClearField::Relay,
    );
    let referral = partner(form.referral);
    p.value(
        l.pick("Orientation", "Referral"),
        referral,
        f == ClearField::Referral,
    );
    p.value(
        l.pick("Situation", "Situation"),
        case,
        f == ClearField::Case,
    );
    p.text(l.pick("Note", "Note"), &form.note, f == ClearField::Note);
    p.draw(frame, body, theme);
}
