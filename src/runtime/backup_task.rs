//! The backup written when a night is closed. The close is committed and durable first (the
//! screen says so at once); the backup, which reads and compresses the whole journal, runs
//! on tokio's blocking pool so that the console never freezes, and its outcome comes back as
//! a footer message. A failed backup undoes nothing: it is said, and the next close (or
//! `vigie backup`) tries again.

use crate::i18n::notice::Notice;
use crate::i18n::{self, Lang};
use crate::store::{BackupWritten, Store, StoreError};
use chrono::{DateTime, Utc};
use tokio::sync::mpsc::{UnboundedReceiver, UnboundedSender, unbounded_channel};

type Outcome = Result<BackupWritten, StoreError>;

pub struct Backups {
    lang: Lang,
    tx: UnboundedSender<Outcome>,
    rx: UnboundedReceiver<Outcome>,
    running: bool,
    /// A night was closed while a backup was being written (at this instant): one more
    /// after it.
    again: Option<DateTime<Utc>>,
}

impl Backups {
    pub fn new(lang: Lang) -> Backups {
        let (tx, rx) = unbounded_channel();
        Backups {
            lang,
            tx,
            rx,
            running: false,
            again: None,
        }
    }

    /// A night was closed: write a backup. `now` is the clock's (the demo's simulated time
    /// too): the export's `exported_at`.
    pub fn start(&mut self, store: &Store, now: DateTime<Utc>) {
        if self.running {
            self.again = Some(now);
            return;
        }
        self.running = true;
        let job = store.backup_job();
        let tx = self.tx.clone();
        tokio::task::spawn_blocking(move || {
            // The receiver lives as long as the console; nobody to tell otherwise.
            let _ = tx.send(job.run(now));
        });
    }

    /// A backup is being written.
    pub fn running(&self) -> bool {
        self.running
    }

    /// The next backup outcome (pending for ever while none is under way).
    pub async fn finished(&mut self) -> Outcome {
        match self.rx.recv().await {
            Some(outcome) => outcome,
            // Unreachable while `self.tx` lives; wait like an idle source.
            None => std::future::pending().await,
        }
    }

    /// What to say about a finished backup; starts the next one if a close came meanwhile.
    pub fn done(&mut self, store: &Store, outcome: Outcome) -> Notice {
        self.running = false;
        if let Some(now) = self.again.take() {
            self.start(store, now);
        }
        match outcome {
            Ok(w) => Notice::BackupWritten(w),
            Err(e) => Notice::Failed(i18n::store::store_error(&e, self.lang)),
        }
    }

    /// Lets the backup under way finish while the store is open (the console does the
    /// same through its desk).
    #[cfg(test)]
    pub async fn wait(&mut self, store: &Store) {
        while self.running {
            let outcome = self.finished().await;
            let _ = self.done(store, outcome);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::{nights_until, simulate};

    fn store_with_two_nights(dir: &std::path::Path) -> Store {
        let mut store = Store::open(dir, crate::territory::rennes().unwrap()).unwrap();
        let nights = nights_until("2026-11-28".parse().unwrap(), 2);
        simulate(&mut store, &nights, 1, |_| {}).unwrap();
        store
    }

    #[tokio::test]
    async fn closing_a_night_writes_a_backup_in_the_background_and_says_so() {
        let tmp = tempfile::tempdir().unwrap();
        let store = store_with_two_nights(tmp.path());
        std::fs::remove_dir_all(store.backup_dir()).unwrap();
        let mut backups = Backups::new(Lang::En);
        backups.start(&store, Utc::now());
        assert!(backups.running);
        let outcome = backups.finished().await;
        let notice = backups.done(&store, outcome);
        assert!(!notice.is_error(), "{notice:?}");
        let text = crate::i18n::notice::text(&notice, Lang::En, store.territory());
        assert!(text.starts_with("Backup written: "), "{text}");
        assert!(text.contains("vigie-2026-11-28.jsonl.gz"), "{text}");
        assert_eq!(store.backups().unwrap().len(), 1);
    }

    #[tokio::test]
    async fn a_failed_backup_is_an_error_message_and_the_next_close_tries_again() {
        let tmp = tempfile::tempdir().unwrap();
        let store = store_with_two_nights(tmp.path());
        std::fs::remove_dir_all(store.backup_dir()).unwrap();
        // A file where the backups directory should be.
        std::fs::write(store.backup_dir(), b"in the way").unwrap();
        let mut backups = Backups::new(Lang::Fr);
        backups.start(&store, Utc::now());
        let outcome = backups.finished().await;
        let notice = backups.done(&store, outcome);
        assert!(notice.is_error(), "{notice:?}");
        let text = crate::i18n::notice::text(&notice, Lang::Fr, store.territory());
        assert!(text.starts_with("Sauvegarde impossible"), "{text}");
        assert_eq!(store.last_seq(), store.state().last_seq);
        std::fs::remove_file(store.backup_dir()).unwrap();
        backups.start(&store, Utc::now());
        backups.wait(&store).await;
        assert_eq!(store.backups().unwrap().len(), 1);
    }
}
