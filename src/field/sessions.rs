//! Phone sessions, the sign-in lockout and the sign-in rate, in memory: a restart of the
//! server ends every session (the phones sign in again with the same code).

use super::code;
use crate::domain::State;
use crate::domain::calendar::ServiceNight;
use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Wrong codes in a row before a team's sign-in is locked.
pub const MAX_WRONG: u32 = 5;
/// How long a team's sign-in stays locked.
pub const LOCK_FOR: Duration = Duration::from_secs(15 * 60);
/// Sign-in attempts one address may make per minute (any team), unless told otherwise.
pub const ATTEMPTS_PER_MINUTE: u32 = 10;

#[derive(Debug, Clone)]
pub struct Session {
    pub team: String,
    pub night: ServiceNight,
    /// The code's hash at sign-in: a renewed code ends the session.
    pub code: String,
    pub csrf: String,
    /// The last thing said after an action (shown once, post-redirect-get).
    pub flash: Option<(bool, String)>,
}

impl Session {
    /// Still valid against the live state: the same night open, the same code.
    pub fn valid(&self, state: &State) -> bool {
        let night_open = state.open_night().is_some_and(|n| n.night == self.night);
        let same_code = state
            .teams
            .get(&self.team)
            .is_some_and(|t| t.code.as_deref() == Some(self.code.as_str()));
        night_open && same_code
    }
}

#[derive(Default)]
struct Wrong {
    count: u32,
    locked_until: Option<Instant>,
}

/// What a sign-in attempt may do before its code is checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gate {
    Open,
    /// Locked for about this many minutes more.
    Locked(u64),
    TooFast,
}

pub struct Sessions {
    /// Attempts per address per minute.
    pub per_minute: u32,
    live: Mutex<HashMap<String, Session>>,
    wrong: Mutex<HashMap<String, Wrong>>,
    rate: Mutex<HashMap<IpAddr, (Instant, u32)>>,
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

impl Sessions {
    pub fn new(per_minute: u32) -> Sessions {
        Sessions {
            per_minute,
            live: Mutex::default(),
            wrong: Mutex::default(),
            rate: Mutex::default(),
        }
    }

    /// Counts an attempt from `from` for `team` and says whether it may go on.
    pub fn gate(&self, team: &str, from: IpAddr, now: Instant) -> Gate {
        {
            let mut rate = lock(&self.rate);
            rate.retain(|_, (start, _)| now.duration_since(*start) < Duration::from_secs(60));
            let entry = rate.entry(from).or_insert((now, 0));
            entry.1 += 1;
            if entry.1 > self.per_minute {
                return Gate::TooFast;
            }
        }
        match lock(&self.wrong).get(team).and_then(|w| w.locked_until) {
            Some(until) if until > now => {
                Gate::Locked(until.duration_since(now).as_secs() / 60 + 1)
            }
            _ => Gate::Open,
        }
    }

    /// A wrong code for `team`: true when this one locked its sign-in.
    pub fn wrong_code(&self, team: &str, now: Instant) -> bool {
        let mut wrong = lock(&self.wrong);
        let w = wrong.entry(team.to_string()).or_default();
        if w.locked_until.is_some_and(|u| u <= now) {
            *w = Wrong::default();
        }
        w.count += 1;
        if w.count >= MAX_WRONG {
            w.count = 0;
            w.locked_until = Some(now + LOCK_FOR);
            return true;
        }
        false
    }

    /// A right code: the count starts again; answers the new session's token.
    pub fn open(&self, session: Session) -> String {
        lock(&self.wrong).remove(&session.team);
        let token = code::token();
        lock(&self.live).insert(token.clone(), session);
        token
    }

    /// The session behind `token` if it is still valid against `state` (else it ends).
    pub fn get(&self, token: &str, state: &State) -> Option<Session> {
        let mut live = lock(&self.live);
        let s = live.get(token)?;
        if s.valid(state) {
            return Some(s.clone());
        }
        live.remove(token);
        None
    }

    pub fn set_flash(&self, token: &str, flash: Option<(bool, String)>) {
        if let Some(s) = lock(&self.live).get_mut(token) {
            s.flash = flash;
        }
    }

    pub fn end(&self, token: &str) -> Option<Session> {
        lock(&self.live).remove(token)
    }

    /// Ends the sessions the state no longer admits (a night closed, a code renewed).
    pub fn sweep(&self, state: &State) -> usize {
        let mut live = lock(&self.live);
        let before = live.len();
        live.retain(|_, s| s.valid(state));
        before - live.len()
    }
}
