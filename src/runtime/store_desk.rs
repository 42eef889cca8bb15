//! The console's desk on the real store: commits are durable (on disk) before their answer
//! comes back, and the night's report is written at the edge.

use super::report_file;
use crate::app::{Desk, Failure};
use crate::domain::calendar::ServiceNight;
use crate::domain::{Command, Written};
use crate::i18n::{Lang, store::store_error};
use crate::store::{Store, StoreError};
use chrono::{DateTime, NaiveDate, Utc};
use std::path::PathBuf;

pub struct StoreDesk {
    store: Store,
    lang: Lang,
}

impl StoreDesk {
    pub fn new(store: Store, lang: Lang) -> StoreDesk {
        StoreDesk { store, lang }
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    pub fn store_mut(&mut self) -> &mut Store {
        &mut self.store
    }

    pub fn into_store(self) -> Store {
        self.store
    }

    /// A store failure in the UI language, for the footer.
    pub fn failure(&self, e: StoreError) -> Failure {
        match e {
            StoreError::Refused(r) => Failure::Refused(r),
            other => Failure::Store(store_error(&other, self.lang)),
        }
    }
}

impl Desk for StoreDesk {
    fn commit(&mut self, commands: &[Command], now: DateTime<Utc>) -> Result<Written, Failure> {
        self.store
            .commit(commands, now)
            .map_err(|e| self.failure(e))
    }

    fn export_report(&mut self, night: ServiceNight, lang: Lang) -> Result<PathBuf, String> {
        report_file::export_markdown(&self.store, night, lang)
    }

    fn export_month(&mut self, first: NaiveDate, lang: Lang) -> Result<(PathBuf, usize), String> {
        report_file::export_month(&self.store, first, lang)
    }
}
