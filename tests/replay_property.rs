//! Replaying the journal gives the live state (DESIGN.md). Random nights, mostly made of
//! commands that are valid at that moment and some that are not, go through a console and
//! its seam to a real store — the console, a projection of what each commit wrote, must stay
//! equal to the store at every step; then the journal is replayed, checked, reopened,
//! exported and imported elsewhere, and every path must lead to the same state.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use proptest::prelude::*;
use std::io::Cursor;
use std::path::Path;
use vigie::app::{AppState, Effect, perform};
use vigie::domain::calendar::ServiceNight;
use vigie::domain::command::{CaseLink, Clearance, Correction, NewObservation, NewRequest};
use vigie::domain::event::{Envelope, Event};
use vigie::domain::handover::Scope;
use vigie::domain::ids::{CaseId, PersonalId, RequestId};
use vigie::domain::reference::Territory;
use vigie::domain::vocab::*;
use vigie::domain::{Command, State, decide, execute};
use vigie::i18n::Lang;
use vigie::i18n::notice::Notice;
use vigie::runtime::{StoreDesk, opening};
use vigie::store::{ExportRange, Store};

// ---------------------------------------------------------------------------------------------
// Words a coordinator types, personal data included (it must survive export and import).
// ---------------------------------------------------------------------------------------------

const NAMES: &[&str] = &[
    "Mme Zélie Quimper",
    "M. Dorval",
    "Jean-Yves Le Goff",
    "Aminata",
];
const PHONES: &[&str] = &[
    "06 12 34 56 78",
    "+33 7 11 22 33 44",
    "0033299887766",
    "02.99.00.11.22",
];
const TEXTS: &[&str] = &[
    "Bruit de fête au 4e étage",
    "Jeunes dans le hall B, le ton monte",
    "  Personne âgée seule, inquiète  ",
    "Porte du hall forcée, « encore » d'après la gardienne",
];
const SETTABLE: &[TeamStatus] = &[
    TeamStatus::Available,
    TeamStatus::ActivePresence,
    TeamStatus::Break,
    TeamStatus::ReturnToBase,
    TeamStatus::OffDuty,
];

fn territory() -> Territory {
    vigie::territory::rennes().expect("the Rennes territory loads")
}

/// Professional texts (handover notes, instructions): kept in the journal, unlike `TEXTS`.
const NOTES: &[&str] = &[
    "Nuit calme sur Maurepas",
    "Astreinte du bailleur à rappeler demain",
    "Passages réguliers devant les halls",
];

fn pick<T: Clone>(items: &[T], n: impl Into<u64>) -> T {
    items[(n.into() % items.len() as u64) as usize].clone()
}

fn local(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s)
        .map(|d| d.with_timezone(&Utc))
        .expect("test instant")
}

// ---------------------------------------------------------------------------------------------
// A step of the random night: the numbers that choose what the coordinator does next.
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy)]
struct Step {
    pick: u8,
    a: u16,
    b: u16,
    c: u16,
    flags: u8,
    minutes: u8,
    invalid: bool,
}

impl Step {
    fn flag(&self, bit: u8) -> bool {
        self.flags & (1 << bit) != 0
    }
    fn opt<T: Clone>(&self, bit: u8, items: &[T], n: u16) -> Option<T> {
        self.flag(bit).then(|| pick(items, n))
    }
}

fn step() -> impl Strategy<Value = Step> {
    (
        any::<u8>(),
        any::<u16>(),
        any::<u16>(),
        any::<u16>(),
        any::<u8>(),
        1u8..=25,
        prop::bool::weighted(0.12),
    )
        .prop_map(|(pick, a, b, c, flags, minutes, invalid)| Step {
            pick,
            a,
            b,
            c,
            flags,
            minutes,
            invalid,
        })
}

// ---------------------------------------------------------------------------------------------
// What is valid now: the commands a coordinator could give in this state.
// ---------------------------------------------------------------------------------------------

fn position(t: &Territory, n: u16) -> Option<Position> {
    match n % 4 {
        0 => None,
        1 => Some(Position::Base),
        2 => Some(Position::Site(pick(&t.sites, n / 4).id)),
        _ => Some(Position::District(pick(&t.districts, n / 4).id)),
    }
}

fn partner(t: &Territory, n: u16) -> String {
    pick(&t.partners, n).id
}

/// Adding, extending and ending instructions and watch points, valid at `now`.
fn instruction_commands(
    s: &State,
    t: &Territory,
    st: &Step,
    now: DateTime<Utc>,
    out: &mut Vec<Command>,
) {
    let today = vigie::domain::calendar::local_date(now);
    let later = today + Duration::days(i64::from(st.c % 20));
    if st.a.is_multiple_of(9) {
        let kind = pick(InstructionKind::ALL, st.b);
        out.push(Command::AddInstruction {
            kind,
            scope: match st.c % 3 {
                0 => Scope::Territory,
                1 => Scope::District(pick(&t.districts, st.a).id),
                _ => Scope::Site(pick(&t.sites, st.b).id),
            },
            text: pick(NOTES, st.a).to_string(),
            until: (kind == InstructionKind::Temporary || st.b.is_multiple_of(2)).then_some(later),
        });
    }
    let live: Vec<&vigie::domain::handover::Instruction> = s
        .instructions
        .values()
        .filter(|i| i.ended_at.is_none())
        .collect();
    if !live.is_empty() && st.b.is_multiple_of(7) {
        let i = pick(&live, st.c);
        out.push(if st.a.is_multiple_of(2) {
            Command::EndInstruction { instruction: i.id }
        } else {
            Command::ExtendInstruction {
                instruction: i.id,
                until: Some(later),
            }
        });
    }
}

