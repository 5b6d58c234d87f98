//! Small pieces shared by the tabs and popups.

pub mod card;
pub mod list;
pub mod popup;
