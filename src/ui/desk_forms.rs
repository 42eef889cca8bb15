//! The pop-ups of the watch, the relays and the plan: an observation, a relay's follow-up,
//! an item of the night's plan, a commissioner's answer.

use super::popup::FormPopup;
use super::theme::Theme;
use crate::app::AppState;
use crate::app::form::Open;
use crate::app::form::answer::AnswerForm;
use crate::app::form::observation::{ObservationField, ObservationForm};
use crate::app::form::plan_item::{PlanField, PlanForm};
use crate::app::form::relay::{RelayField, RelayForm};
use crate::domain::plan::PlanPlace;
use crate::domain::vocab::Position;
use crate::i18n::{Lang, places, vocab, watch};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;

/// Matches listed under a list field.
const SHOWN: usize = 5;

fn or_arrows(v: Option<String>) -> String {
    v.unwrap_or_else(|| "(←/→)".to_string())
}

/// The matches of a list field, the chosen one reversed, kept in view.
fn list<'a>(p: &mut FormPopup<'a>, names: Vec<String>, choice: usize, theme: &Theme) {
    let first = choice.saturating_sub(SHOWN - 1);
    for (i, name) in names.into_iter().enumerate().skip(first).take(SHOWN) {
        let style = if i == choice {
            theme.selected()
        } else {
            Style::new()
        };
        p.line(Line::styled(format!("  {name}"), style));
    }
}

fn count(l: Lang, choice: usize, n: usize, empty: &'static str) -> String {
    match n {
        0 => empty.to_string(),
        n => format!(
            "{}/{n} · ↑/↓ {}",
            choice + 1,
            l.pick("pour choisir", "to pick")
        ),
    }
}

pub fn observation(
    frame: &mut Frame,
    body: Rect,
    app: &AppState,
    open: &Open<ObservationForm>,
    theme: &Theme,
) {
    let l = app.lang;
    let form = &open.form;
    let f = open.field;
    let title = format!(
        "{} — {}",
        l.pick("Observation (veille)", "Observation (watch)"),
        l.pick("Entrée enregistre", "Enter saves")
    );
    let mut p = FormPopup::new(title, 80).height(10 + SHOWN as u16);
    let kind = form.kind.map(|k| {
        let family = if k.is_technical() {
            l.pick("technique", "technical")
        } else {
            l.pick("sociale", "social")
        };
        format!("{} ({family})", vocab::observation(k, l))
    });
    p.value(
        l.pick("Type *", "Kind *"),
        or_arrows(kind),
        f == ObservationField::Kind,
    );
    place_lines(&mut p, app, open, theme);
    let entrance = form.entrance.clone().unwrap_or_else(|| "—".into());
    p.value(
        l.pick("Entrée, hall", "Entrance"),
        entrance,
        f == ObservationField::Entrance,
    );
    let none = || l.pick("aucune", "none").to_string();
    let team = form.team.clone().unwrap_or_else(none);
    p.value(l.pick("Équipe", "Team"), team, f == ObservationField::Team);
    let request = form
        .request
        .and_then(|r| app.domain.requests.get(&r))
        .map_or_else(none, |r| r.number.to_string());
    p.value(
        l.pick("Sollicitation", "Request"),
        request,
        f == ObservationField::Request,
    );
    p.text(
        l.pick("Note", "Note"),
        &form.note,
        f == ObservationField::Note,
    );
    if let Some(c) = routed(app, form) {
        p.under(
            format!(
                "{} {}",
                l.pick("→ transmise à", "→ goes to"),
                watch::commissioner(&c, &app.territory)
            ),
            theme.dim(),
        );
    }
    p.draw(frame, body, theme);
}

/// The place of an observation: what is typed, its matches, and its district (chosen for an
/// address not in the list, else the site's).
fn place_lines<'a>(
    p: &mut FormPopup<'a>,
    app: &AppState,
    open: &'a Open<ObservationForm>,
    theme: &Theme,
) {
    let (l, t) = (app.lang, &app.territory);
    let (form, f) = (&open.form, open.field);
    p.text(
        l.pick("Lieu *", "Place *"),
        &form.place,
        f == ObservationField::Place,
    );
    let matches = form.matches(t);
    let address = form.address(t);
    let hint = match (&address, matches.len()) {
        (Some(_), _) => l
            .pick(
                "adresse hors liste : choisissez son quartier",
                "address not in the list: pick its district",
            )
            .to_string(),
        (None, n) => count(
            l,
            form.choice,
            n,
            l.pick("site, quartier ou adresse", "site, district or address"),
        ),
    };
    p.under(hint, theme.dim());
    if f == ObservationField::Place {
        let names = matches.iter().map(|m| places::place(t, m)).collect();
        list(p, names, form.choice, theme);
    }
    let district = match (&address, form.chosen(t)) {
        (Some(_), _) => or_arrows(
            form.district
                .as_ref()
                .map(|d| t.district(d).map_or(d.clone(), |d| d.name.clone())),
        ),
        (None, Some(Position::Site(s))) => t
            .site(&s)
            .and_then(|s| t.district(&s.district))
            .map_or(String::new(), |d| d.name.clone()),
        _ => "—".to_string(),
    };
    p.value(
        l.pick("Quartier", "District"),
        district,
        f == ObservationField::District,
    );
}

