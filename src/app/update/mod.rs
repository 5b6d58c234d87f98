//! The one function that changes the dashboard's state.

mod countries;
mod points;

use super::action::{Action, Command};
use super::live::{Banner, LoadReason, Loaded, problem_report};
use super::navigation::Item;
use super::search::Search;
use super::state::{App, Overlay};
use crate::dataset::diff::diff;
use crate::dataset::{Citer, TabKind};
use countries::{filter_input, map, table};

/// Applies `action` to `app` and says what the runtime must do next.
pub fn update(app: &mut App, action: Action) -> Command {
    let continues = matches!(action, Action::SearchContinue);
    let was_counting = app.search.as_ref().is_some_and(|search| search.counting);
    let command = apply(app, action);
    let counting = app.search.as_ref().is_some_and(|search| search.counting);
    // A query that is still running comes back for its next slice: once when it starts,
    // and after each slice (a key that leaves it running needs no second call).
    match command {
        Command::None | Command::Redraw if counting && (continues || !was_counting) => {
            Command::ContinueSearch
        }
        other => other,
    }
}

fn apply(app: &mut App, action: Action) -> Command {
    match action {
        Action::Interrupt => return Command::Quit,
        // `q` closes what is open first, as in gitui and lazygit; it quits from the dashboard.
        Action::Quit if app.overlay.is_some() => {
            app.overlay = None;
            return Command::Redraw;
        }
        Action::Quit => return Command::Quit,
        Action::Suspend => return Command::Suspend,
        Action::Resize { width, height } => {
            app.size = ratatui::layout::Size::new(width, height);
            return Command::Redraw;
        }
        Action::ToggleLanguage => {
            app.lang = app.lang.other();
            // Names sort differently in the other language.
            app.refresh_rows();
            return Command::Redraw;
        }
        Action::Reload => return Command::Reload,
        Action::DatasetLoaded(loaded) => {
            apply_loaded(app, *loaded);
            return Command::Redraw;
        }
        Action::CatalogChanged {
            entries,
            default,
            problem,
        } => {
            app.catalog = entries;
            // The banner follows the library's standing problem: a scan for the picker or a
            // config save says nothing about whether the shown dataset loads.
            match problem {
                Some(problem) => app.banner = Some(Banner::Error(problem)),
                None if matches!(app.banner, Some(Banner::Error(_))) => app.banner = None,
                None => {}
            }
            if let Some(Overlay::Picker { selected }) = app.overlay {
                let selected = selected.min(app.catalog.len().saturating_sub(1));
                app.overlay = Some(Overlay::Picker { selected });
            }
            if app.follow_default && app.current != Some(default) && default < app.catalog.len() {
                return Command::Load(default);
            }
            return Command::Redraw;
        }
        Action::SettingsChanged(settings) => {
            app.apply_settings(&settings);
            return Command::Redraw;
        }
        Action::ConfigFailed(message) => {
            app.banner = Some(Banner::Error(message));
            return Command::Redraw;
        }
        Action::SearchIndexReady(ready) => {
            if !std::sync::Arc::ptr_eq(&ready.dataset, &app.dataset) {
                // For a dataset this session no longer shows.
                return Command::None;
            }
            app.search_index = Some(ready.index);
            rerun_search(app);
            return Command::Redraw;
        }
        Action::SearchContinue => {
            let Some(search) = app.search.as_mut().filter(|search| search.counting) else {
                return Command::None;
            };
            let index = app.search_index.clone().unwrap_or_default();
            search.go_on(&index);
            return Command::Redraw;
        }
        Action::NoticeExpired => {
            if app.banner.as_ref().is_some_and(Banner::is_notice) {
                app.banner = None;
                return Command::Redraw;
            }
            return Command::None;
        }
        _ => {}
    }
    let before = (
        app.tab,
        app.selected.clone(),
        app.overlay,
        app.search.clone(),
    );
    if app.tables.get(app.tab).is_some_and(|table| table.filtering) {
        filter_input(app, action);
        return Command::Redraw;
    }
    if app.search.as_ref().is_some_and(|search| search.editing) {
        search_input(app, action);
        return if before
            == (
                app.tab,
                app.selected.clone(),
                app.overlay,
                app.search.clone(),
            ) {
            Command::None
        } else {
            Command::Redraw
        };
    }
    let command = match app.overlay {
        Some(
            Overlay::Detail { .. }
            | Overlay::Compare { .. }
            | Overlay::Help { .. }
            | Overlay::Problems { .. },
        ) => {
            scrolling_popup(app, action);
            Command::None
        }
        Some(Overlay::Picker { selected }) => picker(app, action, selected),
        None => dashboard(app, action),
    };
    match command {
        Command::None
            if before
                != (
                    app.tab,
                    app.selected.clone(),
                    app.overlay,
                    app.search.clone(),
                ) =>
        {
            Command::Redraw
        }
        other => other,
    }
}

