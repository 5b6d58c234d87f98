//! The search index: everything a dataset says — tabs, panels, points, figures, quotes,
//! events, sources, countries — in both languages, folded to lowercase and laid end to end
//! in one buffer, so that a word is found by one SIMD scan of the buffer
//! (`memchr::memmem`) rather than a search per thing. Built once per dataset, off the
//! first frame, and shared by every session that shows the dataset.

use std::collections::HashMap;
use std::ops::Range;

use memchr::memmem;

use super::fields::{Field, Searched, fields, fold_into};
use crate::app::navigation::{Item, Navigation};
use crate::dataset::{Dataset, TabKind};

/// Where a hit takes the user: a tab, and the item to select there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Target {
    pub tab: usize,
    /// The item to select there (found by identity, since a table's rows move when it is
    /// sorted); `None` for a tab title.
    pub item: Option<Item>,
}

/// One searchable thing.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub target: Target,
    pub of: Searched,
    /// Hits of one class sort by this: tabs, figures and countries, panels, points, events,
    /// sources.
    pub kind: u8,
}

/// How many kinds of entry [`Entry::kind`] tells apart.
pub const KINDS: usize = 6;

/// Ends every entry's text in the buffer: no query contains it (queries are typed text,
/// dataset text is sanitised), so no match spans two entries.
const END: char = '\0';

#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchIndex {
    pub entries: Vec<Entry>,
    /// Every entry's fields, folded, one after the other: the title's languages first (each
    /// line one language), then the rest, each entry's text ended by [`END`].
    text: String,
    /// Where each entry's text starts in `text`, and where its title ends.
    starts: Vec<usize>,
    title_ends: Vec<usize>,
}

impl SearchIndex {
    pub fn new(dataset: &Dataset, navigation: &Navigation) -> SearchIndex {
        // Where each item is shown, per kind of tab: the first such tab that lists it. Built
        // in one pass, since a dataset may have a hundred thousand items to look up.
        let mut places: HashMap<(TabKind, Item), Target> = HashMap::new();
        for (tab, items) in navigation.tabs.iter().enumerate() {
            for &item in items {
                places
                    .entry((dataset.tabs[tab].kind, item))
                    .or_insert(Target {
                        tab,
                        item: Some(item),
                    });
            }
        }
        let find = |kind: TabKind, item: Item| places.get(&(kind, item)).copied();
        let mut index = SearchIndex::default();
        for tab in 0..dataset.tabs.len() {
            let target = Target { tab, item: None };
            index.push(dataset, Searched::Tab(tab), 0, Some(target));
        }
        for i in 0..dataset.indicators.len() {
            // A figure is found where it is shown: the overview if it is a headline, else
            // its first panel.
            let item = Item::Indicator(i);
            let target = find(TabKind::Overview, item).or_else(|| find(TabKind::Panels, item));
            index.push(dataset, Searched::Item(item), 1, target);
        }
        for (panel, entry) in dataset.panels.iter().enumerate() {
            let item = Item::Panel(panel);
            index.push(
                dataset,
                Searched::Item(item),
                2,
                find(TabKind::Panels, item),
            );
            for point in 0..entry.points.len() {
                let item = Item::Point { panel, point };
                index.push(
                    dataset,
                    Searched::Item(item),
                    3,
                    find(TabKind::Panels, item),
                );
            }
        }
        // A country is found on the map, else in the table.
        for i in 0..dataset.countries.len() {
            let item = Item::Country(i);
            let target = find(TabKind::Map, item).or_else(|| find(TabKind::Countries, item));
            index.push(dataset, Searched::Item(item), 1, target);
        }
        for i in 0..dataset.events.len() {
            let item = Item::Event(i);
            index.push(
                dataset,
                Searched::Item(item),
                4,
                find(TabKind::Timeline, item),
            );
        }
        for i in 0..dataset.sources.len() {
            let item = Item::Source(i);
            index.push(
                dataset,
                Searched::Item(item),
                5,
                find(TabKind::Sources, item),
            );
        }
        index.starts.push(index.text.len());
        index.text.shrink_to_fit();
        index
    }

    /// Adds a thing that is shown somewhere; a thing no tab shows cannot be gone to.
    fn push(&mut self, dataset: &Dataset, of: Searched, kind: u8, target: Option<Target>) {
        let Some(target) = target else {
            return;
        };
        self.starts.push(self.text.len());
        for (field, text) in fields(dataset, of) {
            for part in text.all() {
                fold_into(&mut self.text, part);
                self.text.push('\n');
            }
            if field == Field::Title {
                self.title_ends.push(self.text.len());
            }
        }
        self.text.push(END);
        self.entries.push(Entry { target, of, kind });
    }

    /// Everything entry `entry` says, folded.
    fn text_of(&self, entry: usize) -> &str {
        &self.text[self.starts[entry]..self.starts[entry + 1]]
    }

    /// The entry's title, folded: one line a language.
    pub(super) fn title_of(&self, entry: usize) -> &str {
        &self.text[self.starts[entry]..self.title_ends[entry]]
    }

    /// The entries among `entries` (a range of entry indices) whose text contains every
    /// one of `words` (folded, longest first), in order, by one scan of their part of the
    /// buffer for the first word.
    pub fn containing_in(&self, words: &[String], entries: Range<usize>) -> Vec<u32> {
        let Some((first, rest)) = words.split_first() else {
            return Vec::new();
        };
        // The index of no dataset yet (see `App::search_index`) has nothing to scan.
        if entries.is_empty() {
            return Vec::new();
        }
        let rest = Words::new(rest);
        let finder = memmem::Finder::new(first);
        let bytes = &self.text.as_bytes()[..self.starts[entries.end]];
        let mut hits = Vec::new();
        let mut from = self.starts[entries.start];
        while let Some(found) = finder.find(&bytes[from..]) {
            let at = from + found;
            // The entry whose text holds the match; the scan goes on after its end.
            let entry = self.starts.partition_point(|&start| start <= at) - 1;
            if rest.all_in(self.text_of(entry)) {
                hits.push(entry as u32);
            }
            from = self.starts[entry + 1];
        }
        hits
    }

    /// The entries of `candidates` whose text contains every one of `words`, in order.
    pub fn containing_among(&self, words: &[String], candidates: &[u32]) -> Vec<u32> {
        let words = Words::new(words);
        candidates
            .iter()
            .copied()
            .filter(|&entry| words.all_in(self.text_of(entry as usize)))
            .collect()
    }
}

/// Words to find, each with its searcher built once.
struct Words<'a>(Vec<memmem::Finder<'a>>);

impl<'a> Words<'a> {
    fn new(words: &'a [String]) -> Words<'a> {
        Words(words.iter().map(memmem::Finder::new).collect())
    }

    fn all_in(&self, text: &str) -> bool {
        self.0
            .iter()
            .all(|finder| finder.find(text.as_bytes()).is_some())
    }
}
