//! The dashboard's state: what is loaded, where the user is, what is open.

use std::sync::Arc;

use chrono::NaiveDate;
use ratatui::layout::Size;

use super::countries::{MapRegion, MapView, TableView, map_grid, rows};
use super::display::Display;
use super::keymap::Keymap;
use super::live::{Banner, CatalogEntry, Settings};
// `pub(super)`: update.rs names the item by this module's path.
use super::navigation::Item;
use super::navigation::{Navigation, item_key};
use super::search::{Search, SearchIndex};
use super::theme::{Theme, ThemeName};
use crate::countries::Viewport;
use crate::dataset::diff::DatasetDiff;
use crate::dataset::{Dataset, Lang, TabKind};

/// A popup over the dashboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    Help {
        scroll: u16,
    },
    Detail {
        item: Item,
        scroll: u16,
        /// The selected point of a figure's series (an index into its `series`), shown in
        /// full under the chart; `None` until one is chosen.
        point: Option<usize>,
    },
    /// The dataset picker, with the highlighted catalog entry.
    Picker {
        selected: usize,
    },
    /// The comparison in [`App::comparison`].
    Compare {
        scroll: u16,
    },
    /// Every problem of the error banner.
    Problems {
        scroll: u16,
    },
}

/// Everything the view needs, and nothing it could compute from the rest.
#[derive(Debug, Clone)]
pub struct App {
    pub dataset: Arc<Dataset>,
    pub navigation: Navigation,
    /// Everything searchable in the dataset: built off the input thread (by the store's
    /// worker, once for every session that shows the dataset) and `None` until it arrives.
    pub search_index: Option<Arc<SearchIndex>>,
    /// The search being typed or stepped through.
    pub search: Option<Search>,
    /// The last query typed, which `/` starts from.
    pub last_query: String,
    pub lang: Lang,
    /// The day ages are counted to; fixed in tests so snapshots do not age.
    pub today: NaiveDate,
    pub tab: usize,
    /// The selected item of each tab (an index into `navigation.tabs[tab]`).
    pub selected: Vec<usize>,
    pub overlay: Option<Overlay>,
    /// The terminal's size, for layout-dependent actions (page size, mouse hits).
    pub size: Size,
    pub keymap: Keymap,
    pub theme: Theme,
    /// What the terminal shown on can show (colour, characters beyond ASCII).
    pub display: Display,
    /// `o` may run the system's opener: on the local terminal, never for an SSH reader
    /// (whose browser is not on the server), who is shown the address instead.
    pub opener: bool,
    /// The datasets the config names, for the picker.
    pub catalog: Vec<CatalogEntry>,
    /// The catalog entry shown; `None` for a dataset opened by path.
    pub current: Option<usize>,
    /// Follow the config's default when it changes: true until the user picks a dataset
    /// or names one on the command line.
    pub follow_default: bool,
    pub banner: Option<Banner>,
    /// Figures older than this are marked stale; `None`: never.
    pub stale_after_months: Option<u32>,
    /// The last comparison made from the picker.
    pub comparison: Option<DatasetDiff>,
    /// Each tab's map view (used by map tabs), by tab index.
    pub maps: Vec<MapView>,
    /// Each tab's table view (used by country tabs), by tab index.
    pub tables: Vec<TableView>,
}

impl App {
    pub fn new(dataset: Arc<Dataset>, lang: Lang, today: NaiveDate, size: Size) -> App {
        let navigation = Navigation::new(&dataset);
        App {
            search_index: None,
            search: None,
            last_query: String::new(),
            selected: vec![0; dataset.tabs.len()],
            dataset,
            navigation,
            lang,
            today,
            tab: 0,
            overlay: None,
            size,
            keymap: Keymap::default(),
            theme: Theme::default(),
            display: Display::default(),
            opener: false,
            catalog: Vec::new(),
            current: None,
            follow_default: false,
            banner: None,
            stale_after_months: None,
            comparison: None,
            maps: Vec::new(),
            tables: Vec::new(),
        }
        .with_country_views()
    }

    /// Takes the config's settings: its theme and colours (none without colour), keys,
    /// staleness, and its language when it names one.
    pub fn apply_settings(&mut self, settings: &Settings) {
        self.theme = Theme::new(settings.theme, self.display.no_color);
        if !self.display.no_color && settings.theme != ThemeName::Mono {
            for &(role, fg, bg) in &settings.colors {
                self.theme.recolor(role, fg, bg);
            }
        }
        self.keymap = settings.keymap.clone();
        self.stale_after_months = settings.stale_after_months;
        if let Some(lang) = settings.lang
            && lang != self.lang
        {
            self.lang = lang;
            // Names sort differently in the other language.
            self.refresh_rows();
        }
    }

    /// Builds the search index here and now, where no worker builds it (tests, benches).
    pub fn with_search_index(mut self) -> App {
        self.search_index = Some(Arc::new(SearchIndex::new(&self.dataset, &self.navigation)));
        self
    }

