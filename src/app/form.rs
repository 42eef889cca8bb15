//! The forms: a new request, and clearing an intervention. Text fields are tui-input
//! `Input`s; choice fields cycle with ←/→.

use crate::domain::command::{CaseLink, Clearance, NewRequest};
use crate::domain::reference::Territory;
use crate::domain::vocab::{Category, Outcome, Priority, ResponseLevel, Source};
use tui_input::{Input, InputRequest};

/// Moves `value` to the next or previous item of `all`.
pub fn cycle<T: Copy + PartialEq>(all: &[T], value: T, forward: bool) -> T {
    let i = all.iter().position(|v| *v == value).unwrap_or(0);
    let n = all.len().max(1);
    let j = if forward {
        (i + 1) % n
    } else {
        (i + n - 1) % n
    };
    all.get(j).copied().unwrap_or(value)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RequestField {
    Site,
    Source,
    Category,
    Priority,
    Caller,
    Callback,
    Description,
}

impl RequestField {
    pub const ALL: [RequestField; 7] = [
        RequestField::Site,
        RequestField::Source,
        RequestField::Category,
        RequestField::Priority,
        RequestField::Caller,
        RequestField::Callback,
        RequestField::Description,
    ];
    pub fn is_text(self) -> bool {
        matches!(
            self,
            RequestField::Site
                | RequestField::Caller
                | RequestField::Callback
                | RequestField::Description
        )
    }
}

#[derive(Debug, Clone, Default)]
pub struct RequestForm {
    pub field: usize,
    pub site_query: Input,
    /// Index among the matches of the query.
    pub site_choice: usize,
    pub source: Option<Source>,
    pub category: Option<Category>,
    pub priority: Option<Priority>,
    pub caller: Input,
    pub callback: Input,
    pub description: Input,
    /// A second Esc abandons a form with something typed.
    pub confirm_cancel: bool,
}

/// Sites whose name, address or district contains every typed word (accents, case, hyphens
/// and apostrophes aside).
pub fn site_matches<'t>(
    territory: &'t Territory,
    query: &str,
) -> Vec<&'t crate::domain::reference::Site> {
    let words = crate::text::words(query);
    let all_in = |hay: &str| crate::text::contains_words(hay, &words);
    let mut found: Vec<(u8, &crate::domain::reference::Site)> = territory
        .sites
        .iter()
        .filter_map(|s| {
            let district = territory
                .district(&s.district)
                .map_or("", |d| d.name.as_str());
            let name = fold(&s.name);
            let named = format!("{name} {}", fold(&s.address));
            // What was typed found in the name comes first, then in the address, then only
            // in the district or the site's code (« gros chene » names a residence first,
            // not every site of the Gros-Chêne sector).
            if all_in(&name) {
                Some((0, s))
            } else if all_in(&named) {
                Some((1, s))
            } else if all_in(&fold(&format!("{named} {district} {}", s.id))) {
                Some((2, s))
            } else {
                None
            }
        })
        .collect();
    found.sort_by_key(|(rank, _)| *rank);
    found.into_iter().map(|(_, s)| s).collect()
}

/// The search key of what is typed: case, accents, hyphens and apostrophes aside.
pub use crate::text::fold;

impl RequestForm {
    pub fn field(&self) -> RequestField {
        RequestField::ALL[self.field.min(RequestField::ALL.len() - 1)]
    }

    pub fn is_dirty(&self) -> bool {
        [
            &self.site_query,
            &self.caller,
            &self.callback,
            &self.description,
        ]
        .iter()
        .any(|i| !i.value().is_empty())
            || self.source.is_some()
            || self.category.is_some()
            || self.priority.is_some()
    }

    pub fn move_field(&mut self, forward: bool) {
        let n = RequestField::ALL.len();
        self.field = if forward {
            (self.field + 1) % n
        } else {
            (self.field + n - 1) % n
        };
    }

    pub fn edit(&mut self, req: InputRequest) {
        let input = match self.field() {
            RequestField::Site => {
                // Only a change of the text changes the matches; moving the cursor keeps
                // the chosen one.
                if self.site_query.handle(req).is_some_and(|c| c.value) {
                    self.site_choice = 0;
                }
                return;
            }
            RequestField::Caller => &mut self.caller,
            RequestField::Callback => &mut self.callback,
            RequestField::Description => &mut self.description,
            _ => return,
        };
        input.handle(req);
    }

    /// ←/→ on a choice field; ↑/↓ on the site field pick among matches.
    pub fn choose(&mut self, forward: bool, territory: &Territory) {
        match self.field() {
            RequestField::Source => {
                self.source = Some(cycle(
                    Source::ALL,
                    self.source.unwrap_or(Source::Other),
                    forward,
                ))
            }
            RequestField::Category => {
                self.category = Some(cycle(
                    Category::ALL,
                    self.category.unwrap_or(Category::Other),
                    forward,
                ))
            }
            RequestField::Priority => {
                self.priority = Some(cycle(
                    Priority::ALL,
                    self.priority.unwrap_or(Priority::P4),
                    forward,
                ))
            }
            RequestField::Site => {
                let n = site_matches(territory, self.site_query.value())
                    .len()
                    .max(1);
                self.site_choice = if forward {
                    (self.site_choice + 1) % n
                } else {
                    (self.site_choice + n - 1) % n
                };
            }
            _ => {}
        }
    }

