//! The pop-up that opens the night: the coordinator and the teams, with what the typed
//! names resolve to.

use super::popup::FormPopup;
use super::theme::Theme;
use crate::app::AppState;
use crate::app::form::Open;
use crate::app::night_form::{NightField, NightForm, call_sign, resolve};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

pub fn draw(frame: &mut Frame, body: Rect, app: &AppState, open: &Open<NightForm>, theme: &Theme) {
    let l = app.lang;
    let form = &open.form;
    let title = l.pick(
        "Ouvrir la nuit — Entrée ouvre",
        "Open the night — Enter opens",
    );
    let coordinator = app
        .territory
        .coordinators
        .get(form.coordinator)
        .map_or("—".to_string(), |c| format!("{} (←/→)", c.name));
    let mut p = FormPopup::new(title, 76);
    let focused = |f: NightField| open.field == f;
    p.value(
        l.pick("Coordination *", "Coordinator *"),
        coordinator,
        focused(NightField::Coordinator),
    );
    p.line(Line::raw(""));
    for (i, row) in form.teams.iter().enumerate() {
        let members = format!("{} {}", call_sign(i), l.pick("équipiers", "members"));
        p.text(members, &row.members, focused(NightField::Members(i)));
        // What the typed names resolve to, so a wrong one shows before Enter.
        let names: Vec<String> = resolve(&app.territory, row.members.value())
            .into_iter()
            .map(|(w, m)| m.map_or(format!("{w} ?"), |m| m.name.clone()))
            .collect();
        p.under(names.join(", "), theme.dim());
        let equipment = format!("  {}", l.pick("véhic., tél.", "vehicle/phone"));
        p.text(equipment, &row.equipment, focused(NightField::Equipment(i)));
    }
    p.line(Line::raw(""));
    p.line(Line::styled(
        l.pick(
            "Noms : début du prénom, accents facultatifs. Équipe vide : ignorée.",
            "Names: start of the first name, accents optional. Empty team: skipped.",
        ),
        theme.dim(),
    ));
    p.draw(frame, body, theme);
}
