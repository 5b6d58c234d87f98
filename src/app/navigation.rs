//! What the user can select, and the order each tab walks it in: derived from the
//! dataset alone, so that both the state and the search index can build on it without
//! depending on each other.

use super::countries::map_items;
use crate::dataset::{Dataset, TabKind};

/// Something the user can select and open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Item {
    Indicator(usize),
    Panel(usize),
    Point {
        panel: usize,
        point: usize,
    },
    Event(usize),
    Source(usize),
    /// A declared country (index into `Dataset::countries`), on a map or table tab.
    Country(usize),
}

impl Item {
    /// The panel an item of a panels tab belongs to.
    pub fn panel(self) -> Option<usize> {
        match self {
            Item::Panel(panel) | Item::Point { panel, .. } => Some(panel),
            Item::Indicator(_) | Item::Event(_) | Item::Source(_) | Item::Country(_) => None,
        }
    }
}

/// A name for an item that survives a reload: ids where the data has them.
pub(super) fn item_key(dataset: &Dataset, item: Item) -> String {
    match item {
        Item::Indicator(i) => format!("indicator:{}", dataset.indicators[i].id),
        Item::Panel(p) => format!("panel:{}", dataset.panels[p].id),
        Item::Point { panel, point } => format!("point:{}:{point}", dataset.panels[panel].id),
        Item::Event(e) => format!(
            "event:{}:{}",
            dataset.events[e].date.canonical(),
            dataset.events[e].label.en
        ),
        Item::Source(s) => format!("source:{}", dataset.sources[s].id),
        Item::Country(c) => format!("country:{}", dataset.countries[c].code),
    }
}

/// The selectable items of each tab, in the order ↑/↓ walks them. Derived from the
/// dataset once, when it is loaded.
#[derive(Debug, Clone)]
pub struct Navigation {
    pub tabs: Vec<Vec<Item>>,
    /// For each tab, where each of its panels' headers is among its items, in the order of
    /// the tab's panels: the panels tab's sidebar finds them for the rows it shows without
    /// a walk through every item (12 000 on a tab of 200 panels).
    pub panel_headers: Vec<Vec<usize>>,
}

impl Navigation {
    pub fn new(dataset: &Dataset) -> Navigation {
        let tabs = dataset
            .tabs
            .iter()
            .map(|tab| match tab.kind {
                TabKind::Overview => dataset.headline_indicators().map(Item::Indicator).collect(),
                TabKind::Panels => tab
                    .panels
                    .iter()
                    .flat_map(|&panel| {
                        let p = &dataset.panels[panel];
                        std::iter::once(Item::Panel(panel))
                            .chain(p.indicators.iter().map(|&i| Item::Indicator(i)))
                            .chain(
                                (0..p.points.len()).map(move |point| Item::Point { panel, point }),
                            )
                    })
                    .collect(),
                TabKind::Timeline => (0..dataset.events.len()).map(Item::Event).collect(),
                TabKind::Sources => (0..dataset.sources.len()).map(Item::Source).collect(),
                TabKind::Map => map_items(dataset).into_iter().map(Item::Country).collect(),
                // In the order of the table's rows: `App::refresh_rows` sorts them.
                TabKind::Countries => (0..dataset.countries.len()).map(Item::Country).collect(),
            })
            .collect::<Vec<Vec<Item>>>();
        let panel_headers = tabs
            .iter()
            .map(|items| {
                let headers = items.iter().enumerate();
                headers
                    .filter_map(|(index, item)| matches!(item, Item::Panel(_)).then_some(index))
                    .collect()
            })
            .collect();
        Navigation {
            tabs,
            panel_headers,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::{BUILTINS, load_builtin};

    #[test]
    fn each_panel_header_is_where_the_items_have_it() {
        let mut panels = 0;
        for builtin in BUILTINS {
            let dataset = load_builtin(builtin).expect("a valid built-in");
            let navigation = Navigation::new(&dataset);
            for (tab, items) in navigation.tabs.iter().enumerate() {
                let headers = &navigation.panel_headers[tab];
                let expected: Vec<usize> = dataset.tabs[tab]
                    .panels
                    .iter()
                    .map(|&panel| {
                        let header = Item::Panel(panel);
                        items
                            .iter()
                            .position(|item| *item == header)
                            .expect("a header")
                    })
                    .collect();
                assert_eq!(headers, &expected, "{} tab {tab}", builtin.name);
                panels += headers.len();
            }
        }
        assert!(panels > 5, "only {panels} panels");
    }
}
