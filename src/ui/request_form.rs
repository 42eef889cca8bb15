//! The new-request pop-up: the site found so far (with its district and landlord), what
//! applies there, and the fields.

use super::popup::FormPopup;
use super::theme::Theme;
use crate::app::AppState;
use crate::app::board::{Alert, instructions_at};
use crate::app::form::Open;
use crate::app::form::request::{RequestField, RequestForm};
use crate::app::form::sites::site_matches;
use crate::domain::handover::Scope;
use crate::domain::reference::Site;
use crate::i18n::vocab;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

/// The site's and its district's instructions, on one line ("" when none).
fn site_instructions(app: &AppState, site: Option<&Site>) -> String {
    let Some(site) = site else {
        return String::new();
    };
    let local: Vec<_> = instructions_at(app, site)
        .into_iter()
        .filter(|i| i.scope != Scope::Territory)
        .collect();
    match local.as_slice() {
        [] => String::new(),
        [one] => format!("◆ {}", one.text),
        [first, rest @ ..] => format!("◆ {} (+{})", first.text, rest.len()),
    }
}

/// What the site field found: the chosen site, or what to type.
fn site_line(app: &AppState, form: &RequestForm, site: Option<&Site>) -> String {
    let l = app.lang;
    match site {
        Some(s) => {
            let t = &app.territory;
            let matches = site_matches(t, form.site_query.value()).len();
            let district = t.district(&s.district).map_or("", |d| d.name.as_str());
            let landlord = t.landlord(&s.landlord).map_or("", |d| d.name.as_str());
            // The count first: it says ↑/↓ has more to offer even when the line is cut.
            format!(
                "({}/{matches}) {}, {} — {district}, {landlord}",
                form.site_choice + 1,
                s.name,
                s.address,
            )
        }
        None if form.site_query.value().is_empty() => l
            .pick("tapez un nom ou une adresse", "type a name or an address")
            .to_string(),
        None => l
            .pick("aucun lieu ne correspond", "no site matches")
            .to_string(),
    }
}

pub fn draw(
    frame: &mut Frame,
    body: Rect,
    app: &AppState,
    open: &Open<RequestForm>,
    theme: &Theme,
) {
    let l = app.lang;
    let form = &open.form;
    let f = open.field;
    let none = || "(←/→)".to_string();
    let site = form.site(&app.territory);
    let title = l.pick(
        "Nouvelle sollicitation — Entrée enregistre",
        "New request — Enter saves",
    );
    let mut p = FormPopup::new(title, 96).height(14);
    p.text(
        l.pick("Lieu *", "Site *"),
        &form.site_query,
        f == RequestField::Site,
    );
    p.under(site_line(app, form, site), theme.dim());
    // What the coordinator should know about that place before sending anyone.
    p.under(site_instructions(app, site), theme.alert(Alert::Amber));
    let source = form
        .source
        .map_or_else(none, |v| vocab::source(v, l).into());
    p.value(
        l.pick("Source *", "Source *"),
        source,
        f == RequestField::Source,
    );
    let category = form
        .category
        .map_or_else(none, |v| vocab::category(v, l).into());
    p.value(
        l.pick("Catégorie *", "Category *"),
        category,
        f == RequestField::Category,
    );
    let priority = form
        .priority
        .map_or_else(none, |v| vocab::priority(v, l).into());
    p.value(
        l.pick("Priorité *", "Priority *"),
        priority,
        f == RequestField::Priority,
    );
    p.text(
        l.pick("Appelant·e", "Caller"),
        &form.caller,
        f == RequestField::Caller,
    );
    p.text(
        l.pick("Rappel (tél.)", "Callback"),
        &form.callback,
        f == RequestField::Callback,
    );
    let description = f == RequestField::Description;
    p.text(
        l.pick("Description", "Description"),
        &form.description,
        description,
    );
    p.line(Line::raw(""));
    p.line(Line::styled(
        l.pick(
            "* obligatoire · Tab champ suivant · Esc annuler",
            "* required · Tab next field · Esc cancel",
        ),
        theme.dim(),
    ));
    p.draw(frame, body, theme);
}
