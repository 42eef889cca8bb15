//! The handover screen's pop-ups: the note, a new instruction, and the two pickers.

use super::popup::{FormPopup, frame_popup};
use super::theme::Theme;
use crate::app::AppState;
use crate::app::form::Open;
use crate::app::handover_forms::{
    Choice, Closing, InstructionField, InstructionForm, NoteField, NoteForm,
};
use crate::i18n::{handover as words, places, vocab};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

pub fn note(frame: &mut Frame, body: Rect, app: &AppState, open: &Open<NoteForm>, theme: &Theme) {
    let l = app.lang;
    let title = l.pick(
        "Note de passation — Entrée enregistre",
        "Handover note — Enter saves",
    );
    let mut p = FormPopup::new(title, 90);
    let [a, b, c] = &open.form.parts;
    p.text(
        l.pick("Situation", "Situation"),
        a,
        open.field == NoteField::Situation,
    );
    p.text(
        l.pick("En cours", "Under way"),
        b,
        open.field == NoteField::Actions,
    );
    p.text(
        l.pick("Besoins", "Needs"),
        c,
        open.field == NoteField::Needs,
    );
    p.line(Line::raw(""));
    p.line(Line::styled(
        l.pick(
            "Texte professionnel : ni nom ni numéro d'habitant (la note va dans les rapports).",
            "Professional text: no resident's name or number (the note goes into the reports).",
        ),
        theme.dim(),
    ));
    p.draw(frame, body, theme);
}

pub fn choice(frame: &mut Frame, body: Rect, app: &AppState, choice: &Choice, theme: &Theme) {
    let l = app.lang;
    let (title, value) = match choice {
        Choice::Acknowledge { coordinator } => (
            l.pick(
                "Prendre la passation — Entrée confirme",
                "Take the handover — Enter confirms",
            ),
            app.territory
                .coordinators
                .get(*coordinator)
                .map_or("—".to_string(), |c| c.name.clone()),
        ),
        Choice::CloseRequest { how, .. } => (
            l.pick(
                "Clore la sollicitation — Entrée confirme",
                "Close the request — Enter confirms",
            ),
            match how {
                Closing::Cancelled => l.pick("annulée", "cancelled").to_string(),
                Closing::Dismissed(r) => format!(
                    "{} — {}",
                    l.pick("sans suite", "dismissed"),
                    vocab::dismiss_reason(*r, l)
                ),
            },
        ),
    };
    let inner = frame_popup(frame, body, 64, 3, title, theme);
    frame.render_widget(
        Paragraph::new(Line::styled(format!("◀ {value} ▶"), theme.selected())),
        inner,
    );
}

pub fn instruction(
    frame: &mut Frame,
    body: Rect,
    app: &AppState,
    open: &Open<InstructionForm>,
    theme: &Theme,
) {
    let l = app.lang;
    let form = &open.form;
    let title = l.pick(
        "Nouvelle consigne — Entrée enregistre",
        "New instruction — Enter saves",
    );
    let chosen = if form.place.is_empty() {
        l.pick("vide : tout le territoire", "empty: the whole territory")
            .to_string()
    } else {
        form.place.chosen(&app.territory).map_or_else(
            || {
                l.pick("aucun lieu ne correspond", "no place matches")
                    .to_string()
            },
            |p| format!("{} · ↑/↓", places::place(&app.territory, &p)),
        )
    };
    let at = |f: InstructionField| open.field == f;
    let mut p = FormPopup::new(title, 90);
    let kind = format!("◀ {} ▶", words::instruction_kind(form.kind, l));
    p.value(l.pick("Type", "Kind"), kind, at(InstructionField::Kind));
    p.text(
        l.pick("Où", "Where"),
        &form.place.query,
        at(InstructionField::Place),
    );
    p.under(chosen, theme.dim());
    p.text(
        l.pick("Consigne *", "Instruction *"),
        &form.text,
        at(InstructionField::Text),
    );
    p.text(
        l.pick("Dernier jour", "Last day"),
        &form.until,
        at(InstructionField::Until),
    );
    p.line(Line::styled(
        l.pick(
            "Dernier jour : JJ/MM ou +N (obligatoire pour une consigne temporaire)",
            "Last day: DD/MM or +N (required for a temporary instruction)",
        ),
        theme.dim(),
    ));
    p.draw(frame, body, theme);
}
