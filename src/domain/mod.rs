//! The pure model: no I/O, no project imports. Commands are decided against the state and
//! become events; events are applied to the state. Replaying the journal gives the live state.

pub mod action;
pub mod aggregate;
pub mod calendar;
pub mod clock;
pub mod command;
pub mod decide;
pub mod event;
pub mod facts;
pub mod handover;
pub mod ids;
pub mod origin;
pub mod personal;
pub mod plan;
pub mod reference;
pub mod refusal;
pub mod request_steps;
mod rules;
pub mod safety;
pub mod safety_checks;
pub mod state;
pub mod validate;
pub mod validate_watch;
pub mod views;
pub mod vocab;
pub mod watch;
pub mod written;

pub use command::Command;
pub use decide::{Decision, decide, execute, stamp};
pub use event::{Envelope, Event, Origin};
pub use refusal::Refusal;
pub use state::State;
pub use written::Written;
