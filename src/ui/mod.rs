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

mod chrome;
mod compare;
mod detail;
mod format;
pub mod headless;
mod help;
mod picker;
mod search;
mod strings;
mod tabs;
mod text;
mod theme;
mod widgets;

use ratatui::Frame;
use ratatui::layout::{Position, Rect};

pub use format::{date_with_age, figure, figure_in, figure_with_unit, number, number_in};
pub use theme::{THEME_ROLES, Theme};

use crate::app::{App, Overlay};
use crate::dataset::TabKind;

/// Below this size the dashboard shows a notice instead of a squeezed layout.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 12;

/// What a mouse click landed on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hit {
    Tab(usize),
    /// An item of the current tab, by index.
    Item(usize),
    /// Inside the open popup.
    Popup,
}

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

fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

/// Draws one frame.
pub fn view(app: &App, frame: &mut Frame) {
    let area = frame.area();
    if too_small(area) {
        chrome::too_small(app, frame, area);
        return;
    }
    let regions = regions(area);
    chrome::header(app, frame, regions.header);
    chrome::tab_bar(app, frame, regions.tabs);
    chrome::banner_or_rule(app, frame, Rect::new(area.x, area.y + 2, area.width, 1));
    render_tab(app, frame, regions.content);
    chrome::key_bar(app, frame, regions.keys);
    match app.overlay {
        Some(Overlay::Help) => help::render(app, frame, area),
        Some(Overlay::Detail { item, scroll }) => detail::render(app, frame, area, item, scroll),
        Some(Overlay::Picker { selected }) => picker::render(app, frame, area, selected),
        Some(Overlay::Compare { scroll }) => compare::render(app, frame, area, scroll),
        None => {}
    }
    if let Some(search) = &app.search {
        search::render(app, frame, area, search);
    }
}

fn render_tab(app: &App, frame: &mut Frame, area: Rect) {
    match app.dataset.tabs[app.tab].kind {
        TabKind::Overview => tabs::overview::render(app, frame, area),
        TabKind::Panels => tabs::panels::render(app, frame, area),
        TabKind::Timeline => tabs::timeline::render(app, frame, area),
        TabKind::Sources => tabs::sources::render(app, frame, area),
    }
}

/// Where the items of the current tab are on screen, by item index.
fn item_areas(app: &App, area: Rect) -> Vec<(usize, Rect)> {
    match app.dataset.tabs[app.tab].kind {
        TabKind::Overview => tabs::overview::item_areas(app, area),
        TabKind::Panels => tabs::panels::item_areas(app, area),
        TabKind::Timeline => tabs::timeline::item_areas(app, area),
        TabKind::Sources => tabs::sources::item_areas(app, area),
    }
}

/// What is at a screen cell, by the same layout [`view`] draws.
pub fn hit_test(app: &App, column: u16, row: u16) -> Option<Hit> {
    let area = Rect::new(0, 0, app.size.width, app.size.height);
    if too_small(area) {
        return None;
    }
    let position = Position::new(column, row);
    let popup = match app.overlay {
        Some(Overlay::Help) => Some(help::area(app, area)),
        Some(Overlay::Detail { item, .. }) => Some(detail::area(app, item, area)),
        Some(Overlay::Picker { selected }) => {
            if let Some((index, _)) = picker::entry_areas(app, area, selected)
                .into_iter()
                .find(|(_, rect)| rect.contains(position))
            {
                return Some(Hit::Item(index));
            }
            Some(picker::area(app, area))
        }
        Some(Overlay::Compare { .. }) => Some(compare::area(app, area)),
        None => None,
    };
    if let Some(popup) = popup {
        return popup.contains(position).then_some(Hit::Popup);
    }
    let regions = regions(area);
    if regions.tabs.contains(position) {
        return chrome::tab_areas(app, regions.tabs)
            .into_iter()
            .find(|(_, rect)| rect.contains(position))
            .map(|(tab, _)| Hit::Tab(tab));
    }
    if regions.content.contains(position) {
        return item_areas(app, regions.content)
            .into_iter()
            .find(|(_, rect)| rect.contains(position))
            .map(|(index, _)| Hit::Item(index));
    }
    None
}

/// How far the open popup can scroll at the current size (0 for popups that do not).
pub fn popup_max_scroll(app: &App) -> u16 {
    let screen = Rect::new(0, 0, app.size.width, app.size.height);
    match app.overlay {
        Some(Overlay::Detail { item, .. }) => detail::max_scroll(app, item, screen),
        Some(Overlay::Compare { .. }) => compare::max_scroll(app, screen),
        _ => 0,
    }
}
