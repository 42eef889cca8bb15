//! Nights built through the real commands on a real store, at chosen instants.

use chrono::{DateTime, Utc};
use std::collections::BTreeMap;
use vigie::domain::Command;
use vigie::domain::calendar::ServiceNight;
use vigie::domain::command::{NewObservation, NewRequest};
use vigie::domain::ids::RequestId;
use vigie::domain::vocab::*;
use vigie::report::load::night_report;
use vigie::report::night::NightReport;
use vigie::report::redact::Redaction;
use vigie::store::Store;

/// An instant written with its offset, as the wall clock in Rennes read it.
pub fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s)
        .unwrap_or_else(|e| panic!("{s}: {e}"))
        .with_timezone(&Utc)
}

pub fn night(date: &str) -> ServiceNight {
    date.parse().expect("a date")
}

pub struct Desk {
    pub store: Store,
    /// Where the data directory lives; removed with the desk.
    pub tmp: tempfile::TempDir,
    /// Requests by the name the scenario gives them.
    pub named: BTreeMap<&'static str, RequestId>,
}

impl Desk {
    pub fn new() -> Desk {
        let tmp = tempfile::tempdir().expect("tempdir");
        let territory = vigie::territory::rennes().expect("the Rennes territory");
        let store = Store::open(&tmp.path().join("data"), territory).expect("store");
        Desk {
            store,
            tmp,
            named: BTreeMap::new(),
        }
    }

    #[track_caller]
    pub fn run(&mut self, when: &str, cmd: Command) {
        if let Err(e) = self.store.execute(&cmd, at(when)) {
            panic!("{cmd:?} at {when}: {e:?}");
        }
    }

    pub fn open(&mut self, when: &str, coordinator: &str, teams: &[(&str, [&str; 2])]) {
        self.run(
            when,
            Command::OpenNight {
                coordinator: coordinator.into(),
            },
        );
        for (team, members) in teams {
            self.run(
                when,
                Command::ComposeTeam {
                    team: team.to_string(),
                    members: members.iter().map(|m| m.to_string()).collect(),
                    equipment: None,
                },
            );
        }
    }

    /// A request; caller, callback and description are invented, personal data.
    #[allow(clippy::too_many_arguments)]
    pub fn receive(
        &mut self,
        name: &'static str,
        when: &str,
        site: &str,
        category: Category,
        priority: Priority,
        source: Source,
        personal: (Option<&str>, Option<&str>, Option<&str>),
    ) {
        let next = RequestId(self.store.state().counters.request);
        self.run(
            when,
            Command::ReceiveRequest(NewRequest {
                address: None,
                entrance: None,
                source,
                site: site.into(),
                category,
                priority,
                caller_name: personal.0.map(str::to_string),
                callback: personal.1.map(str::to_string),
                description: personal.2.map(str::to_string),
            }),
        );
        self.named.insert(name, next);
    }

    pub fn id(&self, name: &str) -> RequestId {
        self.named[name]
    }

    pub fn dispatch(&mut self, when: &str, name: &str, team: &str) {
        let request = self.id(name);
        self.run(
            when,
            Command::Dispatch {
                request,
                team: team.into(),
            },
        );
    }

    pub fn arrive(&mut self, when: &str, team: &str) {
        self.run(when, Command::Arrive { team: team.into() });
    }

    pub fn observe(
        &mut self,
        when: &str,
        kind: ObservationKind,
        site: Option<&str>,
        district: Option<&str>,
        note: Option<&str>,
    ) {
        self.run(
            when,
            Command::RecordObservation(NewObservation {
                kind,
                site: site.map(str::to_string),
                district: district.map(str::to_string),
                team: Some("E2".into()),
                note: note.map(str::to_string),
                entrance: None,
                address: None,
                request: None,
            }),
        );
    }

    pub fn note_and_close(&mut self, when: &str, parts: [&str; 3]) {
        self.run(
            when,
            Command::WriteHandover {
                situation: parts[0].into(),
                actions: parts[1].into(),
                needs: parts[2].into(),
            },
        );
        self.run(when, Command::CloseNight);
    }

    pub fn report(&self, date: &str, redaction: Redaction) -> NightReport {
        night_report(&self.store, night(date), redaction)
            .expect("the store reads")
            .expect("the night exists")
    }
}

/// The count of one key in a count table.
pub fn count<K: PartialEq + std::fmt::Debug>(
    items: &[vigie::report::night::Count<K>],
    key: K,
) -> u32 {
    items
        .iter()
        .find(|c| c.key == key)
        .unwrap_or_else(|| panic!("{key:?} not listed"))
        .count
}

pub fn place(items: &[vigie::report::night::PlaceCount], id: &str) -> u32 {
    items
        .iter()
        .find(|c| c.id == id)
        .unwrap_or_else(|| panic!("{id} not listed"))
        .count
}

/// Minutes as seconds, for expected durations.
pub fn min(m: i64) -> Option<i64> {
    Some(m * 60)
}

impl Desk {
    /// Closes the store (releasing its lock) and gives the data directory, for the binary.
    pub fn into_data_dir(self) -> (tempfile::TempDir, std::path::PathBuf) {
        let dir = self.store.dir().to_path_buf();
        drop(self.store);
        (self.tmp, dir)
    }
}
