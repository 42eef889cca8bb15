//! The questions before an irreversible key, and the check-in's word. Closing the night
//! lists what is still out; recalling a team says what it leaves.

use super::popup::FormPopup;
use super::theme::Theme;
use crate::app::AppState;
use crate::app::board::Alert;
use crate::app::check_in::CheckInForm;
use crate::app::confirm::{Ask, Confirm, Out};
use crate::app::form::Open;
use crate::domain::safety::CheckInWord;
use crate::i18n::{Lang, safety, vocab};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

pub fn draw(frame: &mut Frame, body: Rect, app: &AppState, confirm: &Confirm, theme: &Theme) {
    let l = app.lang;
    let (title, lines) = match &confirm.ask {
        Ask::CloseNight {
            undecided,
            teams,
            open,
            escalated,
        } => {
            let mut lines = close_lines(app, teams, open, escalated, theme);
            if *undecided > 0 {
                let words = crate::i18n::notice::text(
                    &crate::i18n::notice::Notice::RequestsToDecide { count: *undecided },
                    l,
                    &app.territory,
                );
                lines.insert(0, Line::styled(words, theme.alert(Alert::Red)));
            }
            (l.pick("Clôturer la nuit ?", "Close the night?"), lines)
        }
        Ask::Recall { team, request } => (
            l.pick("Rappeler l'équipe ?", "Recall the team?"),
            vec![Line::raw(match l {
                Lang::Fr => format!(
                    "{team} quitte la sollicitation {request}, qui attendra une autre équipe."
                ),
                Lang::En => {
                    format!("{team} leaves request {request}, which will wait for another team.")
                }
            })],
        ),
    };
    let mut p = FormPopup::new(title, 76);
    for line in lines {
        p.line(line);
    }
    p.line(Line::raw(""));
    let answer = if confirm.blocked() {
        l.pick(
            "Pas encore : décidez d'abord ce qui est ci-dessus · n/Esc : revenir",
            "Not yet: decide what is above first · n/Esc: go back",
        )
    } else {
        l.pick(
            "o/Entrée : oui · n/Esc : ne rien écrire",
            "y/Enter: yes · n/Esc: write nothing",
        )
    };
    p.line(Line::styled(answer.to_string(), theme.title()));
    p.draw(frame, body, theme);
}

fn close_lines<'a>(
    app: &AppState,
    teams: &[Out],
    open: &[(u32, bool)],
    escalated: &[String],
    theme: &Theme,
) -> Vec<Line<'a>> {
    let l = app.lang;
    let mut lines = Vec::new();
    if teams.is_empty() && open.is_empty() {
        lines.push(Line::raw(l.pick(
            "Toutes les équipes sont rentrées ; aucune sollicitation ouverte.",
            "Every team is back; no request open.",
        )));
    }
    if !teams.is_empty() {
        lines.push(Line::styled(
            l.pick("Encore dehors :", "Still out:"),
            theme.title(),
        ));
    }
    for t in teams {
        let place = super::escalation::place(app, &t.position);
        let status = vocab::team_status(t.status, l);
        let (text, style) = match t.request {
            Some(n) => (
                match l {
                    Lang::Fr => format!(" ‼ {} {status}, sollicitation {n} — {place}", t.team),
                    Lang::En => format!(" ‼ {} {status}, request {n} — {place}", t.team),
                },
                theme.alert(Alert::Red),
            ),
            None => (
                format!(" · {} {status} — {place}", t.team),
                ratatui::style::Style::new(),
            ),
        };
        lines.push(Line::styled(text, style));
    }
    if !open.is_empty() {
        let numbers: Vec<String> = open
            .iter()
            .map(|(n, carried)| match (carried, l) {
                (true, Lang::Fr) => format!("{n} (reportée)"),
                (true, Lang::En) => format!("{n} (carried over)"),
                (false, _) => n.to_string(),
            })
            .collect();
        lines.push(Line::raw(format!(
            "{} {}",
            l.pick("Sollicitations ouvertes :", "Requests open:"),
            numbers.join(", ")
        )));
    }
    if !escalated.is_empty() {
        lines.push(Line::styled(
            format!(
                "{} {}",
                l.pick("Escalade en cours :", "Escalation under way:"),
                escalated.join(", ")
            ),
            theme.alert(Alert::Red),
        ));
    }
    lines.push(Line::styled(
        l.pick(
            "La clôture est définitive : la nuit ne se rouvre pas.",
            "Closing is final: the night cannot be reopened.",
        ),
        theme.dim(),
    ));
    lines
}

/// `c`: the check-in's word, « RAS » first.
pub fn check_in(
    frame: &mut Frame,
    body: Rect,
    app: &AppState,
    open: &Open<CheckInForm>,
    theme: &Theme,
) {
    let l = app.lang;
    let title = format!(
        "{} {} — {}",
        l.pick("Contact de l'équipe", "Check-in of team"),
        open.form.team,
        l.pick("Entrée enregistre", "Enter saves")
    );
    let mut p = FormPopup::new(title, 72);
    let word = safety::word(open.form.word, l);
    p.value(l.pick("Message", "Message"), format!("◀ {word} ▶"), true);
    let meaning = match open.form.word {
        CheckInWord::Ras => l.pick(
            "rien à signaler, tout va bien",
            "nothing to report, all well",
        ),
        CheckInWord::Reinforcement => l.pick(
            "demande une autre équipe, jusqu'au prochain RAS",
            "asks for another team, until the next all clear",
        ),
        CheckInWord::Incident => l.pick(
            "alerte rouge et main courante, jusqu'au prochain RAS",
            "red alert and logbook entry, until the next all clear",
        ),
    };
    p.under(meaning.to_string(), theme.dim());
    p.draw(frame, body, theme);
}
