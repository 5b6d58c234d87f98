//! The one function that changes the dashboard's state.

use super::action::{Action, Command};
use super::state::{App, Item, Overlay};
use crate::ui::{Hit, detail_max_scroll, hit_test};

/// Applies `action` to `app` and says what the runtime must do next.
pub fn update(app: &mut App, action: Action) -> Command {
    match action {
        Action::Quit => return Command::Quit,
        Action::Suspend => return Command::Suspend,
        Action::Resize { width, height } => {
            app.size = ratatui::layout::Size::new(width, height);
            clamp_detail_scroll(app);
            return Command::Redraw;
        }
        Action::ToggleLanguage => {
            app.lang = app.lang.other();
            return Command::Redraw;
        }
        _ => {}
    }
    let before = (app.tab, app.selected.clone(), app.overlay);
    match app.overlay {
        Some(Overlay::Help) => help_popup(app, action),
        Some(Overlay::Detail { .. }) => detail_popup(app, action),
        None => dashboard(app, action),
    }
    if before == (app.tab, app.selected.clone(), app.overlay) {
        Command::None
    } else {
        Command::Redraw
    }
}

fn help_popup(app: &mut App, action: Action) {
    match action {
        Action::ToggleHelp | Action::Back | Action::Open | Action::Click { .. } => {
            app.overlay = None
        }
        _ => {}
    }
}

fn detail_popup(app: &mut App, action: Action) {
    let Some(Overlay::Detail { item, scroll }) = app.overlay else {
        return;
    };
    let page = page_size(app) as u16;
    let scroll = match action {
        Action::Back | Action::Open => {
            app.overlay = None;
            return;
        }
        Action::ToggleHelp => {
            app.overlay = Some(Overlay::Help);
            return;
        }
        Action::Click { column, row } => {
            if hit_test(app, column, row) != Some(Hit::Popup) {
                app.overlay = None;
            }
            return;
        }
        Action::Up | Action::ScrollUp { .. } => scroll.saturating_sub(1),
        Action::Down | Action::ScrollDown { .. } => scroll.saturating_add(1),
        Action::PageUp => scroll.saturating_sub(page),
        Action::PageDown => scroll.saturating_add(page),
        Action::Top => 0,
        Action::Bottom => u16::MAX,
        _ => return,
    };
    app.overlay = Some(Overlay::Detail { item, scroll });
    clamp_detail_scroll(app);
}

fn clamp_detail_scroll(app: &mut App) {
    if let Some(Overlay::Detail { item, scroll }) = app.overlay {
        let max = detail_max_scroll(app, item);
        app.overlay = Some(Overlay::Detail {
            item,
            scroll: scroll.min(max),
        });
    }
}

fn dashboard(app: &mut App, action: Action) {
    let count = app.items().len();
    let tabs = app.dataset.tabs.len();
    let selected = app.selected_index();
    match action {
        Action::NextTab => app.tab = (app.tab + 1) % tabs,
        Action::PrevTab => app.tab = (app.tab + tabs - 1) % tabs,
        Action::GoToTab(index) if index < tabs => app.tab = index,
        Action::Down | Action::ScrollDown { .. } => select(app, selected + 1),
        Action::Up | Action::ScrollUp { .. } => select(app, selected.saturating_sub(1)),
        Action::PageDown => select(app, selected + page_size(app)),
        Action::PageUp => select(app, selected.saturating_sub(page_size(app))),
        Action::Top => select(app, 0),
        Action::Bottom => select(app, count.saturating_sub(1)),
        Action::NextPanel => {
            if let Some(next) = app.items()[selected.min(count)..]
                .iter()
                .skip(1)
                .position(|item| matches!(item, Item::Panel(_)))
            {
                select(app, selected + 1 + next);
            }
        }
        Action::PrevPanel => {
            let current_header = app.items()[..=selected.min(count.saturating_sub(1))]
                .iter()
                .rposition(|item| matches!(item, Item::Panel(_)));
            let target = match current_header {
                // On a header: go to the previous one; inside a panel: to its own header.
                Some(header) if header == selected => app.items()[..header]
                    .iter()
                    .rposition(|item| matches!(item, Item::Panel(_))),
                other => other,
            };
            if let Some(target) = target {
                select(app, target);
            }
        }
        Action::Open => open_selected(app),
        Action::ToggleHelp => app.overlay = Some(Overlay::Help),
        Action::Click { column, row } => match hit_test(app, column, row) {
            Some(Hit::Tab(tab)) => app.tab = tab,
            Some(Hit::Item(index)) if index == selected => open_selected(app),
            Some(Hit::Item(index)) => select(app, index),
            _ => {}
        },
        _ => {}
    }
}

fn select(app: &mut App, index: usize) {
    let count = app.items().len();
    if count > 0 {
        let tab = app.tab;
        app.selected[tab] = index.min(count - 1);
    }
}

fn open_selected(app: &mut App) {
    if let Some(item) = app.selected_item() {
        app.overlay = Some(Overlay::Detail { item, scroll: 0 });
    }
}

/// How far PgUp/PgDn move: about a third of the screen's rows, in items.
fn page_size(app: &App) -> usize {
    (app.size.height as usize / 3).max(1)
}
