//! Everything that can change the dashboard's state.

use strum::{EnumString, IntoStaticStr};

use super::live::{CatalogEntry, Loaded, Settings};
use super::search::{Edit, IndexReady};

/// A state change. Keys map to actions through the keymap; the input layer (`src/input/`)
/// turns keys, clicks and scrolls into actions with the geometry of the last frame, and the
/// runtime turns resizes, signals, timers and file changes into actions.
/// [`crate::app::update`] is the only place that applies them.
/// The names a config binds keys to come from strum (`next-tab`); actions that only the
/// program makes are not parsed from a name.
#[derive(Debug, Clone, PartialEq, EnumString, IntoStaticStr)]
#[strum(serialize_all = "kebab-case")]
pub enum Action {
    /// Close the open popup, or quit when none is open (`q`).
    Quit,
    /// Quit whatever is open (Ctrl-C). Not bindable: it works even when `quit` is rebound.
    #[strum(disabled)]
    Interrupt,
    NextTab,
    PrevTab,
    /// ← and →: the card beside on a grid of cards, else the previous or next tab (the
    /// input layer, which knows the grid, decides).
    Left,
    Right,
    /// Jump to a tab by its position, counted from 0.
    #[strum(disabled)]
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
    /// Every problem of the error banner, in a popup.
    ShowProblems,
    /// The map: zoom in and out, move the view, jump to the next or previous region.
    ZoomIn,
    ZoomOut,
    PanWest,
    PanEast,
    PanNorth,
    PanSouth,
    NextRegion,
    PrevRegion,
    /// The map's time slider: the year before or after.
    PrevYear,
    NextYear,
    /// The country table: sort by the next column, reverse the order, filter, group by
    /// region.
    SortNext,
    SortReverse,
    Filter,
    ToggleGroups,
    /// A drag on the map: move the view by this many degrees; the drag is now at `to`.
    #[strum(disabled)]
    PanBy {
        east: f64,
        north: f64,
        to: (u16, u16),
    },
    /// A press on the map at a cell, on the country item there if any: selects it (opens
    /// it when selected already), and is where a drag starts.
    #[strum(disabled)]
    MapPress {
        at: (u16, u16),
        item: Option<usize>,
    },
    /// Sort the country table by this column (a click on its header).
    #[strum(disabled)]
    SortBy(usize),
    #[strum(disabled)]
    FilterInput(char),
    #[strum(disabled)]
    FilterBackspace,
    /// The system's opener could not be run.
    #[strum(disabled)]
    OpenFailed,
    /// Open the web address of the source of the selected item (or the detail's) with the
    /// system's opener (`o`).
    OpenSource,
    /// Copy the selected figure (or the detail's, or its chosen point) with its citation
    /// to the clipboard (`y`).
    Copy,
    /// Start a search (`/`).
    Search,
    /// The next and previous hit of the last search.
    NextHit,
    PrevHit,
    /// A change to the query being typed.
    #[strum(disabled)]
    SearchEdit(Edit),
    /// Run the next slice of the query still running (see [`Command::ContinueSearch`]).
    #[strum(disabled)]
    SearchContinue,
    /// The search index of a dataset, built by the store's worker.
    #[strum(disabled)]
    SearchIndexReady(IndexReady),
    #[strum(disabled)]
    DatasetLoaded(Box<Loaded>),
    /// The config was read again (or scanned for the picker): its datasets, which one is
    /// the default, and the problem that stands (see [`Loaded::problem`]).
    #[strum(disabled)]
    CatalogChanged {
        entries: Vec<CatalogEntry>,
        default: usize,
        problem: Option<crate::dataset::Text>,
    },
    /// The config file was saved: its theme, colours, keys, staleness and language, live.
    #[strum(disabled)]
    SettingsChanged(Box<Settings>),
    /// A config file that changed and no longer loads.
    #[strum(disabled)]
    ConfigFailed(crate::dataset::Text),
    /// The passing notice ("reloaded") has been on screen long enough.
    #[strum(disabled)]
    NoticeExpired,
    #[strum(disabled)]
    Resize {
        width: u16,
        height: u16,
    },
    /// In a figure's detail, the previous or next point of its series: ←/→ there (the
    /// `left` and `right` keys), which the input layer turns into these.
    #[strum(disabled)]
    PrevPoint,
    #[strum(disabled)]
    NextPoint,
    /// In a figure's detail, select this point of its series: a click on it.
    #[strum(disabled)]
    SelectPoint(usize),
    /// Select the item of the current tab (or the picker's entry) with this index: a click.
    #[strum(disabled)]
    Select(usize),
    /// Scroll the open popup to this line; the input layer keeps it within the text.
    #[strum(disabled)]
    ScrollTo(u16),
}

/// What the runtime must do after an update. Anything that needs I/O is a command: the
/// runtime does it and reports back with an action.
#[derive(Debug, Clone, PartialEq, Eq)]
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
    /// Open this web address (http or https) with the system's opener, where there is one.
    OpenUrl(String),
    /// Put this text on the clipboard of the terminal shown on (OSC 52), and redraw.
    Copy(String),
    /// Redraw, then come back with [`Action::SearchContinue`] once the input that came
    /// meanwhile is answered: the query runs on, a slice a turn.
    ContinueSearch,
}
