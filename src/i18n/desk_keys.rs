//! What the watch's, the relays', the plan's and the directory's keys do, in words.

use super::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DeskDoc {
    Observe,
    FollowRelay,
    AddPlanItem,
    Directory,
    WatchScreen,
    FilterCommissioner,
    FilterStatus,
    FilterKind,
    FilterDistrict,
    FilterAge,
    ClearFilters,
    Transmit,
    Answer,
    Resolve,
    NoFollowUp,
    Find,
}

pub fn describe(d: DeskDoc, l: Lang) -> &'static str {
    let (fr, en) = match d {
        DeskDoc::Observe => ("observation (veille)", "observation (watch)"),
        DeskDoc::FollowRelay => ("suivi d'un relais", "follow a relay"),
        DeskDoc::AddPlanItem => ("point à la feuille de route", "item on the night's plan"),
        DeskDoc::Directory => ("annuaire", "directory"),
        DeskDoc::WatchScreen => ("veille", "watch"),
        DeskDoc::FilterCommissioner => ("filtre commanditaire", "commissioner filter"),
        DeskDoc::FilterStatus => ("filtre état", "status filter"),
        DeskDoc::FilterKind => ("filtre type", "kind filter"),
        DeskDoc::FilterDistrict => ("filtre quartier", "district filter"),
        DeskDoc::FilterAge => ("filtre ancienneté", "age filter"),
        DeskDoc::ClearFilters => ("sans filtre", "no filter"),
        DeskDoc::Transmit => ("transmise (envoi direct)", "transmitted (sent directly)"),
        DeskDoc::Answer => ("réponse du commanditaire", "commissioner's answer"),
        DeskDoc::Resolve => ("résolue", "resolved"),
        DeskDoc::NoFollowUp => ("sans suite", "no follow-up"),
        DeskDoc::Find => ("chercher", "search"),
    };
    l.pick(fr, en)
}
