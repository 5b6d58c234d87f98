//! Everything that can change the dashboard's state.

use serde::Deserialize;

/// A state change. Keys map to actions through the keymap; mouse, resize and signals are
/// turned into actions by the runtime. [`crate::app::update`] is the only place that
/// applies them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Action {
    Quit,
    NextTab,
    PrevTab,
    /// Jump to a tab by its position, counted from 0.
    GoToTab(usize),
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    NextPanel,
    PrevPanel,
    /// Open the detail of the selected item.
    Open,
    /// Close the open popup.
    Back,
    ToggleLanguage,
    ToggleHelp,
    /// Stop the process (Ctrl-Z); the terminal is restored first.
    Suspend,
    #[serde(skip)]
    Resize {
        width: u16,
        height: u16,
    },
    #[serde(skip)]
    Click {
        column: u16,
        row: u16,
    },
    #[serde(skip)]
    ScrollUp {
        column: u16,
        row: u16,
    },
    #[serde(skip)]
    ScrollDown {
        column: u16,
        row: u16,
    },
}

/// What the runtime must do after an update.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    /// Nothing changed on screen.
    None,
    Redraw,
    Quit,
    Suspend,
}