    /// The chosen site's id, if the query matches one.
    pub fn site<'t>(&self, territory: &'t Territory) -> Option<&'t crate::domain::reference::Site> {
        if self.site_query.value().trim().is_empty() {
            return None;
        }
        site_matches(territory, self.site_query.value())
            .get(self.site_choice)
            .copied()
    }

    /// The request to record, or the first required field that is missing.
    pub fn to_request(&self, territory: &Territory) -> Result<NewRequest, RequestField> {
        let site = self.site(territory).ok_or(RequestField::Site)?;
        let text = |i: &Input| Some(i.value().trim().to_string()).filter(|s| !s.is_empty());
        Ok(NewRequest {
            site: site.id.clone(),
            source: self.source.ok_or(RequestField::Source)?,
            category: self.category.ok_or(RequestField::Category)?,
            priority: self.priority.ok_or(RequestField::Priority)?,
            caller_name: text(&self.caller),
            callback: text(&self.callback),
            description: text(&self.description),
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClearField {
    Outcome,
    Level,
    Relay,
    Referral,
    Case,
    Note,
}

impl ClearField {
    pub const ALL: [ClearField; 6] = [
        ClearField::Outcome,
        ClearField::Level,
        ClearField::Relay,
        ClearField::Referral,
        ClearField::Case,
        ClearField::Note,
    ];
}

#[derive(Debug, Clone)]
pub struct ClearForm {
    pub team: String,
    pub field: usize,
    pub outcome: Option<Outcome>,
    pub level: Option<ResponseLevel>,
    /// Index in the partner directory, `None` for no relay.
    pub relay: Option<usize>,
    pub referral: Option<usize>,
    /// Where the request goes: alone, a new situation, or one of `cases`.
    pub case: CaseLink,
    pub cases: Vec<crate::domain::ids::CaseId>,
    pub note: Input,
    pub confirm_cancel: bool,
}

impl ClearForm {
    pub fn new(team: String, cases: Vec<crate::domain::ids::CaseId>) -> ClearForm {
        ClearForm {
            team,
            field: 0,
            outcome: None,
            level: None,
            relay: None,
            referral: None,
            case: CaseLink::None,
            cases,
            note: Input::default(),
            confirm_cancel: false,
        }
    }

    pub fn field(&self) -> ClearField {
        ClearField::ALL[self.field.min(ClearField::ALL.len() - 1)]
    }

    pub fn move_field(&mut self, forward: bool) {
        let n = ClearField::ALL.len();
        self.field = if forward {
            (self.field + 1) % n
        } else {
            (self.field + n - 1) % n
        };
    }

    pub fn is_dirty(&self) -> bool {
        self.outcome.is_some() || self.level.is_some() || !self.note.value().is_empty()
    }

    pub fn edit(&mut self, req: InputRequest) {
        if self.field() == ClearField::Note {
            self.note.handle(req);
        }
    }

    pub fn choose(&mut self, forward: bool, partners: usize) {
        let step = |v: Option<usize>| -> Option<usize> {
            // None, 0, 1, … partners-1, None …
            let n = partners + 1;
            let i = v.map_or(0, |x| x + 1);
            let j = if forward {
                (i + 1) % n
            } else {
                (i + n - 1) % n
            };
            j.checked_sub(1)
        };
        match self.field() {
            ClearField::Outcome => {
                self.outcome = Some(cycle(
                    Outcome::ALL,
                    self.outcome.unwrap_or(Outcome::Referred),
                    forward,
                ))
            }
            ClearField::Level => {
                self.level = Some(cycle(
                    ResponseLevel::ALL,
                    self.level.unwrap_or(ResponseLevel::Relay),
                    forward,
                ))
            }
            ClearField::Relay => self.relay = step(self.relay),
            ClearField::Referral => self.referral = step(self.referral),
            ClearField::Case => {
                let mut links = vec![CaseLink::None, CaseLink::New];
                links.extend(self.cases.iter().map(|c| CaseLink::Existing(*c)));
                self.case = cycle(&links, self.case, forward);
            }
            ClearField::Note => {}
        }
    }

    pub fn to_clearance(&self, territory: &Territory) -> Result<Clearance, ClearField> {
        let partner = |i: Option<usize>| {
            i.and_then(|i| territory.partners.get(i))
                .map(|p| p.id.clone())
        };
        Ok(Clearance {
            team: self.team.clone(),
            outcome: self.outcome.ok_or(ClearField::Outcome)?,
            level: self.level.ok_or(ClearField::Level)?,
            relays: partner(self.relay).into_iter().collect(),
            referrals: partner(self.referral).into_iter().collect(),
            note: Some(self.note.value().trim().to_string()).filter(|s| !s.is_empty()),
            case: self.case,
        })
    }
}
