//! The new-request form: the site found by typing, source, category and priority chosen
//! (←/→ or the first letter of a word), the entrance among the site's, caller, callback
//! and description optional (personal data). A place not in the list is a free address:
//! the entrance's field then holds its district (guessed, or chosen).

use super::choice_keys::{jump, jump_index};
use super::free_address::guess_district;
use super::sites::site_matches;
use super::{Ctx, Form, Kind, cycle_opt, step_index, text};
use crate::domain::Command;
use crate::domain::command::{FreeAddress, NewRequest};
use crate::domain::reference::{District, Site, Territory};
use crate::domain::vocab::{Category, Priority, Source};
use crate::i18n::notice::Fix;
use tui_input::Input;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RequestField {
    Site,
    Source,
    Category,
    Priority,
    /// One of the site's entrances (halls), optional: after the typical call's fields.
    /// For a free address, its district (required; guessed when the text points at one).
    Entrance,
    Caller,
    Callback,
    Description,
}

impl RequestField {
    pub const ALL: [RequestField; 8] = [
        RequestField::Site,
        RequestField::Source,
        RequestField::Category,
        RequestField::Priority,
        RequestField::Entrance,
        RequestField::Caller,
        RequestField::Callback,
        RequestField::Description,
    ];
}

#[derive(Debug, Clone, Default)]
pub struct RequestForm {
    pub site_query: Input,
    /// Index among the matches of the query.
    pub site_choice: usize,
    pub source: Option<Source>,
    pub category: Option<Category>,
    pub priority: Option<Priority>,
    /// Index among the chosen site's entrances; for a free address, among the territory's
    /// districts (what the coordinator chose over the guess).
    pub entrance: Option<usize>,
    pub caller: Input,
    pub callback: Input,
    pub description: Input,
}

impl RequestForm {
    /// The chosen site, if the query matches one.
    pub fn site<'t>(&self, territory: &'t Territory) -> Option<&'t Site> {
        if self.site_query.value().trim().is_empty() {
            return None;
        }
        site_matches(territory, self.site_query.value())
            .get(self.site_choice)
            .copied()
    }

    /// The chosen entrance of the chosen site.
    pub fn entrance<'t>(&self, territory: &'t Territory) -> Option<&'t String> {
        let site = self.site(territory)?;
        site.entrances.get(self.entrance?)
    }

    /// What is typed names no site: it is a free address.
    pub fn is_free(&self, territory: &Territory) -> bool {
        let q = self.site_query.value();
        !q.trim().is_empty() && site_matches(territory, q).is_empty()
    }

    /// A free address's district: the one chosen, else the guess. (`true`: guessed.)
    pub fn district<'t>(&self, territory: &'t Territory) -> Option<(&'t District, bool)> {
        if !self.is_free(territory) {
            return None;
        }
        match self.entrance {
            Some(i) => territory.districts.get(i).map(|d| (d, false)),
            None => guess_district(territory, self.site_query.value())
                .and_then(|i| territory.districts.get(i))
                .map(|d| (d, true)),
        }
    }

    /// The request to record, or the first required field that is missing.
    pub fn to_request(&self, territory: &Territory) -> Result<NewRequest, RequestField> {
        let (site, address) = if self.is_free(territory) {
            let (district, _) = self.district(territory).ok_or(RequestField::Entrance)?;
            let text = self.site_query.value().trim().to_string();
            let district = district.id.clone();
            (String::new(), Some(FreeAddress { text, district }))
        } else {
            (
                self.site(territory).ok_or(RequestField::Site)?.id.clone(),
                None,
            )
        };
        Ok(NewRequest {
            address,
            site,
            source: self.source.ok_or(RequestField::Source)?,
            category: self.category.ok_or(RequestField::Category)?,
            priority: self.priority.ok_or(RequestField::Priority)?,
            caller_name: text(&self.caller),
            callback: text(&self.callback),
            description: text(&self.description),
            entrance: self.entrance(territory).cloned(),
        })
    }
}

