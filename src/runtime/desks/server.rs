//! The owner's side of the socket: a tokio runtime in a thread of its own accepts desks,
//! sends each its state then every publication of the hub, and runs what they send through
//! the hub. A bad peer (another uid, another version, a malformed or oversized line) is
//! refused in words and its connection ends; the owner goes on.

use super::hub::{Hub, Published, SubmitError};
use super::platform::{self, Conn, read_line};
use super::protocol::{
    MAX_CLIENT_LINE, OpeningParts, PROTOCOL, Purpose, Refused, Start, ToDesk, ToOwner, line,
    mismatch_words,
};
use crate::domain::Written;
use crate::i18n::{Lang, store::store_error};
use crate::store::{Result as StoreResult, Store, StoreError};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tokio::io::{AsyncWrite, AsyncWriteExt, BufReader};
use tokio::sync::broadcast::error::{RecvError, TryRecvError};

/// Runs a read command of the command line on the owner's store: stdout, stderr, exit code.
pub type Runner = Arc<dyn Fn(&Store, &[String]) -> (String, String, u8) + Send + Sync>;
/// Where the owner says what it does (`vigie serve`: stderr; a console: nowhere).
pub type Log = Arc<dyn Fn(String) + Send + Sync>;

/// The opening a client starts from, in its language.
pub type Opener = fn(&Store, Lang) -> OpeningParts;

struct Ctx {
    hub: Arc<Hub>,
    runner: Option<Runner>,
    log: Log,
    opener: Opener,
}

/// The listening thread; stopped (and the socket removed) when dropped.
pub struct Server {
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
    dir: PathBuf,
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
        platform::remove(&self.dir);
        let _ = std::fs::remove_file(self.dir.join(OWNER_FILE));
    }
}

/// Names the owner (desk and process) for a command that needs the store to itself.
pub const OWNER_FILE: &str = "vigie.owner";

/// Who owns the store in `dir`, as its owner wrote it.
pub fn owner_of(dir: &Path) -> Option<String> {
    let text = std::fs::read_to_string(dir.join(OWNER_FILE)).ok()?;
    Some(text.trim().chars().take(80).collect())
}

/// Binds the socket in `dir` and serves desks until the `Server` is dropped.
pub fn start(
    hub: Arc<Hub>,
    dir: &Path,
    runner: Option<Runner>,
    log: Log,
    opener: Opener,
) -> std::io::Result<Server> {
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let (ready_tx, ready) = std::sync::mpsc::channel::<std::io::Result<()>>();
    let owned = dir.to_path_buf();
    let ctx_name = hub.name().to_string();
    let ctx = Arc::new(Ctx {
        hub,
        runner,
        log,
        opener,
    });
    let thread = std::thread::Builder::new()
        .name("vigie-desks".into())
        .spawn(move || {
            let rt = match tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
            {
                Ok(rt) => rt,
                Err(e) => {
                    let _ = ready_tx.send(Err(e));
                    return;
                }
            };
            rt.block_on(async move {
                let listener = match platform::bind(&owned) {
                    Ok(l) => l,
                    Err(e) => {
                        let _ = ready_tx.send(Err(e));
                        return;
                    }
                };
                let _ = ready_tx.send(Ok(()));
                tokio::select! {
                    _ = accept_loop(&listener, ctx) => {}
                    _ = stopped => {}
                }
            });
            // Dropping the runtime ends every connection: the desks see the owner go.
        })?;
    let bound = ready
        .recv()
        .unwrap_or_else(|_| Err(std::io::Error::other("desk thread ended")));
    let who = format!("{}, pid {}", ctx_name, std::process::id());
    let _ = crate::atomic_file::write(&dir.join(OWNER_FILE), who.as_bytes());
    let server = Server {
        stop: Some(stop),
        thread: Some(thread),
        dir: dir.to_path_buf(),
    };
    bound.map(|()| server)
}

async fn accept_loop(listener: &platform::Listener, ctx: Arc<Ctx>) {
    loop {
        match listener.accept().await {
            Ok(Ok(conn)) => {
                tokio::spawn(serve(ctx.clone(), conn));
            }
            Ok(Err(uid)) => (ctx.log)(format!(
                "refused a connection from uid {uid}: only this user's desks may connect"
            )),
            Err(e) => {
                (ctx.log)(format!("accept failed: {e}"));
                tokio::time::sleep(std::time::Duration::from_millis(100)).await;
            }
        }
    }
}

