//! The new-request form: the site found by typing, source, category and priority chosen,
//! caller, callback and description optional (personal data).

use super::sites::site_matches;
use super::{Ctx, Form, Kind, cycle_opt, step_index, text};
use crate::domain::Command;
use crate::domain::command::NewRequest;
use crate::domain::reference::{Site, Territory};
use crate::domain::vocab::{Category, Priority, Source};
use crate::i18n::notice::Fix;
use tui_input::Input;

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
}

#[derive(Debug, Clone, Default)]
pub struct RequestForm {
    pub site_query: Input,
    /// Index among the matches of the query.
    pub site_choice: usize,
    pub source: Option<Source>,
    pub category: Option<Category>,
    pub priority: Option<Priority>,
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

    /// The request to record, or the first required field that is missing.
    pub fn to_request(&self, territory: &Territory) -> Result<NewRequest, RequestField> {
        let site = self.site(territory).ok_or(RequestField::Site)?;
        Ok(NewRequest {
            site: site.id.clone(),
            source: self.source.ok_or(RequestField::Source)?,
            category: self.category.ok_or(RequestField::Category)?,
            priority: self.priority.ok_or(RequestField::Priority)?,
            caller_name: text(&self.caller),
            callback: text(&self.callback),
            description: text(&self.description),
            entrance: None,
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
            RequestField::Source | RequestField::Category | RequestField::Priority => Kind::Choice,
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
            }
            _ => {}
        }
    }

    fn edited(&mut self, field: RequestField) {
        // Only a change of the text changes the matches; moving the cursor keeps the choice.
        if field == RequestField::Site {
            self.site_choice = 0;
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
                _ => Fix::Priority,
            };
            (f, fix)
        };
        self.to_request(ctx.territory)
            .map(|r| vec![Command::ReceiveRequest(r)])
            .map_err(fix)
    }
}
