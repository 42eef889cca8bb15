//! A desk's side of the socket: a tokio runtime in a thread of its own reads the owner's
//! lines and republishes them, in order, on a broadcast like the hub's own; commands go out
//! with their id and their answer comes back to whoever waits for it.

use super::hub::Published;
use super::platform::{self, read_line};
use super::protocol::{MAX_OWNER_LINE, PROTOCOL, Refused, Start, ToDesk, ToOwner, line};
use crate::domain::reference::Territory;
use crate::domain::{Command, State, Written};
use chrono::{DateTime, Utc};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::mpsc as std_mpsc;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;
use tokio::io::{AsyncWriteExt, BufReader};
use tokio::sync::{broadcast, mpsc};

type Answer = Result<Written, Refused>;

/// Why connecting failed.
#[derive(Debug)]
pub enum ConnectError {
    /// Nobody listens (no owner, or it is starting or gone).
    NoOwner,
    /// The owner speaks another version (its words).
    Mismatch(String),
    /// Anything else, in words.
    Other(String),
}

/// A submission's fate.
#[derive(Debug)]
pub enum Sent {
    Answered(Answer),
    /// The connection ended before the answer: retry with the same id elsewhere.
    Gone,
    /// No answer in time.
    Timeout,
}

#[derive(Default)]
struct Shared {
    pending: HashMap<String, std_mpsc::Sender<Answer>>,
    /// Republishes what the owner sends; dropped when the connection ends.
    tx: Option<broadcast::Sender<Arc<Published>>>,
    mirror: State,
    /// The owner's words when it ended the connection.
    last_words: Option<String>,
}

/// A connection to the owner.
pub struct Remote {
    out: mpsc::UnboundedSender<Vec<u8>>,
    shared: Arc<Mutex<Shared>>,
    territory: Territory,
    pub dir: PathBuf,
}

/// A console connected: its link, its first receiver (made before anything could be
/// missed), and the owner's welcome.
pub struct Connected {
    pub remote: Arc<Remote>,
    pub rx: broadcast::Receiver<Arc<Published>>,
    pub owner: String,
    pub pid: u32,
    pub holder: Option<String>,
    pub start: Option<Start>,
}

fn lock(s: &Mutex<Shared>) -> MutexGuard<'_, Shared> {
    s.lock().unwrap_or_else(|p| p.into_inner())
}

impl Remote {
    /// Connects to the owner of `dir` and says `hello`; answers once welcomed (the reading
    /// goes on in the connection's thread).
    pub fn connect(
        dir: &Path,
        hello: ToOwner,
        territory: Territory,
    ) -> Result<Connected, ConnectError> {
        let (tx, rx) = broadcast::channel(4096);
        let shared = Arc::new(Mutex::new(Shared {
            tx: Some(tx),
            ..Shared::default()
        }));
        let (out, out_rx) = mpsc::unbounded_channel::<Vec<u8>>();
        let (welcomed_tx, welcomed) = std_mpsc::channel();
        let thread_shared = shared.clone();
        let owned = dir.to_path_buf();
        std::thread::Builder::new()
            .name("vigie-link".into())
            .spawn(move || {
                let rt = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build();
                match rt {
                    Ok(rt) => {
                        rt.block_on(run(owned, hello, thread_shared, out_rx, welcomed_tx));
                    }
                    Err(e) => {
                        let _ = welcomed_tx.send(Err(ConnectError::Other(e.to_string())));
                    }
                }
            })
            .map_err(|e| ConnectError::Other(e.to_string()))?;
        let (owner, pid, holder, start) = welcomed
            .recv()
            .map_err(|_| ConnectError::Other("connection thread ended".into()))??;
        if let Some(Start::Full { opening }) = &start {
            lock(&shared).mirror = opening.state.clone();
        }
        let remote = Arc::new(Remote {
            out,
            shared,
            territory,
            dir: dir.to_path_buf(),
        });
        Ok(Connected {
            remote,
            rx,
            owner,
            pid,
            holder,
            start,
        })
    }

    /// Sends commands with the client-made `id`, waits up to `wait` for their answer.
    pub fn submit(
        &self,
        id: &str,
        commands: &[Command],
        at: DateTime<Utc>,
        wait: Duration,
    ) -> Sent {
        self.submit_for(id, None, commands, at, wait)
    }

    /// Like `submit`, for a team's phone whose command this desk relays.
    pub fn submit_for(
        &self,
        id: &str,
        team: Option<&str>,
        commands: &[Command],
        at: DateTime<Utc>,
        wait: Duration,
    ) -> Sent {
        let (tx, rx) = std_mpsc::channel();
        {
            let mut s = lock(&self.shared);
            if s.tx.is_none() {
                return Sent::Gone;
            }
            s.pending.insert(id.to_string(), tx);
        }
        let msg = ToOwner::Submit {
            id: id.to_string(),
            commands: commands.to_vec(),
            at,
            team: team.map(str::to_string),
        };
        if self.out.send(line(&msg)).is_err() {
            return Sent::Gone;
        }
        match rx.recv_timeout(wait) {
            Ok(answer) => Sent::Answered(answer),
            Err(std_mpsc::RecvTimeoutError::Disconnected) => Sent::Gone,
            Err(std_mpsc::RecvTimeoutError::Timeout) => {
                lock(&self.shared).pending.remove(id);
                Sent::Timeout
            }
        }
    }

    /// Asks the owner to write the backup of a night closed here.
    pub fn back_up(&self, at: DateTime<Utc>) {
        let _ = self.out.send(line(&ToOwner::BackUp { at }));
    }

    /// Every publication from now on (closed at once if the connection already ended).
    pub fn subscribe(&self) -> broadcast::Receiver<Arc<Published>> {
        match &lock(&self.shared).tx {
            Some(tx) => tx.subscribe(),
            None => broadcast::channel(1).1,
        }
    }

