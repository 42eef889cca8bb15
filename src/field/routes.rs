//! The field link's routes: the team's page, sign-in and sign-out, static files, and the
//! answers for what is not there. Actions are in `submit.rs`, the live stream in `live.rs`.

use super::desk::{FieldDesk, read_with};
use super::http::{self, BODY_LIMIT, cookie, field, html, pairs, redirect, set_cookie};
use super::log::{FieldLog, LogFn};
use super::sessions::{Gate, Session, Sessions};
use super::{FieldOptions, code, pages, view};
use crate::i18n::Lang;
use crate::i18n::field::{Said, said};
use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderMap, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Instant;

pub const SESSION: &str = "vigie_session";
const PRE: &str = "vigie_pre";

pub struct Ctx {
    pub desk: Arc<dyn FieldDesk>,
    pub sessions: Sessions,
    pub lang: Lang,
    pub secure: bool,
    pub log: LogFn,
}

impl Ctx {
    pub fn new(desk: Arc<dyn FieldDesk>, opts: &FieldOptions, secure: bool) -> Ctx {
        Ctx {
            desk,
            sessions: Sessions::new(opts.sign_ins_per_minute),
            lang: opts.lang,
            secure,
            log: opts.log.clone(),
        }
    }

    pub fn log(&self, l: FieldLog) {
        (self.log)(&l)
    }

    /// The request's session, if its cookie names one still valid.
    pub fn session(&self, headers: &HeaderMap) -> Option<(String, Session)> {
        let token = cookie(headers, SESSION)?;
        let s = read_with(&*self.desk, |r| self.sessions.get(&token, r.state()))?;
        Some((token, s))
    }
}

/// What a request says of itself: its language (explicit or not) and the query's suffix.
pub struct Asked {
    pub lang: Lang,
    pub q: &'static str,
    pub query: Vec<(String, String)>,
}

pub fn asked(ctx: &Ctx, uri: &Uri, headers: &HeaderMap) -> Asked {
    let query = pairs(uri.query().unwrap_or("").as_bytes());
    let explicit = field(&query, "lang").and_then(Lang::parse);
    Asked {
        lang: http::lang(&query, headers, ctx.lang),
        q: pages::suffix(explicit),
        query,
    }
}

pub fn router(ctx: Arc<Ctx>) -> Router {
    Router::new()
        .route("/", get(home))
        .route("/situation", get(situation))
        .route("/connexion", get(sign_in_page).post(sign_in))
        .route("/deconnexion", post(sign_out))
        .route("/action", post(super::submit::action))
        .route("/flux", get(super::live::stream))
        .route("/static/field.css", get(css))
        .route("/static/field.js", get(js))
        .fallback(not_found)
        .with_state(ctx)
}

/// Reads the body up to the limit; past it, the 413 answer.
pub async fn body(req: Request, lang: Lang) -> Result<Bytes, Response> {
    axum::body::to_bytes(req.into_body(), BODY_LIMIT)
        .await
        .map_err(|_| message(StatusCode::PAYLOAD_TOO_LARGE, lang, Said::TooLarge))
}

pub fn message(status: StatusCode, lang: Lang, s: Said) -> Response {
    html(status, pages::message(lang, said(s, lang)))
}

async fn not_found(State(ctx): State<Arc<Ctx>>, uri: Uri, headers: HeaderMap) -> Response {
    let a = asked(&ctx, &uri, &headers);
    message(StatusCode::NOT_FOUND, a.lang, Said::NotFound)
}

async fn home(State(ctx): State<Arc<Ctx>>, uri: Uri, headers: HeaderMap) -> Response {
    let a = asked(&ctx, &uri, &headers);
    let Some((token, s)) = ctx.session(&headers) else {
        return redirect(&format!("/connexion{}", a.q), &[]);
    };
    let v = read_with(&*ctx.desk, |r| view::team_view(r, &s.team, a.lang));
    let Some(v) = v else {
        return redirect(&format!("/connexion{}", a.q), &[]);
    };
    ctx.sessions.set_flash(&token, None);
    html(
        StatusCode::OK,
        pages::team(a.lang, a.q, &s.csrf, &v, s.flash),
    )
}

/// The situation alone, for the page's script after a commit.
async fn situation(State(ctx): State<Arc<Ctx>>, uri: Uri, headers: HeaderMap) -> Response {
    let a = asked(&ctx, &uri, &headers);
    let Some((_, s)) = ctx.session(&headers) else {
        return message(StatusCode::UNAUTHORIZED, a.lang, Said::SignInFirst);
    };
    match read_with(&*ctx.desk, |r| view::team_view(r, &s.team, a.lang)) {
        Some(v) => html(StatusCode::OK, pages::situation(a.lang, a.q, &s.csrf, &v)),
        None => message(StatusCode::UNAUTHORIZED, a.lang, Said::NightClosed),
    }
}

fn sign_in_answer(ctx: &Ctx, a: &Asked, status: StatusCode, msg: Option<String>) -> Response {
    let teams = read_with(&*ctx.desk, view::teams_with_code);
    let csrf = code::token();
    let end = field(&a.query, "fin").unwrap_or("");
    let end = if matches!(end, "deconnexion" | "nuit") {
        end
    } else {
        ""
    };
    let body = pages::sign_in(a.lang, a.q, &csrf, &teams, msg, end);
    let mut r = html(status, body);
    let c = set_cookie(PRE, &csrf, ctx.secure, Some(3600));
    if let Ok(v) = c.parse() {
        r.headers_mut().append(header::SET_COOKIE, v);
    }
    r
}

