//! The situations' rules: opening one, linking a request, a step of the graduated
//! response, its state, its next follow-up.

use crate::domain::decide::Ctx;
use crate::domain::event::Event;
use crate::domain::ids::{CaseId, RequestId};
use crate::domain::personal::PersonalKind;
use crate::domain::refusal::Refusal;
use crate::domain::vocab::{CaseState, Category, ResponseLevel};
use chrono::NaiveDate;

impl Ctx<'_> {
    pub(in crate::domain) fn open_case(
        &mut self,
        site: &str,
        category: Category,
        request: Option<RequestId>,
    ) -> Result<(), Refusal> {
        self.night()?;
        self.site(site)?;
        let case = CaseId(self.state.counters.case);
        self.emit(Event::CaseOpened {
            case,
            site: site.to_string(),
            category,
        });
        if let Some(r) = request {
            self.link(case, r)?;
        }
        Ok(())
    }

    pub(in crate::domain) fn link_to_case(
        &mut self,
        case: CaseId,
        request: RequestId,
    ) -> Result<(), Refusal> {
        self.night()?;
        self.case(case)?;
        self.link(case, request)
    }

    fn link(&mut self, case: CaseId, request: RequestId) -> Result<(), Refusal> {
        let r = self.request(request)?;
        if let Some(existing) = r.case {
            return Err(Refusal::AlreadyLinked {
                request: r.number,
                case: existing,
            });
        }
        self.emit(Event::CaseLinked { case, request });
        Ok(())
    }

    pub(in crate::domain) fn record_step(
        &mut self,
        case: CaseId,
        level: ResponseLevel,
        note: Option<&str>,
    ) -> Result<(), Refusal> {
        self.night()?;
        self.case(case)?;
        let note = self.note(PersonalKind::CaseNote, note)?;
        self.emit(Event::CaseStepRecorded {
            case,
            level,
            request: None,
            note,
        });
        Ok(())
    }

    pub(in crate::domain) fn set_case_state(
        &mut self,
        case: CaseId,
        state: CaseState,
    ) -> Result<(), Refusal> {
        self.night()?;
        let c = self.case(case)?;
        if c.state == state {
            return Err(Refusal::CaseAlreadyInState { case, state });
        }
        self.emit(Event::CaseStateChanged { case, state });
        Ok(())
    }

    pub(in crate::domain) fn set_follow_up(
        &mut self,
        case: CaseId,
        date: Option<NaiveDate>,
    ) -> Result<(), Refusal> {
        self.night()?;
        self.case(case)?;
        self.emit(Event::CaseFollowUpSet { case, date });
        Ok(())
    }
}
