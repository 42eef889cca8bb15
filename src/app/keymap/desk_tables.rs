//! The key tables of the directory and the watch screens.

use super::{Binding, NEVER, Place, b, char};
use crate::app::Action;
use crate::app::desk_key::DeskKey;
use crate::i18n::desk_keys::DeskDoc;
use crate::i18n::keys::Doc;
use KeyCode::{Down, End, Esc, Home, PageDown, PageUp, Up};
use crossterm::event::KeyCode;

const WATCH: &[Place] = &[Place::Watch];
const DIRECTORY: &[Place] = &[Place::Directory];

/// Keys of the partner directory.
pub const DIRECTORY_KEYS: &[Binding] = &[
    b(
        &[(char('/'), Action::Desk(DeskKey::Find))],
        Doc::Desk(DeskDoc::Find),
        DIRECTORY,
    ),
    b(
        &[(Esc, Action::Back)],
        Doc::Desk(DeskDoc::ClearFilters),
        NEVER,
    ),
    b(&[(Up, Action::Up), (char('k'), Action::Up)], Doc::Up, NEVER),
    b(
        &[(Down, Action::Down), (char('j'), Action::Down)],
        Doc::Down,
        NEVER,
    ),
    b(
        &[(Home, Action::Home), (char('g'), Action::Home)],
        Doc::Home,
        NEVER,
    ),
    b(
        &[(End, Action::End), (char('G'), Action::End)],
        Doc::End,
        NEVER,
    ),
];

/// Keys of the watch screen.
pub const WATCH_KEYS: &[Binding] = &[
    b(
        &[(char('t'), Action::Desk(DeskKey::Transmit))],
        Doc::Desk(DeskDoc::Transmit),
        WATCH,
    ),
    b(
        &[(char('a'), Action::Desk(DeskKey::Answer))],
        Doc::Desk(DeskDoc::Answer),
        WATCH,
    ),
    b(
        &[(char('r'), Action::Desk(DeskKey::Resolve))],
        Doc::Desk(DeskDoc::Resolve),
        WATCH,
    ),
    b(
        &[(char('X'), Action::Desk(DeskKey::NoFollowUp))],
        Doc::Desk(DeskDoc::NoFollowUp),
        WATCH,
    ),
    b(
        &[(char('c'), Action::Desk(DeskKey::FilterCommissioner))],
        Doc::Desk(DeskDoc::FilterCommissioner),
        WATCH,
    ),
    b(
        &[(char('s'), Action::Desk(DeskKey::FilterStatus))],
        Doc::Desk(DeskDoc::FilterStatus),
        WATCH,
    ),
    b(
        &[(char('y'), Action::Desk(DeskKey::FilterKind))],
        Doc::Desk(DeskDoc::FilterKind),
        NEVER,
    ),
    b(
        &[(char('d'), Action::Desk(DeskKey::FilterDistrict))],
        Doc::Desk(DeskDoc::FilterDistrict),
        NEVER,
    ),
    b(
        &[(char('e'), Action::Desk(DeskKey::FilterAge))],
        Doc::Desk(DeskDoc::FilterAge),
        NEVER,
    ),
    b(
        &[(Esc, Action::Back)],
        Doc::Desk(DeskDoc::ClearFilters),
        NEVER,
    ),
    b(&[(Up, Action::Up), (char('k'), Action::Up)], Doc::Up, NEVER),
    b(
        &[(Down, Action::Down), (char('j'), Action::Down)],
        Doc::Down,
        NEVER,
    ),
    b(&[(PageUp, Action::PageUp)], Doc::PageUp, NEVER),
    b(&[(PageDown, Action::PageDown)], Doc::PageDown, NEVER),
];