fn valid_commands(s: &State, t: &Territory, st: &Step, now: DateTime<Utc>) -> Vec<Command> {
    let mut out = Vec::new();
    let erasable = |out: &mut Vec<Command>| {
        if s.counters.personal > 0 {
            out.push(Command::ErasePersonal {
                personal: PersonalId(u64::from(st.c) % s.counters.personal),
                reason: pick(ErasureReason::ALL, st.b),
            });
        }
    };
    // Instructions live across nights.
    instruction_commands(s, t, st, now, &mut out);
    let Some(night) = s.open_night() else {
        if s.handover
            .as_ref()
            .is_some_and(|h| h.acknowledged.is_none())
            && st.c.is_multiple_of(2)
        {
            out.push(Command::AcknowledgeHandover {
                coordinator: pick(&t.coordinators, st.b).id,
            });
        }
        out.push(Command::OpenNight {
            coordinator: pick(&t.coordinators, st.a).id,
        });
        if st.b.is_multiple_of(5) {
            erasable(&mut out);
        }
        return out;
    };
    // A night closes only once every team is back (a team still out is recalled first) and
    // every open request is decided (carried over, here).
    let out_team = s.teams.values().find(|t| t.assignment.is_some());
    let undecided = s.requests.values().find(|r| {
        !r.status.is_terminal() && r.team.is_none() && r.carried_over.last() != Some(&night.night)
    });
    let close = match (out_team, undecided) {
        (Some(t), _) => Command::Recall {
            team: t.call_sign.clone(),
        },
        (None, Some(r)) => Command::CarryOver { request: r.id },
        (None, None) => Command::CloseNight,
    };
    // Past 03:00 the night is closed, whatever was picked.
    if now > night.night.end() + Duration::hours(1) {
        return vec![close];
    }
    if st.a.is_multiple_of(16) {
        out.push(close);
    }
    if st.b.is_multiple_of(11) {
        out.push(Command::WriteHandover {
            situation: pick(NOTES, st.a).to_string(),
            actions: String::new(),
            needs: pick(NOTES, st.c).to_string(),
        });
    }
    out.push(Command::ChangeCoordinator {
        coordinator: pick(&t.coordinators, st.b).id,
    });

    // Teams.
    let busy: Vec<&String> = s
        .teams
        .values()
        .filter(|t| t.status() != TeamStatus::OffDuty)
        .flat_map(|t| &t.members)
        .collect();
    let free: Vec<String> = t
        .mediators
        .iter()
        .map(|m| m.id.clone())
        .filter(|m| !busy.contains(&m))
        .collect();
    if free.len() >= 2 {
        let call_sign = (1..)
            .map(|i| format!("E{i}"))
            .find(|c| !s.teams.contains_key(c))
            .unwrap_or_default();
        let size = if free.len() >= 3 && st.b.is_multiple_of(2) {
            3
        } else {
            2
        };
        let start = usize::from(st.a) % free.len();
        let members = (0..size)
            .map(|i| free[(start + i) % free.len()].clone())
            .collect();
        let cmd = Command::ComposeTeam {
            team: call_sign,
            members,
            equipment: st
                .opt(0, &["Kangoo 2", " Clio 1, téléphone 3 "], st.c)
                .map(String::from),
        };
        out.push(cmd.clone());
        if s.teams.len() < 3 {
            out.push(cmd);
        }
    }
    let teams: Vec<&vigie::domain::state::Team> = s.teams.values().collect();
    if !teams.is_empty() {
        let team = pick(&teams, st.a);
        // An off-duty team comes back only if none of its members joined another team.
        let members_free =
            team.status() != TeamStatus::OffDuty || !team.members.iter().any(|m| busy.contains(&m));
        let status = pick(SETTABLE, st.b);
        // A status the team already has (at the same place) writes nothing: refused.
        let at = position(t, st.c);
        let same = team.status() == status && at.as_ref().is_none_or(|p| *p == team.position);
        if team.assignment.is_none() && (members_free || status == TeamStatus::OffDuty) && !same {
            out.push(Command::SetTeamStatus {
                team: team.call_sign.clone(),
                status,
                position: at,
            });
        }
        out.push(Command::UpdatePosition {
            team: team.call_sign.clone(),
            position: position(t, st.c).unwrap_or(Position::Base),
        });
        out.push(Command::RecordContact {
            team: team.call_sign.clone(),
        });
        // A check-in with its word; a step of a missed one while the team is out, silent.
        let word = pick(vigie::domain::safety::CheckInWord::ALL, st.c);
        if team.status() != TeamStatus::OffDuty || word == vigie::domain::safety::CheckInWord::Ras {
            out.push(Command::CheckIn {
                team: team.call_sign.clone(),
                word,
            });
        }
        let silent = (now - team.last_contact).num_minutes();
        let step = vigie::domain::safety::MissedStep::Amber;
        if vigie::domain::safety::is_watched(team.status()) && silent >= 1 && team.missed.is_none()
        {
            out.push(Command::MissCheckIn {
                team: team.call_sign.clone(),
                step,
                minutes: silent as u32,
            });
        }
    }

    // Requests.
    let receive = Command::ReceiveRequest(NewRequest {
        address: None,
        entrance: None,
        source: pick(Source::ALL, st.a),
        site: pick(&t.sites, st.b).id,
        category: pick(Category::ALL, st.c),
        priority: pick(Priority::ALL, st.a / 7),
        caller_name: st.opt(1, NAMES, st.b / 3).map(String::from),
        callback: st.opt(2, PHONES, st.c / 3).map(String::from),
        description: st.opt(3, TEXTS, st.a / 3).map(String::from),
    });
    out.push(receive.clone());
    out.push(receive);
    let all: Vec<&vigie::domain::state::Request> = s.requests.values().collect();
    let waiting: Vec<RequestId> = all
        .iter()
        .filter(|r| !r.status.is_terminal() && r.team.is_none())
        .map(|r| r.id)
        .collect();
    let unlinked: Vec<RequestId> = all
        .iter()
        .filter(|r| r.case.is_none())
        .map(|r| r.id)
        .collect();
    if !all.is_empty() {
        let r = pick(&all, st.c);
        let next = |i: usize, len: usize, n: u16| (i + 1 + usize::from(n) % (len - 1)) % len;
        let pos = |v: &[Priority], x| v.iter().position(|p| *p == x).unwrap_or(0);
        out.push(Command::CorrectRequest(Correction {
            entrance: None,
            request: r.id,
            source: None,
            site: st.flag(4).then(|| pick(&t.sites, st.a).id),
            category: None,
            priority: Some(Priority::ALL[next(pos(Priority::ALL, r.priority), 4, st.b)]),
        }));
    }
    let ready: Vec<&&vigie::domain::state::Team> = teams
        .iter()
        .filter(|t| t.assignment.is_none() && t.status() != TeamStatus::OffDuty)
        .collect();
    if !waiting.is_empty() && !ready.is_empty() {
        let cmd = Command::Dispatch {
            request: pick(&waiting, st.a),
            team: pick(&ready, st.b).call_sign.clone(),
        };
        out.extend([cmd.clone(), cmd.clone(), cmd]);
    }
    if !waiting.is_empty() {
        let request = pick(&waiting, st.b);
        out.push(match st.c % 3 {
            0 => Command::Relay {
                request,
                partner: partner(t, st.a),
                note: st.opt(5, TEXTS, st.a).map(String::from),
            },
            1 => Command::Dismiss {
                request,
                reason: pick(DismissReason::ALL, st.a),
            },
            _ => Command::Cancel { request },
        });
    }
    let assigned: Vec<&&vigie::domain::state::Team> =
        teams.iter().filter(|t| t.assignment.is_some()).collect();
    if !assigned.is_empty() {
        let team = pick(&assigned, st.a);
        let call_sign = team.call_sign.clone();
        match team.status() {
            TeamStatus::EnRoute => {
                let arrive = Command::Arrive {
                    team: call_sign.clone(),
                };
                out.extend([arrive.clone(), arrive.clone(), arrive]);
            }
            TeamStatus::OnSite => {
                let clear = clearance(s, t, st, team);
                out.extend([clear.clone(), clear.clone(), clear]);
            }
            _ => {}
        }
        out.push(Command::Recall { team: call_sign });
    }

    // Situations.
    out.push(Command::OpenCase {
        site: pick(&t.sites, st.c).id,
        category: pick(Category::ALL, st.b),
        request: if st.flag(6) && !unlinked.is_empty() {
            Some(pick(&unlinked, st.a))
        } else {
            None
        },
    });
    let open_cases: Vec<CaseId> = s
        .cases
        .values()
        .filter(|c| c.state != CaseState::Closed)
        .map(|c| c.id)
        .collect();
    if !open_cases.is_empty() {
        let case = pick(&open_cases, st.a);
        if !unlinked.is_empty() {
            out.push(Command::LinkToCase {
                case,
                request: pick(&unlinked, st.b),
            });
        }
        out.push(match st.c % 3 {
            0 => Command::RecordCaseStep {
                case,
                level: pick(ResponseLevel::ALL, st.b),
                note: st.opt(5, TEXTS, st.b).map(String::from),
            },
            1 => {
                let current = s.cases[&case].state;
                let others: Vec<CaseState> = CaseState::ALL
                    .iter()
                    .copied()
                    .filter(|x| *x != current)
                    .collect();
                Command::SetCaseState {
                    case,
                    state: pick(&others, st.b),
                }
            }
            _ => Command::SetFollowUp {
                case,
                date: st
                    .flag(5)
                    .then(|| now.date_naive() + Duration::days(i64::from(st.b % 30))),
            },
        });
    }

    // Logbook, watch, erasure.
    out.push(Command::AddLogEntry {
        text: pick(TEXTS, st.b).into(),
    });
    let district = st.flag(4).then(|| pick(&t.districts, st.c).id);
    out.push(Command::RecordObservation(NewObservation {
        kind: pick(ObservationKind::ALL, st.a),
        site: if st.flag(3) || district.is_none() {
            Some(pick(&t.sites, st.b).id)
        } else {
            None
        },
        district,
        team: if st.flag(6) && !teams.is_empty() {
            Some(pick(&teams, st.c).call_sign.clone())
        } else {
            None
        },
        note: st.opt(7, TEXTS, st.c).map(String::from),
        entrance: None,
        address: None,
        request: None,
    }));
    if st.a.is_multiple_of(6) {
        erasable(&mut out);
    }
    out
}

