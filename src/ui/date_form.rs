//! The one-date pop-up: a situation's next follow-up, an instruction's new last day.

use super::popup::FormPopup;
use super::theme::Theme;
use crate::app::AppState;
use crate::app::form::Open;
use crate::app::form::date::{DateForm, DatePurpose};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

pub fn draw(frame: &mut Frame, body: Rect, app: &AppState, open: &Open<DateForm>, theme: &Theme) {
    let l = app.lang;
    let (what, label, hint) = match open.form.purpose {
        DatePurpose::FollowUp(case) => (
            format!(
                "{} {case}",
                l.pick("Date de suivi, situation", "Follow-up date, situation")
            ),
            l.pick("Date", "Date"),
            l.pick(
                "JJ/MM, JJ/MM/AAAA ou +N jours ; vide : pas de suivi",
                "DD/MM, DD/MM/YYYY or +N days; empty: no follow-up",
            ),
        ),
        DatePurpose::Extend(instruction) => (
            format!(
                "{} {instruction}",
                l.pick("Prolonger la consigne", "Extend instruction")
            ),
            l.pick("Dernier jour", "Last day"),
            l.pick(
                "JJ/MM, JJ/MM/AAAA ou +N jours",
                "DD/MM, DD/MM/YYYY or +N days",
            ),
        ),
    };
    let title = format!("{what} — {}", l.pick("Entrée enregistre", "Enter saves"));
    let mut p = FormPopup::new(title, 72);
    p.text(label, &open.form.input, true);
    p.line(Line::styled(hint.to_string(), theme.dim()));
    p.draw(frame, body, theme);
}
