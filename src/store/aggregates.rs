//! The report aggregates: one record of facts per service night (`domain::facts`) in
//! their own small database (`facts_db.rs`), written after the rows of the commit whose
//! events they count, so a period report reads a few hundred small records. Built from the
//! journal when they do not count what the journal holds (a store of an earlier version, a
//! crash before a checkpoint, another version of the facts), and compared with a replay by
//! `check`. Also the reads over the night views that stay flat in the store's size (a
//! range or a reverse scan, never every night).
//!
//! - `f/YYYY-MM-DD` → the night's facts, `o/YYYY-MM-DD` → the situations open at its close,
//!   `meta` → `{version, seq, territory}` (postcard: derived data, compact).

use super::error::{Damage, Result, StoreError};
use super::{Store, keys};
use crate::domain::calendar::ServiceNight;
use crate::domain::facts::{FACTS_VERSION, Facts, NightFacts, OpenCases, project};
use crate::domain::state::State;
use crate::domain::views::NightRecord;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

/// The tree where earlier versions kept the facts, inside the journal's database.
pub(super) const OLD_TREE: &str = "aggregates";
pub(super) const META: &[u8] = b"meta";
pub(super) const FACTS: &[u8] = b"f/";
pub(super) const OPEN: &[u8] = b"o/";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct Meta {
    version: u32,
    /// The journal sequence the facts count up to.
    seq: u64,
    /// The territory of the store they were counted in.
    territory: String,
}

pub(super) fn current_meta(seq: u64, territory: &str) -> Meta {
    Meta {
        version: FACTS_VERSION,
        seq,
        territory: territory.to_string(),
    }
}

/// What the facts in `tree` count, if it reads.
pub(super) fn meta_of(tree: &sled::Tree) -> Option<Meta> {
    let v = tree.get(META).ok()??;
    unpack(&v).ok()
}

pub(super) fn key(prefix: &[u8], night: ServiceNight) -> Vec<u8> {
    [prefix, night.to_string().as_bytes()].concat()
}

fn night_of(k: &[u8]) -> Option<ServiceNight> {
    std::str::from_utf8(k.get(2..)?).ok()?.parse().ok()
}

pub(super) fn encode<T: Serialize>(v: &T) -> Result<Vec<u8>> {
    postcard::to_stdvec(v).map_err(|e| StoreError::Write(format!("aggregates: {e}")))
}

pub(super) fn unpack<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Result<T> {
    postcard::from_bytes(bytes).map_err(|e| StoreError::Read(format!("aggregates: {e}")))
}

/// Facts kept in memory: a rebuild, `check`.
#[derive(Debug, Default, PartialEq)]
pub(super) struct MemFacts {
    pub(super) facts: BTreeMap<ServiceNight, NightFacts>,
    pub(super) open: BTreeMap<ServiceNight, OpenCases>,
}

impl Facts for MemFacts {
    type Error = std::convert::Infallible;
    fn facts(&mut self, night: ServiceNight) -> std::result::Result<NightFacts, Self::Error> {
        Ok(self.facts.get(&night).cloned().unwrap_or_default())
    }
    fn put_facts(
        &mut self,
        n: ServiceNight,
        f: NightFacts,
    ) -> std::result::Result<(), Self::Error> {
        self.facts.insert(n, f);
        Ok(())
    }
    fn put_open_cases(
        &mut self,
        n: ServiceNight,
        o: OpenCases,
    ) -> std::result::Result<(), Self::Error> {
        self.open.insert(n, o);
        Ok(())
    }
}

impl MemFacts {
    pub(super) fn rows(&self) -> Result<Vec<(Vec<u8>, Vec<u8>)>> {
        let mut rows = Vec::with_capacity(self.facts.len() + self.open.len());
        for (n, f) in &self.facts {
            rows.push((key(FACTS, *n), encode(f)?));
        }
        for (n, o) in &self.open {
            rows.push((key(OPEN, *n), encode(o)?));
        }
        Ok(rows)
    }
}