/// A clearance a coordinator could give for the team on site.
fn clearance(s: &State, t: &Territory, st: &Step, team: &vigie::domain::state::Team) -> Command {
    let level = pick(ResponseLevel::ALL, st.a);
    let outcome = pick(Outcome::ALL, st.b);
    let needs_relay = level == ResponseLevel::Relay || outcome == Outcome::Relayed;
    let relays = if needs_relay || st.c.is_multiple_of(3) {
        let n = 1 + usize::from(st.c % 2);
        (0..n)
            .map(|i| partner(t, st.a.wrapping_add(i as u16)))
            .collect()
    } else {
        Vec::new()
    };
    let referrals = if st.c.is_multiple_of(4) {
        vec![partner(t, st.b)]
    } else {
        Vec::new()
    };
    let request = team.assignment.map(|(r, _)| &s.requests[&r]);
    let linked = request.and_then(|r| r.case);
    let fits: Vec<CaseId> = s
        .cases
        .values()
        .filter(|c| c.state != CaseState::Closed && linked.is_none_or(|l| l == c.id))
        .map(|c| c.id)
        .collect();
    let case = match st.c % 4 {
        1 if linked.is_none() => CaseLink::New,
        2 if !fits.is_empty() => CaseLink::Existing(pick(&fits, st.a)),
        _ => CaseLink::None,
    };
    Command::Clear(Clearance {
        team: team.call_sign.clone(),
        level,
        outcome,
        relays,
        referrals,
        note: st.opt(0, TEXTS, st.c).map(String::from),
        case,
    })
}

