//! Several desks on one store (docs/architecture.md, Several desks). The first process to
//! open a data directory owns the store (`hub`) and listens on a local socket (`server`,
//! `platform`); every later one connects to it (`client`) and works through a `Link`, the
//! same whether it owns the store or not. When the owner goes, the next `seat` opens it.

pub mod client;
mod command;
pub mod hub;
pub mod link;
pub mod platform;
pub mod protocol;
pub mod seat;
pub mod server;

pub use hub::{Hub, Published, SubmitError};
pub use link::{Link, LinkError, new_id};
pub use seat::{Seat, SeatError, Seating, desk_name};
