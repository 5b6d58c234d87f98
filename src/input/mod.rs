//! From what the user did to what it means: a key, a click or a wheel turn, read against
//! the mode the dashboard is in, its keymap and the geometry of the last frame, becomes an
//! [`Action`] (or nothing). Every front end (the local terminal's crossterm events, an SSH channel's bytes)
//! turns its own events into an [`Event`] and comes through here, so a key or a click
//! means the same wherever it comes from.

mod bytes;
mod terminal;

pub use bytes::ByteInput;
pub use terminal::from_crossterm;

use crate::app::{Action, App, Edit, Item, Key, KeyCode, Overlay};
use crate::dataset::TabKind;
use crate::ui::{FrameLayout, Hit};

/// Input, independent of the terminal it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    Key(Key),
    /// The primary button pressed at a cell.
    Click {
        column: u16,
        row: u16,
    },
    ScrollUp,
    ScrollDown,
    /// The mouse moved with the primary button held, to this cell.
    Drag {
        column: u16,
        row: u16,
    },
}

/// What `event` means now; `None` for input that means nothing here.
pub fn action(app: &App, layout: &FrameLayout, event: Event) -> Option<Action> {
    let typing = app.search.as_ref().is_some_and(|search| search.editing);
    let filtering = app.tables.get(app.tab).is_some_and(|table| table.filtering);
    let on_map = app.overlay.is_none() && app.dataset.tabs[app.tab].kind == TabKind::Map;
    let action = match event {
        Event::Key(key) if key.modifiers.ctrl && key.code == KeyCode::Char('c') => {
            Some(Action::Interrupt)
        }
        Event::Key(key) if typing => search_key(key),
        Event::Key(key) if filtering => filter_key(key),
        // A click on a hit of the results list goes there.
        Event::Click { column, row } if typing => match layout.hit(column, row) {
            Some(Hit::Item(hit)) => Some(Action::Select(hit)),
            _ => None,
        },
        Event::Click { .. } | Event::Drag { .. } if typing || filtering => None,
        // On the map the wheel zooms, and a drag moves the view.
        Event::ScrollUp if on_map => Some(Action::ZoomIn),
        Event::ScrollDown if on_map => Some(Action::ZoomOut),
        Event::Drag { column, row } if on_map => drag(app, layout, column, row),
        Event::Drag { .. } => None,
        Event::Key(key) => app.keymap.action_for(&key),
        Event::Click { column, row } => click(app, layout, column, row),
        Event::ScrollUp => Some(Action::Up),
        Event::ScrollDown => Some(Action::Down),
    }?;
    // On a screen too small to draw on, nothing happens unseen: only leaving works.
    if crate::ui::too_small(ratatui::layout::Rect::from((Default::default(), app.size)))
        && !matches!(action, Action::Quit | Action::Interrupt | Action::Suspend)
    {
        return None;
    }
    let action = within_detail(app, within_popup(app, layout, action));
    Some(within_grid(app, layout, action))
}

/// In the detail of a figure with a series, ←/→ step through its points (elsewhere in a
/// popup they do nothing).
fn within_detail(app: &App, action: Action) -> Action {
    let has_points = match app.overlay {
        Some(Overlay::Detail {
            item: Item::Indicator(index),
            ..
        }) => !app.dataset.indicators[index].series.is_empty(),
        _ => false,
    };
    match action {
        Action::Left if has_points => Action::PrevPoint,
        Action::Right if has_points => Action::NextPoint,
        other => other,
    }
}

/// On a grid of cards (the overview), the arrows move in two dimensions: ↑/↓ to the card
/// above or below, ←/→ to the card beside, and past the row's edge to the tab beside.
/// Elsewhere ←/→ are the tabs and ↑/↓ the next and previous item.
fn within_grid(app: &App, layout: &FrameLayout, action: Action) -> Action {
    let columns = if app.overlay.is_none() {
        layout.grid_columns
    } else {
        1
    };
    let selected = app.selected_index();
    let count = app.items().len();
    let column = selected % columns.max(1);
    match action {
        Action::Left if columns > 1 && column > 0 => Action::Select(selected - 1),
        Action::Right if columns > 1 && column + 1 < columns && selected + 1 < count => {
            Action::Select(selected + 1)
        }
        Action::Left => Action::PrevTab,
        Action::Right => Action::NextTab,
        Action::Down if columns > 1 && selected + columns < count => {
            Action::Select(selected + columns)
        }
        Action::Up if columns > 1 && selected >= columns => Action::Select(selected - columns),
        // On the last row (or the first), a grid goes no further.
        Action::Down | Action::Up if columns > 1 => Action::Select(selected),
        other => other,
    }
}

/// While the table's filter is typed, keys are text, except Enter, Esc and ↑/↓.
fn filter_key(key: Key) -> Option<Action> {
    match key.code {
        KeyCode::Char(c) if !key.modifiers.ctrl => Some(Action::FilterInput(c)),
        KeyCode::Backspace => Some(Action::FilterBackspace),
        KeyCode::Enter => Some(Action::Open),
        KeyCode::Esc => Some(Action::Back),
        KeyCode::Up => Some(Action::Up),
        KeyCode::Down => Some(Action::Down),
        _ => None,
    }
}

