//! The state of the map and country-table tabs: where the map looks and at which year,
//! how the table is sorted, filtered and grouped. The rows of a table tab are its
//! navigation items, so ↑/↓, clicks and Enter work on them as on any list; they are
//! recomputed here whenever the sort, the filter or the grouping changes.

use std::cmp::Ordering;

use crate::countries::{Bounds, Region, Viewport, country};
use crate::dataset::{Dataset, Lang, Shown};

/// A part of the world the map jumps to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MapRegion {
    World,
    Asia,
    Africa,
    Europe,
    LatinAmerica,
    NorthAmerica,
    Oceania,
    MiddleEast,
}

impl MapRegion {
    /// The order `m` walks them in.
    pub const ALL: [MapRegion; 8] = [
        MapRegion::World,
        MapRegion::Asia,
        MapRegion::Africa,
        MapRegion::Europe,
        MapRegion::LatinAmerica,
        MapRegion::NorthAmerica,
        MapRegion::Oceania,
        MapRegion::MiddleEast,
    ];

    pub fn name(self, lang: Lang) -> &'static str {
        let (en, zh) = match self {
            MapRegion::World => ("World", "世界"),
            MapRegion::Asia => ("Asia", "亚洲"),
            MapRegion::Africa => ("Africa", "非洲"),
            MapRegion::Europe => ("Europe", "欧洲"),
            MapRegion::LatinAmerica => ("Latin America", "拉丁美洲"),
            MapRegion::NorthAmerica => ("North America", "北美洲"),
            MapRegion::Oceania => ("Oceania", "大洋洲"),
            MapRegion::MiddleEast => ("Middle East", "中东"),
        };
        if lang == Lang::Zh { zh } else { en }
    }

    /// The box a jump shows. Fixed boxes, not the countries' extremes: Russia would make
    /// Europe reach the Pacific, and France's overseas parts would make it the world.
    pub fn bounds(self) -> Bounds {
        let (west, south, east, north) = match self {
            MapRegion::World => (-180.0, -60.0, 180.0, 84.0),
            MapRegion::Asia => (25.0, -12.0, 150.0, 56.0),
            MapRegion::Africa => (-20.0, -36.0, 53.0, 38.0),
            MapRegion::Europe => (-25.0, 34.0, 45.0, 72.0),
            MapRegion::LatinAmerica => (-118.0, -56.0, -33.0, 33.0),
            MapRegion::NorthAmerica => (-170.0, 14.0, -50.0, 75.0),
            MapRegion::Oceania => (110.0, -48.0, 180.0, 0.0),
            MapRegion::MiddleEast => (25.0, 12.0, 63.0, 42.0),
        };
        Bounds {
            west,
            south,
            east,
            north,
        }
    }

    /// The region of the reference's M49 region, for grouping the table.
    pub fn of(region: Option<Region>, middle_east: bool) -> Option<MapRegion> {
        if middle_east {
            return Some(MapRegion::MiddleEast);
        }
        Some(match region? {
            Region::Africa => MapRegion::Africa,
            Region::Asia => MapRegion::Asia,
            Region::Europe => MapRegion::Europe,
            Region::LatinAmericaCaribbean => MapRegion::LatinAmerica,
            Region::Oceania => MapRegion::Oceania,
            Region::NorthernAmerica => MapRegion::NorthAmerica,
        })
    }
}

/// Where a map tab looks, and at which year.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MapView {
    pub viewport: Viewport,
    /// The region last jumped to (`m` walks on from it).
    pub region: MapRegion,
    /// The year the map shows ("by the end of 2019"); `None`: the latest.
    pub year: Option<i32>,
    /// Where the mouse was last pressed or dragged to on the map: a drag moves the view by
    /// the cells from there.
    pub drag: Option<(u16, u16)>,
}

impl Default for MapView {
    fn default() -> MapView {
        MapView {
            viewport: Viewport::WORLD,
            region: MapRegion::World,
            year: None,
            drag: None,
        }
    }
}

/// Rows of a map tab under the map: the legend and the selected country.
pub const MAP_FOOTER_ROWS: u16 = 3;
/// Columns of the side panel beside the map, on a screen wide enough for it.
pub const MAP_PANEL_WIDTH: u16 = 34;
/// From this width the legend and the selection go beside the map, not under it.
pub const MAP_PANEL_FROM: u16 = 110;

/// The map's grid of cells on a screen of `size`: the content area less the legend (under
/// it, or beside it on a wide screen). The view lays the map out with this, and the
/// update fits region jumps to it, so both agree.
pub fn map_grid(size: ratatui::layout::Size) -> (u16, u16) {
    // Header, tabs, rule above; key bar below.
    let height = size.height.saturating_sub(4);
    if size.width >= MAP_PANEL_FROM {
        (size.width - MAP_PANEL_WIDTH, height)
    } else {
        (size.width, height.saturating_sub(MAP_FOOTER_ROWS))
    }
}

/// A column of the country table: the country's name, its region, or one shown thing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Name,
    Region,
    Shown(Shown),
}

/// How a country table is ordered, filtered and grouped.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TableView {
    /// Index into the tab's [`columns`].
    pub sort: usize,
    pub descending: bool,
    /// Rows whose name or code holds this text (either language, any case).
    pub filter: String,
    /// Typing goes to the filter.
    pub filtering: bool,
    /// Rows grouped by region, each region's rows together.
    pub grouped: bool,
}

