//! Small HTTP helpers of the field link: forms and queries decoded by hand (so that no
//! extractor's rejection, with its internal words, ever reaches a phone), cookies, the
//! page language, and responses with the security headers every answer carries.

use crate::i18n::Lang;
use axum::body::Body;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

/// The largest body a phone may send (a clearing with a long note fits many times over).
pub const BODY_LIMIT: usize = 16 * 1024;

/// `application/x-www-form-urlencoded` pairs, in order (checkboxes repeat a name).
pub fn pairs(raw: &[u8]) -> Vec<(String, String)> {
    raw.split(|b| *b == b'&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let mut kv = p.splitn(2, |b| *b == b'=');
            let k = decode(kv.next().unwrap_or_default());
            let v = decode(kv.next().unwrap_or_default());
            (k, v)
        })
        .collect()
}

fn decode(s: &[u8]) -> String {
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        match s[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < s.len() => {
                let hex = std::str::from_utf8(&s[i + 1..i + 3]).ok();
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(b) => {
                        out.push(b);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The first value of `name`.
pub fn field<'a>(pairs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

/// Every value of `name` (checkboxes).
pub fn fields<'a>(pairs: &'a [(String, String)], name: &str) -> Vec<&'a str> {
    pairs
        .iter()
        .filter(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
        .collect()
}

/// A cookie's value from the request's `Cookie` headers.
pub fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|c| c.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_string())
}

/// A `Set-Cookie` value: HttpOnly and SameSite=Strict always, Secure over HTTPS.
pub fn set_cookie(name: &str, value: &str, secure: bool, max_age: Option<u32>) -> String {
    let secure = if secure { "; Secure" } else { "" };
    let age = max_age.map_or(String::new(), |a| format!("; Max-Age={a}"));
    format!("{name}={value}; Path=/; HttpOnly; SameSite=Strict{secure}{age}")
}

/// The page's language: `?lang=` first, then the phone's Accept-Language, else `default`.
pub fn lang(query: &[(String, String)], headers: &HeaderMap, default: Lang) -> Lang {
    if let Some(l) = field(query, "lang").and_then(Lang::parse) {
        return l;
    }
    let accept = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let first = accept.split(',').next().unwrap_or("").trim();
    let tag = first.split(';').next().unwrap_or("");
    Lang::parse(tag).unwrap_or(default)
}

/// Adds the headers every answer carries: no caching of personal pages, no framing, a
/// strict content policy (scripts and styles from this server only).
pub fn guarded(mut r: Response) -> Response {
    let h = r.headers_mut();
    let set = |h: &mut HeaderMap, k: header::HeaderName, v: &'static str| {
        h.insert(k, HeaderValue::from_static(v));
    };
    set(h, header::CACHE_CONTROL, "no-store");
    set(h, header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(h, header::X_FRAME_OPTIONS, "DENY");
    set(h, header::REFERRER_POLICY, "no-referrer");
    set(
        h,
        header::CONTENT_SECURITY_POLICY,
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; \
         form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    );
    r
}

pub fn html(status: StatusCode, body: String) -> Response {
    let r = (
        status,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        body,
    );
    guarded(r.into_response())
}

pub fn json(status: StatusCode, value: &serde_json::Value) -> Response {
    let r = (
        status,
        [(header::CONTENT_TYPE, "application/json")],
        value.to_string(),
    );
    guarded(r.into_response())
}

/// 303 See Other to `to`, with extra headers (cookies).
pub fn redirect(to: &str, cookies: &[String]) -> Response {
    let mut r = Response::new(Body::empty());
    *r.status_mut() = StatusCode::SEE_OTHER;
    if let Ok(v) = HeaderValue::from_str(to) {
        r.headers_mut().insert(header::LOCATION, v);
    }
    for c in cookies {
        if let Ok(v) = HeaderValue::from_str(c) {
            r.headers_mut().append(header::SET_COOKIE, v);
        }
    }
    guarded(r)
}

/// Whether the phone's script made the call (it wants JSON, not a page).
pub fn from_script(headers: &HeaderMap) -> bool {
    headers.contains_key("x-vigie-js")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_decode_plus_percent_and_repeats() {
        let p = pairs(b"a=b+c&n=%C3%A9t%C3%A9&r=x&r=y&bad=%zz&end=%4");
        assert_eq!(field(&p, "a"), Some("b c"));
        assert_eq!(field(&p, "n"), Some("été"));
        assert_eq!(fields(&p, "r"), vec!["x", "y"]);
        assert_eq!(field(&p, "bad"), Some("%zz"));
        assert_eq!(field(&p, "end"), Some("%4"));
    }
}