/// Commands refused in any state (each for one reason or another).
fn invalid_command(s: &State, t: &Territory, st: &Step) -> Command {
    let some_request = s.requests.keys().next().copied().unwrap_or(RequestId(0));
    let some_team = s
        .teams
        .keys()
        .next()
        .cloned()
        .unwrap_or_else(|| "E1".into());
    let some_case = s.cases.values().next();
    match st.pick % 14 {
        0 => Command::ReceiveRequest(NewRequest {
            address: None,
            entrance: None,
            source: Source::Resident,
            site: "nulle-part".into(),
            category: Category::Noise,
            priority: Priority::P3,
            caller_name: None,
            callback: None,
            description: None,
        }),
        1 => Command::Dispatch {
            request: RequestId(1_000_000 + u64::from(st.a)),
            team: some_team,
        },
        2 => Command::ErasePersonal {
            personal: PersonalId(s.counters.personal + u64::from(st.a)),
            reason: ErasureReason::Retention,
        },
        3 => Command::AddLogEntry {
            text: " \t ".into(),
        },
        4 => Command::RecordObservation(NewObservation {
            kind: ObservationKind::Door,
            site: None,
            district: None,
            team: None,
            note: Some("sans lieu".into()),
            entrance: None,
            address: None,
            request: None,
        }),
        5 => Command::ComposeTeam {
            team: "  ".into(),
            members: vec![pick(&t.mediators, st.a).id, pick(&t.mediators, st.b).id],
            equipment: None,
        },
        6 => Command::Relay {
            request: some_request,
            partner: "personne".into(),
            note: None,
        },
        7 => Command::Clear(Clearance {
            team: "ZZ".into(),
            level: ResponseLevel::Presence,
            outcome: Outcome::Calmed,
            relays: vec![],
            referrals: vec![],
            note: None,
            case: CaseLink::None,
        }),
        8 => Command::CorrectRequest(Correction {
            entrance: None,
            request: some_request,
            source: None,
            site: None,
            category: None,
            priority: None,
        }),
        9 => Command::SetCaseState {
            case: some_case.map_or(CaseId(999), |c| c.id),
            state: some_case.map_or(CaseState::Open, |c| c.state),
        },
        10 => Command::ReceiveRequest(NewRequest {
            address: None,
            entrance: None,
            source: Source::Resident,
            site: pick(&t.sites, st.a).id,
            category: Category::Noise,
            priority: Priority::P3,
            caller_name: None,
            callback: Some("12 34".into()),
            description: None,
        }),
        11 => Command::SetTeamStatus {
            team: some_team,
            status: if st.flag(0) {
                TeamStatus::EnRoute
            } else {
                TeamStatus::OnSite
            },
            position: None,
        },
        12 if s.open_night().is_some() => Command::OpenNight {
            coordinator: pick(&t.coordinators, st.a).id,
        },
        12 => Command::CloseNight,
        _ => Command::ComposeTeam {
            team: "E9".into(),
            members: vec![pick(&t.mediators, st.a).id],
            equipment: None,
        },
    }
}

