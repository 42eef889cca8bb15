//! What a request's detail shows, computed from the state: the request, its caller (the
//! personal record, shown here and in the main courante only), every step with its time,
//! its situation, the open situations and instructions at its site. `ui::request_detail`
//! draws it.

use super::AppState;
use super::board::{instructions_at, open_cases};
use crate::domain::calendar::ServiceNight;
use crate::domain::handover::Instruction;
use crate::domain::ids::RequestId;
use crate::domain::personal::PersonalRecord;
use crate::domain::request_steps::{Step, steps};
use crate::domain::state::{Case, Request};

#[derive(Debug, Clone)]
pub struct Detail<'a> {
    pub request: &'a Request,
    pub personal: Option<&'a PersonalRecord>,
    /// The request came from an earlier night (carried over): that night.
    pub carried_from: Option<ServiceNight>,
    pub steps: Vec<Step>,
    pub case: Option<&'a Case>,
    /// Other situations open at its site.
    pub cases_here: Vec<&'a Case>,
    pub instructions: Vec<&'a Instruction>,
}

pub fn detail(app: &AppState, id: RequestId) -> Option<Detail<'_>> {
    let r = app.domain.requests.get(&id)?;
    let tonight = app.domain.night.as_ref().map(|n| n.night);
    let cases_here = open_cases(app)
        .into_iter()
        .filter(|c| c.site == r.site && Some(c.id) != r.case)
        .collect();
    let instructions = app
        .territory
        .site(&r.site)
        .map_or_else(Vec::new, |s| instructions_at(app, s));
    Some(Detail {
        request: r,
        personal: r.personal.and_then(|p| app.personal.get(&p)),
        carried_from: tonight.filter(|n| *n != r.night).map(|_| r.night),
        steps: steps(r),
        case: r.case.and_then(|c| app.domain.cases.get(&c)),
        cases_here,
        instructions,
    })
}