fn apply_loaded(app: &mut App, loaded: Loaded) {
    // After a load that works, a problem that still stands (a broken config) keeps its
    // banner instead of giving way to the notice.
    let notice_or_problem = |notice: Banner| match loaded.problem.clone() {
        Some(problem) => Banner::Error(problem),
        None => notice,
    };
    match (loaded.reason, loaded.result) {
        (LoadReason::Compare, Ok(other)) => {
            app.comparison = Some(diff(&other, &app.dataset));
            app.overlay = Some(Overlay::Compare { scroll: 0 });
        }
        (LoadReason::Switch, Ok(dataset)) => {
            app.replace_dataset(dataset);
            app.search_index = loaded.index;
            rerun_search(app);
            app.current = loaded.entry;
            let name = loaded
                .entry
                .and_then(|entry| app.catalog.get(entry))
                .map(|entry| entry.name.clone())
                .unwrap_or_else(|| app.dataset.meta.id.clone());
            app.banner = Some(notice_or_problem(Banner::Switched(name)));
        }
        (LoadReason::Reload, Ok(dataset)) => {
            app.replace_dataset(dataset);
            app.search_index = loaded.index;
            rerun_search(app);
            app.banner = Some(notice_or_problem(Banner::Reloaded));
        }
        // A failure never costs the data on screen: it stays, under the error.
        (_, Err(error)) => app.banner = Some(Banner::Error(problem_report(&error))),
    }
}

fn scrolling_popup(app: &mut App, action: Action) {
    match action {
        Action::Back | Action::Open => app.overlay = None,
        Action::ToggleHelp if matches!(app.overlay, Some(Overlay::Help { .. })) => {
            app.overlay = None
        }
        Action::ToggleHelp => app.overlay = Some(Overlay::Help { scroll: 0 }),
        Action::PrevPoint | Action::NextPoint | Action::SelectPoint(_) => {
            points::choose(app, action)
        }
        Action::ScrollTo(scroll) => {
            app.overlay = match app.overlay {
                Some(Overlay::Detail { item, point, .. }) => Some(Overlay::Detail {
                    item,
                    scroll,
                    point,
                }),
                Some(Overlay::Compare { .. }) => Some(Overlay::Compare { scroll }),
                Some(Overlay::Help { .. }) => Some(Overlay::Help { scroll }),
                Some(Overlay::Problems { .. }) => Some(Overlay::Problems { scroll }),
                other => other,
            }
        }
        _ => {}
    }
}

fn picker(app: &mut App, action: Action, selected: usize) -> Command {
    let last = app.catalog.len().saturating_sub(1);
    let select = |app: &mut App, selected: usize| {
        app.overlay = Some(Overlay::Picker {
            selected: selected.min(last),
        })
    };
    match action {
        Action::Up => select(app, selected.saturating_sub(1)),
        Action::Down => select(app, selected + 1),
        Action::Select(index) => select(app, index),
        Action::Top => select(app, 0),
        Action::Bottom => select(app, last),
        Action::Back | Action::OpenPicker => app.overlay = None,
        Action::Open if selected < app.catalog.len() => {
            app.overlay = None;
            app.follow_default = false;
            return Command::Load(selected);
        }
        Action::Compare if selected < app.catalog.len() => return Command::Compare(selected),
        _ => {}
    }
    Command::None
}

