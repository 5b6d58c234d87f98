//! Search over everything a dataset says, in both languages at once: the index
//! (`index.rs`, from what each thing says: `fields.rs`), the order of hits (`rank.rs`), and
//! here the search the user is typing. A query is every word it contains, each found
//! anywhere in a thing, case folded; a query that only adds to the last one looks only
//! among the last one's hits.

mod fields;
mod index;
mod rank;

pub use fields::{Field, Searched, fields, fold, title};
pub use index::{Entry, SearchIndex, Target};
pub use rank::SIMILAR_BELOW;

use std::sync::Arc;

use crate::dataset::Dataset;

/// A dataset's search index, for the sessions that show that very dataset (by identity).
#[derive(Debug, Clone)]
pub struct IndexReady {
    pub dataset: Arc<Dataset>,
    pub index: Arc<SearchIndex>,
}

impl PartialEq for IndexReady {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.dataset, &other.dataset) && Arc::ptr_eq(&self.index, &other.index)
    }
}

/// A change to the query line, as in a shell's line editor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    Insert(char),
    /// Delete the character before the cursor.
    Backspace,
    /// Delete the character under the cursor.
    Delete,
    Left,
    Right,
    Home,
    End,
    /// Delete the word before the cursor (Ctrl-W).
    DeleteWord,
    /// Delete everything before the cursor (Ctrl-U).
    Clear,
}

/// The search the user is typing or stepping through.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Search {
    pub query: String,
    /// Where typing goes: a byte offset into `query`, on a character boundary.
    pub cursor: usize,
    /// Every hit, in the order listed (indices into the index's entries): no cap, so the
    /// count is the real one.
    pub hits: Vec<usize>,
    /// `hits[similar_from..]` are not matches but similar titles, listed after the matches.
    pub similar_from: usize,
    /// The highlighted hit.
    pub selected: usize,
    /// Typing into the query (the results list is open); otherwise `n`/`N` step through.
    pub editing: bool,
    /// The query is still being run: `hits` are those found so far. A query runs a slice
    /// of the index at a time, one slice a turn of the event loop, so that the first page
    /// shows within the frame of the key and a key typed meanwhile is answered first.
    pub counting: bool,
    /// What the last query found, once it was run to the end, for a query that narrows it.
    found: Found,
    /// The query being run.
    scan: Option<Scan>,
    /// How many entries a slice looks at; 0 for [`SLICE`].
    slice: usize,
}

/// How many entries a slice of a query looks at: about 2 ms of the 100 000-indicator
/// dataset on the 2-core build machine (docs/performance.md).
const SLICE: usize = 6_000;

/// How many entries a fuzzy match costs as much time as, against one plain match.
const SIMILAR_COST: usize = 16;