    /// Fresh map and table views for the tabs, and the tables' rows in their order.
    fn with_country_views(mut self) -> App {
        let tabs = self.dataset.tabs.len();
        // The world as the map shows it: the inhabited latitudes, fitted to the screen.
        let (width, height) = map_grid(self.size);
        let world = MapView {
            viewport: Viewport::fit(MapRegion::World.bounds(), width, height),
            ..MapView::default()
        };
        self.maps = vec![world; tabs];
        self.tables = vec![TableView::default(); tabs];
        self.refresh_rows();
        // A table opens on its first row.
        self.selected.fill(0);
        self
    }

    /// Orders each country table's rows by its sort, filter and grouping (in the reader's
    /// language, for names), keeping the selected country selected where it still shows.
    pub fn refresh_rows(&mut self) {
        for tab in 0..self.dataset.tabs.len() {
            if self.dataset.tabs[tab].kind != TabKind::Countries {
                continue;
            }
            let selected = self.navigation.tabs[tab].get(self.selected[tab]).copied();
            let items: Vec<Item> = rows(&self.dataset, tab, &self.tables[tab], self.lang)
                .into_iter()
                .map(Item::Country)
                .collect();
            self.selected[tab] = selected
                .and_then(|item| items.iter().position(|&row| row == item))
                .unwrap_or(0);
            self.navigation.tabs[tab] = items;
        }
    }

    /// Shows another dataset, or a new edition of this one: the tab is kept when the new
    /// dataset has one with the same id, and each tab's selection stays on the same item
    /// (by id) where it still exists.
    pub fn replace_dataset(&mut self, dataset: Arc<Dataset>) {
        let old_keys: Vec<(String, Option<String>)> = self
            .dataset
            .tabs
            .iter()
            .enumerate()
            .map(|(tab, t)| {
                let item = self.navigation.tabs[tab].get(self.selected[tab]).copied();
                (t.id.clone(), item.map(|item| item_key(&self.dataset, item)))
            })
            .collect();
        let current_tab = self.dataset.tabs[self.tab].id.clone();
        self.navigation = Navigation::new(&dataset);
        self.selected = dataset
            .tabs
            .iter()
            .enumerate()
            .map(|(tab, t)| {
                let wanted = old_keys
                    .iter()
                    .find(|(id, _)| *id == t.id)
                    .and_then(|(_, key)| key.as_ref());
                wanted
                    .and_then(|key| {
                        self.navigation.tabs[tab]
                            .iter()
                            .position(|&item| item_key(&dataset, item) == *key)
                    })
                    .unwrap_or(0)
            })
            .collect();
        self.tab = dataset
            .tabs
            .iter()
            .position(|t| t.id == current_tab)
            .unwrap_or(0);
        // Views of tabs that are still there are kept, by id.
        let keep = |old: &[MapView], tab: &str| {
            self.dataset
                .tabs
                .iter()
                .position(|t| t.id == tab)
                .and_then(|index| old.get(index).copied())
                .unwrap_or_default()
        };
        let maps: Vec<MapView> = dataset
            .tabs
            .iter()
            .map(|t| keep(&self.maps, &t.id))
            .collect();
        let tables: Vec<TableView> = dataset
            .tabs
            .iter()
            .map(|t| {
                self.dataset
                    .tabs
                    .iter()
                    .position(|old| old.id == t.id)
                    .and_then(|index| self.tables.get(index).cloned())
                    .unwrap_or_default()
            })
            .collect();
        self.maps = maps;
        self.tables = tables;
        // An open detail stays open, at its scroll, when its item is still there; it closes
        // when the item went away.
        if let Some(Overlay::Detail {
            item,
            scroll,
            point,
        }) = self.overlay
        {
            let key = item_key(&self.dataset, item);
            self.overlay = self
                .navigation
                .tabs
                .iter()
                .flatten()
                .find(|&&candidate| item_key(&dataset, candidate) == key)
                .map(|&item| Overlay::Detail {
                    item,
                    scroll,
                    // The selected point stays while the series still has it.
                    point: point.filter(|&point| match item {
                        Item::Indicator(index) => point < dataset.indicators[index].series.len(),
                        _ => false,
                    }),
                });
        }
        self.dataset = dataset;
        self.refresh_rows();
    }

    pub fn items(&self) -> &[Item] {
        &self.navigation.tabs[self.tab]
    }

    pub fn selected_index(&self) -> usize {
        self.selected[self.tab]
    }

    pub fn selected_item(&self) -> Option<Item> {
        self.items().get(self.selected_index()).copied()
    }

    /// The panel shown on a panels tab: the one holding the selection.
    pub fn current_panel(&self) -> Option<usize> {
        let tab = &self.dataset.tabs[self.tab];
        if tab.kind != TabKind::Panels {
            return None;
        }
        let items = self.items();
        // A panels tab with no panels has no items: nothing is current.
        let shown = items.len().min(self.selected_index() + 1);
        items[..shown]
            .iter()
            .rev()
            .find_map(|item| item.panel())
            .or_else(|| tab.panels.first().copied())
    }
}
