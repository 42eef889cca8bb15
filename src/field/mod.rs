//! The teams' phones (the field link): a small web server the store's owner runs
//! (`vigie serve --field ADDR`). Server-rendered pages usable without JavaScript; with it,
//! live updates (server-sent events) and a queue of actions taken without coverage.
//! Every action is the domain command the desk would send, with the team's origin.
//! docs/field.md says how it works and what it guards against.

mod act;
pub mod code;
mod desk;
mod http;
mod live;
mod log;
mod pages;
mod routes;
mod sessions;
mod submit;
mod tls;
mod view;

pub use desk::{DeskError, FieldDesk, LocalDesk, Reading, read_with};
pub use log::{FieldLog, LogFn};
pub use sessions::{ATTEMPTS_PER_MINUTE, LOCK_FOR, MAX_WRONG};

use crate::i18n::Lang;
use axum_server::Handle;
use std::future::Future;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

/// The service's certificate (chain) and private key, PEM files.
#[derive(Debug, Clone)]
pub struct TlsFiles {
    pub cert: PathBuf,
    pub key: PathBuf,
}

/// How the field link is served.
#[derive(Clone)]
pub struct FieldOptions {
    pub addr: SocketAddr,
    /// HTTPS with these files; `None` is plain HTTP, only with `plain_http` on loopback.
    pub tls: Option<TlsFiles>,
    /// The explicit flag for a plain-HTTP trial (refused on any address but loopback).
    pub plain_http: bool,
    /// The pages' language when the phone asks for none.
    pub lang: Lang,
    /// Where the lines for the administrator go (sign-ins, refusals, errors).
    pub log: LogFn,
    /// Sign-in attempts one address may make per minute, whatever the team (a load test
    /// of many phones behind one address raises it).
    pub sign_ins_per_minute: u32,
}

impl FieldOptions {
    /// HTTPS on `addr` with the service's certificate files; lines to standard error.
    pub fn https(addr: SocketAddr, tls: TlsFiles) -> FieldOptions {
        FieldOptions {
            addr,
            tls: Some(tls),
            plain_http: false,
            lang: Lang::Fr,
            log: log::stderr(Lang::Fr),
            sign_ins_per_minute: ATTEMPTS_PER_MINUTE,
        }
    }

    /// Plain HTTP on a loopback address, for trials.
    pub fn plain_loopback(addr: SocketAddr) -> FieldOptions {
        FieldOptions {
            addr,
            tls: None,
            plain_http: true,
            lang: Lang::Fr,
            log: log::stderr(Lang::Fr),
            sign_ins_per_minute: ATTEMPTS_PER_MINUTE,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum FieldError {
    #[error(
        "plain HTTP is only for a trial on a loopback address (127.0.0.1, ::1), with its flag; {0} is not one"
    )]
    PlainNotLoopback(SocketAddr),
    #[error(
        "the field link needs the service's certificate and key (PEM files), or the plain-HTTP trial flag on loopback"
    )]
    NoCertificate,
    #[error("cannot read the certificate or key: {0}")]
    Tls(String),
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error("the field link stopped: {0}")]
    Serve(std::io::Error),
}

/// Serves the field link on `opts.addr` until `shutdown` completes.
pub async fn serve(
    desk: Arc<dyn FieldDesk>,
    opts: FieldOptions,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), FieldError> {
    let listener = std::net::TcpListener::bind(opts.addr).map_err(|source| FieldError::Bind {
        addr: opts.addr,
        source,
    })?;
    serve_on(desk, opts, listener, shutdown).await
}

/// Like `serve`, on a listener already bound (a test binds port 0 and reads its port).
pub async fn serve_on(
    desk: Arc<dyn FieldDesk>,
    opts: FieldOptions,
    listener: std::net::TcpListener,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), FieldError> {
    let addr = listener.local_addr().map_err(FieldError::Serve)?;
    let tls = match (&opts.tls, opts.plain_http) {
        (Some(files), _) => Some(tls::config(files)?),
        (None, true) if addr.ip().is_loopback() => None,
        (None, true) => return Err(FieldError::PlainNotLoopback(addr)),
        (None, false) => return Err(FieldError::NoCertificate),
    };
    listener.set_nonblocking(true).map_err(FieldError::Serve)?;
    let ctx = Arc::new(routes::Ctx::new(desk, &opts, tls.is_some()));
    let app = routes::router(ctx.clone()).into_make_service_with_connect_info::<SocketAddr>();
    let handle: Handle<SocketAddr> = Handle::new();
    let stopping = handle.clone();
    let sweeper = tokio::spawn(live::sweep(ctx.clone()));
    tokio::spawn(async move {
        shutdown.await;
        // Live streams never end by themselves: give requests two seconds, then close.
        stopping.graceful_shutdown(Some(Duration::from_secs(2)));
    });
    (opts.log)(&FieldLog::Listening {
        addr,
        https: tls.is_some(),
    });
    let served = match tls {
        Some(cfg) => {
            let server = axum_server::from_tcp_rustls(listener, cfg).map_err(FieldError::Serve)?;
            server.handle(handle).serve(app).await
        }
        None => {
            let server = axum_server::from_tcp(listener).map_err(FieldError::Serve)?;
            server.handle(handle).serve(app).await
        }
    };
    sweeper.abort();
    (opts.log)(&FieldLog::Stopped);
    served.map_err(FieldError::Serve)
}