// ---------------------------------------------------------------------------------------------
// The driver: a real store, and the pure domain run beside it as a model.
// ---------------------------------------------------------------------------------------------

struct Driver {
    territory: Territory,
    /// The console, working on the store through the runtime's own seam.
    app: AppState,
    desk: StoreDesk,
    model: State,
    now: DateTime<Utc>,
    accepted: usize,
    refused: usize,
}

impl Driver {
    fn new(dir: &Path, start: DateTime<Utc>) -> Driver {
        let territory = territory();
        let store = Store::open(dir, territory.clone()).expect("a new store opens");
        let app = AppState::new(Lang::Fr, State::default(), territory.clone(), start);
        Driver {
            territory,
            app,
            desk: StoreDesk::new(store, Lang::Fr),
            model: State::default(),
            now: start,
            accepted: 0,
            refused: 0,
        }
    }

    fn store(&self) -> &Store {
        self.desk.store()
    }

    /// Commits through the console's seam, as a key does; the console must then be the
    /// store's projection.
    fn commit(&mut self, cmd: &Command) {
        self.app.now = self.now;
        let effects = vec![Effect::Commit(vec![cmd.clone()])];
        perform(&mut self.app, &mut self.desk, effects, self.now);
        assert_eq!(
            &self.app.domain,
            self.desk.store().state(),
            "console = store"
        );
    }

    /// A command that must be accepted: the store and the pure domain agree on its events.
    fn accept(&mut self, cmd: &Command) -> Vec<Envelope> {
        let before = self.store().last_seq();
        self.commit(cmd);
        let last = self.store().last_seq();
        if last == before {
            panic!("{cmd:?} at {} was refused: {:?}", self.now, self.app.notice);
        }
        let envs: Vec<Envelope> = self
            .store()
            .envelopes(before + 1, last)
            .collect::<Result<_, _>>()
            .expect("the journal reads");
        let (model, _) = execute(&mut self.model, &self.territory, cmd, self.now)
            .expect("the pure domain accepts what the store accepted");
        assert_eq!(envs, model, "store and domain write the same events");
        assert_eq!(self.store().state(), &self.model);
        assert!(!envs.is_empty());
        self.accepted += 1;
        envs
    }

    /// A command that must be refused: nothing moves.
    fn refuse(&mut self, cmd: &Command) {
        let before = self.store().state().clone();
        self.commit(cmd);
        match &self.app.notice {
            Some(Notice::Refused(r)) => {
                let model = decide(&self.model, &self.territory, cmd, self.now);
                assert_eq!(model, Err(r.clone()), "store and domain refuse alike");
            }
            other => panic!("{cmd:?} should be refused: {other:?}"),
        }
        assert_eq!(self.store().state(), &before, "a refusal changes nothing");
        self.refused += 1;
    }

    fn step(&mut self, st: &Step) {
        self.now += Duration::minutes(i64::from(st.minutes));
        // After a closed night, the clock goes to the next evening (sometimes a few later).
        if let Some(last) = self.store().state().night.as_ref().filter(|n| !n.is_open())
            && ServiceNight::of(self.now) <= last.night
        {
            let mut next = last.night.next_service();
            for _ in 0..st.c % 3 {
                next = next.next_service();
            }
            self.now =
                next.start() - Duration::minutes(45) + Duration::minutes(i64::from(st.a % 150));
        }
        if st.invalid {
            let cmd = invalid_command(self.store().state(), &self.territory, st);
            self.refuse(&cmd);
        } else {
            let cands = valid_commands(self.store().state(), &self.territory, st, self.now);
            let cmd = pick(&cands, st.pick);
            self.accept(&cmd);
        }
    }

    fn events(&self) -> Vec<Envelope> {
        self.store()
            .envelopes(1, self.store().last_seq())
            .collect::<Result<_, _>>()
            .expect("the journal reads")
    }

