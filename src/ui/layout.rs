//! Where things are on the frame just drawn. [`super::view`] reports it with every frame;
//! the runtime keeps the last one, and the input layer reads it to turn a click or a scroll
//! into an action. The state never asks the view: what it needs of the geometry comes in
//! the actions the input layer makes from this.

use ratatui::layout::{Position, Rect};

/// The geometry of one frame.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FrameLayout {
    /// The tabs drawn in the tab bar, by tab index.
    pub tabs: Vec<(usize, Rect)>,
    /// The items of the current tab drawn, by item index.
    pub items: Vec<(usize, Rect)>,
    /// How many items share a row of the current tab: more than one on a grid of cards
    /// (items in reading order), one on a list, none when nothing is drawn.
    pub grid_columns: usize,
    /// The error banner, which a click opens.
    pub banner: Option<Rect>,
    /// A map tab's map: its area and, per cell (row-major), the item index of the
    /// country drawn there, for clicks.
    pub map: Option<MapLayout>,
    /// A country table's column headers, by column index, for clicks that sort.
    pub columns: Vec<(usize, Rect)>,
    /// The open popup, if any.
    pub popup: Option<PopupLayout>,
}

/// An open popup: where it is, how far its text scrolls, and its selectable entries (the
/// picker's datasets) by index.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PopupLayout {
    pub area: Rect,
    pub max_scroll: u16,
    /// Rows of text in view, for PgUp/PgDn.
    pub page: u16,
    pub entries: Vec<(usize, Rect)>,
}

/// Where a map is, and which item (country) each of its cells shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MapLayout {
    pub area: Rect,
    pub cells: Vec<Option<u32>>,
}

impl MapLayout {
    fn item_at(&self, position: Position) -> Option<usize> {
        if !self.area.contains(position) {
            return None;
        }
        let (col, row) = (position.x - self.area.x, position.y - self.area.y);
        let index = usize::from(row) * usize::from(self.area.width) + usize::from(col);
        self.cells
            .get(index)
            .copied()
            .flatten()
            .map(|item| item as usize)
    }
}

/// What is at a screen cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hit {
    Tab(usize),
    /// The error banner.
    Banner,
    /// A country table's column header.
    Column(usize),
    /// An item of the current tab, or an entry of the open popup, by index.
    Item(usize),
    /// Inside the open popup, on nothing selectable.
    Popup,
    /// Outside the open popup.
    OutsidePopup,
}

impl FrameLayout {
    /// What the cell at `column`, `row` shows; `None` for nothing that answers a click.
    pub fn hit(&self, column: u16, row: u16) -> Option<Hit> {
        let position = Position::new(column, row);
        let find = |areas: &[(usize, Rect)]| {
            areas
                .iter()
                .find(|(_, rect)| rect.contains(position))
                .map(|&(index, _)| index)
        };
        if let Some(popup) = &self.popup {
            return Some(match find(&popup.entries) {
                Some(index) => Hit::Item(index),
                None if popup.area.contains(position) => Hit::Popup,
                None => Hit::OutsidePopup,
            });
        }
        if self.banner.is_some_and(|banner| banner.contains(position)) {
            return Some(Hit::Banner);
        }
        find(&self.tabs)
            .map(Hit::Tab)
            .or_else(|| find(&self.columns).map(Hit::Column))
            .or_else(|| find(&self.items).map(Hit::Item))
            .or_else(|| {
                self.map
                    .as_ref()
                    .and_then(|map| map.item_at(position))
                    .map(Hit::Item)
            })
    }
}