pub(super) fn dashboard(app: &mut App, action: Action) -> Command {
    let count = app.items().len();
    let tabs = app.dataset.tabs.len();
    let selected = app.selected_index();
    match action {
        // ←/→ reach here only when the input layer had no grid to move in.
        Action::NextTab | Action::Right => app.tab = (app.tab + 1) % tabs,
        Action::PrevTab | Action::Left => app.tab = (app.tab + tabs - 1) % tabs,
        Action::GoToTab(index) if index < tabs => app.tab = index,
        Action::Down => select(app, selected + 1),
        Action::Up => select(app, selected.saturating_sub(1)),
        Action::Select(index) => select(app, index),
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
        Action::ToggleHelp => app.overlay = Some(Overlay::Help { scroll: 0 }),
        Action::OpenSource => match address_of_shown(app) {
            Some(url) if app.opener => {
                app.banner = Some(Banner::Opening(url.clone()));
                return Command::OpenUrl(url);
            }
            Some(url) => {
                app.banner = Some(Banner::Address(url));
                return Command::Redraw;
            }
            None => {
                app.banner = Some(Banner::NoAddress);
                return Command::Redraw;
            }
        },
        Action::OpenFailed => {
            app.banner = Some(Banner::OpenFailed);
            return Command::Redraw;
        }
        Action::Copy => {
            if let Some(text) = citation_of_shown(app) {
                app.banner = Some(Banner::Copied);
                return Command::Copy(text);
            }
        }
        Action::Search => {
            let index = app.search_index.clone().unwrap_or_default();
            app.search = Some(Search::typing(&app.last_query, &index));
        }
        Action::ZoomIn
        | Action::ZoomOut
        | Action::PanWest
        | Action::PanEast
        | Action::PanNorth
        | Action::PanSouth
        | Action::PanBy { .. }
        | Action::MapPress { .. }
        | Action::NextRegion
        | Action::PrevRegion
        | Action::PrevYear
        | Action::NextYear
            if app.dataset.tabs[app.tab].kind == TabKind::Map =>
        {
            map(app, action);
            return Command::Redraw;
        }
        Action::SortNext
        | Action::SortReverse
        | Action::SortBy(_)
        | Action::Filter
        | Action::ToggleGroups
            if app.dataset.tabs[app.tab].kind == TabKind::Countries =>
        {
            table(app, action);
            return Command::Redraw;
        }
        Action::NextHit => step_hit(app, 1),
        Action::PrevHit => step_hit(app, -1),
        Action::Back => app.search = None,
        Action::ShowProblems if matches!(app.banner, Some(Banner::Error(_))) => {
            app.overlay = Some(Overlay::Problems { scroll: 0 })
        }
        Action::OpenPicker => {
            app.overlay = Some(Overlay::Picker {
                selected: app.current.unwrap_or(0),
            });
            return Command::ScanCatalog;
        }
        _ => {}
    }
    Command::None
}

/// Keys while a search is typed: edits change the query (results follow each key), ↑/↓
/// choose a hit, Enter (or a click on a hit) goes there, Esc leaves the search.
fn search_input(app: &mut App, action: Action) {
    let Some(mut search) = app.search.take() else {
        return;
    };
    let last = search.hits.len().saturating_sub(1);
    match action {
        Action::SearchEdit(edit) => {
            let index = app.search_index.clone().unwrap_or_default();
            search.edit(edit, &index);
        }
        Action::Up => search.selected = search.selected.saturating_sub(1),
        Action::Down => search.selected = (search.selected + 1).min(last),
        Action::PageUp => search.selected = search.selected.saturating_sub(page_size(app)),
        Action::PageDown => search.selected = (search.selected + page_size(app)).min(last),
        Action::Back => {
            app.last_query = search.query;
            return;
        }
        Action::Open | Action::Select(_) => {
            if let Action::Select(hit) = action {
                search.selected = hit.min(last);
            }
            search.editing = false;
            app.last_query = search.query.clone();
            let hit = search.hits.get(search.selected).copied();
            app.search = Some(search);
            if let Some(hit) = hit {
                jump(app, hit);
            }
            return;
        }
        _ => {}
    }
    app.search = Some(search);
}