    /// Replay, check, export/import into another store, then reopen: one state everywhere.
    fn assert_everything_agrees(self, dir: &Path, other_dir: &Path) {
        let Driver {
            territory,
            app,
            desk,
            model,
            now,
            ..
        } = self;
        let store = desk.into_store();
        let live = store.state().clone();
        assert_eq!(live, model);
        // A console opened now on the store sees what the working one shows.
        let (fresh, unread) = opening(&store, Lang::Fr);
        assert_eq!(unread, None);
        let fresh = AppState::open(Lang::Fr, territory.clone(), now, fresh);
        assert_eq!(fresh.domain, app.domain);
        assert_eq!(
            fresh
                .nights
                .shown(&fresh.domain)
                .map(|(r, e)| (r.clone(), e.to_vec())),
            app.nights
                .shown(&app.domain)
                .map(|(r, e)| (r.clone(), e.to_vec())),
            "the handover's night and its events"
        );

        // (a) the journal replayed from zero
        let journal: Vec<Envelope> = store
            .envelopes(1, store.last_seq())
            .collect::<Result<_, _>>()
            .expect("the journal reads");
        assert_eq!(journal.len() as u64, live.last_seq);
        let mut replayed = State::default();
        for (i, env) in journal.iter().enumerate() {
            assert_eq!(env.seq, i as u64 + 1, "no gap in the journal");
            replayed.apply(env);
        }
        assert_eq!(replayed, live, "replay equals the live state");
        for env in &journal {
            let json = serde_json::to_string(env).expect("serialise");
            for text in NAMES.iter().chain(PHONES).chain(TEXTS) {
                assert!(!json.contains(text.trim()), "{text:?} in the journal");
            }
        }

        // (b) the store's own check
        let report = store.check().expect("check runs");
        assert!(report.is_ok(), "check: {:?}", report.differences);
        assert_eq!(report.events, live.last_seq);

        // (d) export, then import into an empty store
        let mut bytes = Vec::new();
        let summary = store
            .export(&mut bytes, ExportRange::default(), false, now)
            .expect("export");
        assert_eq!(summary.events, live.last_seq);
        {
            let mut copy = Store::open(other_dir, territory.clone()).expect("second store");
            if live.last_seq > 0 {
                let imported = copy
                    .import(|| Ok(Cursor::new(bytes.clone())))
                    .expect("import runs")
                    .expect("import accepted");
                assert_eq!(imported.events, summary.events);
                assert_eq!(imported.personal, summary.personal);
            }
            assert_eq!(copy.state(), &live, "the imported store has the same state");
            let report = copy.check().expect("check runs");
            assert!(
                report.is_ok(),
                "check after import: {:?}",
                report.differences
            );
            assert_eq!(copy.personal_count(), store.personal_count());
            let mut again = Vec::new();
            copy.export(&mut again, ExportRange::default(), false, now)
                .expect("export of the copy");
            assert_eq!(
                String::from_utf8_lossy(&again),
                String::from_utf8_lossy(&bytes),
                "the copy exports the same journal"
            );
        }

        // (c) close and reopen
        drop(store);
        let reopened = Store::open(dir, territory).expect("reopen");
        assert_eq!(reopened.state(), &live, "reopening gives the same state");
        let report = reopened.check().expect("check runs");
        assert!(
            report.is_ok(),
            "check after reopening: {:?}",
            report.differences
        );
    }
}

const STARTS: &[&str] = &[
    // Thursday before the spring change (Saturday's night crosses 02:00 → 03:00).
    "2026-03-26T20:40:00+01:00",
    // Thursday before the autumn change.
    "2026-10-22T20:50:00+02:00",
    // An ordinary Monday.
    "2026-11-30T21:00:00+01:00",
];

fn run_random(start: u8, steps: &[Step]) {
    let dirs = (tempfile::tempdir(), tempfile::tempdir());
    let (Ok(dir), Ok(other)) = dirs else {
        panic!("temporary directories");
    };
    let mut driver = Driver::new(dir.path(), local(pick(STARTS, start)));
    for st in steps {
        driver.step(st);
    }
    assert_eq!(driver.accepted + driver.refused, steps.len());
    let kinds: std::collections::BTreeSet<&str> =
        driver.events().iter().map(|e| e.event.kind()).collect();
    let nights = driver
        .events()
        .iter()
        .filter(|e| matches!(e.event, Event::NightOpened { .. }))
        .count();
    eprintln!(
        "STATS acc={} ref={} nights={} kinds={} {:?}",
        driver.accepted,
        driver.refused,
        nights,
        kinds.len(),
        kinds
    );
    driver.assert_everything_agrees(dir.path(), other.path());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn replaying_the_journal_gives_the_live_state(
        start in any::<u8>(),
        steps in prop::collection::vec(step(), 1..70),
    ) {
        run_random(start, &steps);
    }
}

// ---------------------------------------------------------------------------------------------
// A long scripted sequence over three nights that uses every command.
// ---------------------------------------------------------------------------------------------

fn call(site: &str, n: usize) -> Command {
    Command::ReceiveRequest(NewRequest {
        address: None,
        entrance: None,
        source: Source::ALL[n % Source::ALL.len()],
        site: site.into(),
        category: Category::ALL[n % Category::ALL.len()],
        priority: Priority::ALL[n % 4],
        caller_name: (n.is_multiple_of(2)).then(|| NAMES[n % NAMES.len()].into()),
        callback: (n.is_multiple_of(3)).then(|| PHONES[n % PHONES.len()].into()),
        description: (n % 4 != 1).then(|| TEXTS[n % TEXTS.len()].into()),
    })
}

fn received(envs: &[Envelope]) -> RequestId {
    match envs.first().map(|e| &e.event) {
        Some(Event::RequestReceived { request, .. }) => *request,
        other => panic!("expected a received request, got {other:?}"),
    }
}

