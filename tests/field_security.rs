//! The field link's guards: no session → 401; five wrong codes lock a team's sign-in (the
//! right code too, while locked); a team cannot act on another's assignment nor see its
//! callback; a body over the limit → 413; a forged form is refused; the night's close
//! ends the sessions; no error answer shows internal detail.

#[path = "support/field.rs"]
mod field;

use field::*;
use vigie::domain::Command;

/// What an error answer must never show: paths, Rust's Debug output, library words.
fn clean(body: &str) {
    for needle in [
        "/tmp",
        "/root",
        "src/",
        ".rs",
        "{ ",
        "Err(",
        "Some(",
        "panicked",
        "rejection",
        "Failed to",
        "sled",
        "axum",
        "hyper",
        "Refused(",
        "length limit",
    ] {
        assert!(
            !body.contains(needle),
            "{needle:?} in an error answer: {body}"
        );
    }
}

#[tokio::test]
async fn without_a_session_every_team_route_answers_401() {
    let (w, _) = world(false).await;
    let c = phone(None, w.addr);
    let (status, body) = act(&c, &w.base, "none", "x1", &[("do", "arrive")]).await;
    assert_eq!(status, 401);
    clean(&body);
    for path in ["/situation", "/flux"] {
        let r = c.get(format!("{}{path}", w.base)).send().await.unwrap();
        assert_eq!(r.status().as_u16(), 401, "{path}");
        clean(&r.text().await.unwrap());
    }
    let r = c.get(format!("{}/", w.base)).send().await.unwrap();
    assert_eq!(r.status().as_u16(), 303, "the page sends to sign-in");
    let r = c
        .get(format!("{}/nowhere/../../etc", w.base))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 404);
    clean(&r.text().await.unwrap());
}

#[tokio::test]
async fn five_wrong_codes_lock_the_teams_sign_in_even_for_the_right_code() {
    let (w, _) = world(false).await;
    let c = phone(None, w.addr);
    for i in 0..4 {
        let r = sign_in(&c, &w.base, "E1", "WRONGCODE2").await;
        assert_eq!(r.status().as_u16(), 401, "try {i}");
        let body = r.text().await.unwrap();
        assert!(body.contains("Code incorrect"), "{body}");
    }
    let r = sign_in(&c, &w.base, "E1", "WRONGCODE2").await;
    assert_eq!(r.status().as_u16(), 423);
    let body = r.text().await.unwrap();
    assert!(
        body.contains("bloquée") && body.contains("15 min"),
        "{body}"
    );
    let r = sign_in(&c, &w.base, "E1", &w.codes["E1"]).await;
    assert_eq!(
        r.status().as_u16(),
        423,
        "the right code is refused while locked"
    );
    clean(&r.text().await.unwrap());
    // Another team is not locked.
    let r = sign_in(&c, &w.base, "E2", &w.codes["E2"]).await;
    assert_eq!(r.status().as_u16(), 303);
    let logs = w.logs.lock().unwrap().clone();
    assert!(
        logs.iter()
            .any(|l| matches!(l, vigie::field::FieldLog::WrongCode { locked: true, .. }))
    );
    // Beyond the rate, any sign-in from that address waits a minute.
    let mut last = 0;
    for _ in 0..6 {
        last = sign_in(&c, &w.base, "E2", "WRONGCODE2")
            .await
            .status()
            .as_u16();
    }
    assert_eq!(last, 429);
}

#[tokio::test]
async fn a_team_cannot_act_on_another_teams_assignment_nor_see_its_callback() {
    let (w, _) = world(false).await;
    let c = phone(None, w.addr);
    sign_in(&c, &w.base, "E1", &w.codes["E1"]).await;
    let (page, csrf) = home(&c, &w.base).await;
    assert!(!page.contains(E2_CALLBACK) && !page.contains(E1_CALLBACK));
    assert!(
        !page.contains("Résident Inventé"),
        "no caller's name on a phone"
    );
    let before = last_seq(&w.desk);
    // Naming E2 in the form changes nothing: the team is the session's.
    let (status, body) = act(
        &c,
        &w.base,
        &csrf,
        "e2-1",
        &[("do", "arrive"), ("team", "E2")],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let e2_on_site = w.desk.with_store(|s| {
        s.state()
            .requests
            .values()
            .any(|r| r.team.as_deref() == Some("E2") && r.on_site_at.is_some())
    });
    assert!(!e2_on_site, "E2's assignment untouched");
    assert_eq!(
        journal_since(&w.desk, before),
        vec![("team_arrived".to_string(), Some("E1".to_string()))]
    );
    let situation = c
        .get(format!("{}/situation", w.base))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!situation.contains(E2_CALLBACK) && !situation.contains("Gros Chêne 2"));
}

