//! A phone's action: checked (session, CSRF token, command id, form), sent to the desk as
//! the team's, and answered in words — a page after a redirect without JavaScript, JSON
//! for the page's script (its offline queue).

use super::act;
use super::desk::{DeskError, read_with};
use super::http::{field, from_script, json, pairs, redirect};
use super::log::FieldLog;
use super::routes::{Ctx, asked, body};
use crate::domain::event::Origin;
use crate::i18n::field::{Said, said};
use crate::i18n::{Lang, refusal::refusal};
use axum::extract::{ConnectInfo, Request, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::json;
use std::net::SocketAddr;
use std::sync::Arc;

/// An answer before anything was sent: JSON to the script, a page to a plain form.
fn answer(script: bool, status: StatusCode, lang: Lang, words: String) -> Response {
    if script {
        json(status, &json!({ "ok": false, "message": words }))
    } else {
        super::http::html(status, super::pages::message(lang, words))
    }
}

pub async fn action(
    State(ctx): State<Arc<Ctx>>,
    ConnectInfo(from): ConnectInfo<SocketAddr>,
    req: Request,
) -> Response {
    let (uri, headers) = (req.uri().clone(), req.headers().clone());
    let a = asked(&ctx, &uri, &headers);
    let script = from_script(&headers);
    let from = from.ip();
    let raw = match body(req, a.lang).await {
        Ok(b) => b,
        Err(r) => {
            ctx.log(FieldLog::Rejected {
                from,
                why: "body over the limit",
            });
            return r;
        }
    };
    let form = pairs(&raw);
    let Some((token, s)) = ctx.session(&headers) else {
        ctx.log(FieldLog::Rejected {
            from,
            why: "action without a session",
        });
        let words = said(Said::NightClosed, a.lang);
        return answer(script, StatusCode::UNAUTHORIZED, a.lang, words);
    };
    let csrf = headers
        .get("x-csrf-token")
        .and_then(|v| v.to_str().ok())
        .or(field(&form, "csrf"));
    if csrf != Some(s.csrf.as_str()) {
        ctx.log(FieldLog::Rejected {
            from,
            why: "action without its CSRF token",
        });
        let words = said(Said::Forbidden, a.lang);
        return answer(script, StatusCode::FORBIDDEN, a.lang, words);
    }
    let command = read_with(&*ctx.desk, |r| act::command(&form, &s.team, r.state()));
    let (Some(id), Some(command)) = (act::client_id(&form), command) else {
        let words = said(Said::BadForm, a.lang);
        return answer(script, StatusCode::BAD_REQUEST, a.lang, words);
    };
    // Scoped by team: one team's id never answers another's command.
    let origin = Origin {
        desk: None,
        team: Some(s.team.clone()),
        id: Some(format!("{}:{id}", s.team)),
    };
    let desk = ctx.desk.clone();
    let done =
        tokio::task::spawn_blocking(move || desk.submit(&[command], &origin, chrono::Utc::now()))
            .await
            .unwrap_or_else(|_| Err(DeskError::Failed("the writing task stopped".into())));
    let (status, ok, words) = match done {
        Ok(_) => (StatusCode::OK, true, said(Said::Done, a.lang)),
        Err(DeskError::Refused(r)) => {
            let why = refusal(&r, ctx.lang);
            ctx.log(FieldLog::Refused {
                team: s.team.clone(),
                from,
                why,
            });
            (StatusCode::CONFLICT, false, refusal(&r, a.lang))
        }
        Err(DeskError::Failed(error)) => {
            ctx.log(FieldLog::Failed {
                team: s.team.clone(),
                from,
                error,
            });
            let words = said(Said::Unavailable, a.lang);
            (StatusCode::SERVICE_UNAVAILABLE, false, words)
        }
    };
    if script {
        return json(status, &json!({ "ok": ok, "message": words }));
    }
    // Post-redirect-get: the team's page says it once.
    ctx.sessions.set_flash(&token, Some((ok, words)));
    redirect(&format!("/{}", a.q), &[])
}
