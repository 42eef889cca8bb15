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
    let partner = |taken: &[usize], i, query: &tui_input::Input| partners(app, taken, i, query);
    let case = match form.case {
        CaseLink::None => l.pick("aucune", "none").to_string(),
        CaseLink::New => l
            .pick("ouvrir une nouvelle situation", "open a new situation")
            .to_string(),
        CaseLink::Existing(c) => format!("{} {c}", l.pick("situation", "situation")),
    };
    let mut p = FormPopup::new(title, 72).height(11);
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
    let t = &app.territory;
    p.value(
        l.pick("Relais", "Relay"),
        partner(
            &form.relays,
            form.chosen(ClearField::Relay, t),
            &form.relay_query,
        ),
        f == ClearField::Relay,
    );
    let referral = partner(
        &form.referrals,
        form.chosen(ClearField::Referral, t),
        &form.referral_query,
    );
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
    if matches!(f, ClearField::Relay | ClearField::Referral) {
        p.under(
            l.pick(
                "tapez pour filtrer · ←/→ choisir · Tab en ajoute un autre",
                "type to filter · ←/→ pick · Tab adds another",
            )
            .to_string(),
            theme.dim(),
        );
    }
    p.draw(frame, body, theme);
}

/// The partners taken (Tab), then the one chosen, each with its number, and what is typed.
fn partners(app: &AppState, taken: &[usize], i: Option<usize>, query: &tui_input::Input) -> String {
    let l = app.lang;
    let named = |i: usize| {
        app.territory
            .partners
            .get(i)
            .map(|p| format!("{} {}", p.name, p.phone))
    };
    let mut parts: Vec<String> = taken.iter().filter_map(|i| named(*i)).collect();
    match i.and_then(named) {
        Some(p) => parts.push(format!("◀ {p} ▶")),
        None if parts.is_empty() => parts.push(l.pick("aucun", "none").to_string()),
        None => {}
    }
    let typed = match query.value() {
        "" => String::new(),
        q => format!(" « {q} »"),
    };
    format!("{}{typed}", parts.join(" + "))
}
