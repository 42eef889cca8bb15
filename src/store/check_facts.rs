//! The facts `check` replays, kept small: the nights behind the replay are kept encoded
//! (the form they are compared in, a fraction of their size in memory) and decoded again
//! only if a later event touches them (a correction of a carried request), so the result
//! is the same whatever the moment a night is set aside.

use super::aggregates::{FACTS, MemFacts, OPEN, encode, key, unpack};
use super::error::{Result, StoreError};
use crate::domain::calendar::ServiceNight;
use crate::domain::facts::{Facts, NightFacts, OpenCases};
use std::collections::BTreeMap;

#[derive(Default)]
pub(super) struct CheckFacts {
    hot: MemFacts,
    cold: BTreeMap<Vec<u8>, Vec<u8>>,
}

impl Facts for CheckFacts {
    type Error = StoreError;
    fn facts(&mut self, night: ServiceNight) -> Result<NightFacts> {
        if let Some(f) = self.hot.facts.get(&night) {
            return Ok(f.clone());
        }
        match self.cold.get(&key(FACTS, night)) {
            Some(bytes) => unpack(bytes),
            None => Ok(NightFacts::default()),
        }
    }
    fn put_facts(&mut self, night: ServiceNight, facts: NightFacts) -> Result<()> {
        self.cold.remove(&key(FACTS, night));
        self.hot.facts.insert(night, facts);
        Ok(())
    }
    fn put_open_cases(&mut self, night: ServiceNight, open: OpenCases) -> Result<()> {
        self.cold.insert(key(OPEN, night), encode(&open)?);
        Ok(())
    }
}

impl CheckFacts {
    /// Encodes and sets aside the nights before `night`.
    pub(super) fn cool_before(&mut self, night: ServiceNight) -> Result<()> {
        while let Some(entry) = self.hot.facts.first_entry() {
            if *entry.key() >= night {
                break;
            }
            let (n, f) = entry.remove_entry();
            self.cold.insert(key(FACTS, n), encode(&f)?);
        }
        Ok(())
    }

    /// Every row, encoded, as the facts' database should hold them (without its meta).
    pub(super) fn into_rows(mut self) -> Result<BTreeMap<Vec<u8>, Vec<u8>>> {
        for (k, v) in self.hot.rows()? {
            self.cold.insert(k, v);
        }
        Ok(self.cold)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn night(d: &str) -> ServiceNight {
        ServiceNight(d.parse().unwrap_or_default())
    }

    #[test]
    fn a_night_set_aside_comes_back_whole_when_touched_again() {
        let mut mem = CheckFacts::default();
        let mut f = NightFacts {
            worked: true,
            ..NightFacts::default()
        };
        mem.put_facts(night("2026-11-02"), f.clone()).unwrap();
        mem.cool_before(night("2026-11-05")).unwrap();
        assert!(mem.hot.facts.is_empty());
        assert_eq!(mem.facts(night("2026-11-02")).unwrap(), f);
        f.worked = true;
        mem.put_facts(night("2026-11-02"), f.clone()).unwrap();
        let rows = mem.into_rows().unwrap();
        assert_eq!(rows.len(), 1);
        let back: NightFacts = unpack(&rows[&key(FACTS, night("2026-11-02"))]).unwrap();
        assert_eq!(back, f);
    }
}