    /// The state as the owner's commits made it, and the territory.
    pub fn with_state<R>(&self, f: impl FnOnce(&State, &Territory) -> R) -> R {
        f(&lock(&self.shared).mirror, &self.territory)
    }

    pub fn is_gone(&self) -> bool {
        lock(&self.shared).tx.is_none()
    }

    /// What the owner said when it ended the connection, if it said anything.
    pub fn last_words(&self) -> Option<String> {
        lock(&self.shared).last_words.clone()
    }
}

type Welcome = Result<(String, u32, Option<String>, Option<Start>), ConnectError>;

async fn run(
    dir: PathBuf,
    hello: ToOwner,
    shared: Arc<Mutex<Shared>>,
    mut out_rx: mpsc::UnboundedReceiver<Vec<u8>>,
    welcomed: std_mpsc::Sender<Welcome>,
) {
    let conn = match platform::connect(&dir).await {
        Ok(c) => c,
        Err(_) => {
            let _ = welcomed.send(Err(ConnectError::NoOwner));
            return;
        }
    };
    let (r, mut w) = tokio::io::split(conn);
    let mut r = BufReader::new(r);
    let mut buf = Vec::new();
    let first = match w.write_all(&line(&hello)).await {
        Ok(()) => read_line(&mut r, MAX_OWNER_LINE, &mut buf).await,
        Err(e) => Err(e),
    };
    let welcome = match first {
        Ok(true) => match serde_json::from_slice::<ToDesk>(&buf) {
            Ok(ToDesk::Welcome {
                protocol,
                owner,
                pid,
                holder,
                start,
            }) if protocol == PROTOCOL => Ok((owner, pid, holder, start)),
            Ok(ToDesk::Mismatch { words, .. }) | Ok(ToDesk::Error { words }) => {
                Err(ConnectError::Mismatch(words))
            }
            _ => Err(ConnectError::Other("unreadable welcome".into())),
        },
        Ok(false) | Err(_) => Err(ConnectError::NoOwner),
    };
    buf.clear();
    let ok = welcome.is_ok();
    let _ = welcomed.send(welcome);
    if !ok {
        return;
    }
    let writer = async {
        while let Some(bytes) = out_rx.recv().await {
            if w.write_all(&bytes).await.is_err() {
                break;
            }
        }
        let _ = w.shutdown().await;
    };
    let reader = async {
        while let Ok(true) = read_line(&mut r, MAX_OWNER_LINE, &mut buf).await {
            let msg = serde_json::from_slice::<ToDesk>(&buf);
            buf.clear();
            if let Ok(msg) = msg {
                receive(&shared, msg);
            }
        }
    };
    tokio::select! {
        _ = writer => {}
        _ = reader => {}
    }
    // The end: waiting submitters hear it (their sender dropped), listeners see it closed.
    let mut s = lock(&shared);
    s.pending.clear();
    s.tx = None;
}

fn receive(shared: &Mutex<Shared>, msg: ToDesk) {
    let mut s = lock(shared);
    match msg {
        ToDesk::Commit { written, origin } => {
            for env in &written.envelopes {
                if env.seq > s.mirror.last_seq {
                    s.mirror.apply(env);
                }
            }
            if let Some(tx) = &s.tx {
                let _ = tx.send(Arc::new(Published::Commit { written, origin }));
            }
        }
        ToDesk::Holder { desk } => {
            if let Some(tx) = &s.tx {
                let _ = tx.send(Arc::new(Published::Holder(desk)));
            }
        }
        ToDesk::Answer { id, result } => {
            if let Some(waiting) = s.pending.remove(&id) {
                let _ = waiting.send(result);
            }
        }
        ToDesk::Error { words } | ToDesk::Mismatch { words, .. } => s.last_words = Some(words),
        ToDesk::Welcome { .. } | ToDesk::Ran { .. } => {}
    }
}

/// A read command of the command line run by the owner: its stdout, stderr and exit code.
pub fn run_command(
    dir: &Path,
    desk: &str,
    lang: crate::i18n::Lang,
    args: Vec<String>,
) -> Result<(String, String, u8), ConnectError> {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| ConnectError::Other(e.to_string()))?;
    rt.block_on(async move {
        let conn = platform::connect(dir)
            .await
            .map_err(|_| ConnectError::NoOwner)?;
        let (r, mut w) = tokio::io::split(conn);
        let mut r = BufReader::new(r);
        let hello = ToOwner::Hello {
            protocol: PROTOCOL,
            desk: desk.to_string(),
            lang,
            purpose: super::protocol::Purpose::Command,
            read_only: true,
            since: None,
            holding: false,
        };
        let other = |e: std::io::Error| ConnectError::Other(e.to_string());
        w.write_all(&line(&hello)).await.map_err(other)?;
        w.write_all(&line(&ToOwner::Run { args }))
            .await
            .map_err(other)?;
        let mut buf = Vec::new();
        loop {
            buf.clear();
            if !read_line(&mut r, MAX_OWNER_LINE, &mut buf)
                .await
                .map_err(other)?
            {
                return Err(ConnectError::NoOwner);
            }
            match serde_json::from_slice::<ToDesk>(&buf) {
                Ok(ToDesk::Ran {
                    stdout,
                    stderr,
                    code,
                }) => return Ok((stdout, stderr, code)),
                Ok(ToDesk::Mismatch { words, .. }) | Ok(ToDesk::Error { words }) => {
                    return Err(ConnectError::Mismatch(words));
                }
                Ok(_) => {}
                Err(e) => return Err(ConnectError::Other(e.to_string())),
            }
        }
    })
}
