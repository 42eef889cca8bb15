//! A request's detail: a pop-up over the board (Enter on a request), or a side pane beside
//! the requests on a wide terminal. Caller and callback are shown here and in the main
//! courante only.

use super::popup::frame_popup;
use super::theme::Theme;
use crate::app::AppState;
use crate::app::board::Alert;
use crate::app::request_detail::{Detail, detail};
use crate::domain::ids::RequestId;
use crate::i18n::{Lang, dates, detail as words, phone, places, vocab};
use crate::text;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

/// The labels' column.
const LABEL: usize = 14;
/// From this width the board keeps the selected request's detail beside the requests.
pub const WIDE: u16 = 180;

/// The board's left and right columns, and on a wide terminal the detail between them.
pub fn columns(area: Rect) -> (Rect, Option<Rect>, Rect) {
    use ratatui::layout::{Constraint, Layout};
    if area.width < WIDE {
        let [left, right] = area.layout(&Layout::horizontal([
            Constraint::Percentage(58),
            Constraint::Percentage(42),
        ]));
        return (left, None, right);
    }
    let [left, detail, right] = area.layout(&Layout::horizontal([
        Constraint::Percentage(44),
        Constraint::Percentage(28),
        Constraint::Percentage(28),
    ]));
    (left, Some(detail), right)
}

fn row<'a>(label: &str, value: String, theme: &Theme) -> Line<'a> {
    Line::from(vec![
        Span::styled(text::pad(label, LABEL), theme.title()),
        Span::raw(value),
    ])
}

/// The detail's lines, in the order a coordinator reads them.
pub fn lines<'a>(app: &AppState, d: &Detail, theme: &Theme) -> Vec<Line<'a>> {
    let (l, t, r) = (app.lang, &app.territory, d.request);
    let mut out = Vec::new();
    let status = match &r.team {
        Some(_) => format!(
            "{} — {}",
            vocab::request_status(r.status, l),
            r.teams_on().join(", ")
        ),
        None => vocab::request_status(r.status, l).to_string(),
    };
    out.push(row(l.pick("État", "Status"), status, theme));
    if let Some(from) = d.carried_from {
        let text = format!(
            "{} {}",
            l.pick("reportée du", "carried over from"),
            dates::short_date(from.date(), l)
        );
        out.push(row("", text, theme));
    }
    let place = match (t.site(&r.site), d.personal.and_then(|p| p.address.as_ref())) {
        (None, Some(address)) => {
            let district = places::request_place(t, "", r.district.as_deref(), l);
            format!("{address} ({district})")
        }
        (None, None) if r.site.is_empty() => places::request_place(t, "", r.district.as_deref(), l),
        _ => places::site(t, &r.site),
    };
    out.push(row(l.pick("Lieu", "Site"), place, theme));
    if let Some(e) = &r.entrance {
        out.push(row(l.pick("Entrée", "Entrance"), e.clone(), theme));
    }
    let what = format!(
        "{} · {} · {} {}",
        vocab::category(r.category, l),
        vocab::priority(r.priority, l),
        l.pick("source", "source"),
        vocab::source(r.source, l)
    );
    out.push(row(l.pick("Objet", "About"), what, theme));
    caller(&mut out, app, d, theme);
    out.push(Line::raw(""));
    for s in &d.steps {
        let when = dates::clock(s.at);
        out.push(Line::raw(format!(
            "  {when}  {}",
            words::step(&s.kind, t, l)
        )));
    }
    if let Some(c) = r.pending_callback() {
        let text = format!(
            "{} {}",
            l.pick("Rappel à faire à", "Callback due at"),
            dates::clock(c.due)
        );
        out.push(Line::styled(text, theme.alert(Alert::Amber)));
    }
    if let Some(s) = &r.settled {
        let to = s.partner.as_ref().and_then(|p| t.partner(p));
        let to = to.map_or(String::new(), |p| format!(" — {}", p.name));
        let text = format!("{}{to}", phone::phone_outcome(s.outcome, l));
        out.push(row(l.pick("Par téléphone", "By phone"), text, theme));
    }
    places_known(&mut out, app, d, theme);
    out
}

/// Caller, callback number and description: personal data, or that it was erased.
fn caller(out: &mut Vec<Line>, app: &AppState, d: &Detail, theme: &Theme) {
    let l = app.lang;
    match (d.request.personal, d.personal) {
        (None, _) => {}
        (Some(_), None) => out.push(row(
            l.pick("Appelant·e", "Caller"),
            l.pick("[données personnelles effacées]", "[personal data erased]")
                .to_string(),
            theme,
        )),
        (Some(_), Some(p)) => {
            let fields = [
                (l.pick("Appelant·e", "Caller"), &p.caller_name),
                (l.pick("Rappel (tél.)", "Callback"), &p.callback),
                (l.pick("Description", "Description"), &p.text),
            ];
            for (label, value) in fields {
                if let Some(v) = value {
                    out.push(row(label, v.clone(), theme));
                }
            }
        }
    }
}

/// The situation it belongs to, the others open at its site, the instructions there.
fn places_known(out: &mut Vec<Line>, app: &AppState, d: &Detail, theme: &Theme) {
    let l = app.lang;
    if let Some(c) = d.case {
        let text = format!(
            "{} {} ({})",
            "Situation",
            c.id,
            vocab::case_state(c.state, l)
        );
        out.push(row(l.pick("Liée à", "Linked to"), text, theme));
    }
    if let Some(site) = app.territory.site(&d.request.site) {
        let mut warned = super::site_warning::lines(app, site, theme);
        warned.retain(|(text, _)| {
            d.case
                .is_none_or(|c| !text.contains(&format!(" {} ", c.id)))
        });
        for (text, style) in warned {
            out.push(Line::styled(text, style));
        }
    }
}

/// The keys that work from the detail, on one line.
fn keys_line(l: Lang) -> &'static str {
    l.pick(
        "d envoyer/renfort · e corriger · t téléphone · X clore · m rappel · Esc fermer",
        "d dispatch/reinforce · e correct · t phone · X close · m callback · Esc close",
    )
}

fn title(app: &AppState, id: RequestId) -> String {
    let number = app.domain.requests.get(&id).map_or(0, |r| r.number);
    format!("{} {number}", app.lang.pick("Sollicitation", "Request"))
}

/// The pop-up of `id` over the body.
pub fn popup(frame: &mut Frame, body: Rect, app: &AppState, id: RequestId, theme: &Theme) {
    let Some(d) = detail(app, id) else {
        return;
    };
    let mut lines = lines(app, &d, theme);
    lines.push(Line::raw(""));
    lines.push(Line::styled(keys_line(app.lang), theme.dim()));
    let height = (lines.len() as u16 + 2).min(body.height);
    let inner = frame_popup(frame, body, 96, height, &title(app, id), theme);
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}

/// The side pane: the selected request's detail, or what it would show.
pub fn pane(frame: &mut Frame, area: Rect, app: &AppState, id: Option<RequestId>, theme: &Theme) {
    let l = app.lang;
    let name = id.map_or_else(
        || l.pick("Détail", "Detail").to_string(),
        |id| title(app, id),
    );
    let block = Block::bordered().title(Line::styled(name, theme.title()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let lines = match id.and_then(|id| detail(app, id)) {
        Some(d) => lines(app, &d, theme),
        None => vec![Line::styled(
            l.pick(
                "Choisissez une sollicitation : son détail s'affiche ici.",
                "Select a request: its detail shows here.",
            ),
            Style::new().patch(theme.dim()),
        )],
    };
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}
