//! The views as the store keeps them: pending writes of a commit over the sled tree.

use super::error::{Result, StoreError};
use super::keys;
use crate::domain::calendar::ServiceNight;
use crate::domain::state::{Case, Request};
use crate::domain::views::{NightRecord, Views};
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::collections::BTreeMap;

pub fn encode<T: Serialize>(v: &T) -> Result<Vec<u8>> {
    serde_json::to_vec(v).map_err(|e| StoreError::Write(e.to_string()))
}

pub fn decode<T: DeserializeOwned>(bytes: &[u8], what: &str) -> Result<T> {
    serde_json::from_slice(bytes).map_err(|e| StoreError::Read(format!("{what}: {e}")))
}

/// Writes waiting for the next commit, read back before the tree.
pub struct Overlay {
    pub tree: sled::Tree,
    pub pending: BTreeMap<Vec<u8>, Vec<u8>>,
}

impl Views for Overlay {
    type Error = StoreError;
    fn night(&mut self, night: ServiceNight) -> Result<Option<NightRecord>> {
        let key = keys::night(night);
        if let Some(v) = self.pending.get(&key) {
            return decode(v, "night").map(Some);
        }
        match self
            .tree
            .get(&key)
            .map_err(|e| StoreError::Read(e.to_string()))?
        {
            Some(v) => decode(&v, "night").map(Some),
            None => Ok(None),
        }
    }
    fn put_night(&mut self, record: NightRecord) -> Result<()> {
        self.pending
            .insert(keys::night(record.night), encode(&record)?);
        Ok(())
    }
    fn put_request(&mut self, request: &Request) -> Result<()> {
        self.pending
            .insert(keys::request(request.id.0), encode(request)?);
        Ok(())
    }
    fn put_case(&mut self, case: &Case) -> Result<()> {
        self.pending.insert(keys::case(case.id.0), encode(case)?);
        Ok(())
    }
}

/// Views kept in memory, for `check` and rebuilds.
#[derive(Debug, Default, PartialEq)]
pub struct MemViews {
    pub nights: BTreeMap<ServiceNight, NightRecord>,
    pub requests: BTreeMap<u64, Request>,
    pub cases: BTreeMap<u64, Case>,
}

impl Views for MemViews {
    type Error = std::convert::Infallible;
    fn night(
        &mut self,
        night: ServiceNight,
    ) -> std::result::Result<Option<NightRecord>, Self::Error> {
        Ok(self.nights.get(&night).cloned())
    }
    fn put_night(&mut self, record: NightRecord) -> std::result::Result<(), Self::Error> {
        self.nights.insert(record.night, record);
        Ok(())
    }
    fn put_request(&mut self, request: &Request) -> std::result::Result<(), Self::Error> {
        self.requests.insert(request.id.0, request.clone());
        Ok(())
    }
    fn put_case(&mut self, case: &Case) -> std::result::Result<(), Self::Error> {
        self.cases.insert(case.id.0, case.clone());
        Ok(())
    }
}
