//! A desk over the pure domain, kept in memory: the journal, the personal records and the
//! state, exactly as the store would hold them, without a disk. The console's `update`
//! tests and the integration tests drive the console through it — the same seam as the
//! runtime's store.

use super::logbook::LogLine;
use super::project::Names;
use super::{Desk, Failure, Nights, Opening};
use crate::domain::calendar::ServiceNight;
use crate::domain::event::Envelope;
use crate::domain::personal::PersonalRecord;
use crate::domain::reference::Territory;
use crate::domain::{Command, Refusal, State, Written, execute};
use crate::i18n::Lang;
use chrono::{DateTime, NaiveDate, Utc};
use std::path::PathBuf;

#[derive(Debug, Clone)]
pub struct MemoryDesk {
    pub state: State,
    pub territory: Territory,
    pub journal: Vec<Envelope>,
    pub personal: Vec<PersonalRecord>,
    /// Commands written through the console, in order.
    pub written: Vec<Command>,
    /// Commands the domain refused.
    pub refused: Vec<Command>,
    /// What the console recorded by itself (the check-ins' steps), apart from `written`.
    pub recorded: Vec<Command>,
    /// Nights whose report was asked for.
    pub reports: Vec<ServiceNight>,
    /// Months whose reports were asked for (their first day).
    pub months: Vec<NaiveDate>,
}

impl MemoryDesk {
    pub fn new(territory: Territory) -> MemoryDesk {
        MemoryDesk {
            state: State::default(),
            territory,
            journal: Vec::new(),
            personal: Vec::new(),
            written: Vec::new(),
            refused: Vec::new(),
            recorded: Vec::new(),
            reports: Vec::new(),
            months: Vec::new(),
        }
    }

    /// Executes commands that stand or fall together; the journal moves only if all pass.
    pub fn execute(&mut self, commands: &[Command], at: DateTime<Utc>) -> Result<Written, Refusal> {
        self.run(commands, at).map_err(|(_, r)| r)
    }

    /// As `execute`; a refusal also says which command it was.
    fn run(
        &mut self,
        commands: &[Command],
        at: DateTime<Utc>,
    ) -> Result<Written, (usize, Refusal)> {
        let mut state = self.state.clone();
        let mut written = Written::default();
        for (i, cmd) in commands.iter().enumerate() {
            let (envelopes, personal) =
                execute(&mut state, &self.territory, cmd, at).map_err(|r| (i, r))?;
            written.envelopes.extend(envelopes);
            written.personal.extend(personal);
        }
        self.state = state;
        self.journal.extend(written.envelopes.iter().cloned());
        self.personal.extend(written.personal.iter().cloned());
        Ok(written)
    }

    /// What a console opening on this desk starts from (as the runtime reads it from the
    /// store): the state, the nights with their events, the current night's lines.
    pub fn opening(&self, lang: Lang) -> Opening {
        let mut state = State::default();
        let mut nights = Nights::default();
        for env in &self.journal {
            state.apply(env);
            nights.apply(&state, env);
        }
        let shown = self
            .state
            .open_night()
            .map(|n| n.night)
            .or(self.journal.last().map(|e| e.night));
        let names = Names {
            territory: &self.territory,
            state: &self.state,
            personal: &self.personal,
        };
        let log = self
            .journal
            .iter()
            .filter(|e| Some(e.night) == shown)
            .map(|e| LogLine::of(e, &names, lang))
            .collect();
        // Whoever took the last handover is proposed next, as the runtime does.
        let taken = self
            .state
            .handover
            .as_ref()
            .and_then(|h| h.acknowledged.as_ref());
        let coordinator = match (self.state.open_night(), taken) {
            (None, Some(ack)) => Some(ack.coordinator.clone()),
            _ => self
                .journal
                .iter()
                .rev()
                .find_map(|e| e.coordinator.clone()),
        };
        Opening {
            state: self.state.clone(),
            nights,
            log,
            coordinator,
            fresh: self.journal.is_empty(),
            personal: self.personal.clone(),
        }
    }
}

impl Desk for MemoryDesk {
    fn commit(&mut self, commands: &[Command], now: DateTime<Utc>) -> Result<Written, Failure> {
        match self.run(commands, now) {
            Ok(written) => {
                self.written.extend(commands.iter().cloned());
                Ok(written)
            }
            Err((i, refusal)) => {
                self.refused.extend(commands.get(i).cloned());
                Err(Failure::Refused(refusal))
            }
        }
    }

    fn record(&mut self, commands: &[Command], now: DateTime<Utc>) -> Result<Written, Failure> {
        let written = self
            .run(commands, now)
            .map_err(|(_, r)| Failure::Refused(r))?;
        self.recorded.extend(commands.iter().cloned());
        Ok(written)
    }

    fn export_report(&mut self, night: ServiceNight, _: Lang) -> Result<PathBuf, String> {
        self.reports.push(night);
        Ok(PathBuf::from(format!("reports/nuit-{night}.md")))
    }

    fn export_month(&mut self, first: NaiveDate, _: Lang) -> Result<(PathBuf, usize), String> {
        self.months.push(first);
        Ok((
            PathBuf::from(format!("reports/{}", first.format("%Y-%m"))),
            0,
        ))
    }
}
