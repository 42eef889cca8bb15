//! The words of a request's detail: each step of its life, the labels of its facts.

use super::Lang;
use super::{dates, phone, vocab};
use crate::domain::reference::Territory;
use crate::domain::request_steps::StepKind;
use crate::domain::vocab::RequestStatus;

/// « 22:41  E2 envoyée en renfort ».
pub fn step(kind: &StepKind, territory: &Territory, l: Lang) -> String {
    let team = |t: &str, what: &str| format!("{t} {what}");
    match kind {
        StepKind::Received => l.pick("reçue", "received").into(),
        StepKind::Sent {
            team: t,
            reinforcement: true,
        } => team(t, l.pick("envoyée en renfort", "sent as reinforcement")),
        StepKind::Sent { team: t, .. } => team(t, l.pick("envoyée", "sent")),
        StepKind::OnSite { team: t } => team(t, l.pick("sur place", "on site")),
        StepKind::Recalled { team: t } => team(t, l.pick("rappelée", "recalled")),
        StepKind::Cleared { team: t, outcome } => {
            let how = outcome.map_or(String::new(), |o| format!(" — {}", vocab::outcome(o, l)));
            format!("{t} {}{how}", l.pick("a clôturé", "cleared"))
        }
        StepKind::CallbackAsked { due } => format!(
            "{} {}",
            l.pick("à rappeler à", "to call back at"),
            dates::clock(*due)
        ),
        StepKind::CalledBack { outcome, by } => {
            let who = by.as_deref().map_or(String::new(), |c| {
                let name = territory.coordinator(c).map_or(c, |p| p.name.as_str());
                format!(" ({name})")
            });
            format!(
                "{}{} {}{who}",
                l.pick("rappel fait", "called back"),
                l.colon(),
                phone::callback_outcome(*outcome, l)
            )
        }
        StepKind::Ended(RequestStatus::Settled) => {
            l.pick("réglée par téléphone", "settled by phone").into()
        }
        StepKind::Ended(status) => vocab::request_status(*status, l).into(),
    }
}
