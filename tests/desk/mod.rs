//! What the runtime does with `update`'s effects, played against the pure domain: commits
//! (several at once stand or fall together), then the log lines and the outcome fed back.

use vigie::app::{Action, AppState, Effect, LogLine, update};
use vigie::domain::execute;
use vigie::i18n::refusal::refusal;

/// Performs the effects; returns how many commits were written.
pub fn perform(app: &mut AppState, effects: Vec<Effect>) -> usize {
    let mut written = 0;
    for effect in effects {
        let (commands, message) = match effect {
            Effect::Commit(cmd, message) => (vec![cmd], message),
            Effect::CommitAll(commands, message) => (commands, message),
            _ => continue,
        };
        let mut state = app.domain.clone();
        let mut lines = Vec::new();
        let outcome = commands.iter().try_for_each(|cmd| {
            let (envelopes, _) = execute(&mut state, &app.territory, cmd, app.now)?;
            lines.extend(envelopes.iter().map(|e| LogLine {
                seq: e.seq,
                night: e.night,
                text: format!("{} {:?}", e.seq, e.event),
            }));
            Ok(())
        });
        let feedback = match outcome {
            Ok(()) => {
                written += 1;
                update(app, Action::Logged(lines));
                Action::Committed {
                    state: Box::new(state),
                    message,
                }
            }
            Err(r) => Action::Failed(refusal(&r, app.lang)),
        };
        let more = update(app, feedback);
        written += perform(app, more);
    }
    written
}