async fn sign_in_page(State(ctx): State<Arc<Ctx>>, uri: Uri, headers: HeaderMap) -> Response {
    let a = asked(&ctx, &uri, &headers);
    let msg = match field(&a.query, "fin") {
        Some("deconnexion") => Some(said(Said::SignedOut, a.lang)),
        Some("nuit") => Some(said(Said::NightClosed, a.lang)),
        _ => None,
    };
    sign_in_answer(&ctx, &a, StatusCode::OK, msg)
}

async fn sign_in(
    State(ctx): State<Arc<Ctx>>,
    ConnectInfo(from): ConnectInfo<SocketAddr>,
    req: Request,
) -> Response {
    let (uri, headers) = (req.uri().clone(), req.headers().clone());
    let a = asked(&ctx, &uri, &headers);
    let raw = match body(req, a.lang).await {
        Ok(b) => b,
        Err(r) => return r,
    };
    let form = pairs(&raw);
    let from = from.ip();
    let pre = cookie(&headers, PRE);
    if pre.is_none() || pre.as_deref() != field(&form, "csrf") {
        ctx.log(FieldLog::Rejected {
            from,
            why: "sign-in without its CSRF token",
        });
        return sign_in_answer(
            &ctx,
            &a,
            StatusCode::FORBIDDEN,
            Some(said(Said::Forbidden, a.lang)),
        );
    }
    let team = field(&form, "team").unwrap_or("").trim().to_string();
    let typed = field(&form, "code").unwrap_or("").to_string();
    let bad = |status, s| sign_in_answer(&ctx, &a, status, Some(said(s, a.lang)));
    match ctx.sessions.gate(&team, from, Instant::now()) {
        Gate::TooFast => {
            ctx.log(FieldLog::TooFast { from });
            return bad(StatusCode::TOO_MANY_REQUESTS, Said::TooFast);
        }
        Gate::Locked(minutes) => {
            ctx.log(FieldLog::Locked { team, from });
            return bad(StatusCode::LOCKED, Said::Locked(minutes));
        }
        Gate::Open => {}
    }
    let found = read_with(&*ctx.desk, |r| {
        let night = r.state().open_night()?.night;
        let hash = r.state().teams.get(&team)?.code.clone()?;
        Some((night, hash))
    });
    let checked = found.clone().map(|(_, h)| h);
    let right =
        tokio::task::spawn_blocking(move || checked.is_some_and(|h| code::verify(&typed, &h)))
            .await
            .unwrap_or(false);
    let Some((night, hash)) = found.filter(|_| right) else {
        let locked = ctx.sessions.wrong_code(&team, Instant::now());
        ctx.log(FieldLog::WrongCode {
            team: team.clone(),
            from,
            locked,
        });
        return match locked {
            true => bad(
                StatusCode::LOCKED,
                Said::Locked(super::LOCK_FOR.as_secs() / 60),
            ),
            false => bad(StatusCode::UNAUTHORIZED, Said::WrongCode),
        };
    };
    let token = ctx.sessions.open(Session {
        team: team.clone(),
        night,
        code: hash,
        csrf: code::token(),
        flash: None,
    });
    ctx.log(FieldLog::SignedIn { team, from });
    let cookies = [
        set_cookie(SESSION, &token, ctx.secure, None),
        set_cookie(PRE, "", ctx.secure, Some(0)),
    ];
    redirect(&format!("/{}", a.q), &cookies)
}

async fn sign_out(
    State(ctx): State<Arc<Ctx>>,
    ConnectInfo(from): ConnectInfo<SocketAddr>,
    req: Request,
) -> Response {
    let (uri, headers) = (req.uri().clone(), req.headers().clone());
    let a = asked(&ctx, &uri, &headers);
    let raw = match body(req, a.lang).await {
        Ok(b) => b,
        Err(r) => return r,
    };
    let form = pairs(&raw);
    let Some((token, s)) = ctx.session(&headers) else {
        return redirect(&format!("/connexion{}", a.q), &[]);
    };
    if field(&form, "csrf") != Some(s.csrf.as_str()) {
        ctx.log(FieldLog::Rejected {
            from: from.ip(),
            why: "sign-out without its CSRF token",
        });
        return message(StatusCode::FORBIDDEN, a.lang, Said::Forbidden);
    }
    ctx.sessions.end(&token);
    ctx.log(FieldLog::SignedOut {
        team: s.team,
        from: from.ip(),
    });
    let sep = if a.q.is_empty() { "?" } else { "&" };
    let cookies = [set_cookie(SESSION, "", ctx.secure, Some(0))];
    redirect(&format!("/connexion{}{sep}fin=deconnexion", a.q), &cookies)
}

fn asset(kind: &'static str, text: &'static str) -> Response {
    http::guarded(([(header::CONTENT_TYPE, kind)], Body::from(text)).into_response())
}

async fn css() -> Response {
    asset(
        "text/css; charset=utf-8",
        include_str!("../../assets/field/field.css"),
    )
}

async fn js() -> Response {
    asset(
        "text/javascript; charset=utf-8",
        include_str!("../../assets/field/field.js"),
    )
}
