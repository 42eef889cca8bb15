//! Correcting a request from the board: site (found by typing), entrance, source,
//! category and priority, opened on the request's values; only what changed is sent.

use super::request::{RequestField, RequestForm};
use super::sites::site_matches;
use super::{Ctx, Form, Kind};
use crate::domain::Command;
use crate::domain::command::Correction;
use crate::domain::ids::RequestId;
use crate::domain::reference::Territory;
use crate::domain::state::Request;
use crate::i18n::notice::Fix;
use tui_input::Input;

/// The fields a correction has: those of the intake without the personal data.
pub const FIELDS: [RequestField; 5] = [
    RequestField::Site,
    RequestField::Entrance,
    RequestField::Source,
    RequestField::Category,
    RequestField::Priority,
];

#[derive(Debug, Clone)]
pub struct CorrectForm {
    pub request: RequestId,
    pub number: u32,
    /// The values, kept as the intake form keeps them.
    pub values: RequestForm,
    initial: RequestForm,
}

impl CorrectForm {
    /// Opened on what the request says now.
    pub fn new(territory: &Territory, r: &Request) -> CorrectForm {
        let mut values = RequestForm::default();
        if let Some(site) = territory.site(&r.site) {
            values.site_query = Input::new(site.name.clone());
            let matches = site_matches(territory, &site.name);
            values.site_choice = matches.iter().position(|s| s.id == site.id).unwrap_or(0);
            values.entrance = r
                .entrance
                .as_ref()
                .and_then(|e| site.entrances.iter().position(|x| x == e));
        }
        values.source = Some(r.source);
        values.category = Some(r.category);
        values.priority = Some(r.priority);
        CorrectForm {
            request: r.id,
            number: r.number,
            initial: values.clone(),
            values,
        }
    }
}

impl Form for CorrectForm {
    type Field = RequestField;

    fn fields(&self) -> &'static [RequestField] {
        &FIELDS
    }
    fn kind(&self, field: RequestField) -> Kind {
        self.values.kind(field)
    }
    fn input(&mut self, field: RequestField) -> Option<&mut Input> {
        self.values.input(field)
    }
    fn choose(&mut self, field: RequestField, forward: bool, ctx: &Ctx) {
        self.values.choose(field, forward, ctx)
    }
    fn edited(&mut self, field: RequestField) {
        self.values.edited(field)
    }
    fn jump(&mut self, field: RequestField, letter: char, ctx: &Ctx) {
        self.values.jump(field, letter, ctx)
    }
    fn is_dirty(&self) -> bool {
        let (v, i) = (&self.values, &self.initial);
        v.site_query.value() != i.site_query.value()
            || v.site_choice != i.site_choice
            || (v.entrance, v.source, v.category, v.priority)
                != (i.entrance, i.source, i.category, i.priority)
    }
    fn submit(&self, ctx: &Ctx) -> Result<Vec<Command>, (RequestField, Fix)> {
        let site = self
            .values
            .site(ctx.territory)
            .ok_or((RequestField::Site, Fix::Site))?;
        Ok(vec![Command::CorrectRequest(Correction {
            request: self.request,
            source: self.values.source,
            site: Some(site.id.clone()),
            category: self.values.category,
            priority: self.values.priority,
            entrance: self.values.entrance(ctx.territory).cloned(),
        })])
    }
}
