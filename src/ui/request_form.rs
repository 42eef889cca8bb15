//! The new-request pop-up: the site found so far (with its district and landlord), the
//! other matches as a list (as many as the terminal's height leaves room for), what
//! applies there (open situations, instructions), and the fields.

use super::popup::FormPopup;
use super::theme::Theme;
use crate::app::AppState;
use crate::app::form::Open;
use crate::app::form::request::{RequestField, RequestForm};
use crate::app::form::sites::site_matches;
use crate::domain::reference::Site;
use crate::i18n::{Lang, vocab};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

/// The form's lines without matches nor warnings (borders included).
const BASE_HEIGHT: u16 = 13;
/// Matches listed at most, whatever the height.
const MAX_MATCHES: usize = 12;

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
        // No call refused: a place not in the list is recorded as a free address.
        None => match form.district(&app.territory) {
            Some((d, true)) => match l {
                Lang::Fr => format!("adresse libre — quartier deviné : {}", d.name),
                Lang::En => format!("free address — district guessed: {}", d.name),
            },
            Some((d, false)) => match l {
                Lang::Fr => format!("adresse libre — quartier : {}", d.name),
                Lang::En => format!("free address — district: {}", d.name),
            },
            None => l
                .pick(
                    "adresse libre (hors liste) — quartier à choisir",
                    "free address (not in the list) — pick its district",
                )
                .to_string(),
        },
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
    // What the coordinator should know about that place before sending anyone.
    let warnings = site.map_or_else(Vec::new, |s| super::site_warning::lines(app, s, theme));
    let matches = site_matches(&app.territory, form.site_query.value());
    let room = body
        .height
        .saturating_sub(BASE_HEIGHT + warnings.len() as u16) as usize;
    let shown = if form.site_query.value().trim().is_empty() || matches.len() < 2 {
        0
    } else {
        matches.len().min(room).min(MAX_MATCHES)
    };
    let height = BASE_HEIGHT + (shown + warnings.len()) as u16;
    let mut p = FormPopup::new(title, 96).height(height);
    p.text(
        l.pick("Lieu *", "Site *"),
        &form.site_query,
        f == RequestField::Site,
    );
    p.under(site_line(app, form, site), theme.dim());
    let first = form.site_choice.saturating_sub(shown.saturating_sub(1));
    for (i, s) in matches.iter().enumerate().skip(first).take(shown) {
        let style = if i == form.site_choice {
            theme.selected()
        } else {
            theme.dim()
        };
        p.under(format!("{} — {}", s.name, s.address), style);
    }
    for (text, style) in warnings {
        p.under(text, style);
    }
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
    let free = form.is_free(&app.territory);
    let entrance = match (site, form.entrance(&app.territory)) {
        _ if free => form
            .district(&app.territory)
            .map_or_else(none, |(d, _)| d.name.clone()),
        (Some(s), _) if s.entrances.is_empty() => l.pick("—", "—").to_string(),
        (_, Some(e)) => e.clone(),
        _ => none(),
    };
    let label = match free {
        true => l.pick("Quartier *", "District *"),
        false => l.pick("Entrée, hall", "Entrance, hall"),
    };
    p.value(label, entrance, f == RequestField::Entrance);
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
            "* obligatoire · ←/→ ou une lettre choisit · Tab champ suivant · Esc annuler",
            "* required · ←/→ or a letter chooses · Tab next field · Esc cancel",
        ),
        theme.dim(),
    ));
    p.draw(frame, body, theme);
}
