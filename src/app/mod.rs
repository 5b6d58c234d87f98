//! Dashboard state and the single update function that changes it.

mod action;
pub mod countries;
mod display;
mod key;
mod keymap;
mod live;
mod navigation;
pub mod search;
mod state;
mod theme;
mod update;

pub use action::{Action, Command};
pub use display::Display;
pub use key::{Key, KeyCode, Modifiers};
pub use keymap::{KeyBinding, Keymap, action_name, bindable_actions, parse_action};
pub use live::{
    Banner, CatalogEntry, CatalogStatus, LoadReason, Loaded, Settings, problem_line, problem_report,
};
pub use navigation::{Item, Navigation};
pub use search::{Edit, IndexReady, Search, SearchIndex, Target};
pub use state::{App, Overlay};
pub use theme::{Role, Theme, ThemeName};
pub use update::update;
