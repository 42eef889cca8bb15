//! The phone's pages in headless Chromium at 390×844: sign in, go on site, file an
//! observation. The flow is driven with a real HTTP client (the pages work without
//! JavaScript, plain forms); Chromium renders each page as the phone received it (its
//! style from the server), and the screenshots go to `target/field-screens/` for people
//! to look at. Without Chromium the test is skipped; with `VIGIE_REQUIRE_CHROMIUM=1` (CI)
//! a missing Chromium is a failure.

#[path = "support/field.rs"]
mod field;

use field::*;
use std::path::{Path, PathBuf};
use std::process::Command;

fn chromium() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|d| ["chromium", "chromium-browser"].map(|n| d.join(n)))
        .find(|p| p.is_file())
}

/// Renders `html` in Chromium off the runtime's thread (the server must answer its style).
async fn shoot(bin: &Path, base: &str, html: &str, name: &str, height: u32) -> String {
    let (bin, base, html, name) = (
        bin.to_path_buf(),
        base.to_string(),
        html.to_string(),
        name.to_string(),
    );
    tokio::task::spawn_blocking(move || shoot_now(&bin, &base, &html, &name, height))
        .await
        .unwrap()
}

/// Renders `html` (as the phone got it) at 390×`height`: a screenshot, and the DOM.
fn shoot_now(bin: &Path, base: &str, html: &str, name: &str, height: u32) -> String {
    let out_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/field-screens");
    std::fs::create_dir_all(&out_dir).unwrap();
    // The style from the server; no script (the no-JavaScript page, with nothing queued).
    let page = html
        .replace("href=\"/static/", &format!("href=\"{base}/static/"))
        .replace("<script src=\"/static/field.js\" defer></script>", "");
    let file = out_dir.join(format!("{name}.html"));
    std::fs::write(&file, page).unwrap();
    let url = format!("file://{}", file.display());
    let profile = tempfile::tempdir().unwrap();
    let png = out_dir.join(format!("{name}.png"));
    let run = |extra: &[String]| {
        Command::new(bin)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--hide-scrollbars",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--force-device-scale-factor=1",
            ])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .arg(format!("--window-size=390,{height}"))
            .args(extra)
            .arg(&url)
            .output()
            .expect("chromium runs")
    };
    let shot = run(&[format!("--screenshot={}", png.display())]);
    assert!(
        png.is_file(),
        "no screenshot: {}",
        String::from_utf8_lossy(&shot.stderr)
    );
    let dom = run(&["--dump-dom".to_string()]);
    String::from_utf8_lossy(&dom.stdout).into_owned()
}

#[tokio::test]
async fn sign_in_go_on_site_and_file_an_observation_as_a_phone_sees_it() {
    let Some(bin) = chromium() else {
        assert!(
            std::env::var("VIGIE_REQUIRE_CHROMIUM").as_deref() != Ok("1"),
            "VIGIE_REQUIRE_CHROMIUM=1 but no chromium on PATH (apt-get install chromium)"
        );
        eprintln!("skipped: Chromium is not installed (apt-get install chromium to run this test)");
        return;
    };
    let (w, _) = world(false).await;
    let c = phone(None, w.addr);
    let page = c
        .get(format!("{}/connexion", w.base))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let dom = shoot(&bin, &w.base, &page, "1-sign-in", 844).await;
    assert!(dom.contains("Code de la nuit"), "{dom}");

    assert_eq!(
        sign_in(&c, &w.base, "E1", &w.codes["E1"])
            .await
            .status()
            .as_u16(),
        303
    );
    let (page, csrf) = home(&c, &w.base).await;
    let dom = shoot(&bin, &w.base, &page, "2-assignment", 844).await;
    assert!(
        dom.contains("Mission en cours") && dom.contains("Sur place"),
        "{dom}"
    );

    // « Sur place », as the form posts it without JavaScript (post-redirect-get).
    let id = hidden(
        &page[page
            .find("value=\"arrive\"")
            .map_or(0, |i| i.saturating_sub(300))..],
        "id",
    )
    .unwrap();
    let r = post(
        &c,
        &format!("{}/action", w.base),
        enc(&[("csrf", &csrf), ("id", &id), ("do", "arrive")]),
    )
    .await;
    assert_eq!(r.status().as_u16(), 303);
    let (page, _) = home(&c, &w.base).await;
    let dom = shoot(&bin, &w.base, &page, "3-on-site", 844).await;
    assert!(
        dom.contains("Enregistré au poste") && dom.contains("sur place"),
        "{dom}"
    );

    let body = enc(&[
        ("csrf", &csrf),
        ("id", "obs-1"),
        ("do", "observe"),
        ("kind", "lighting"),
        ("site", SITE),
        ("entrance", "Hall A"),
        ("note", "Éclairage du hall en panne"),
    ]);
    let r = post(&c, &format!("{}/action", w.base), body).await;
    assert_eq!(r.status().as_u16(), 303);
    let (page, _) = home(&c, &w.base).await;
    let dom = shoot(&bin, &w.base, &page, "4-observation", 844).await;
    assert!(dom.contains("Enregistré au poste"), "{dom}");
    shoot(&bin, &w.base, &page, "5-whole-page", 3000).await;
    let j = journal_since(&w.desk, 0);
    assert!(
        j.iter()
            .any(|(k, t)| k == "observation_recorded" && t.as_deref() == Some("E1"))
    );
}
