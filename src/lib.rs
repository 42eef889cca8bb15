//! Vigie: the night coordinator's console of a social-mediation service.
//!
//! Layers (DESIGN.md): `domain` is pure; `territory` loads reference data; `store` owns
//! sled; `i18n` turns typed messages into French or English; `report` builds what is
//! printed; `text` is search keys, cell widths and wrapping (a leaf); `demo` simulates
//! nights; `cli` is the command line.

pub mod app;
pub mod atomic_file;
pub mod cli;
pub mod config;
pub mod demo;
pub mod domain;
pub mod field;
pub mod i18n;
pub mod report;
pub mod runtime;
pub mod store;
pub mod territory;
pub mod text;
pub mod ui;
