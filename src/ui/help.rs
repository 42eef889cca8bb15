//! Help, drawn from the keymap tables themselves.

use super::theme::Theme;
use crate::app::keymap::{Binding, GLOBAL, form_help, screen_table};
use crate::app::{AppState, Screen};
use crate::i18n::notice::{self, Fix, Notice};
use crate::text::pad;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Wrap};

pub fn draw(frame: &mut Frame, area: Rect, app: &AppState, theme: &Theme) {
    let l = app.lang;
    let block = Block::bordered().title(Line::styled(
        l.pick("Aide — Esc pour revenir", "Help — Esc to go back"),
        theme.title(),
    ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [left, right] = inner.layout(&Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Fill(1),
    ]));
    let column = |title: &str, table: &[&Binding]| {
        let mut lines = vec![Line::styled(title.to_string(), theme.title())];
        lines.extend(
            table
                .iter()
                .map(|b| Line::raw(format!(" {} {}", pad(&b.label(l), 7), b.describe(l)))),
        );
        Paragraph::new(lines)
    };
    let (name, table) = match app.previous {
        Screen::Cases => (
            l.pick("Situations", "Situations"),
            screen_table(Screen::Cases),
        ),
        Screen::Log => (
            l.pick("Main courante", "Logbook"),
            screen_table(Screen::Log),
        ),
        Screen::Handover => (
            l.pick("Passation", "Handover"),
            screen_table(Screen::Handover),
        ),
        Screen::Directory => (
            l.pick("Annuaire", "Directory"),
            screen_table(Screen::Directory),
        ),
        Screen::Watch => (l.pick("Veille", "Watch"), screen_table(Screen::Watch)),
        _ => (l.pick("Tableau", "Board"), screen_table(Screen::Board)),
    };
    let table: Vec<&Binding> = table.iter().collect();
    frame.render_widget(column(name, &table), left);
    let [global, forms] = right.layout(&Layout::vertical([
        Constraint::Length(GLOBAL.len() as u16 + 8),
        Constraint::Fill(1),
    ]));
    let mut everywhere = vec![Line::styled(l.pick("Partout", "Everywhere"), theme.title())];
    everywhere.extend(
        GLOBAL
            .iter()
            .map(|b| Line::raw(format!(" {} {}", pad(&b.label(l), 7), b.describe(l)))),
    );
    everywhere.push(Line::raw(l.pick(
        " Ctrl-C  quitter (demande si une saisie est en cours)",
        " Ctrl-C  quit (asks when something is being typed)",
    )));
    // The same words the command line answers with when a line means nothing.
    let usage = notice::text(&Notice::Fix(Fix::Usage), l, &app.territory);
    everywhere.push(Line::styled(format!(" {usage}"), theme.dim()));
    let desk = crate::i18n::watch::verbs(l);
    everywhere.push(Line::styled(format!(" {desk}"), theme.dim()));
    frame.render_widget(
        Paragraph::new(everywhere).wrap(Wrap { trim: false }),
        global,
    );
    frame.render_widget(
        column(l.pick("Formulaires", "Forms"), &form_help()).wrap(Wrap { trim: false }),
        forms,
    );
}