pub(super) async fn send<W: AsyncWrite + Unpin>(w: &mut W, msg: &ToDesk) -> bool {
    w.write_all(&line(msg)).await.is_ok()
}

/// One desk, from its hello to its end.
async fn serve(ctx: Arc<Ctx>, conn: Conn) {
    let (r, mut w) = tokio::io::split(conn);
    let mut r = BufReader::new(r);
    let mut buf = Vec::new();
    let hello = match read_line(&mut r, MAX_CLIENT_LINE, &mut buf).await {
        Ok(true) => serde_json::from_slice::<ToOwner>(&buf),
        _ => return,
    };
    buf.clear();
    let Ok(ToOwner::Hello {
        protocol,
        desk,
        lang,
        purpose,
        read_only,
        since,
        holding,
    }) = hello
    else {
        let words = "Message illisible : un bonjour de Vigie était attendu. / Unreadable message: a Vigie hello was expected.";
        (ctx.log)("refused a peer: no hello".into());
        send(
            &mut w,
            &ToDesk::Error {
                words: words.into(),
            },
        )
        .await;
        return;
    };
    if protocol != PROTOCOL {
        (ctx.log)(format!(
            "refused desk {desk}: protocol {protocol}, ours {PROTOCOL}"
        ));
        let words = mismatch_words(protocol);
        send(
            &mut w,
            &ToDesk::Mismatch {
                protocol: PROTOCOL,
                words,
            },
        )
        .await;
        return;
    }
    let welcome = |holder, start| ToDesk::Welcome {
        protocol: PROTOCOL,
        owner: ctx.hub.name().to_string(),
        pid: std::process::id(),
        holder,
        start,
    };
    if purpose == Purpose::Command {
        if send(&mut w, &welcome(ctx.hub.holder(), None)).await {
            super::command::run(
                &ctx.hub,
                ctx.runner.clone(),
                &ctx.log,
                &mut r,
                &mut w,
                &desk,
            )
            .await;
        }
        return;
    }
    // Subscribed before the state is read: nothing published in between is missed (the
    // desk skips what its state already counts, by sequence).
    let mut rx = ctx.hub.subscribe();
    let holds = ctx.hub.join(&desk, read_only, holding);
    (ctx.log)(format!(
        "desk {desk} connected{}",
        match (holds, read_only) {
            (true, _) => ", holds the desk",
            (false, true) => ", read-only for good",
            (false, false) => ", read-only",
        }
    ));
    let hub = ctx.hub.clone();
    let opener = ctx.opener;
    let start =
        tokio::task::spawn_blocking(move || hub.with_store(|s| start_for(s, since, lang, opener)))
            .await;
    let ok = match start {
        Ok(Ok(start)) => send(&mut w, &welcome(ctx.hub.holder(), Some(start))).await,
        _ => false,
    };
    if ok {
        console(&ctx, &mut r, &mut w, &mut rx, &desk, lang).await;
    }
    ctx.hub.leave(&desk);
    (ctx.log)(format!("desk {desk} left"));
}

/// What a console starts from: what it missed, or everything.
fn start_for(store: &Store, since: Option<u64>, lang: Lang, opener: Opener) -> StoreResult<Start> {
    match since {
        Some(seq) if seq <= store.last_seq() => {
            let envelopes = store
                .envelopes(seq + 1, store.last_seq())
                .collect::<StoreResult<Vec<_>>>()?;
            // The records the missed events point at (a request's caller, a note), as a
            // live commit carries them; an erased one is simply absent.
            let mut personal = Vec::new();
            for e in &envelopes {
                for id in e.event.personal_refs() {
                    personal.extend(store.personal_record(id)?);
                }
            }
            let written = Written {
                envelopes,
                personal,
            };
            Ok(Start::CatchUp { written })
        }
        _ => Ok(Start::Full {
            opening: Box::new(opener(store, lang)),
        }),
    }
}

fn publication(p: &Published) -> ToDesk {
    match p {
        Published::Commit { written, origin } => ToDesk::Commit {
            written: written.clone(),
            origin: origin.clone(),
        },
        Published::Holder(desk) => ToDesk::Holder { desk: desk.clone() },
    }
}