/// A query being run.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Scan {
    words: Vec<String>,
    /// The query's words in their order, one space between: what a title may be or begin with.
    phrase: String,
    /// The hits of the last query when this one narrows it, else every entry.
    within: Option<Vec<u32>>,
    /// How far it got: a position in `within`, or an entry.
    next: usize,
    containing: Vec<u32>,
    ranked: rank::Ranked,
    /// Once every hit is found and they are few: titles similar to the query.
    similar: Option<SimilarScan>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct SimilarScan {
    candidates: Vec<u32>,
    next: usize,
    scored: Vec<(u32, u32)>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct Found {
    words: Vec<String>,
    /// The entries containing every word, in entry order.
    containing: Vec<u32>,
    /// The entries (not containing) with a similar title, when they were looked for
    /// among all the others.
    similar: Option<Vec<u32>>,
}

impl Search {
    /// A search being typed, starting from `query` (the last one, kept), cursor at its end.
    pub fn typing(query: &str, index: &SearchIndex) -> Search {
        let mut search = Search {
            query: query.to_owned(),
            cursor: query.len(),
            editing: true,
            ..Search::default()
        };
        search.refresh(index);
        search
    }

    /// Applies an edit; the hits follow when the query changed.
    pub fn edit(&mut self, edit: Edit, index: &SearchIndex) {
        let before = self.query.clone();
        let previous =
            |query: &str, at: usize| query[..at].char_indices().next_back().map_or(0, |(i, _)| i);
        let next =
            |query: &str, at: usize| query[at..].chars().next().map_or(at, |c| at + c.len_utf8());
        match edit {
            Edit::Insert(c) if !c.is_control() => {
                self.query.insert(self.cursor, c);
                self.cursor += c.len_utf8();
            }
            Edit::Insert(_) => {}
            Edit::Backspace => {
                let from = previous(&self.query, self.cursor);
                self.query.replace_range(from..self.cursor, "");
                self.cursor = from;
            }
            Edit::Delete => {
                let to = next(&self.query, self.cursor);
                self.query.replace_range(self.cursor..to, "");
            }
            Edit::Left => self.cursor = previous(&self.query, self.cursor),
            Edit::Right => self.cursor = next(&self.query, self.cursor),
            Edit::Home => self.cursor = 0,
            Edit::End => self.cursor = self.query.len(),
            Edit::DeleteWord => {
                // The spaces before the cursor, then the word before them.
                let head = self.query[..self.cursor].trim_end();
                let from = head
                    .char_indices()
                    .rev()
                    .find(|(_, c)| c.is_whitespace())
                    .map_or(0, |(i, c)| i + c.len_utf8());
                self.query.replace_range(from..self.cursor, "");
                self.cursor = from;
            }
            Edit::Clear => {
                self.query.replace_range(..self.cursor, "");
                self.cursor = 0;
            }
        }
        if self.query != before {
            self.refresh(index);
        }
    }

    /// The words of the query, folded, each once, longest first (the one scanned for).
    pub fn words(&self) -> Vec<String> {
        let mut words: Vec<String> = self.query.split_whitespace().map(folded).collect();
        words.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        words.dedup();
        words
    }

    /// Starts running the query, and runs its first slice.
    fn refresh(&mut self, index: &SearchIndex) {
        self.selected = 0;
        // A query still running when the next one comes: the hits it narrowed go back to
        // the query they are the hits of.
        if let Some(Scan {
            within: Some(within),
            ..
        }) = self.scan.take()
        {
            self.found.containing = within;
        }
        let words = self.words();
        if words.is_empty() {
            self.hits.clear();
            self.similar_from = 0;
            self.counting = false;
            self.scan = None;
            self.found = Found::default();
            return;
        }
        // Every old word inside a new one: whatever the new query finds, the old one did.
        let narrows = !self.found.words.is_empty()
            && self
                .found
                .words
                .iter()
                .all(|old| words.iter().any(|new| new.contains(old.as_str())));
        let phrase = self
            .query
            .split_whitespace()
            .map(folded)
            .collect::<Vec<_>>()
            .join(" ");
        self.scan = Some(Scan {
            words,
            phrase,
            within: narrows.then(|| std::mem::take(&mut self.found.containing)),
            next: 0,
            containing: Vec::new(),
            ranked: rank::Ranked::default(),
            similar: None,
        });
        // The old hits are good as candidates for similar titles only if it ran to the end.
        if !narrows {
            self.found = Found::default();
        }
        self.go_on(index);
    }

    /// Runs the next slice of the query; the hits are those found so far.
    pub fn go_on(&mut self, index: &SearchIndex) {
        let Some(mut scan) = self.scan.take() else {
            self.counting = false;
            return;
        };
        // A search made by `Default` (no slice set) runs the usual slices.
        let mut budget = if self.slice == 0 { SLICE } else { self.slice };
        if scan.similar.is_none() {
            let (hits, done) = match &scan.within {
                Some(within) => {
                    let end = within.len().min(scan.next + budget);
                    let hits = index.containing_among(&scan.words, &within[scan.next..end]);
                    budget -= end - scan.next;
                    scan.next = end;
                    (hits, end == within.len())
                }
                None => {
                    let end = index.entries.len().min(scan.next + budget);
                    let hits = index.containing_in(&scan.words, scan.next..end);
                    budget -= end - scan.next;
                    scan.next = end;
                    (hits, end == index.entries.len())
                }
            };
            scan.ranked.add(index, &scan.words, &scan.phrase, &hits);
            scan.containing.extend(hits);
            if done && scan.containing.len() < SIMILAR_BELOW && scan.phrase.chars().count() >= 3 {
                scan.similar = Some(SimilarScan {
                    candidates: self.similar_candidates(
                        index,
                        scan.within.as_deref(),
                        &scan.containing,
                    ),
                    next: 0,
                    scored: Vec::new(),
                });
            } else if done {
                return self.finish(scan, None);
            }
        }
        if let Some(similar) = &mut scan.similar {
            // A fuzzy match costs some fifteen times a plain one: fewer a slice.
            let budget = budget.div_ceil(SIMILAR_COST);
            let end = similar.candidates.len().min(similar.next + budget);
            let scored = rank::similar(index, &scan.phrase, &similar.candidates[similar.next..end]);
            similar.scored.extend(scored);
            similar.next = end;
            if end == similar.candidates.len() {
                let scored = std::mem::take(&mut similar.scored);
                return self.finish(scan, Some(rank::best_first(scored)));
            }
        }
        self.hits = scan.ranked.hits().map(|entry| entry as usize).collect();
        self.similar_from = self.hits.len();
        self.counting = true;
        self.scan = Some(scan);
    }

    /// Where similar titles may be: among the last query's hits and similar titles when
    /// this query narrows it (and they were looked for), else among every entry; never
    /// among this query's hits.
    fn similar_candidates(
        &self,
        index: &SearchIndex,
        within: Option<&[u32]>,
        containing: &[u32],
    ) -> Vec<u32> {
        let candidates: Vec<u32> = match (&self.found.similar, within) {
            (Some(similar), Some(within)) => {
                let mut candidates = [within, similar].concat();
                candidates.sort_unstable();
                candidates
            }
            _ => (0..index.entries.len() as u32).collect(),
        };
        candidates
            .into_iter()
            .filter(|entry| containing.binary_search(entry).is_err())
            .collect()
    }

    /// The query ran to the end: every hit, then the similar titles, if looked for.
    fn finish(&mut self, scan: Scan, similar: Option<Vec<u32>>) {
        let mut hits: Vec<usize> = scan.ranked.hits().map(|entry| entry as usize).collect();
        self.similar_from = hits.len();
        hits.extend(similar.iter().flatten().map(|&entry| entry as usize));
        self.hits = hits;
        self.counting = false;
        self.found = Found {
            words: scan.words,
            containing: scan.containing,
            similar,
        };
    }
}

fn folded(word: &str) -> String {
    word.chars().map(fold).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edited(query: &str, cursor: usize, edits: &[Edit]) -> (String, usize) {
        let index = SearchIndex::default();
        let mut search = Search {
            query: query.to_owned(),
            cursor,
            ..Search::default()
        };
        for &edit in edits {
            search.edit(edit, &index);
        }
        (search.query, search.cursor)
    }

    /// A query run a few entries at a time finds what it finds at once, and says it is
    /// counting until then; so does a query that narrows one still running.
    #[test]
    fn a_query_in_slices_finds_what_it_finds_at_once() {
        let dataset = crate::dataset::load_builtin(
            crate::dataset::builtin("bri-connectivity").expect("built in"),
        )
        .expect("valid");
        let navigation = crate::app::Navigation::new(&dataset);
        let index = SearchIndex::new(&dataset, &navigation);
        for query in ["e", "china rail", "2019", "raiwlay", "中欧"] {
            let whole = Search::typing(query, &index);
            assert!(!whole.counting);
            let mut sliced = Search {
                slice: 7,
                ..Search::default()
            };
            for c in query.chars() {
                sliced.edit(Edit::Insert(c), &index);
            }
            let mut slices = 1;
            while sliced.counting {
                sliced.go_on(&index);
                slices += 1;
            }
            assert!(slices > 2, "{query}: {slices} slices");
            assert_eq!(sliced.hits, whole.hits, "{query}");
            assert_eq!(sliced.similar_from, whole.similar_from, "{query}");
        }
    }

    #[test]
    fn the_query_line_edits_like_a_shell() {
        use Edit::*;
        assert_eq!(
            edited("silk", 4, &[Left, Left, Insert('X')]),
            ("siXlk".into(), 3)
        );
        assert_eq!(
            edited("丝绸之路", 12, &[Left, Backspace]),
            ("丝绸路".into(), 6)
        );
        assert_eq!(
            edited("丝绸之路", 0, &[Delete, Right]),
            ("绸之路".into(), 3)
        );
        assert_eq!(
            edited("digital silk  ", 14, &[DeleteWord]),
            ("digital ".into(), 8)
        );
        assert_eq!(edited("digital silk", 8, &[Clear]), ("silk".into(), 0));
        assert_eq!(
            edited("ab", 2, &[Home, Backspace, End, Right]),
            ("ab".into(), 2)
        );
        assert_eq!(edited("ab", 1, &[Insert('\u{1b}')]), ("ab".into(), 1));
    }
}
