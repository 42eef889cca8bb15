//! The keys of the watch, the relays, the night's plan and the directory, as one action
//! family (`Action::Desk`): their handlers live in `watch_keys.rs` and `directory.rs`.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeskKey {
    /// Board: record an observation (the team's report or the coordinator's own).
    Observe,
    /// Board: follow a relay (called, answered, arrived, no answer).
    FollowRelay,
    /// Board: add an item to tonight's plan.
    AddPlanItem,
    /// Watch screen: the next commissioner, status, kind, district, age filter.
    FilterCommissioner,
    FilterStatus,
    FilterKind,
    FilterDistrict,
    FilterAge,
    /// Watch screen: the selected observation was sent directly.
    Transmit,
    /// Watch screen: the commissioner's answer (who, what).
    Answer,
    Resolve,
    NoFollowUp,
    /// Directory: type to filter.
    Find,
}
