//! What the phone page shows a team, read from the live state: its assignment, the
//! instructions at that place, tonight's plan, and the choices of each form (values as
//! the journal spells them, labels in the page's language).

use super::desk::Reading;
use crate::domain::handover::Scope;
use crate::domain::vocab::{ObservationKind, Outcome, ResponseLevel};
use crate::i18n::{Lang, places, vocab};
use serde::Serialize;

/// A choice of a form: the value sent, the label shown.
pub struct Choice {
    pub value: String,
    pub label: String,
}

pub struct Assignment {
    pub number: u32,
    pub site: String,
    pub entrance: Option<String>,
    pub category: String,
    pub priority: String,
    pub on_site: bool,
    pub instructions: Vec<String>,
}

pub struct TeamView {
    pub team: String,
    pub status: String,
    pub assignment: Option<Assignment>,
    /// The assignment's site id (preselected for an observation).
    pub site_id: Option<String>,
    pub outcomes: Vec<Choice>,
    pub levels: Vec<Choice>,
    pub partners: Vec<Choice>,
    pub kinds: Vec<Choice>,
    pub sites: Vec<Choice>,
    pub plan: Vec<Choice>,
}

/// A vocabulary value as the journal spells it (snake_case), for a form's `value`.
pub fn slug<T: Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// The value a form sent back, read as the journal spells it.
pub fn unslug<T: serde::de::DeserializeOwned>(s: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(s.to_string())).ok()
}

fn choices<T: Serialize + Copy>(all: &[T], label: impl Fn(T) -> &'static str) -> Vec<Choice> {
    all.iter()
        .map(|v| Choice {
            value: slug(v),
            label: label(*v).to_string(),
        })
        .collect()
}

pub fn team_view(r: &dyn Reading, team: &str, lang: Lang) -> Option<TeamView> {
    let (state, territory) = (r.state(), r.territory());
    let t = state.teams.get(team)?;
    let request = t.assignment.and_then(|(id, _)| state.requests.get(&id));
    let assignment = request.map(|q| {
        let district = territory.site(&q.site).map(|s| s.district.clone());
        let instructions = state
            .instructions
            .values()
            .filter(|i| i.ended_at.is_none())
            .filter(|i| match &i.scope {
                Scope::Territory => false,
                Scope::District(d) => Some(d) == district.as_ref(),
                Scope::Site(s) => *s == q.site,
            })
            .map(|i| i.text.clone())
            .collect();
        Assignment {
            number: q.number,
            site: places::site(territory, &q.site),
            entrance: q.entrance.clone(),
            category: vocab::category(q.category, lang).to_string(),
            priority: vocab::priority(q.priority, lang).to_string(),
            on_site: q.on_site_at.is_some(),
            instructions,
        }
    });
    let partners = territory
        .partners
        .iter()
        .map(|p| Choice {
            value: p.id.clone(),
            label: p.name.clone(),
        })
        .collect();
    let sites = territory
        .sites
        .iter()
        .map(|s| Choice {
            value: s.id.clone(),
            label: format!("{} — {}", s.name, s.address),
        })
        .collect();
    let plan = state
        .plan
        .values()
        .filter(|p| !p.dropped)
        .map(|p| Choice {
            value: p.id.0.to_string(),
            label: format!(
                "{} {} ({}){}",
                crate::i18n::watch::plan_kind(p.kind, lang),
                crate::i18n::watch::place(&p.place, territory),
                crate::i18n::watch::window(&p.window),
                if p.done() { " ✓" } else { "" }
            ),
        })
        .collect();
    Some(TeamView {
        team: team.to_string(),
        status: vocab::team_status(t.status(), lang).to_string(),
        site_id: request.map(|q| q.site.clone()),
        assignment,
        outcomes: choices(Outcome::ALL, |v| vocab::outcome(v, lang)),
        levels: choices(ResponseLevel::ALL, |v| vocab::level(v, lang)),
        partners,
        kinds: choices(ObservationKind::ALL, |v| vocab::observation(v, lang)),
        sites,
        plan,
    })
}

/// The teams of the open night that have a code (the sign-in page's list).
pub fn teams_with_code(r: &dyn Reading) -> Vec<String> {
    let state = r.state();
    if state.open_night().is_none() {
        return Vec::new();
    }
    state
        .teams
        .values()
        .filter(|t| t.code.is_some())
        .map(|t| t.call_sign.clone())
        .collect()
}
