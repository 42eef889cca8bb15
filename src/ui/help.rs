//! Help, drawn from the keymap tables themselves.

use super::theme::Theme;
use crate::app::keymap::{Binding, GLOBAL, form_help, screen_table};
use crate::app::{AppState, Screen};
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
    let mut everywhere = vec![Line::styled(l.pick("Partout", "Everywhere"), theme.title())];
    everywhere.extend(
        GLOBAL
            .iter()
            .map(|b| Line::raw(format!(" {} {}", pad(&b.label(l), 7), b.describe(l)))),
    );
    let ctrl_c = if right.width >= 56 {
        l.pick(
            " Ctrl-C  quitter (demande si une saisie est en cours)",
            " Ctrl-C  quit (asks when something is being typed)",
        )
    } else {
        l.pick(
            " Ctrl-C  quitter (demande en saisie)",
            " Ctrl-C  quit (asks when typing)",
        )
    };
    everywhere.push(Line::raw(ctrl_c));
    let room = right.width.max(1) as usize;
    // The verbs by name where the help is tall enough; else where `:aide` lists them.
    let lines = if right.height >= 30 { 5 } else { 1 };
    everywhere.push(Line::styled(verbs_line(l, room, lines), theme.dim()));
    // As high as its lines once wrapped, so that the forms' keys keep their room.
    let height: usize = everywhere
        .iter()
        .map(|line| line.width().div_ceil(room).max(1))
        .sum();
    let [global, forms] = right.layout(&Layout::vertical([
        Constraint::Length(height as u16 + 1),
        Constraint::Fill(1),
    ]));
    frame.render_widget(
        Paragraph::new(everywhere).wrap(Wrap { trim: false }),
        global,
    );
    frame.render_widget(
        column(l.pick("Formulaires", "Forms"), &form_help()).wrap(Wrap { trim: false }),
        forms,
    );
}

/// The command line's verbs by name, when they fit in `lines` lines; else where `:aide`
/// lists them with their arguments.
fn verbs_line(l: crate::i18n::Lang, room: usize, lines: usize) -> String {
    let verbs: Vec<&str> = crate::app::verbs::VERBS
        .iter()
        .map(|v| l.pick(v.fr, v.en))
        .collect();
    let all = format!(
        " {} {}",
        l.pick("Commandes (:aide) :", "Commands (:help):"),
        verbs.join(" · ")
    );
    if crate::text::width(&all) <= lines * room {
        return all;
    }
    l.pick(" Commandes : « :aide »", " Commands: \":help\"")
        .to_string()
}