#[test]
fn three_scripted_nights_replay_export_import_and_reopen_to_the_same_state() {
    let (Ok(dir), Ok(other)) = (tempfile::tempdir(), tempfile::tempdir()) else {
        panic!("temporary directories");
    };
    let mut d = Driver::new(dir.path(), local("2026-11-30T20:50:00+01:00"));
    let sites: Vec<String> = d.territory.sites.iter().map(|s| s.id.clone()).collect();
    let coordinators = ["nadia-b", "yannick-l", "claire-m"];
    let crews = [
        [
            ["samir-k", "gwenaelle-p"],
            ["thomas-r", "aicha-d"],
            ["loic-m", "fatou-s"],
        ],
        [
            ["erwan-g", "ines-h"],
            ["mathieu-c", "lea-t"],
            ["moussa-n", "samir-k"],
        ],
        [
            ["gwenaelle-p", "thomas-r"],
            ["aicha-d", "loic-m"],
            ["fatou-s", "erwan-g"],
        ],
    ];
    let mut case: Option<CaseId> = None;
    let mut n = 0usize;
    for (night, crew) in crews.iter().enumerate() {
        d.accept(&Command::OpenNight {
            coordinator: coordinators[night].into(),
        });
        for (i, members) in crew.iter().enumerate() {
            d.accept(&Command::ComposeTeam {
                team: format!("E{}", i + 1),
                members: members.iter().map(|m| m.to_string()).collect(),
                equipment: (i == 0).then(|| "Kangoo 2".into()),
            });
        }
        d.accept(&Command::SetTeamStatus {
            team: "E3".into(),
            status: TeamStatus::ActivePresence,
            position: Some(Position::District("le-blosne".into())),
        });
        for round in 0..8 {
            d.now += Duration::minutes(9);
            n += 1;
            let a = received(&d.accept(&call(&sites[n % sites.len()], n)));
            n += 1;
            let b = received(&d.accept(&call(&sites[n % sites.len()], n)));
            d.accept(&Command::CorrectRequest(Correction {
                entrance: None,
                request: b,
                source: None,
                site: None,
                category: None,
                // b came in with priority `n % 4`: move it one step.
                priority: Some(Priority::ALL[(n + 1) % 4]),
            }));
            d.accept(&Command::Dispatch {
                request: a,
                team: "E1".into(),
            });
            d.accept(&Command::Dispatch {
                request: b,
                team: "E2".into(),
            });
            d.now += Duration::minutes(6);
            d.accept(&Command::UpdatePosition {
                team: "E1".into(),
                position: Position::Site(sites[(n + 3) % sites.len()].clone()),
            });
            d.accept(&Command::RecordContact { team: "E2".into() });
            d.accept(&Command::Arrive { team: "E1".into() });
            if round % 3 == 0 {
                d.accept(&Command::Recall { team: "E2".into() });
                let close = match round % 2 {
                    0 => Command::Relay {
                        request: b,
                        partner: "police-17".into(),
                        note: Some(TEXTS[round % TEXTS.len()].into()),
                    },
                    _ => Command::Dismiss {
                        request: b,
                        reason: DismissReason::Unreachable,
                    },
                };
                d.accept(&close);
            } else {
                d.accept(&Command::Arrive { team: "E2".into() });
                d.accept(&Command::Clear(Clearance {
                    team: "E2".into(),
                    level: ResponseLevel::Referral,
                    outcome: Outcome::Referred,
                    relays: vec![],
                    referrals: vec!["ccas-rennes".into()],
                    note: None,
                    case: CaseLink::None,
                }));
            }
            d.now += Duration::minutes(7);
            let link = match (round, case) {
                (0, None) => CaseLink::New,
                (_, Some(c)) if round % 2 == 1 => CaseLink::Existing(c),
                _ => CaseLink::None,
            };
            let envs = d.accept(&Command::Clear(Clearance {
                team: "E1".into(),
                level: if round % 4 == 3 {
                    ResponseLevel::Relay
                } else {
                    ResponseLevel::Mediation
                },
                outcome: if round % 4 == 3 {
                    Outcome::Relayed
                } else {
                    Outcome::MediationToContinue
                },
                relays: if round % 4 == 3 {
                    vec!["astreinte-archipel".into(), "cdas-maurepas".into()]
                } else {
                    vec![]
                },
                referrals: vec![],
                note: Some(TEXTS[n % TEXTS.len()].into()),
                case: link,
            }));
            for env in &envs {
                if let Event::CaseOpened { case: c, .. } = env.event {
                    case = Some(c);
                }
            }
        }
        // Two requests stay open into the next night; one is cancelled.
        n += 1;
        let left = received(&d.accept(&call(&sites[n % sites.len()], n)));
        n += 1;
        let gone = received(&d.accept(&call(&sites[n % sites.len()], n)));
        d.accept(&Command::Cancel { request: gone });
        let c = case.expect("a situation was opened");
        d.accept(&Command::LinkToCase {
            case: c,
            request: left,
        });
        d.accept(&Command::RecordCaseStep {
            case: c,
            level: ResponseLevel::FirmReminder,
            note: Some("Rappel du règlement, famille prévenue".into()),
        });
        d.accept(&Command::SetCaseState {
            case: c,
            state: if night % 2 == 0 {
                CaseState::Watch
            } else {
                CaseState::Open
            },
        });
        d.accept(&Command::SetFollowUp {
            case: c,
            date: NaiveDate::from_ymd_opt(2026, 12, 10 + night as u32),
        });
        let spare = d.accept(&Command::OpenCase {
            site: sites[night].clone(),
            category: Category::Damage,
            request: Some(gone),
        });
        if let Some(Event::CaseOpened { case: spare, .. }) = spare.first().map(|e| &e.event) {
            d.accept(&Command::SetCaseState {
                case: *spare,
                state: CaseState::Closed,
            });
        }
        d.accept(&Command::AddLogEntry {
            text: "Relève : rien à signaler".into(),
        });
        d.accept(&Command::RecordObservation(NewObservation {
            kind: ObservationKind::Lighting,
            site: Some(sites[night + 5].clone()),
            district: None,
            team: Some("E3".into()),
            note: Some(TEXTS[night].into()),
            entrance: None,
            address: None,
            request: None,
        }));
        d.accept(&Command::ChangeCoordinator {
            coordinator: coordinators[(night + 1) % 3].into(),
        });
        d.refuse(&Command::Dispatch {
            request: RequestId(9999),
            team: "E1".into(),
        });
        d.now += Duration::minutes(20);
        // The shift's end: the open request goes on, the note is written, then the close.
        d.refuse(&Command::CloseNight);
        let open: Vec<RequestId> = d
            .store()
            .state()
            .requests
            .values()
            .filter(|r| !r.status.is_terminal())
            .map(|r| r.id)
            .collect();
        assert!(open.contains(&left));
        for r in open {
            d.accept(&Command::CarryOver { request: r });
        }
        d.accept(&Command::WriteHandover {
            situation: "Nuit calme".into(),
            actions: format!("Sollicitation reportée, situation {c} à suivre"),
            needs: String::new(),
        });
        let instruction = d.accept(&Command::AddInstruction {
            kind: InstructionKind::Temporary,
            scope: Scope::Site(sites[night].clone()),
            text: "Hall en travaux".into(),
            until: NaiveDate::from_ymd_opt(2026, 12, 20),
        });
        if let Some(Event::InstructionAdded { instruction, .. }) =
            instruction.first().map(|e| &e.event)
        {
            d.accept(&Command::ExtendInstruction {
                instruction: *instruction,
                until: NaiveDate::from_ymd_opt(2026, 12, 24),
            });
            if night == 1 {
                d.accept(&Command::EndInstruction {
                    instruction: *instruction,
                });
            }
        }
        d.accept(&Command::CloseNight);
        d.accept(&Command::ErasePersonal {
            personal: PersonalId(night as u64),
            reason: ErasureReason::Retention,
        });
        let next = ServiceNight::of(d.now).next_service();
        d.now = next.start() - Duration::minutes(10);
        d.accept(&Command::AcknowledgeHandover {
            coordinator: coordinators[(night + 2) % 3].into(),
        });
        d.refuse(&Command::AcknowledgeHandover {
            coordinator: coordinators[night % 3].into(),
        });
    }

    let kinds: std::collections::BTreeSet<&str> =
        d.events().iter().map(|e| e.event.kind()).collect();
    assert_eq!(
        kinds.len(),
        30,
        "every kind of event was written: {kinds:?}"
    );
    let opened = d
        .events()
        .iter()
        .filter(|e| matches!(e.event, Event::NightOpened { .. }))
        .count();
    assert_eq!(opened, 3);
    assert!(
        d.accepted > 300,
        "a long sequence ({} commands)",
        d.accepted
    );
    d.assert_everything_agrees(dir.path(), other.path());
}

