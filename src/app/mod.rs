//! Dashboard state and the single update function that changes it.

mod action;
mod keymap;
mod state;
mod update;

pub use action::{Action, Command};
pub use keymap::{KeyBinding, Keymap};
pub use state::{App, Item, Navigation, Overlay};
pub use update::update;
