//! The rules of each command, per aggregate: the night, teams, requests, interventions (a
//! team's visit), situations, notes (log entries, observations, erasure) and the handover
//! with instructions. `decide.rs` holds the entry points and the lookups these use.

mod actions;
mod cases;
mod handover;
mod interventions;
mod night;
mod notes;
mod phone;
mod plan;
mod requests;
mod safety;
mod teams;
mod watch;