/// A drag over the map: the view follows the mouse, by the cells it moved since the last
/// drag event (the first one of a drag only takes hold).
fn drag(app: &App, layout: &FrameLayout, column: u16, row: u16) -> Option<Action> {
    let map = layout.map.as_ref()?;
    let view = &app.maps[app.tab];
    let (from_column, from_row) = view.drag.unwrap_or((column, row));
    let degrees = view
        .viewport
        .degrees_per_dot(map.area.width, map.area.height);
    let (dx, dy) = (
        f64::from(from_column) - f64::from(column),
        f64::from(row) - f64::from(from_row),
    );
    Some(Action::PanBy {
        east: dx * 2.0 * degrees,
        north: dy * 4.0 * degrees,
        to: (column, row),
    })
}

/// While a search is typed, keys are text, except the few that steer it; the query line
/// edits as a shell's does (←/→, Home/End, Ctrl-A/E, Ctrl-W, Ctrl-U).
fn search_key(key: Key) -> Option<Action> {
    let control = key.modifiers.ctrl;
    let edit = |edit| Some(Action::SearchEdit(edit));
    match key.code {
        KeyCode::Char('w') if control => edit(Edit::DeleteWord),
        KeyCode::Char('u') if control => edit(Edit::Clear),
        KeyCode::Char('a') if control => edit(Edit::Home),
        KeyCode::Char('e') if control => edit(Edit::End),
        KeyCode::Char(c) if !control => edit(Edit::Insert(c)),
        KeyCode::Backspace => edit(Edit::Backspace),
        KeyCode::Delete => edit(Edit::Delete),
        KeyCode::Left => edit(Edit::Left),
        KeyCode::Right => edit(Edit::Right),
        KeyCode::Home => edit(Edit::Home),
        KeyCode::End => edit(Edit::End),
        KeyCode::Enter => Some(Action::Open),
        KeyCode::Esc => Some(Action::Back),
        KeyCode::Up => Some(Action::Up),
        KeyCode::Down => Some(Action::Down),
        KeyCode::PageUp => Some(Action::PageUp),
        KeyCode::PageDown => Some(Action::PageDown),
        _ => None,
    }
}

/// A click: on a tab goes there, on an item selects it (and opens it when it was selected
/// already), inside a popup does nothing, outside it closes it. The help closes on any click.
fn click(app: &App, layout: &FrameLayout, column: u16, row: u16) -> Option<Action> {
    if matches!(app.overlay, Some(Overlay::Help { .. })) {
        return Some(Action::Back);
    }
    let selected = match app.overlay {
        Some(Overlay::Picker { selected }) => selected,
        _ => app.selected_index(),
    };
    let on_map = layout.map.as_ref().is_some_and(|map| {
        map.area
            .contains(ratatui::layout::Position::new(column, row))
    });
    if on_map {
        let item = match layout.hit(column, row) {
            Some(Hit::Item(index)) => Some(index),
            _ => None,
        };
        return Some(Action::MapPress {
            at: (column, row),
            item,
        });
    }
    match layout.hit(column, row)? {
        Hit::Tab(tab) => Some(Action::GoToTab(tab)),
        Hit::Banner => Some(Action::ShowProblems),
        Hit::Column(column) => Some(Action::SortBy(column)),
        // A detail's entries are the points of its series, on the chart and in the list.
        Hit::Item(index) if matches!(app.overlay, Some(Overlay::Detail { .. })) => {
            Some(Action::SelectPoint(index))
        }
        Hit::Item(index) if index == selected => Some(Action::Open),
        Hit::Item(index) => Some(Action::Select(index)),
        Hit::Popup => None,
        Hit::OutsidePopup => Some(Action::Back),
    }
}

/// In a popup that scrolls, the moves scroll it, as far as its text goes on this screen.
fn within_popup(app: &App, layout: &FrameLayout, action: Action) -> Action {
    let (
        Some(
            Overlay::Detail { scroll, .. }
            | Overlay::Compare { scroll }
            | Overlay::Help { scroll }
            | Overlay::Problems { scroll },
        ),
        Some(popup),
    ) = (app.overlay, &layout.popup)
    else {
        return action;
    };
    // The view shows at most `max_scroll`, whatever the state says after a resize.
    let scroll = scroll.min(popup.max_scroll);
    let page = popup.page.max(1);
    let to = match action {
        Action::Up => scroll.saturating_sub(1),
        Action::Down => scroll.saturating_add(1),
        Action::PageUp => scroll.saturating_sub(page),
        Action::PageDown => scroll.saturating_add(page),
        Action::Top => 0,
        Action::Bottom => popup.max_scroll,
        other => return other,
    };
    Action::ScrollTo(to.min(popup.max_scroll))
}
