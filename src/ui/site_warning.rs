//! What the coordinator should know about a place before sending anyone: the open
//! situations there (number, last step, next follow-up) and the instructions that apply.
//! The request form and the request detail both show it.

use super::theme::Theme;
use crate::app::AppState;
use crate::app::board::{Alert, instructions_at, open_cases};
use crate::domain::handover::Scope;
use crate::domain::reference::Site;
use crate::i18n::{dates, vocab};
use ratatui::style::Style;

/// One line per open situation at the site, then one per instruction (site and district).
pub fn lines(app: &AppState, site: &Site, theme: &Theme) -> Vec<(String, Style)> {
    let l = app.lang;
    let mut out = Vec::new();
    for c in open_cases(app).into_iter().filter(|c| c.site == site.id) {
        let step = c.steps.last().map_or_else(
            || l.pick("aucune étape", "no step yet").to_string(),
            |s| {
                format!(
                    "{} {}",
                    vocab::level(s.level, l),
                    dates::short_date(dates::local_date(s.at), l)
                )
            },
        );
        let next = c.next_follow_up.map_or(String::new(), |d| {
            format!(
                " — {} {}",
                l.pick("suivi le", "follow-up"),
                dates::short_date(d, l)
            )
        });
        let text = format!(
            "⚠ Situation {} {} — {}{}{next}",
            c.id,
            l.pick("ouverte ici", "open here"),
            l.pick("dernière étape : ", "last step: "),
            step
        );
        out.push((text, theme.alert(Alert::Amber)));
    }
    for i in instructions_at(app, site)
        .into_iter()
        .filter(|i| i.scope != Scope::Territory)
    {
        out.push((format!("◆ {}", i.text), theme.alert(Alert::Amber)));
    }
    out
}
