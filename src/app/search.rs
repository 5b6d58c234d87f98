//! Search over everything a dataset says — tabs, panels, points, figures, quotes, events,
//! sources — in both languages at once. The index is built once per dataset; a query is
//! a case-insensitive match of every word it contains.

use std::collections::HashMap;

use crate::dataset::{Dataset, Lang, TabKind, Text};

use super::navigation::{Item, Navigation};

/// Where a hit takes the user: a tab, and the item to select there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Target {
    pub tab: usize,
    /// Index among the tab's items; `None` for a tab title.
    pub item: Option<usize>,
}

/// One searchable thing.
#[derive(Debug, Clone)]
pub struct Entry {
    pub target: Target,
    /// What the hit is, shown in the results list.
    pub title: Text,
    /// Everything it says, in both languages, lowercased.
    haystack: String,
    /// Hits sort by this first: tabs, figures, panels, points, events, sources.
    rank: u8,
}

#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    pub entries: Vec<Entry>,
}

/// The most hits listed; a query that matches more is too broad to scroll through.
pub const MAX_HITS: usize = 500;

impl SearchIndex {
    pub fn new(dataset: &Dataset, navigation: &Navigation) -> SearchIndex {
        let mut entries = Vec::new();
        // Where each item is shown, per kind of tab: the first such tab that lists it. Built
        // in one pass, since a dataset may have a hundred thousand items to look up.
        let mut places: HashMap<(TabKind, Item), Target> = HashMap::new();
        for (tab, items) in navigation.tabs.iter().enumerate() {
            for (index, &item) in items.iter().enumerate() {
                places
                    .entry((dataset.tabs[tab].kind, item))
                    .or_insert(Target {
                        tab,
                        item: Some(index),
                    });
            }
        }
        let find = |kind: TabKind, item: Item| places.get(&(kind, item)).copied();
        let mut push = |rank: u8, target: Option<Target>, title: &Text, texts: Vec<&Text>| {
            if let Some(target) = target {
                let mut haystack = String::new();
                for text in texts {
                    for part in text.all() {
                        haystack.push_str(&part.to_lowercase());
                        haystack.push('\n');
                    }
                }
                entries.push(Entry {
                    target,
                    title: title.clone(),
                    haystack,
                    rank,
                });
            }
        };
        for (tab, t) in dataset.tabs.iter().enumerate() {
            push(
                0,
                Some(Target { tab, item: None }),
                &t.title,
                vec![&t.title],
            );
        }
        for (index, indicator) in dataset.indicators.iter().enumerate() {
            let mut texts = vec![&indicator.label, &indicator.unit, &indicator.quote];
            texts.extend(indicator.note.iter());
            texts.extend(indicator.items.iter());
            // Its history too: a year, a quote or a note of any observation finds it.
            let dates: Vec<Text> = indicator
                .series
                .iter()
                .map(|observation| Text {
                    zh: crate::i18n::date(&observation.date, Lang::Zh),
                    en: observation.date.canonical(),
                })
                .collect();
            texts.extend(dates.iter());
            for observation in &indicator.series {
                texts.extend(observation.quote.iter());
                texts.extend(observation.note.iter());
            }
            // A figure is found where it is shown: the overview if it is a headline, else
            // its first panel.
            let target = find(TabKind::Overview, Item::Indicator(index))
                .or_else(|| find(TabKind::Panels, Item::Indicator(index)));
            push(1, target, &indicator.label, texts);
        }
        for (index, panel) in dataset.panels.iter().enumerate() {
            push(
                2,
                find(TabKind::Panels, Item::Panel(index)),
                &panel.title,
                vec![&panel.title, &panel.summary],
            );
            for (point_index, point) in panel.points.iter().enumerate() {
                let mut texts = vec![&point.text];
                texts.extend(point.sub.iter());
                texts.extend(point.quote.iter());
                let target = find(
                    TabKind::Panels,
                    Item::Point {
                        panel: index,
                        point: point_index,
                    },
                );
                push(3, target, &point.text, texts);
            }
        }
        // A country by its names in both languages (the reference's English aliases too)
        // or its code, found on the map, else in the table; its facts' labels are part of
        // what it says.
        for (index, country) in dataset.countries.iter().enumerate() {
            let reference = crate::countries::country(country.reference);
            let code = Text {
                zh: country.code.clone(),
                en: country.code.clone(),
            };
            let names = Text {
                zh: reference.name_zh.to_owned(),
                en: std::iter::once(reference.name_en)
                    .chain(reference.aliases_en.iter().copied())
                    .collect::<Vec<_>>()
                    .join("\n"),
            };
            let target = find(TabKind::Map, Item::Country(index))
                .or_else(|| find(TabKind::Countries, Item::Country(index)));
            push(1, target, &country.name, vec![&country.name, &names, &code]);
        }
        for (index, event) in dataset.events.iter().enumerate() {
            let mut texts = vec![&event.label];
            texts.extend(event.quote.iter());
            texts.extend(event.note.iter());
            push(
                4,
                find(TabKind::Timeline, Item::Event(index)),
                &event.label,
                texts,
            );
        }
        for (index, source) in dataset.sources.iter().enumerate() {
            let mut texts = vec![&source.title];
            texts.extend(source.publication.iter());
            for author in &source.authors {
                texts.push(&author.name);
                texts.extend(author.affiliation.iter());
            }
            push(
                5,
                find(TabKind::Sources, Item::Source(index)),
                &source.title,
                texts,
            );
        }
        SearchIndex { entries }
    }

    /// The entries matching every word of `query`: those whose title matches first, then
    /// the rest; within each, tabs, figures, panels, points, events, sources.
    pub fn search(&self, query: &str) -> Vec<usize> {
        let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
        if words.is_empty() {
            return Vec::new();
        }
        let matches = |text: &str| words.iter().all(|word| text.contains(word.as_str()));
        let mut hits: Vec<(bool, u8, usize)> = self
            .entries
            .iter()
            .enumerate()
            .filter(|(_, entry)| matches(&entry.haystack))
            .map(|(index, entry)| {
                let title = format!("{}\n{}", entry.title.zh, entry.title.en).to_lowercase();
                (!matches(&title), entry.rank, index)
            })
            .collect();
        hits.sort();
        hits.into_iter()
            .map(|(_, _, index)| index)
            .take(MAX_HITS)
            .collect()
    }
}

/// The search the user is typing or stepping through.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Search {
    pub query: String,
    /// Indices into the search index.
    pub hits: Vec<usize>,
    /// The highlighted hit.
    pub selected: usize,
    /// Typing into the query (the results list is open); otherwise `n`/`N` step through.
    pub editing: bool,
}
