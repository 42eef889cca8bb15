//! The field link with a real HTTP client against the real server on loopback: sign-in,
//! each action (the domain's command, with the team's origin in the journal), a retried
//! command id executed once, the live stream, and HTTPS with a self-signed certificate.

#[path = "support/field.rs"]
mod field;

use field::*;
use std::time::Duration;
use vigie::domain::Command;

#[tokio::test]
async fn a_team_signs_in_and_every_action_is_the_desks_command_with_its_origin() {
    let (w, _) = world(false).await;
    let c = phone(None, w.addr);
    let r = sign_in(&c, &w.base, "E1", &w.codes["E1"].to_lowercase()).await;
    assert_eq!(r.status().as_u16(), 303);
    let cookie = r
        .headers()
        .get("set-cookie")
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"));
    assert!(
        !cookie.contains("Secure"),
        "plain-HTTP trial: no Secure flag ({cookie})"
    );
    let (page, csrf) = home(&c, &w.base).await;
    assert!(
        page.contains("Les Ajoncs") && page.contains("Hall A"),
        "{page}"
    );
    assert!(
        page.contains("nuisances sonores") && page.contains("P2"),
        "{page}"
    );
    assert!(
        !page.contains(E1_CALLBACK),
        "no shared callback notion yet: never shown"
    );
    let before = last_seq(&w.desk);
    let item = w
        .desk
        .with_store(|s| s.state().plan.keys().next().unwrap().0.to_string());
    type Step<'a> = (&'a str, Vec<(&'a str, &'a str)>, &'a str);
    let steps: Vec<Step> = vec![
        ("a1", vec![("do", "en_route")], "team_contacted"),
        ("a2", vec![("do", "arrive")], "team_arrived"),
        (
            "a3",
            vec![("do", "check_in"), ("word", "incident")],
            "check_in_reported",
        ),
        (
            "a4",
            vec![("do", "pass"), ("item", &item)],
            "plan_item_passed",
        ),
        (
            "a5",
            vec![
                ("do", "observe"),
                ("kind", "lighting"),
                ("site", SITE),
                ("entrance", "Hall A"),
                ("note", "Ampoule du hall grillée"),
            ],
            "observation_recorded",
        ),
        (
            "a6",
            vec![
                ("do", "clear"),
                ("outcome", "calmed"),
                ("level", "mediation"),
                ("note", "Calme revenu"),
            ],
            "intervention_cleared",
        ),
    ];
    for (id, fields, kind) in &steps {
        let (status, body) = act(&c, &w.base, &csrf, id, fields).await;
        assert_eq!(status, 200, "{id}: {body}");
        assert!(body.contains("Enregistré"), "{body}");
        let j = journal_since(&w.desk, before);
        assert!(
            j.iter()
                .any(|(k, t)| k == kind && t.as_deref() == Some("E1")),
            "{id}: {kind} from E1 expected in {j:?}"
        );
    }
    // A refusal comes back in words: E1 is no longer assigned.
    let (status, body) = act(&c, &w.base, &csrf, "a7", &[("do", "arrive")]).await;
    assert_eq!(status, 409);
    assert!(
        body.contains("E1") && !body.contains("TeamNotAssigned"),
        "{body}"
    );
    // In English when asked.
    let en = c
        .get(format!("{}/?lang=en", w.base))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(en.contains("Observation for the watch"), "{en}");
    let logs = w.logs.lock().unwrap().clone();
    assert!(
        logs.iter()
            .any(|l| matches!(l, vigie::field::FieldLog::SignedIn { team, .. } if team == "E1"))
    );
}

#[tokio::test]
async fn a_retried_command_id_is_executed_once_and_a_plain_form_redirects() {
    let (w, _) = world(false).await;
    let c = phone(None, w.addr);
    sign_in(&c, &w.base, "E2", &w.codes["E2"]).await;
    let (_, csrf) = home(&c, &w.base).await;
    let before = last_seq(&w.desk);
    let fields = [("do", "check_in"), ("word", "reinforcement")];
    let (s1, _) = act(&c, &w.base, &csrf, "same-id", &fields).await;
    let (s2, _) = act(&c, &w.base, &csrf, "same-id", &fields).await;
    assert_eq!((s1, s2), (200, 200));
    let j = journal_since(&w.desk, before);
    assert_eq!(j.len(), 1, "executed once: {j:?}");
    // Without JavaScript: post-redirect-get, and the page says it once.
    let body = enc(&[("csrf", &csrf), ("id", "plain-1"), ("do", "en_route")]);
    let r = post(&c, &format!("{}/action", w.base), body).await;
    assert_eq!(r.status().as_u16(), 303);
    let (page, _) = home(&c, &w.base).await;
    assert!(page.contains("Enregistré au poste"), "{page}");
    let (again, _) = home(&c, &w.base).await;
    assert!(!again.contains("Enregistré au poste"));
}