async fn console<R, W>(
    ctx: &Ctx,
    r: &mut R,
    w: &mut W,
    rx: &mut tokio::sync::broadcast::Receiver<Arc<Published>>,
    desk: &str,
    lang: Lang,
) where
    R: tokio::io::AsyncBufRead + Unpin,
    W: AsyncWrite + Unpin,
{
    let mut buf = Vec::new();
    loop {
        tokio::select! {
            p = rx.recv() => match p {
                Ok(p) => if !send(w, &publication(&p)).await { return },
                Err(RecvError::Lagged(_)) => {
                    (ctx.log)(format!("desk {desk} fell behind: its connection ends, it reconnects"));
                    return;
                }
                Err(RecvError::Closed) => return,
            },
            got = read_line(r, MAX_CLIENT_LINE, &mut buf) => {
                match got {
                    Ok(true) => {}
                    Ok(false) => return,
                    Err(_) => {
                        (ctx.log)(format!("desk {desk}: a line over the limit, connection ended"));
                        let words = "Ligne trop longue : refusée. / Line too long: refused.";
                        send(w, &ToDesk::Error { words: words.into() }).await;
                        return;
                    }
                }
                let msg = serde_json::from_slice::<ToOwner>(&buf);
                buf.clear();
                match msg {
                    Ok(ToOwner::Submit { id, commands, at, team }) => {
                        let answer = submit(ctx, desk, (id, team), commands, at, lang).await;
                        // What was published before the answer goes first (this commit too):
                        // the desk applies everything in the journal's order.
                        loop {
                            match rx.try_recv() {
                                Ok(p) => if !send(w, &publication(&p)).await { return },
                                Err(TryRecvError::Empty) => break,
                                Err(_) => return,
                            }
                        }
                        if !send(w, &answer).await { return }
                    }
                    Ok(ToOwner::BackUp { at }) => back_up(ctx, at),
                    Ok(_) | Err(_) => {
                        (ctx.log)(format!("desk {desk}: unreadable message refused"));
                        let words = "Message illisible : refusé. / Unreadable message: refused.";
                        if !send(w, &ToDesk::Error { words: words.into() }).await { return }
                    }
                }
            }
        }
    }
}

async fn submit(
    ctx: &Ctx,
    desk: &str,
    (id, team): (String, Option<String>),
    commands: Vec<crate::domain::Command>,
    at: chrono::DateTime<chrono::Utc>,
    lang: Lang,
) -> ToDesk {
    let origin = crate::domain::event::Origin {
        desk: Some(desk.to_string()),
        team,
        id: Some(id.clone()),
    };
    let hub = ctx.hub.clone();
    let done = tokio::task::spawn_blocking(move || hub.submit(&commands, &origin, at)).await;
    let result = match done {
        Ok(Ok(written)) => Ok(written),
        Ok(Err(SubmitError::ReadOnly { holder })) => {
            (ctx.log)(format!("desk {desk}: refused, it does not hold the desk"));
            Err(Refused::ReadOnly { holder })
        }
        Ok(Err(SubmitError::Store(StoreError::Refused(refusal)))) => {
            Err(Refused::Rules { refusal })
        }
        Ok(Err(SubmitError::Store(e))) => {
            (ctx.log)(format!(
                "desk {desk}: store error: {}",
                store_error(&e, Lang::En)
            ));
            Err(Refused::Store {
                words: store_error(&e, lang),
            })
        }
        Err(_) => Err(Refused::Store {
            words: lang
                .pick(
                    "erreur interne du propriétaire",
                    "the owner's internal error",
                )
                .into(),
        }),
    };
    ToDesk::Answer { id, result }
}

/// A night closed on another desk: the owner writes its backup, off the connection.
fn back_up(ctx: &Ctx, at: chrono::DateTime<chrono::Utc>) {
    let job = ctx.hub.with_store(|s| s.backup_job());
    let log = ctx.log.clone();
    tokio::task::spawn_blocking(move || match job.run(at) {
        Ok(w) => log(format!("backup written: {}", w.path.display())),
        Err(e) => log(format!("backup failed: {}", store_error(&e, Lang::En))),
    });
}
