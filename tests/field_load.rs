//! Eleven phones on loopback, each signing in and sending thirty actions (with retries of
//! the same id): none lost, none doubled, and the time from a phone's action to its commit
//! at a subscriber of the desk is printed (`cargo test --test field_load -- --nocapture`;
//! figures in docs/field.md). Bounded and self-stopping; no timed assertion.

#[path = "support/field.rs"]
mod field;
#[path = "support/phones.rs"]
mod phones;

use phones::Plan;
use std::time::Duration;
use vigie::field::FieldDesk;

fn plan(tag: &str, phones: usize, actions: usize, pause: Duration) -> Plan<'_> {
    Plan {
        tag,
        phones,
        actions,
        pause,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn eleven_phones_send_their_actions_once_each_and_the_desk_sees_them() {
    let (w, _) = field::world_with(false, |o| o.sign_ins_per_minute = 1000).await;
    let teams: Vec<(String, String)> = w
        .codes
        .iter()
        .map(|(t, c)| (t.clone(), c.clone()))
        .collect();
    let before = field::last_seq(&w.desk);
    let commits = w.desk.commits();
    let (phones, actions) = (11, 30);
    let burst = Duration::ZERO;
    let report = phones::load(
        &w.base,
        w.addr,
        &teams,
        commits,
        plan("many", phones, actions, burst),
    )
    .await;
    println!("{report}");
    let journal = field::journal_since(&w.desk, before);
    assert_eq!(journal.len(), phones * actions, "none lost, none doubled");
    assert_eq!(
        report.seen,
        phones * actions,
        "every commit reached the subscriber"
    );
    assert!(report.retries > 0);
    // One phone alone: the latency without others queueing on the store's fsync.
    let commits = w.desk.commits();
    let alone = phones::load(
        &w.base,
        w.addr,
        &teams[..1],
        commits,
        plan("alone", 1, 30, burst),
    )
    .await;
    println!("{alone}");
    assert_eq!(alone.seen, 30);
    // Eleven phones at a human pace (an action every 100 ms each, still far above a night's).
    let commits = w.desk.commits();
    let pace = Duration::from_millis(100);
    let paced = phones::load(
        &w.base,
        w.addr,
        &teams,
        commits,
        plan("paced", phones, 20, pace),
    )
    .await;
    println!("{paced}");
    assert_eq!(paced.seen, phones * 20);
}