/// The open search, run again over the index of a dataset that replaced the last one
/// (whose hits pointed into the old index), or over the index that just arrived.
fn rerun_search(app: &mut App) {
    if let Some(search) = app.search.take() {
        let index = app.search_index.clone().unwrap_or_default();
        let mut again = Search::typing(&search.query, &index);
        again.cursor = search.cursor.min(again.query.len());
        again.editing = search.editing;
        app.search = Some(again);
    }
}

/// `n` / `N`: the next or previous hit of the last search, wrapping around.
fn step_hit(app: &mut App, step: isize) {
    let Some(search) = &mut app.search else {
        return;
    };
    if search.hits.is_empty() {
        return;
    }
    let count = search.hits.len() as isize;
    search.selected = (search.selected as isize + step).rem_euclid(count) as usize;
    let hit = search.hits[search.selected];
    jump(app, hit);
}

/// Opens the tab of a hit and selects its item, wherever the tab lists it now.
fn jump(app: &mut App, hit: usize) {
    let Some(target) = app
        .search_index
        .as_ref()
        .and_then(|index| index.entries.get(hit))
        .map(|entry| entry.target)
    else {
        return;
    };
    app.overlay = None;
    app.tab = target.tab;
    if let Some(position) = target
        .item
        .and_then(|item| app.items().iter().position(|&shown| shown == item))
    {
        select(app, position);
    }
}

pub(super) fn select(app: &mut App, index: usize) {
    let count = app.items().len();
    if count > 0 {
        let tab = app.tab;
        app.selected[tab] = index.min(count - 1);
    }
}

pub(super) fn open_selected(app: &mut App) {
    if let Some(item) = app.selected_item() {
        app.overlay = Some(Overlay::Detail {
            item,
            scroll: 0,
            point: None,
        });
    }
}

/// How far PgUp/PgDn move: about a third of the screen's rows, in items.
fn page_size(app: &App) -> usize {
    (app.size.height as usize / 3).max(1)
}

/// What the reader looks at: the open detail's item and its chosen point of a series, if
/// any, else the selected item.
fn shown(app: &App) -> Option<(Item, Option<usize>)> {
    match app.overlay {
        Some(Overlay::Detail { item, point, .. }) => Some((item, point)),
        None => Some((app.selected_item()?, None)),
        Some(_) => None,
    }
}

/// The web address of the source of what the reader looks at, if it has one.
fn address_of_shown(app: &App) -> Option<String> {
    let dataset = &app.dataset;
    let source = match shown(app)? {
        (Item::Indicator(i), Some(p)) => dataset.indicators[i].series[p]
            .source
            .unwrap_or(dataset.indicators[i].source),
        (Item::Indicator(i), None) => dataset.indicators[i].source,
        (Item::Point { panel, point }, _) => dataset.panels[panel].points[point].source?,
        (Item::Event(e), _) => dataset.events[e].source,
        (Item::Source(s), _) => s,
        (Item::Country(c), _) => dataset.country_facts[*dataset.countries[c].facts.last()?].source,
        (Item::Panel(_), _) => return None,
    };
    dataset.sources[source]
        .url
        .clone()
        .filter(|url| crate::text::url::is_web_url(url))
}

/// The citation of what the reader looks at.
fn citation_of_shown(app: &App) -> Option<String> {
    let (item, point) = shown(app)?;
    let dataset = &app.dataset;
    let citer = match (item, point) {
        (Item::Indicator(i), Some(p)) => Citer::Observation(i, p),
        (Item::Indicator(i), None) => Citer::Indicator(i),
        (Item::Panel(p), _) => Citer::Panel(p),
        (Item::Point { panel, point }, _) => Citer::Point(panel, point),
        (Item::Event(e), _) => Citer::Event(e),
        (Item::Source(s), _) => return Some(crate::i18n::source_citation(dataset, s, app.lang)),
        // A country: its latest fact, which is what the map and table show of it.
        (Item::Country(c), _) => Citer::CountryFact(*dataset.countries[c].facts.last()?),
    };
    Some(crate::i18n::citation(dataset, citer, app.lang))
}
