//! One file per kind of tab. Each has `render`, and `item_areas` for the mouse, both
//! computed from the same layout function.

pub mod overview;
pub mod panels;
pub mod placeholder;
pub mod sources;
pub mod timeline;
