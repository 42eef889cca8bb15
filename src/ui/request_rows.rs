//! The words of a request's row on the board: its state (a request carried in from an
//! earlier night says so, « reportée du 01/12 »), and its site's name shortened so that
//! rows stay apart in a narrow column (« Rés. Les Ajoncs », « Métro Gros-Chêne »).

use super::theme::Theme;
use crate::app::AppState;
use crate::app::board::Alert;
use crate::domain::state::Request;
use crate::i18n::{dates, vocab};
use crate::report::callbacks::{CallbackDue, pending};
use crate::text;
use ratatui::text::Line;

/// Long openings of the territory's names and what a narrow column keeps of them.
const SHORTER: &[(&str, &str)] = &[
    ("Résidence ", "Rés. "),
    ("Abords du métro ", "Métro "),
    ("Abords du centre commercial ", "CC "),
    ("Abords du ", ""),
    ("Dalle commerciale du ", "Dalle "),
    ("Parvis de la piscine des ", "Piscine "),
    ("Square des ", "Sq. "),
    ("Square de ", "Sq. "),
];

/// The site's name as it fits `width` cells: whole when it fits, else its distinctive part.
pub fn site_name(name: &str, width: usize) -> String {
    if text::width(name) <= width {
        return name.to_string();
    }
    let short = SHORTER
        .iter()
        .find_map(|(long, short)| name.strip_prefix(long).map(|rest| (*short, rest)));
    let Some((short, rest)) = short else {
        return name.to_string();
    };
    let shorter = format!("{short}{rest}");
    if text::width(&shorter) <= width {
        return shorter;
    }
    // Still too long: the article goes too (« Rés. Ajoncs »).
    let bare = ARTICLES
        .iter()
        .find_map(|a| rest.strip_prefix(a))
        .unwrap_or(rest);
    format!("{short}{bare}")
}

/// Articles a name can do without once shortened.
const ARTICLES: &[&str] = &["Les ", "La ", "Le ", "L'", "des ", "du ", "de la ", "de "];

/// « E1 en route », « reçue », or for a request of an earlier night waiting for a team,
/// « reportée du 01/12 ».
pub fn state(app: &AppState, r: &Request) -> String {
    let l = app.lang;
    let tonight = app.domain.night.as_ref().map(|n| n.night);
    match &r.team {
        Some(t) => {
            let more = r.teams_on().len().saturating_sub(1);
            let plus = if more > 0 {
                format!("+{more}")
            } else {
                String::new()
            };
            format!("{t}{plus} {}", vocab::request_status(r.status, l))
        }
        None if tonight.is_some_and(|n| n != r.night) => format!(
            "{} {}",
            l.pick("reportée du", "carried from"),
            dates::short_date(r.night.date(), l)
        ),
        None => vocab::request_status(r.status, l).to_string(),
    }
}

/// For the requests pane's title: « · à rappeler 2 (22:30) », the earliest due first,
/// « ! » when it is past; nothing when no callback is waiting.
pub fn callbacks_due(app: &AppState) -> String {
    let due = pending(&app.domain);
    let Some(first) = due.first() else {
        return String::new();
    };
    let late = if first.due <= app.now { "!" } else { "" };
    format!(
        " · {late}{} {} ({})",
        app.lang.pick("à rappeler", "to call back"),
        due.len(),
        dates::clock(first.due)
    )
}

/// The handover's « callbacks not made », one line each.
pub fn callback_lines<'a>(app: &AppState, due: &[CallbackDue], theme: &Theme) -> Vec<Line<'a>> {
    if due.is_empty() {
        return Vec::new();
    }
    let l = app.lang;
    let title = l.pick("Rappels non faits", "Callbacks not made");
    let mut lines = vec![Line::styled(title.to_string(), theme.title())];
    for c in due {
        let site = app
            .territory
            .site(&c.site)
            .map_or(c.site.as_str(), |s| s.name.as_str());
        let tries = match c.tries {
            0 => String::new(),
            n => format!(" — {n} {}", l.pick("sans réponse", "unanswered")),
        };
        let text = format!(
            " {} {} {} — {site}{tries}",
            dates::clock(c.due),
            l.pick("sollicitation", "request"),
            c.number
        );
        lines.push(Line::styled(text, theme.alert(Alert::Amber)));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::site_name;

    #[test]
    fn a_name_too_long_for_its_column_keeps_its_distinctive_part() {
        assert_eq!(
            site_name("Résidence Les Ajoncs", 30),
            "Résidence Les Ajoncs"
        );
        assert_eq!(site_name("Résidence Les Ajoncs", 16), "Rés. Les Ajoncs");
        assert_eq!(site_name("Résidence Les Ajoncs", 11), "Rés. Ajoncs");
        assert_eq!(
            site_name("Abords du métro Gros-Chêne", 12),
            "Métro Gros-Chêne"
        );
        assert_eq!(site_name("Tour Belle-Île", 8), "Tour Belle-Île");
    }
}
