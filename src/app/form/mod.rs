//! Forms as typed values: each form says what its fields are, how a choice moves and what
//! it submits; `handle` does the rest the same way for every form — next and previous
//! field, editing, choosing, the two-step Esc, Enter.

pub mod answer;
pub mod callback;
pub mod choice_keys;
pub mod clear;
pub mod correct;
pub mod date;
pub mod free_address;
pub mod line;
pub mod observation;
pub mod plan_item;
pub mod relay;
pub mod request;
pub mod settle;
pub mod sites;
pub mod step;

use super::Action;
use crate::domain::Command;
use crate::domain::State;
use crate::domain::reference::Territory;
use crate::i18n::notice::{Fix, Notice};
use chrono::{DateTime, NaiveDate, Utc};
use std::fmt::Debug;
use tui_input::{Input, InputRequest};

/// How a field takes keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Typed text; ←/→ move the cursor.
    Text,
    /// One of a few values; ←/→ choose.
    Choice,
    /// Typed text that finds matches; ↑/↓ pick among them.
    List,
}

/// What a form may read while it handles a key or submits.
pub struct Ctx<'a> {
    pub territory: &'a Territory,
    pub domain: &'a State,
    pub now: DateTime<Utc>,
    /// The words a letter typed in a choice field is matched against.
    pub lang: crate::i18n::Lang,
}

impl Ctx<'_> {
    /// The date of the service night under way (dates typed in forms count from it).
    pub fn today(&self) -> NaiveDate {
        crate::domain::calendar::service_date(self.now)
    }
}

pub trait Form: Clone + Debug {
    type Field: Copy + PartialEq + Debug + 'static;
    /// The fields in the order Tab goes through them.
    fn fields(&self) -> &'static [Self::Field];
    fn kind(&self, field: Self::Field) -> Kind;
    /// The text of a text or list field.
    fn input(&mut self, field: Self::Field) -> Option<&mut Input>;
    /// ←/→ on a choice field; ↑/↓ on a list field.
    fn choose(&mut self, field: Self::Field, forward: bool, ctx: &Ctx);
    /// The text of `field` changed (a list starts again from its first match).
    fn edited(&mut self, _field: Self::Field) {}
    /// Tab on a field that gathers several values (the clearing's relays): takes the value
    /// chosen into the list and stays on the field (`true`), else Tab moves on.
    fn gather(&mut self, _field: Self::Field, _ctx: &Ctx) -> bool {
        false
    }
    /// A letter typed in a choice field: jump to the next choice whose words start with it
    /// (`jump` in `choice_keys.rs` does it for a vocabulary).
    fn jump(&mut self, _field: Self::Field, _letter: char, _ctx: &Ctx) {}
    /// Something typed or chosen that Esc would lose.
    fn is_dirty(&self) -> bool;
    /// The commands to write, or the field to fix and what it expects.
    fn submit(&self, ctx: &Ctx) -> Result<Vec<Command>, (Self::Field, Fix)>;
}

/// A form on screen: its values, the field with the keyboard, and whether Esc asked once.
#[derive(Debug, Clone)]
pub struct Open<F: Form> {
    pub form: F,
    pub field: F::Field,
    pub confirm_cancel: bool,
}

/// The form's values read through the open form (`open.site_choice`).
impl<F: Form> std::ops::Deref for Open<F> {
    type Target = F;
    fn deref(&self) -> &F {
        &self.form
    }
}

impl<F: Form> Open<F> {
    /// The field with the keyboard.
    pub fn field(&self) -> F::Field {
        self.field
    }

    /// Opens on the first field.
    pub fn new(form: F) -> Open<F> {
        let field = form.fields()[0];
        Open {
            form,
            field,
            confirm_cancel: false,
        }
    }

    /// The focused field's position, for drafts and drawing.
    pub fn field_index(&self) -> usize {
        let fields = self.form.fields();
        fields.iter().position(|f| *f == self.field).unwrap_or(0)
    }

    /// Focuses the field at `index` (a draft's), the first if there is none there.
    pub fn at_index(mut self, index: usize) -> Open<F> {
        let fields = self.form.fields();
        self.field = fields.get(index).copied().unwrap_or(fields[0]);
        self
    }