impl Form for RequestForm {
    type Field = RequestField;

    fn fields(&self) -> &'static [RequestField] {
        &RequestField::ALL
    }

    fn kind(&self, field: RequestField) -> Kind {
        match field {
            RequestField::Site => Kind::List,
            RequestField::Source
            | RequestField::Category
            | RequestField::Priority
            | RequestField::Entrance => Kind::Choice,
            _ => Kind::Text,
        }
    }

    fn input(&mut self, field: RequestField) -> Option<&mut Input> {
        match field {
            RequestField::Site => Some(&mut self.site_query),
            RequestField::Caller => Some(&mut self.caller),
            RequestField::Callback => Some(&mut self.callback),
            RequestField::Description => Some(&mut self.description),
            _ => None,
        }
    }

    fn choose(&mut self, field: RequestField, forward: bool, ctx: &Ctx) {
        match field {
            RequestField::Source => self.source = cycle_opt(Source::ALL, self.source, forward),
            RequestField::Category => {
                self.category = cycle_opt(Category::ALL, self.category, forward)
            }
            RequestField::Priority => {
                self.priority = cycle_opt(Priority::ALL, self.priority, forward)
            }
            RequestField::Site => {
                let n = site_matches(ctx.territory, self.site_query.value()).len();
                self.site_choice = step_index(self.site_choice, n, forward);
                self.entrance = None;
            }
            RequestField::Entrance => {
                let n = match self.is_free(ctx.territory) {
                    true => ctx.territory.districts.len(),
                    false => self.site(ctx.territory).map_or(0, |s| s.entrances.len()),
                };
                let all: Vec<usize> = (0..n).collect();
                // From the guess, not from nothing: → goes to the district after it.
                let from = self.entrance.or_else(|| {
                    self.district(ctx.territory)
                        .and_then(|(d, _)| ctx.territory.districts.iter().position(|x| x == d))
                });
                self.entrance = cycle_opt(&all, from, forward);
            }
            _ => {}
        }
    }

    fn jump(&mut self, field: RequestField, letter: char, ctx: &Ctx) {
        let l = ctx.lang;
        use crate::i18n::vocab;
        match field {
            RequestField::Source => {
                self.source = jump(Source::ALL, self.source, letter, |v| {
                    vocab::source(v, l).into()
                })
            }
            RequestField::Category => {
                self.category = jump(Category::ALL, self.category, letter, |v| {
                    vocab::category(v, l).into()
                })
            }
            RequestField::Priority => {
                self.priority = jump(Priority::ALL, self.priority, letter, |v| {
                    vocab::priority(v, l).into()
                })
            }
            RequestField::Entrance if self.is_free(ctx.territory) => {
                let districts = &ctx.territory.districts;
                self.entrance = jump_index(districts.len(), self.entrance, letter, |i| {
                    districts[i].name.clone()
                });
            }
            RequestField::Entrance => {
                let halls = self.site(ctx.territory).map_or(&[][..], |s| &s.entrances);
                self.entrance =
                    jump_index(halls.len(), self.entrance, letter, |i| halls[i].clone());
            }
            _ => {}
        }
    }

    fn edited(&mut self, field: RequestField) {
        // Only a change of the text changes the matches; moving the cursor keeps the choice.
        if field == RequestField::Site {
            self.site_choice = 0;
            self.entrance = None;
        }
    }

    fn is_dirty(&self) -> bool {
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

    fn submit(&self, ctx: &Ctx) -> Result<Vec<Command>, (RequestField, Fix)> {
        let fix = |f: RequestField| {
            let fix = match f {
                RequestField::Site => Fix::Site,
                RequestField::Source => Fix::Source,
                RequestField::Category => Fix::Category,
                RequestField::Entrance => Fix::District,
                _ => Fix::Priority,
            };
            (f, fix)
        };
        self.to_request(ctx.territory)
            .map(|r| vec![Command::ReceiveRequest(r)])
            .map_err(fix)
    }
}
