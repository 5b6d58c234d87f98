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
}

impl Entry {
    /// Hits of one class sort by this: tabs, figures and countries, panels, points, events,
    /// sources.
    pub fn kind(&self) -> usize {
        match self.of {
            Searched::Tab(_) => 0,
            Searched::Item(Item::Indicator(_) | Item::Country(_)) => 1,
            Searched::Item(Item::Panel(_)) => 2,
            Searched::Item(Item::Point { .. }) => 3,
            Searched::Item(Item::Event(_)) => 4,
            Searched::Item(Item::Source(_)) => 5,
        }
    }
}

/// How many kinds of entry [`Entry::kind`] tells apart.
pub const KINDS: usize = 6;

/// Everything searchable, in the order hits of one class and kind are listed.
fn everything(dataset: &Dataset) -> impl Iterator<Item = Searched> + '_ {
    let tabs = (0..dataset.tabs.len()).map(Searched::Tab);
    let indicators = (0..dataset.indicators.len()).map(Item::Indicator);
    let panels = dataset
        .panels
        .iter()
        .enumerate()
        .flat_map(|(panel, entry)| {
            std::iter::once(Item::Panel(panel))
                .chain((0..entry.points.len()).map(move |point| Item::Point { panel, point }))
        });
    let countries = (0..dataset.countries.len()).map(Item::Country);
    let events = (0..dataset.events.len()).map(Item::Event);
    let sources = (0..dataset.sources.len()).map(Item::Source);
    tabs.chain(
        indicators
            .chain(panels)
            .chain(countries)
            .chain(events)
            .chain(sources)
            .map(Searched::Item),
    )
}

/// The kinds of tab an item is found on, in order of preference: a figure on the overview
/// if it is a headline, else its first panel; a country on the map, else in the table.
fn shown_on(item: Item) -> &'static [TabKind] {
    match item {
        Item::Indicator(_) => &[TabKind::Overview, TabKind::Panels],
        Item::Panel(_) | Item::Point { .. } => &[TabKind::Panels],
        Item::Country(_) => &[TabKind::Map, TabKind::Countries],
        Item::Event(_) => &[TabKind::Timeline],
        Item::Source(_) => &[TabKind::Sources],
    }
}

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
        let mut index = SearchIndex::default();
        for of in everything(dataset) {
            let target = match of {
                Searched::Tab(tab) => Some(Target { tab, item: None }),
                // Where the item is shown: the first kind of tab, in order of preference,
                // that lists it.
                Searched::Item(item) => shown_on(item)
                    .iter()
                    .find_map(|&kind| places.get(&(kind, item)).copied()),
            };
            index.push(dataset, of, target);
        }
        index.starts.push(index.text.len());
        index.text.shrink_to_fit();
        index
    }

    /// Adds a thing that is shown somewhere; a thing no tab shows cannot be gone to.
    fn push(&mut self, dataset: &Dataset, of: Searched, target: Option<Target>) {
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
        self.entries.push(Entry { target, of });
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
