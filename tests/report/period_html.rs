//! The HTML period report in a real browser (Debian's headless Chromium): it loads with
//! no request to the network and no console message, its SVG charts have the expected
//! number of bars, points, cells and districts, and screenshots at A4 width are written
//! under `target/report-shots/` for people to look at. Without Chromium the test says it is
//! skipped; with `VIGIE_REQUIRE_CHROMIUM=1` (CI) a missing Chromium is a failure.

use super::period_nights::autumn;
use std::path::{Path, PathBuf};
use std::process::Command;
use vigie::i18n::Lang;
use vigie::report::csv::Separator;
use vigie::report::period::files::render;
use vigie::report::period::{Format, Period, Who, period_report};

fn chromium() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|d| ["chromium", "chromium-browser"].map(|n| d.join(n)))
        .find(|p| p.is_file())
}

/// One headless run with a fresh profile; (stdout, stderr).
fn run(bin: &Path, profile: &Path, args: &[String], url: &str) -> (String, String) {
    let out = Command::new(bin)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .arg(url)
        .output()
        .expect("chromium runs");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The URLs the page itself asked for, from Chromium's network log: the jobs started with
/// an origin as initiator (the browser's own chatter — updates, time — has none).
fn page_requests(netlog: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(netlog).expect("the network log");
    let log: serde_json::Value = serde_json::from_str(&text).expect("the network log parses");
    let start = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"].clone();
    let events = log["events"].as_array().cloned().unwrap_or_default();
    events
        .iter()
        .filter(|e| e["type"] == start && e["params"]["initiator"] != "not an origin")
        .filter_map(|e| e["params"]["url"].as_str().map(str::to_string))
        .collect()
}

/// Loads `url` with a network log; the page's requests, the DOM and the browser's stderr.
fn load(bin: &Path, dir: &Path, name: &str, url: &str) -> (Vec<String>, String, String) {
    let netlog = dir.join(format!("{name}.json"));
    let (dom, stderr) = run(
        bin,
        &dir.join(name),
        &[
            format!("--log-net-log={}", netlog.display()),
            "--enable-logging=stderr".into(),
            "--v=0".into(),
            "--dump-dom".into(),
        ],
        url,
    );
    (page_requests(&netlog), dom, stderr)
}

#[test]
fn the_html_report_loads_offline_in_chromium_with_its_charts() {
    let Some(bin) = chromium() else {
        assert!(
            std::env::var("VIGIE_REQUIRE_CHROMIUM").as_deref() != Ok("1"),
            "VIGIE_REQUIRE_CHROMIUM=1 but no chromium on PATH (apt-get install chromium)"
        );
        eprintln!("skipped: Chromium is not installed (apt-get install chromium to run this test)");
        return;
    };
    let d = autumn();
    let t = d.store.territory();
    let r = period_report(
        &d.store,
        Period::quarter("2026-Q4").expect("a quarter"),
        &Who::Service,
    )
    .expect("a report");
    let html = render(&r, t, Format::Html, Lang::Fr, Separator::Semicolon).expect("html");
    let shots = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/report-shots");
    std::fs::create_dir_all(&shots).expect("target/report-shots");
    let page = shots.join("rapport-2026-Q4-service.html");
    std::fs::write(&page, &html).expect("the page");
    let url = format!("file://{}", page.display());
    let tmp = tempfile::tempdir().expect("tempdir");

    // The check can fail: a page that fetches an image and logs an error is caught.
    let probe = tmp.path().join("probe.html");
    let bad = "<!doctype html><img src=\"http://example.invalid/x.png\"><script>console.error('boom')</script>";
    std::fs::write(&probe, bad).expect("the probe page");
    let (asked, _, stderr) = load(
        &bin,
        tmp.path(),
        "probe",
        &format!("file://{}", probe.display()),
    );
    assert!(
        asked.iter().any(|u| u.contains("example.invalid")),
        "the probe's request is seen: {asked:?}"
    );
    assert!(
        stderr.contains("CONSOLE"),
        "the probe's console error is seen: {stderr}"
    );

    let (asked, dom, stderr) = load(&bin, tmp.path(), "report", &url);
    assert!(
        dom.contains("Rapport d'activité"),
        "the page loaded: {stderr}"
    );
    let outside: Vec<&String> = asked.iter().filter(|u| !u.starts_with("file:")).collect();
    assert!(outside.is_empty(), "requests to the network: {outside:?}");
    assert!(!stderr.contains("CONSOLE"), "console messages: {stderr}");
    let n = |class: &str| dom.matches(&format!("class=\"{class}\"")).count();
    assert_eq!(n("bar"), 12, "one bar per category");
    assert_eq!(n("point"), 13, "13 months");
    assert_eq!(n("point before"), 13, "the year-before line");
    assert_eq!(n("cell"), 36, "6 nights × 6 bands");
    assert_eq!(n("district"), 4, "the four districts");
    assert_eq!(n("funnel"), 4, "the watch's stages");

    // Screenshots at A4 width (96 dpi): the cover, and two chart pages (a copy of the page
    // showing that section alone, as it prints on its own sheet).
    let text = String::from_utf8(html).expect("utf-8");
    for (section, name) in [
        ("", "cover"),
        ("trends", "trends"),
        ("when", "hours"),
        ("where", "districts"),
    ] {
        let shown = if section.is_empty() {
            text.clone()
        } else {
            let only = format!(
                "<style>header.cover, section:not(#{section}) {{ display: none; }}</style></head>"
            );
            text.replacen("</head>", &only, 1)
        };
        let copy = tmp.path().join(format!("{name}.html"));
        std::fs::write(&copy, shown).expect("a copy");
        let png = shots.join(format!("period-{name}.png"));
        let _ = std::fs::remove_file(&png);
        run(
            &bin,
            &tmp.path().join(format!("p-{name}")),
            &[
                format!("--screenshot={}", png.display()),
                "--window-size=794,1123".into(),
            ],
            &format!("file://{}", copy.display()),
        );
        // A blank A4 screenshot is about 5 KB; a drawn page is several times that.
        assert!(
            png.metadata().is_ok_and(|m| m.len() > 15_000),
            "{} drawn",
            png.display()
        );
    }
}
