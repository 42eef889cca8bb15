//! The service's certificate for HTTPS: PEM files read once at start, rustls with ring.

use super::{FieldError, TlsFiles};
use axum_server::tls_rustls::RustlsConfig;
use rustls::ServerConfig;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};
use std::sync::Arc;

pub fn config(files: &TlsFiles) -> Result<RustlsConfig, FieldError> {
    let shown = |p: &std::path::Path, e: &dyn std::fmt::Display| {
        FieldError::Tls(format!("{}: {e}", p.display()))
    };
    let certs: Vec<CertificateDer<'static>> = CertificateDer::pem_file_iter(&files.cert)
        .map_err(|e| shown(&files.cert, &e))?
        .collect::<Result<_, _>>()
        .map_err(|e| shown(&files.cert, &e))?;
    if certs.is_empty() {
        return Err(shown(&files.cert, &"no certificate in the file"));
    }
    let key = PrivateKeyDer::from_pem_file(&files.key).map_err(|e| shown(&files.key, &e))?;
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut cfg = ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| FieldError::Tls(e.to_string()))?
        .with_no_client_auth()
        .with_single_cert(certs, key)
        .map_err(|e| shown(&files.cert, &e))?;
    cfg.alpn_protocols = vec![b"http/1.1".to_vec()];
    Ok(RustlsConfig::from_config(Arc::new(cfg)))
}