    pub fn kind(&self) -> Kind {
        self.form.kind(self.field)
    }

    fn step(&mut self, forward: bool) {
        let fields = self.form.fields();
        let n = fields.len();
        let i = self.field_index();
        self.field = fields[if forward {
            (i + 1) % n
        } else {
            (i + n - 1) % n
        }];
    }

    fn edit(&mut self, req: InputRequest) {
        let field = self.field;
        let changed = self
            .form
            .input(field)
            .and_then(|input| input.handle(req))
            .is_some_and(|c| c.value);
        if changed {
            self.form.edited(field);
        }
    }
}

/// What a key did to a form.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Stay,
    /// Stays open, saying something (the first Esc).
    Said(Notice),
    /// Closes (Esc), saying so.
    Closed(Notice),
    /// Enter: these commands, to write.
    Commit(Vec<Command>),
    /// Enter, but something must be fixed: the field now has the keyboard.
    Fix(Fix),
}

/// The keys every form takes alike.
pub fn handle<F: Form>(open: &mut Open<F>, action: &Action, ctx: &Ctx) -> Outcome {
    if !matches!(action, Action::Back | Action::Quit) {
        open.confirm_cancel = false;
    }
    let kind = open.kind();
    // A choice field with its own text (the clearing's relays, typed to filter) takes
    // letters as text; the others jump to the choice they start.
    let typed = kind == Kind::Choice && open.form.input(open.field).is_some();
    match action {
        Action::NextField if open.form.gather(open.field, ctx) => {}
        Action::NextField => open.step(true),
        Action::PrevField => open.step(false),
        Action::Down if kind == Kind::List => open.form.choose(open.field, true, ctx),
        Action::Up if kind == Kind::List => open.form.choose(open.field, false, ctx),
        Action::Down => open.step(true),
        Action::Up => open.step(false),
        Action::ChooseNext if kind == Kind::Choice => open.form.choose(open.field, true, ctx),
        Action::ChoosePrev if kind == Kind::Choice => open.form.choose(open.field, false, ctx),
        Action::Edit(InputRequest::InsertChar(c)) if kind == Kind::Choice && !typed => {
            open.form.jump(open.field, *c, ctx)
        }
        Action::ChooseNext => open.edit(InputRequest::GoToNextChar),
        Action::ChoosePrev => open.edit(InputRequest::GoToPrevChar),
        Action::Edit(req) => open.edit(*req),
        Action::Back | Action::Quit => {
            return cancel(open.form.is_dirty(), &mut open.confirm_cancel);
        }
        Action::Submit => {
            return match open.form.submit(ctx) {
                Ok(commands) => Outcome::Commit(commands),
                Err((field, fix)) => {
                    open.field = field;
                    Outcome::Fix(fix)
                }
            };
        }
        _ => {}
    }
    Outcome::Stay
}

/// Esc: closes at once when nothing was typed, else asks once and closes on the second.
pub fn cancel(dirty: bool, confirm: &mut bool) -> Outcome {
    if dirty && !*confirm {
        *confirm = true;
        Outcome::Said(Notice::EscAgain)
    } else {
        Outcome::Closed(Notice::Discarded)
    }
}

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

/// The next or previous value of an optional choice: unset starts from the first (forward)
/// or the last (backward).
pub fn cycle_opt<T: Copy + PartialEq>(all: &[T], value: Option<T>, forward: bool) -> Option<T> {
    match value {
        Some(v) => Some(cycle(all, v, forward)),
        None if forward => all.first().copied(),
        None => all.last().copied(),
    }
}

/// An index among `n` matches moved by one, wrapping.
pub fn step_index(i: usize, n: usize, forward: bool) -> usize {
    let n = n.max(1);
    if forward {
        (i + 1) % n
    } else {
        (i + n - 1) % n
    }
}

/// A trimmed text, `None` when empty.
pub fn text(input: &Input) -> Option<String> {
    Some(input.value().trim().to_string()).filter(|s| !s.is_empty())
}
