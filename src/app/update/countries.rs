//! The map's and the country table's share of `update`: zoom, pan, region jumps and the
//! time slider; sort, filter and grouping. The table's rows are re-ordered here, through
//! `App::refresh_rows`, so the view only draws them.

use super::{dashboard, open_selected, select};
use crate::app::action::Action;
use crate::app::countries::{MapRegion, columns, map_grid, shown};
use crate::app::state::App;
use crate::countries::Viewport;
use crate::dataset::Shown;

/// The map's keys: zoom, pan, region jumps and the time slider.
pub(super) fn map(app: &mut App, action: Action) {
    let tab = app.tab;
    if let Action::MapPress { at, item } = action {
        app.maps[tab].drag = Some(at);
        match item {
            Some(item) if app.selected[tab] == item => open_selected(app),
            Some(item) => select(app, item),
            None => {}
        }
        return;
    }
    let (width, height) = map_grid(app.size);
    let years = map_years(&app.dataset, tab);
    let view = &mut app.maps[tab];
    let viewport = view.viewport;
    let degrees = viewport.degrees_per_dot(width, height);
    // A key moves the view by an eighth of what it shows.
    let (step_east, step_north) = (
        f64::from(width) * 2.0 * degrees / 8.0,
        f64::from(height) * 4.0 * degrees / 8.0,
    );
    let moved = |east: f64, north: f64| {
        Viewport {
            center_lon: viewport.center_lon + east,
            center_lat: viewport.center_lat + north,
            zoom: viewport.zoom,
        }
        .normalised()
    };
    let jump = |region: MapRegion| Viewport::fit(region.bounds(), width, height);
    let step_region = |step: isize| {
        let all = MapRegion::ALL;
        let at = all.iter().position(|&r| r == view.region).unwrap_or(0) as isize;
        all[(at + step).rem_euclid(all.len() as isize) as usize]
    };
    match action {
        Action::ZoomIn => {
            view.viewport = Viewport {
                zoom: viewport.zoom * 1.5,
                ..viewport
            }
            .normalised()
        }
        Action::ZoomOut => {
            view.viewport = Viewport {
                zoom: viewport.zoom / 1.5,
                ..viewport
            }
            .normalised()
        }
        Action::PanWest => view.viewport = moved(-step_east, 0.0),
        Action::PanEast => view.viewport = moved(step_east, 0.0),
        Action::PanNorth => view.viewport = moved(0.0, step_north),
        Action::PanSouth => view.viewport = moved(0.0, -step_north),
        Action::PanBy { east, north, to } => {
            view.viewport = moved(east, north);
            view.drag = Some(to);
        }

        Action::NextRegion | Action::PrevRegion => {
            let region = step_region(if action == Action::NextRegion { 1 } else { -1 });
            view.region = region;
            view.viewport = jump(region);
        }
        Action::PrevYear | Action::NextYear => {
            view.year = step_year(&years, view.year, action == Action::NextYear)
        }
        _ => {}
    }
}

/// The year before or after `year` among `years` (`None` is the latest, the last stop).
fn step_year(years: &[i32], year: Option<i32>, forward: bool) -> Option<i32> {
    let last = years.len().checked_sub(1)?;
    let at = year
        .and_then(|year| years.iter().position(|&y| y == year))
        .unwrap_or(last);
    let next = if forward {
        (at + 1).min(last)
    } else {
        at.saturating_sub(1)
    };
    (next != last).then(|| years[next])
}

/// The country table's keys: sort, reverse, filter, group.
pub(super) fn table(app: &mut App, action: Action) {
    let tab = app.tab;
    let columns = columns(&app.dataset, tab).len();
    let view = &mut app.tables[tab];
    match action {
        Action::SortNext => {
            view.sort = (view.sort + 1) % columns;
            view.descending = false;
        }
        Action::SortReverse => view.descending = !view.descending,
        Action::SortBy(column) if column < columns => {
            // A click on the sorted column reverses it, as in a spreadsheet.
            if view.sort == column {
                view.descending = !view.descending;
            } else {
                view.sort = column;
                view.descending = false;
            }
        }
        Action::Filter => view.filtering = true,
        Action::ToggleGroups => view.grouped = !view.grouped,
        _ => {}
    }
    app.refresh_rows();
}

/// Keys while the table's filter is typed: text narrows the rows at each key, Enter keeps
/// the filter, Esc clears it.
pub(super) fn filter_input(app: &mut App, action: Action) {
    let view = &mut app.tables[app.tab];
    match action {
        Action::FilterInput(c) => view.filter.push(c),
        Action::FilterBackspace => {
            view.filter.pop();
        }
        Action::Open => view.filtering = false,
        Action::Back => {
            view.filtering = false;
            view.filter.clear();
        }
        Action::Up | Action::Down => {
            view.filtering = false;
            let _ = dashboard(app, action);
            return;
        }
        _ => return,
    }
    app.refresh_rows();
}

/// The years the map's slider stops at: those of the fact kind it colours by.
fn map_years(dataset: &crate::dataset::Dataset, tab: usize) -> Vec<i32> {
    match shown(dataset, tab).first() {
        Some(Shown::FactKind(kind)) => dataset.fact_years(*kind),
        _ => Vec::new(),
    }
}