// ---------------------------------------------------------------------------------------------
// Suspected defect, ignored until fixed.
// ---------------------------------------------------------------------------------------------

#[test]
fn a_night_closed_the_next_evening_is_recorded_as_closed() {
    let (Ok(dir), Ok(_other)) = (tempfile::tempdir(), tempfile::tempdir()) else {
        panic!("temporary directories");
    };
    let mut d = Driver::new(dir.path(), local("2026-11-30T21:05:00+01:00"));
    d.accept(&Command::OpenNight {
        coordinator: "nadia-b".into(),
    });
    // Nobody closed Monday's night; Tuesday's coordinator does it on arrival.
    d.now = local("2026-12-01T20:50:00+01:00");
    let closed = d.accept(&Command::CloseNight);
    let monday: ServiceNight = "2026-11-30".parse().expect("date");
    let tuesday: ServiceNight = "2026-12-01".parse().expect("date");
    assert_eq!(closed[0].event, Event::NightClosed { night: monday });
    let record = d
        .store()
        .night(monday)
        .expect("read")
        .expect("Monday's record");
    assert_eq!(
        record.closed_at,
        Some(d.now),
        "Monday's record shows it closed"
    );
    // Today the closing is placed in Tuesday's night by its clock time, so Monday's record
    // never learns it was closed and Tuesday's record counts an event it did not have.
    let tuesday_record = d.store().night(tuesday).expect("read");
    assert!(
        tuesday_record.as_ref().is_none_or(|r| r.events == 0),
        "Tuesday's record holds Monday's closing: {tuesday_record:?}"
    );
}