#[tokio::test]
async fn a_body_over_the_limit_is_413_and_forged_forms_are_refused() {
    let (w, _) = world(false).await;
    let c = phone(None, w.addr);
    sign_in(&c, &w.base, "E1", &w.codes["E1"]).await;
    let (_, csrf) = home(&c, &w.base).await;
    let before = last_seq(&w.desk);
    let long = "x".repeat(20 * 1024);
    let (status, body) = act(
        &c,
        &w.base,
        &csrf,
        "big",
        &[("do", "observe"), ("kind", "lighting"), ("note", &long)],
    )
    .await;
    assert_eq!(status, 413);
    clean(&body);
    // Without the token, and with a wrong one (no JavaScript, a plain forged form).
    for token in [None, Some("0123456789abcdef")] {
        let mut f = vec![("id", "forged"), ("do", "check_in"), ("word", "incident")];
        if let Some(t) = token {
            f.push(("csrf", t));
        }
        let r = post(&c, &format!("{}/action", w.base), enc(&f)).await;
        assert_eq!(r.status().as_u16(), 403, "{token:?}");
        let body = r.text().await.unwrap();
        assert!(body.contains("Formulaire expiré"), "{body}");
        clean(&body);
    }
    // A sign-in without the sign-in page's token is refused too.
    let fresh = phone(None, w.addr);
    let r = post(
        &fresh,
        &format!("{}/connexion", w.base),
        enc(&[("team", "E1"), ("code", &w.codes["E1"])]),
    )
    .await;
    assert_eq!(r.status().as_u16(), 403);
    // Nonsense is refused in words, nothing written.
    let (status, body) = act(
        &c,
        &w.base,
        &csrf,
        "bad",
        &[("do", "clear"), ("outcome", "{\"x\":1}")],
    )
    .await;
    assert_eq!(status, 400);
    clean(&body);
    let (status, _) = act(
        &c,
        &w.base,
        &csrf,
        "../../../etc/passwd",
        &[("do", "arrive")],
    )
    .await;
    assert_eq!(status, 400);
    assert_eq!(last_seq(&w.desk), before, "nothing written");
}

#[tokio::test]
async fn the_nights_close_ends_every_session() {
    let (w, _) = world(false).await;
    let c = phone(None, w.addr);
    sign_in(&c, &w.base, "E1", &w.codes["E1"]).await;
    let (_, csrf) = home(&c, &w.base).await;
    let ids: Vec<_> = w
        .desk
        .with_store(|s| s.state().requests.keys().copied().collect());
    let mut close = vec![
        Command::Recall { team: "E1".into() },
        Command::Recall { team: "E2".into() },
    ];
    close.extend(ids.iter().map(|r| Command::Cancel { request: *r }));
    close.push(Command::CloseNight);
    w.desk
        .commit_at_desk(&close, "poste-1", chrono::Utc::now())
        .expect("the night closes");
    let (status, body) = act(&c, &w.base, &csrf, "after", &[("do", "en_route")]).await;
    assert_eq!(status, 401);
    assert!(body.contains("clôturée"), "{body}");
    let r = sign_in(&c, &w.base, "E1", &w.codes["E1"]).await;
    // The page has no form any more (no team has a code): whatever is posted opens nothing.
    assert!([401, 403].contains(&r.status().as_u16()), "{}", r.status());
    let page = c
        .get(format!("{}/connexion", w.base))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("Aucune équipe n&#39;a de code"), "{page}");
}
