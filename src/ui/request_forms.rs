//! The pop-ups of the requests worked from the board: correcting one, settling one on the
//! phone, its callback.

use super::popup::FormPopup;
use super::theme::Theme;
use crate::app::AppState;
use crate::app::form::Open;
use crate::app::form::callback::{CallbackField, CallbackForm};
use crate::app::form::correct::CorrectForm;
use crate::app::form::request::RequestField;
use crate::app::form::settle::{SettleField, SettleForm};
use crate::app::form::sites::site_matches;
use crate::i18n::{phone, vocab};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

fn chosen(value: Option<String>) -> String {
    value.unwrap_or_else(|| "(←/→)".to_string())
}

pub fn correct(
    frame: &mut Frame,
    body: Rect,
    app: &AppState,
    open: &Open<CorrectForm>,
    theme: &Theme,
) {
    let (l, t) = (app.lang, &app.territory);
    let (v, f) = (&open.form.values, open.field);
    let title = format!(
        "{} {} — {}",
        l.pick("Corriger la sollicitation", "Correct request"),
        open.form.number,
        l.pick("Entrée enregistre", "Enter saves")
    );
    let mut p = FormPopup::new(title, 90);
    p.text(
        l.pick("Lieu", "Site"),
        &v.site_query,
        f == RequestField::Site,
    );
    let found = v.site(t).map_or_else(
        || {
            l.pick("aucun lieu ne correspond", "no site matches")
                .to_string()
        },
        |s| {
            let n = site_matches(t, v.site_query.value()).len();
            format!("({}/{n}) {}, {}", v.site_choice + 1, s.name, s.address)
        },
    );
    p.under(found, theme.dim());
    let entrance = match v.site(t) {
        Some(s) if s.entrances.is_empty() => "—".to_string(),
        _ => chosen(v.entrance(t).cloned()),
    };
    p.value(
        l.pick("Entrée, hall", "Entrance, hall"),
        entrance,
        f == RequestField::Entrance,
    );
    let source = v.source.map(|s| vocab::source(s, l).to_string());
    p.value(
        l.pick("Source", "Source"),
        chosen(source),
        f == RequestField::Source,
    );
    let category = v.category.map(|c| vocab::category(c, l).to_string());
    p.value(
        l.pick("Catégorie", "Category"),
        chosen(category),
        f == RequestField::Category,
    );
    let priority = v.priority.map(|x| vocab::priority(x, l).to_string());
    p.value(
        l.pick("Priorité", "Priority"),
        chosen(priority),
        f == RequestField::Priority,
    );
    p.draw(frame, body, theme);
}

pub fn settle(
    frame: &mut Frame,
    body: Rect,
    app: &AppState,
    open: &Open<SettleForm>,
    theme: &Theme,
) {
    let l = app.lang;
    let (form, f) = (&open.form, open.field);
    let title = format!(
        "{} {} — {}",
        l.pick(
            "Réglée par téléphone : sollicitation",
            "Settled by phone: request"
        ),
        form.number,
        l.pick("Entrée enregistre", "Enter saves")
    );
    let mut p = FormPopup::new(title, 84);
    let end = form.end.map(|e| e.label(l).to_string());
    p.value(
        l.pick("Issue *", "Outcome *"),
        chosen(end),
        f == SettleField::Outcome,
    );
    let partner = form
        .partner
        .and_then(|i| app.territory.partners.get(i))
        .map(|p| format!("{} — {}", p.name, p.phone));
    let needed = form.end.is_some_and(|e| e.needs_partner());
    let label = if needed {
        l.pick("Partenaire *", "Partner *")
    } else {
        l.pick("Partenaire", "Partner")
    };
    p.value(label, chosen(partner), f == SettleField::Partner);
    p.text(l.pick("Note", "Note"), &form.note, f == SettleField::Note);
    p.line(Line::raw(""));
    p.line(Line::styled(
        l.pick(
            "Pas « annulée » : compté à part dans les rapports · ←/→ ou une lettre choisit",
            "Not \"cancelled\": counted apart in reports · ←/→ or a letter chooses",
        ),
        theme.dim(),
    ));
    p.draw(frame, body, theme);
}

pub fn callback(
    frame: &mut Frame,
    body: Rect,
    app: &AppState,
    open: &Open<CallbackForm>,
    theme: &Theme,
) {
    let l = app.lang;
    let (form, f) = (&open.form, open.field);
    let title = format!(
        "{} {} — {}",
        l.pick("Rappel : sollicitation", "Callback: request"),
        form.number,
        l.pick("Entrée enregistre", "Enter saves")
    );
    let mut p = FormPopup::new(title, 80);
    if form.due_now {
        let outcome = form
            .outcome
            .map(|o| phone::callback_outcome(o, l).to_string());
        p.value(
            l.pick("Rappel fait *", "Called back *"),
            chosen(outcome),
            f == CallbackField::Outcome,
        );
    }
    let label = if form.due_now {
        l.pick("Rappeler encore", "Call again at")
    } else {
        l.pick("À rappeler à *", "Call back at *")
    };
    p.text(label, &form.due, f == CallbackField::Due);
    p.under(
        l.pick("22:30, 22h30 ou +20 (minutes)", "22:30 or +20 (minutes)")
            .to_string(),
        theme.dim(),
    );
    p.draw(frame, body, theme);
}
