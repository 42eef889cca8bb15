//! The live stream (server-sent events): every commit, whoever made it, tells the phone
//! to fetch its situation again; a session that ended (night closed, code renewed) hears
//! « fin » and goes back to sign-in. `sweep` ends such sessions as soon as they end.

use super::desk::read_with;
use super::log::FieldLog;
use super::routes::{Ctx, asked, message};
use crate::domain::{Event as DomainEvent, Written};
use crate::i18n::field::Said;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use futures_util::stream;
use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::broadcast::error::RecvError;

struct Follow {
    ctx: Arc<Ctx>,
    token: String,
    rx: tokio::sync::broadcast::Receiver<Arc<Written>>,
    ended: bool,
}

pub async fn stream(State(ctx): State<Arc<Ctx>>, uri: Uri, headers: HeaderMap) -> Response {
    let a = asked(&ctx, &uri, &headers);
    let Some((token, _)) = ctx.session(&headers) else {
        return message(StatusCode::UNAUTHORIZED, a.lang, Said::SignInFirst);
    };
    let follow = Follow {
        rx: ctx.desk.commits(),
        ctx,
        token,
        ended: false,
    };
    let events = stream::unfold(follow, |mut f| async move {
        if f.ended {
            return None;
        }
        {
            let seq = match f.rx.recv().await {
                Ok(w) => w.last_seq().unwrap_or_default(),
                // Missed some: the phone fetches its situation anyway.
                Err(RecvError::Lagged(_)) => 0,
                Err(RecvError::Closed) => return None,
            };
            let token = f.token.clone();
            let alive = read_with(&*f.ctx.desk, |r| f.ctx.sessions.get(&token, r.state()));
            let event = match alive {
                Some(_) => Event::default().event("commit").data(seq.to_string()),
                None => {
                    f.ended = true;
                    Event::default().event("fin").data("")
                }
            };
            Some((Ok::<_, Infallible>(event), f))
        }
    });
    let keep = KeepAlive::new().interval(Duration::from_secs(15));
    let mut r = Sse::new(events).keep_alive(keep).into_response();
    r.headers_mut().insert(
        axum::http::header::CACHE_CONTROL,
        axum::http::HeaderValue::from_static("no-store"),
    );
    r
}

/// Ends the sessions a commit made invalid (a night closed, a team's code renewed).
pub async fn sweep(ctx: Arc<Ctx>) {
    let mut rx = ctx.desk.commits();
    loop {
        let ends = match rx.recv().await {
            Ok(w) => w.envelopes.iter().any(|e| {
                matches!(
                    e.event,
                    DomainEvent::NightClosed { .. } | DomainEvent::TeamCodeIssued { .. }
                )
            }),
            Err(RecvError::Lagged(_)) => true,
            Err(RecvError::Closed) => return,
        };
        if ends {
            let count = read_with(&*ctx.desk, |r| ctx.sessions.sweep(r.state()));
            if count > 0 {
                ctx.log(FieldLog::SessionsEnded { count });
            }
        }
    }
}