#[tokio::test]
async fn the_live_stream_receives_a_commit_made_at_the_desk_and_a_renewed_code_ends_it() {
    let (w, _) = world(false).await;
    let c = phone(None, w.addr);
    sign_in(&c, &w.base, "E1", &w.codes["E1"]).await;
    let r = c.get(format!("{}/flux", w.base)).send().await.unwrap();
    assert_eq!(r.status().as_u16(), 200);
    assert!(
        r.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/event-stream")
    );
    let mut r = r;
    let desk = w.desk.clone();
    tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(200)).await;
        let note = Command::AddLogEntry {
            text: "Relève des équipes à 23 h".into(),
        };
        desk.commit_at_desk(&[note], "poste-1", chrono::Utc::now())
            .unwrap();
        tokio::time::sleep(Duration::from_millis(100)).await;
        // The coordinator renews E1's code: its session ends, the stream says « fin ».
        let hash = vigie::field::code::hash(&vigie::field::code::generate()).unwrap();
        let renew = Command::IssueTeamCode {
            team: "E1".into(),
            hash,
        };
        desk.commit_at_desk(&[renew], "poste-1", chrono::Utc::now())
            .unwrap();
    });
    let mut seen = String::new();
    let until = tokio::time::Instant::now() + Duration::from_secs(20);
    while !seen.contains("event: fin") && tokio::time::Instant::now() < until {
        match tokio::time::timeout(Duration::from_secs(10), r.chunk()).await {
            Ok(Ok(Some(b))) => seen.push_str(&String::from_utf8_lossy(&b)),
            _ => break,
        }
    }
    assert!(seen.contains("event: commit"), "{seen}");
    assert!(seen.contains("event: fin"), "the code was renewed: {seen}");
    // The session ended with the old code.
    let (status, _) = act(&c, &w.base, "x", "late", &[("do", "en_route")]).await;
    assert_eq!(status, 401);
}

#[tokio::test]
async fn over_https_with_the_services_certificate() {
    let (w, tls) = world(true).await;
    let tls = tls.unwrap();
    let c = phone(Some(&tls), w.addr);
    let r = sign_in(&c, &w.base, "E1", &w.codes["E1"]).await;
    assert_eq!(r.status().as_u16(), 303);
    let cookie = r
        .headers()
        .get("set-cookie")
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    assert!(
        cookie.contains("Secure") && cookie.contains("HttpOnly"),
        "{cookie}"
    );
    let (_, csrf) = home(&c, &w.base).await;
    let (status, body) = act(&c, &w.base, &csrf, "t1", &[("do", "arrive")]).await;
    assert_eq!(status, 200, "{body}");
    // A client that does not trust the certificate does not get through.
    let stranger = phone(None, w.addr);
    assert!(
        stranger
            .get(format!("{}/connexion", w.base))
            .send()
            .await
            .is_err()
    );
}

#[tokio::test]
async fn plain_http_is_refused_off_loopback_and_without_its_flag() {
    use vigie::field::{FieldError, FieldOptions, LocalDesk};
    let dir = tempfile::tempdir().unwrap();
    let store = vigie::store::Store::open(dir.path(), vigie::territory::rennes().unwrap()).unwrap();
    let desk: std::sync::Arc<dyn vigie::field::FieldDesk> =
        std::sync::Arc::new(LocalDesk::new(store));
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let mut opts = FieldOptions::plain_loopback(listener.local_addr().unwrap());
    opts.plain_http = false;
    let r = vigie::field::serve_on(desk, opts, listener, async {}).await;
    assert!(matches!(r, Err(FieldError::NoCertificate)), "{r:?}");
}