/// Who the observation will be routed to, once its place is known.
fn routed(app: &AppState, form: &ObservationForm) -> Option<String> {
    let t = &app.territory;
    match form.chosen(t) {
        Some(Position::Site(s)) => Some(crate::domain::watch::route(t, Some(&s))),
        Some(_) => Some(crate::domain::watch::route(t, None)),
        None => form
            .address(t)
            .map(|_| crate::domain::watch::route(t, None)),
    }
}

pub fn relay(frame: &mut Frame, body: Rect, app: &AppState, open: &Open<RelayForm>, theme: &Theme) {
    let l = app.lang;
    let t = &app.territory;
    let form = &open.form;
    let title = format!(
        "{} — {}",
        l.pick("Suivi d'un relais", "Relay follow-up"),
        l.pick("Entrée enregistre", "Enter saves")
    );
    let mut p = FormPopup::new(title, 80).height(6 + SHOWN as u16);
    p.text(
        l.pick("Relais", "Relay"),
        &form.query,
        open.field == RelayField::Relay,
    );
    let matches = form.matches(&app.domain, t);
    p.under(
        count(
            l,
            form.choice,
            matches.len(),
            l.pick("aucun relais", "no relay"),
        ),
        theme.dim(),
    );
    let names = matches
        .iter()
        .map(|c| {
            let (name, phone) = t.partner(&c.partner).map_or((c.partner.as_str(), ""), |p| {
                (p.name.as_str(), p.phone.as_str())
            });
            let number = app.domain.requests.get(&c.request).map_or(0, |r| r.number);
            let state = if c.engaged {
                l.pick("attendu", "awaited")
            } else {
                l.pick("à appeler", "to call")
            };
            format!(
                "{name} — {phone} · {} {number} · {state}",
                l.pick("soll.", "req.")
            )
        })
        .collect();
    list(&mut p, names, form.choice, theme);
    let step = form
        .chosen(&app.domain, t)
        .map(|c| watch::relay_step(form.step_for(&c), l).to_string());
    p.value(
        l.pick("Étape", "Step"),
        or_arrows(step),
        open.field == RelayField::Step,
    );
    p.draw(frame, body, theme);
}

fn plan_place(p: &PlanPlace, app: &AppState) -> String {
    match p {
        PlanPlace::Site(s) => places::site(&app.territory, s),
        PlanPlace::District(_) => watch::place(p, &app.territory),
    }
}

pub fn plan_item(
    frame: &mut Frame,
    body: Rect,
    app: &AppState,
    open: &Open<PlanForm>,
    theme: &Theme,
) {
    let l = app.lang;
    let form = &open.form;
    let f = open.field;
    let title = format!(
        "{} — {}",
        l.pick("Point à la feuille de route", "Item on the night's plan"),
        l.pick("Entrée enregistre", "Enter saves")
    );
    let mut p = FormPopup::new(title, 80).height(8 + SHOWN as u16);
    p.value(
        l.pick("Nature", "Kind"),
        watch::plan_kind(form.kind, l).to_string(),
        f == PlanField::Kind,
    );
    p.text(
        l.pick("Point *", "Point *"),
        &form.place,
        f == PlanField::Place,
    );
    let matches = form.matches(&app.territory);
    p.under(
        count(
            l,
            form.choice,
            matches.len(),
            l.pick("site ou quartier", "site or district"),
        ),
        theme.dim(),
    );
    if f == PlanField::Place {
        let names = matches.iter().map(|m| plan_place(m, app)).collect();
        list(&mut p, names, form.choice, theme);
    }
    p.text(
        l.pick("De (HH:MM) *", "From (HH:MM) *"),
        &form.from,
        f == PlanField::From,
    );
    p.text(
        l.pick("À (HH:MM) *", "To (HH:MM) *"),
        &form.to,
        f == PlanField::To,
    );
    p.value(
        l.pick("Demandé par", "Asked by"),
        watch::origin(&form.origin, &app.territory, l),
        f == PlanField::Origin,
    );
    p.draw(frame, body, theme);
}

pub fn answer(
    frame: &mut Frame,
    body: Rect,
    app: &AppState,
    open: &Open<AnswerForm>,
    theme: &Theme,
) {
    let l = app.lang;
    let title = format!(
        "{} {} — {}",
        l.pick(
            "Réponse du commanditaire, observation",
            "Commissioner's answer, observation"
        ),
        open.form.observation,
        l.pick("Entrée enregistre", "Enter saves")
    );
    let mut p = FormPopup::new(title, 80);
    p.text(
        l.pick("Qui, quoi *", "Who, what *"),
        &open.form.answer,
        true,
    );
    p.under(
        l.pick(
            "ex. « gardien : technicien passé » (donnée personnelle)",
            "e.g. \"caretaker: technician came\" (personal data)",
        )
        .to_string(),
        theme.dim(),
    );
    p.draw(frame, body, theme);
}