/// The columns of a table tab: name, region, then each thing it shows (every fact kind
/// when it names none).
pub fn columns(dataset: &Dataset, tab: usize) -> Vec<Column> {
    let shows = shown(dataset, tab);
    [Column::Name, Column::Region]
        .into_iter()
        .chain(shows.into_iter().map(Column::Shown))
        .collect()
}

/// What a map or table tab shows: its `shows`, else every fact kind.
pub fn shown(dataset: &Dataset, tab: usize) -> Vec<Shown> {
    let shows = &dataset.tabs[tab].shows;
    if shows.is_empty() {
        (0..dataset.fact_kinds.len()).map(Shown::FactKind).collect()
    } else {
        shows.clone()
    }
}

/// The region a declared country is grouped under.
pub fn region_of(dataset: &Dataset, index: usize) -> Option<MapRegion> {
    let entry = &dataset.countries[index];
    MapRegion::of(entry.region, entry.middle_east)
}

/// The value a column sorts a country by: a name, a region, a date (days), a number.
#[derive(Debug, Clone, PartialEq, PartialOrd)]
enum Key {
    Text(String),
    Number(f64),
    /// No data sorts last, whichever the direction.
    Missing,
}

fn sort_key(dataset: &Dataset, lang: Lang, column: Column, index: usize) -> Key {
    let entry = &dataset.countries[index];
    match column {
        Column::Name => Key::Text(entry.name.get(lang).to_lowercase()),
        Column::Region => match region_of(dataset, index) {
            Some(region) => Key::Text(region.name(lang).to_owned()),
            None => Key::Missing,
        },
        Column::Shown(Shown::FactKind(kind)) => match dataset.fact_as_of(index, kind, i32::MAX) {
            Some(fact) => match fact.figure {
                Some(figure) => Key::Number(figure.value),
                None => Key::Number(f64::from(chrono::Datelike::num_days_from_ce(
                    &fact.date.start(),
                ))),
            },
            None => Key::Missing,
        },
        Column::Shown(Shown::Indicator(indicator)) => dataset
            .breakdown(indicator)
            .iter()
            .find(|value| value.country == index)
            .map_or(Key::Missing, |value| Key::Number(value.value)),
    }
}

/// The rows of a table tab under `view`: the declared countries that pass the filter, in
/// the chosen order (grouped by region first when grouping).
pub fn rows(dataset: &Dataset, tab: usize, view: &TableView, lang: Lang) -> Vec<usize> {
    let columns = columns(dataset, tab);
    let column = columns[view.sort.min(columns.len() - 1)];
    let needle = view.filter.to_lowercase();
    let mut rows: Vec<(usize, Key, Option<MapRegion>)> = (0..dataset.countries.len())
        .filter(|&index| needle.is_empty() || matches_filter(dataset, index, &needle))
        .map(|index| {
            (
                index,
                sort_key(dataset, lang, column, index),
                region_of(dataset, index),
            )
        })
        .collect();
    let region_rank = |region: &Option<MapRegion>| {
        region.map_or(usize::MAX, |r| {
            MapRegion::ALL.iter().position(|&x| x == r).unwrap_or(0)
        })
    };
    rows.sort_by(|a, b| {
        let group = if view.grouped {
            region_rank(&a.2).cmp(&region_rank(&b.2))
        } else {
            Ordering::Equal
        };
        let by_key = match (&a.1, &b.1) {
            (Key::Missing, Key::Missing) => Ordering::Equal,
            (Key::Missing, _) => Ordering::Greater,
            (_, Key::Missing) => Ordering::Less,
            (x, y) => {
                let order = x.partial_cmp(y).unwrap_or(Ordering::Equal);
                if view.descending {
                    order.reverse()
                } else {
                    order
                }
            }
        };
        group.then(by_key).then(a.0.cmp(&b.0))
    });
    rows.into_iter().map(|(index, _, _)| index).collect()
}

/// Whether the country's code or a name (either language, the reference's English too)
/// holds `needle` (lower case).
fn matches_filter(dataset: &Dataset, index: usize, needle: &str) -> bool {
    let entry = &dataset.countries[index];
    let reference = country(entry.reference);
    [
        entry.code.as_str(),
        entry.name.zh.as_str(),
        entry.name.en.as_str(),
        reference.name_en,
        reference.name_zh,
    ]
    .iter()
    .any(|text| text.to_lowercase().contains(needle))
}

/// The countries of a map tab in the order ↑/↓ walks them: by code.
pub fn map_items(dataset: &Dataset) -> Vec<usize> {
    let mut indices: Vec<usize> = (0..dataset.countries.len()).collect();
    indices.sort_by(|&a, &b| dataset.countries[a].code.cmp(&dataset.countries[b].code));
    indices
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_country_groups_under_a_region_of_its_own() {
        assert_eq!(
            MapRegion::of(Some(Region::NorthernAmerica), false),
            Some(MapRegion::NorthAmerica),
            "not under the world as a whole"
        );
        assert_eq!(
            MapRegion::of(Some(Region::Asia), true),
            Some(MapRegion::MiddleEast)
        );
        assert_eq!(MapRegion::of(None, false), None);
        for region in MapRegion::ALL {
            let bounds = region.bounds();
            assert!(bounds.west < bounds.east && bounds.south < bounds.north);
        }
    }
}
