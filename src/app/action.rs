//! Everything that can change the dashboard's state.

use serde::{Deserialize, Serialize};

use super::live::{CatalogEntry, Loaded};

/// A state change. Keys map to actions through the keymap; mouse, resize and signals are
/// turned into actions by the runtime. [`crate::app::update`] is the only place that
/// applies them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
    /// The dataset picker.
    OpenPicker,
    /// Read the shown dataset again.
    Reload,
    /// In the picker: compare the chosen dataset with the one shown.
    Compare,
    /// Start a search (`/`).
    Search,
    /// The next and previous hit of the last search.
    NextHit,
    PrevHit,
    #[serde(skip)]
    SearchInput(char),
    #[serde(skip)]
    SearchBackspace,
    #[serde(skip)]
    DatasetLoaded(Box<Loaded>),
    /// The config was read again (or scanned for the picker): its datasets, which one is
    /// the default, and the problem that stands (see [`Loaded::problem`]).
    #[serde(skip)]
    CatalogChanged {
        entries: Vec<CatalogEntry>,
        default: usize,
        problem: Option<String>,
    },
    /// A config file that changed and no longer loads.
    #[serde(skip)]
    ConfigFailed(String),
    #[serde(skip)]
    DismissNotice,
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

/// What the runtime must do after an update. Anything that needs I/O is a command: the
/// runtime does it and reports back with an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    /// Nothing changed on screen.
    None,
    Redraw,
    Quit,
    Suspend,
    /// Load the catalog entry with this index (and redraw meanwhile).
    Load(usize),
    /// Load the shown dataset again.
    Reload,
    /// Read every catalog entry for the picker's titles and statuses.
    ScanCatalog,
    /// Load the catalog entry with this index and compare it with the shown dataset.
    Compare(usize),
}
