//! A read command of another process (`vigie log` while a console owns the store): the
//! owner runs the command line's own code on its store and sends its output back.

use super::hub::Hub;
use super::platform::read_line;
use super::protocol::{MAX_CLIENT_LINE, ToDesk, ToOwner};
use super::server::{Log, Runner, send};
use std::sync::Arc;
use tokio::io::AsyncWrite;

/// A read command of the command line: run on the owner's store, its output sent back.
pub(super) async fn run<R, W>(
    hub: &Arc<Hub>,
    runner: Option<Runner>,
    log: &Log,
    r: &mut R,
    w: &mut W,
    desk: &str,
) where
    R: tokio::io::AsyncBufRead + Unpin,
    W: AsyncWrite + Unpin,
{
    let mut buf = Vec::new();
    if !matches!(read_line(r, MAX_CLIENT_LINE, &mut buf).await, Ok(true)) {
        return;
    }
    let Ok(ToOwner::Run { args }) = serde_json::from_slice::<ToOwner>(&buf) else {
        let words = "Message illisible : refusé. / Unreadable message: refused.";
        send(
            w,
            &ToDesk::Error {
                words: words.into(),
            },
        )
        .await;
        return;
    };
    let Some(runner) = runner else {
        return;
    };
    log(format!("{desk}: vigie {}", args.join(" ")));
    let hub = hub.clone();
    let ran = tokio::task::spawn_blocking(move || hub.with_store(|s| runner(s, &args))).await;
    let (stdout, stderr, code) =
        ran.unwrap_or_else(|_| (String::new(), "internal error\n".into(), 70));
    send(
        w,
        &ToDesk::Ran {
            stdout,
            stderr,
            code,
        },
    )
    .await;
}