/// A commit's changes to the facts, read through to the tree.
pub(super) struct Pending {
    tree: sled::Tree,
    mem: MemFacts,
}

impl Pending {
    pub(super) fn new(tree: &sled::Tree) -> Pending {
        Pending {
            tree: tree.clone(),
            mem: MemFacts::default(),
        }
    }

    /// The rows to write after the commit that brings the journal to `seq`.
    pub(super) fn rows(&self, seq: u64, territory: &str) -> Result<Vec<(Vec<u8>, Vec<u8>)>> {
        let mut rows = self.mem.rows()?;
        rows.push((META.to_vec(), encode(&current_meta(seq, territory))?));
        Ok(rows)
    }
}

impl Facts for Pending {
    type Error = StoreError;
    fn facts(&mut self, night: ServiceNight) -> Result<NightFacts> {
        if let Some(f) = self.mem.facts.get(&night) {
            return Ok(f.clone());
        }
        match self.tree.get(key(FACTS, night))? {
            Some(v) => unpack(&v),
            None => Ok(NightFacts::default()),
        }
    }
    fn put_facts(&mut self, night: ServiceNight, facts: NightFacts) -> Result<()> {
        self.mem.facts.insert(night, facts);
        Ok(())
    }
    fn put_open_cases(&mut self, night: ServiceNight, open: OpenCases) -> Result<()> {
        self.mem.open.insert(night, open);
        Ok(())
    }
}

impl Store {
    /// Builds the facts from the journal unless they count up to its last event already.
    pub(super) fn ensure_aggregates(&mut self) -> Result<()> {
        let current = current_meta(self.state.last_seq, &self.territory.id);
        if meta_of(&self.aggregates) == Some(current) {
            return Ok(());
        }
        self.rebuild_aggregates()
    }

    /// Builds the facts from the whole journal.
    pub(super) fn rebuild_aggregates(&mut self) -> Result<()> {
        let current = current_meta(self.state.last_seq, &self.territory.id);
        let mem = self.replay_facts(&mut Vec::new())?;
        // Meta last: a crash part-way leaves no meta, and the next open builds again.
        self.aggregates.clear()?;
        let mut batch = sled::Batch::default();
        for (k, v) in mem.rows()? {
            batch.insert(k, v);
        }
        self.aggregates.apply_batch(batch)?;
        self.aggregates.insert(META, encode(&current)?)?;
        self.durable(true)
    }

    /// True unless the facts count exactly what the journal's database kept (they must
    /// then be built again from the whole journal).
    pub(super) fn facts_not_at_journal(&self) -> bool {
        let kept = current_meta(self.state.last_seq, &self.territory.id);
        meta_of(&self.aggregates) != Some(kept)
    }

    /// Writes a commit's facts (after its rows: derived data, the witness holds the rest).
    pub(super) fn write_facts(&self, rows: &[(Vec<u8>, Vec<u8>)]) -> Result<()> {
        let mut batch = sled::Batch::default();
        for (k, v) in rows {
            batch.insert(k.as_slice(), v.as_slice());
        }
        self.aggregates.apply_batch(batch).map_err(StoreError::from)
    }

    /// Replays the journal into fresh facts (undecodable entries are said in `diffs`).
    fn replay_facts(&self, diffs: &mut Vec<String>) -> Result<MemFacts> {
        let mut state = State::default();
        let mut mem = MemFacts::default();
        for item in self.journal.iter() {
            let (k, v) = item.map_err(|e| self.damage(e))?;
            match super::rows::envelope(&self.dir, &v) {
                Ok(env) => {
                    state.apply(&env);
                    let Ok(()) = project(&mut mem, &state, &env);
                }
                Err(e) => diffs.push(format!("journal entry {:?}: {e}", keys::decode_seq(&k))),
            }
        }
        Ok(mem)
    }

