//! Drawing the dashboard: a pure function of [`App`], plus the hit-testing the mouse needs,
//! computed from the same layout.
//!
//! ```text
//! ┌ header: app · dataset title · as of ─────────────── language ┐
//! │ tab bar: 1 Overview  2 Achievements  3 Outlook …             │
//! │                                                              │
//! │ content: the current tab (src/ui/tabs/)                      │
//! │                                                              │
//! └ key bar: the main keys in force ─────────────────────────────┘
//! ```

pub mod ascii;
mod chrome;
mod compare;
mod detail;
pub mod headless;
pub mod help;
mod layout;
mod links;
mod picker;
pub mod plain;
mod problems;
mod search;
mod symbols;
mod tabs;
mod text;
mod widgets;

use std::ops::Deref;

use ratatui::Frame;
use ratatui::layout::Rect;

pub use layout::{FrameLayout, Hit, MapLayout, PopupLayout};
pub use tabs::map::RasterMemory;
pub use text::{WrapMemory, wrap};

use crate::app::{App, Overlay};
use crate::dataset::TabKind;

/// Below this size the dashboard shows a notice instead of a squeezed layout.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 12;

struct Regions {
    header: Rect,
    tabs: Rect,
    content: Rect,
    keys: Rect,
}

fn regions(area: Rect) -> Regions {
    let row = |y: u16, height: u16| Rect::new(area.x, area.y + y, area.width, height);
    Regions {
        header: row(0, 1),
        tabs: row(1, 1),
        content: Rect::new(
            area.x,
            area.y + 3,
            area.width,
            area.height.saturating_sub(4),
        ),
        keys: row(area.height - 1, 1),
    }
}

/// Is a screen of this size too small to draw the dashboard on (it shows a notice)?
pub fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

/// What a frame is drawn from: the state, and the memory of what recent frames computed
/// (wrapped text, the map's raster), which the session that draws them owns. Every part of
/// the view reads the state through it as if it were the state itself.
pub struct Screen<'a> {
    pub app: &'a App,
    pub memory: &'a WrapMemory,
    pub rasters: &'a RasterMemory,
}

/// What a session keeps from frame to frame so that a frame costs only what changed: the
/// lines recent frames wrapped, and the map raster of the last viewport and size. Pure
/// memoisation: a fresh one draws the same frame, only slower.
#[derive(Default)]
pub struct Memory {
    pub wrap: WrapMemory,
    pub rasters: RasterMemory,
}

impl Deref for Screen<'_> {
    type Target = App;

    fn deref(&self) -> &App {
        self.app
    }
}

/// Draws one frame of `app` and reports where its parts are. `memory` is the caller's,
/// kept from frame to frame (a fresh one draws the same frame, only slower).
pub fn view(app: &App, memory: &Memory, frame: &mut Frame) -> FrameLayout {
    let layout = draw(app, memory, frame);
    let area = frame.area();
    if app.display.links {
        links::mark(frame.buffer_mut(), area, || {
            app.dataset
                .sources
                .iter()
                .filter_map(|source| source.url.as_deref())
                .collect()
        });
    }
    if app.display.ascii {
        ascii::transliterate(frame.buffer_mut(), area);
    }
    layout
}

fn draw(app: &App, memory: &Memory, frame: &mut Frame) -> FrameLayout {
    let app = &Screen {
        app,
        memory: &memory.wrap,
        rasters: &memory.rasters,
    };
    let area = frame.area();
    if too_small(area) {
        chrome::too_small(app, frame, area);
        return FrameLayout::default();
    }
    let regions = regions(area);
    chrome::header(app, frame, regions.header);
    let tabs = chrome::tab_bar(app, frame, regions.tabs);
    let banner_row = Rect::new(area.x, area.y + 2, area.width, 1);
    chrome::banner_or_rule(app, frame, banner_row);
    let banner = matches!(app.banner, Some(crate::app::Banner::Error(_))).then_some(banner_row);
    let drawn = render_tab(app, frame, regions.content);
    chrome::key_bar(app, frame, regions.keys);
    let popup = match app.overlay {
        Some(Overlay::Help { scroll }) => Some(help::render(app, frame, area, scroll)),
        Some(Overlay::Detail {
            item,
            scroll,
            point,
        }) => Some(detail::render(app, frame, area, item, (scroll, point))),
        Some(Overlay::Picker { selected }) => Some(picker::render(app, frame, area, selected)),
        Some(Overlay::Compare { scroll }) => Some(compare::render(app, frame, area, scroll)),
        Some(Overlay::Problems { scroll }) => Some(problems::render(app, frame, area, scroll)),
        None => None,
    };
    // The results of a search being typed are over everything else, and take the clicks.
    let popup = match &app.search {
        Some(search) => search::render(app, frame, area, search).or(popup),
        None => popup,
    };
    FrameLayout {
        tabs,
        items: drawn.items,
        grid_columns: drawn.grid_columns,
        banner,
        map: drawn.map,
        columns: drawn.columns,
        popup,
    }
}

/// Draws the current tab; returns where its parts are.
fn render_tab(app: &Screen, frame: &mut Frame, area: Rect) -> tabs::Drawn {
    match app.dataset.tabs[app.tab].kind {
        TabKind::Overview => {
            let (items, grid_columns) = tabs::overview::render(app, frame, area);
            tabs::Drawn {
                grid_columns,
                ..tabs::Drawn::list(items)
            }
        }
        TabKind::Panels => tabs::Drawn::list(tabs::panels::render(app, frame, area)),
        TabKind::Timeline => tabs::Drawn::list(tabs::timeline::render(app, frame, area)),
        TabKind::Sources => tabs::Drawn::list(tabs::sources::render(app, frame, area)),
        TabKind::Map => tabs::map::render(app, frame, area),
        TabKind::Countries => tabs::countries::render(app, frame, area),
    }
}
