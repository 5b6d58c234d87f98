//! From what the user did to what it means: a key, a click or a wheel turn, read against
//! the mode the dashboard is in, its keymap and the geometry of the last frame, becomes an
//! [`Action`] (or nothing). Every front end (the local terminal's crossterm events, an SSH channel's bytes)
//! turns its own events into an [`Event`] and comes through here, so a key or a click
//! means the same wherever it comes from.

mod bytes;
mod terminal;

pub use bytes::ByteInput;
pub use terminal::from_crossterm;

use crate::app::{Action, App, Key, KeyCode, Overlay};
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
}

/// What `event` means now; `None` for input that means nothing here.
pub fn action(app: &App, layout: &FrameLayout, event: Event) -> Option<Action> {
    let typing = app.search.as_ref().is_some_and(|search| search.editing);
    let action = match event {
        Event::Key(key) if typing => search_key(key),
        Event::Key(key) => app.keymap.action_for(&key),
        Event::Click { .. } if typing => None,
        Event::Click { column, row } => click(app, layout, column, row),
        Event::ScrollUp => Some(Action::Up),
        Event::ScrollDown => Some(Action::Down),
    }?;
    Some(within_popup(app, layout, action))
}

/// While a search is typed, keys are text, except the few that steer it.
fn search_key(key: Key) -> Option<Action> {
    let control = key.modifiers.ctrl;
    match key.code {
        KeyCode::Char('c') if control => Some(Action::Quit),
        KeyCode::Char(c) if !control => Some(Action::SearchInput(c)),
        KeyCode::Backspace => Some(Action::SearchBackspace),
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
    if app.overlay == Some(Overlay::Help) {
        return Some(Action::Back);
    }
    let selected = match app.overlay {
        Some(Overlay::Picker { selected }) => selected,
        _ => app.selected_index(),
    };
    match layout.hit(column, row)? {
        Hit::Tab(tab) => Some(Action::GoToTab(tab)),
        Hit::Item(index) if index == selected => Some(Action::Open),
        Hit::Item(index) => Some(Action::Select(index)),
        Hit::Popup => None,
        Hit::OutsidePopup => Some(Action::Back),
    }
}

/// In a popup that scrolls, the moves scroll it, as far as its text goes on this screen.
fn within_popup(app: &App, layout: &FrameLayout, action: Action) -> Action {
    let (Some(Overlay::Detail { scroll, .. } | Overlay::Compare { scroll }), Some(popup)) =
        (app.overlay, &layout.popup)
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
