//! One file per kind of tab. Each draws its tab and reports where its parts are, from the
//! same layout it drew with.

pub mod countries;
pub mod map;
pub mod overview;
pub mod panels;
pub mod sources;
pub mod timeline;

use ratatui::layout::Rect;

use super::layout::MapLayout;

/// Where a tab's parts are on the frame it drew.
#[derive(Debug, Default)]
pub struct Drawn {
    /// The items drawn, by item index.
    pub items: Vec<(usize, Rect)>,
    /// Items per row: more than one on a grid of cards.
    pub grid_columns: usize,
    /// The map of a map tab.
    pub map: Option<MapLayout>,
    /// The column headers of a country table, by column index.
    pub columns: Vec<(usize, Rect)>,
}

impl Drawn {
    /// A list's items, one a row.
    pub fn list(items: Vec<(usize, Rect)>) -> Drawn {
        Drawn {
            items,
            grid_columns: 1,
            ..Drawn::default()
        }
    }
}