    /// `check`: the stored facts against those of the replay (`expected`, encoded).
    pub(super) fn check_aggregates(
        &self,
        expected: &BTreeMap<Vec<u8>, Vec<u8>>,
        diffs: &mut Vec<String>,
    ) -> Result<()> {
        let mut stored = std::collections::BTreeSet::new();
        for item in self.aggregates.iter() {
            let (k, v) = item.map_err(|e| self.damage(e))?;
            if k.as_ref() == META {
                continue;
            }
            let name = String::from_utf8_lossy(&k).into_owned();
            match expected.get(k.as_ref()) {
                None => diffs.push(format!(
                    "aggregate {name:?} is stored but not in the journal"
                )),
                Some(e) if e.as_slice() != v.as_ref() => {
                    diffs.push(format!("aggregate {name:?} differs from the journal"))
                }
                Some(_) => {}
            }
            stored.insert(k.to_vec());
        }
        for k in expected.keys().filter(|k| !stored.contains(*k)) {
            let name = String::from_utf8_lossy(k);
            diffs.push(format!(
                "aggregate {name:?} of the journal is missing in the store"
            ));
        }
        Ok(())
    }

    /// The facts of the nights from `from` to `to` inclusive, in order.
    pub fn facts_between(
        &self,
        from: ServiceNight,
        to: ServiceNight,
    ) -> Result<Vec<(ServiceNight, NightFacts)>> {
        facts_between(&self.aggregates, &self.dir, from, to)
    }

    /// The situations open at the last close on or before `night`.
    pub fn open_cases_at(&self, night: ServiceNight) -> Result<OpenCases> {
        open_cases_at(&self.aggregates, &self.dir, night)
    }

    /// The last night that was closed, else the last night recorded: reads from the end.
    pub fn last_closed_night(&self) -> Result<Option<ServiceNight>> {
        let mut last = None;
        for item in self.views.scan_prefix(keys::NIGHT_PREFIX).rev() {
            let n: NightRecord = self.row(item, "night")?;
            last.get_or_insert(n.night);
            if n.closed_at.is_some() {
                return Ok(Some(n.night));
            }
        }
        Ok(last)
    }

    /// The last night opened before `night` (the one whose carried-over requests it took).
    pub fn opened_night_before(&self, night: ServiceNight) -> Result<Option<NightRecord>> {
        let rows = self
            .views
            .range(keys::NIGHT_PREFIX.to_vec()..keys::night(night));
        for item in rows.rev() {
            let n: NightRecord = self.row(item, "night")?;
            if n.opened_at.is_some() {
                return Ok(Some(n));
            }
        }
        Ok(None)
    }

    /// The night records from `from` to `to` inclusive, in order.
    pub fn nights_between(&self, from: ServiceNight, to: ServiceNight) -> Result<Vec<NightRecord>> {
        if from > to {
            return Ok(Vec::new());
        }
        self.views
            .range(keys::night(from)..=keys::night(to))
            .map(|item| self.row(item, "night"))
            .collect()
    }
}

/// A facts record that does not read.
fn row_damage(dir: &Path) -> StoreError {
    StoreError::Damaged {
        path: dir.to_path_buf(),
        damage: Damage::Row {
            what: "aggregate".into(),
        },
        backup: None,
    }
}

pub(super) fn facts_between(
    tree: &sled::Tree,
    dir: &Path,
    from: ServiceNight,
    to: ServiceNight,
) -> Result<Vec<(ServiceNight, NightFacts)>> {
    if from > to {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    for item in tree.range(key(FACTS, from)..=key(FACTS, to)) {
        let (k, v) = item.map_err(|_| row_damage(dir))?;
        let night = night_of(&k).ok_or_else(|| row_damage(dir))?;
        out.push((night, unpack(&v)?));
    }
    Ok(out)
}

pub(super) fn open_cases_at(
    tree: &sled::Tree,
    dir: &Path,
    night: ServiceNight,
) -> Result<OpenCases> {
    match tree.range(OPEN.to_vec()..=key(OPEN, night)).next_back() {
        Some(item) => unpack(&item.map_err(|_| row_damage(dir))?.1),
        None => Ok(Vec::new()),
    }
}
