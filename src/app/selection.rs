//! What the coordinator's finger is on, by id: the request, the team, the situation, the
//! handover row. Rows are derived when needed and the index found from the id, so a new
//! call sorting above, a request leaving or a re-sort never moves the finger; when the row
//! itself leaves, the finger stays at its place in the list.

use super::handover::{Item, handover, items};
use super::{AppState, Pane, board};
use crate::domain::ids::{CaseId, RequestId};

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Selection {
    pub request: Option<RequestId>,
    pub team: Option<String>,
    pub case: Option<CaseId>,
    pub handover: Option<Item>,
}

/// A row of one of the board's panes.
#[derive(Debug, Clone, PartialEq)]
enum Row {
    Request(RequestId),
    Team(String),
    Case(CaseId),
}

fn rows(app: &AppState, pane: Pane) -> Vec<Row> {
    match pane {
        Pane::Requests => board::open_requests(app)
            .iter()
            .map(|r| Row::Request(r.id))
            .collect(),
        Pane::Teams => board::teams(app)
            .iter()
            .map(|t| Row::Team(t.call_sign.clone()))
            .collect(),
        Pane::Cases => board::open_cases(app)
            .iter()
            .map(|c| Row::Case(c.id))
            .collect(),
    }
}

fn chosen(s: &Selection, pane: Pane) -> Option<Row> {
    match pane {
        Pane::Requests => s.request.map(Row::Request),
        Pane::Teams => s.team.clone().map(Row::Team),
        Pane::Cases => s.case.map(Row::Case),
    }
}

fn choose(s: &mut Selection, row: Option<Row>, pane: Pane) {
    match (pane, row) {
        (Pane::Requests, Some(Row::Request(id))) => s.request = Some(id),
        (Pane::Teams, Some(Row::Team(id))) => s.team = Some(id),
        (Pane::Cases, Some(Row::Case(id))) => s.case = Some(id),
        (Pane::Requests, _) => s.request = None,
        (Pane::Teams, _) => s.team = None,
        (Pane::Cases, _) => s.case = None,
    }
}

/// Where a list's finger is: its id if still there, else the first row.
fn index_in<T: PartialEq>(rows: &[T], id: Option<&T>) -> usize {
    id.and_then(|id| rows.iter().position(|r| r == id))
        .unwrap_or(0)
}

/// Moves `at` by `delta` within `len` rows.
fn moved(at: usize, delta: isize, len: usize) -> usize {
    (at as isize + delta).clamp(0, len.saturating_sub(1) as isize) as usize
}

/// Each list's finger before a change: the row it is on and its place.
pub struct Pins {
    board: Vec<(Option<Row>, usize)>,
    handover: (Option<Item>, usize),
}

impl AppState {
    /// The row of `pane` drawn as selected.
    pub fn selected(&self, pane: Pane) -> usize {
        index_in(&rows(self, pane), chosen(&self.selection, pane).as_ref())
    }

    /// Puts the finger on row `index` of `pane` (the last row if past it).
    pub fn select_row(&mut self, pane: Pane, index: usize) {
        let rows = rows(self, pane);
        let row = rows.get(index.min(rows.len().saturating_sub(1))).cloned();
        choose(&mut self.selection, row, pane);
    }

    /// Moves the finger of `pane` by `delta` rows, stopping at both ends.
    pub fn move_selection(&mut self, pane: Pane, delta: isize) {
        let len = rows(self, pane).len();
        self.select_row(pane, moved(self.selected(pane), delta, len));
    }

    /// The request drawn as selected, when the requests pane has the keyboard.
    pub fn selected_request(&self) -> Option<RequestId> {
        let rows = board::open_requests(self);
        rows.get(self.selected(Pane::Requests)).map(|r| r.id)
    }

    pub fn selected_team(&self) -> Option<String> {
        let rows = board::teams(self);
        rows.get(self.selected(Pane::Teams))
            .map(|t| t.call_sign.clone())
    }

    pub fn selected_case(&self) -> Option<CaseId> {
        let rows = board::open_cases(self);
        rows.get(self.selected(Pane::Cases)).map(|c| c.id)
    }

    /// The handover screen's row drawn as selected.
    pub fn handover_selected(&self) -> usize {
        let list = handover(self).map(|h| items(&h)).unwrap_or_default();
        self.handover_row(&list)
    }

    /// The selected row in the handover's list already built (the view builds it once).
    pub fn handover_row(&self, list: &[Item]) -> usize {
        index_in(list, self.selection.handover.as_ref())
    }

    pub fn select_handover_row(&mut self, index: usize) {
        let list = handover(self).map(|h| items(&h)).unwrap_or_default();
        self.selection.handover = list.get(index.min(list.len().saturating_sub(1))).cloned();
    }

    /// Where every finger is, before the state changes.
    pub fn pins(&self) -> Pins {
        let board = Pane::ALL
            .iter()
            .map(|p| {
                let rows = rows(self, *p);
                let at = self.selected(*p);
                (rows.get(at).cloned(), at)
            })
            .collect();
        let list = handover(self).map(|h| items(&h)).unwrap_or_default();
        let at = self.handover_row(&list);
        Pins {
            board,
            handover: (list.get(at).cloned(), at),
        }
    }

    /// After a change: each finger stays on its row if it is still there, else on the row
    /// now at its place (the one after it, or the last).
    pub fn follow(&mut self, pins: Pins) {
        for (pane, (row, at)) in Pane::ALL.iter().zip(pins.board) {
            let rows = rows(self, *pane);
            let keep = row.filter(|r| rows.contains(r));
            match keep {
                Some(r) => choose(&mut self.selection, Some(r), *pane),
                None => self.select_row(*pane, at),
            }
        }
        let list = handover(self).map(|h| items(&h)).unwrap_or_default();
        let (item, at) = pins.handover;
        match item.filter(|i| list.contains(i)) {
            Some(i) => self.selection.handover = Some(i),
            None => self.select_handover_row(at),
        }
    }
}
