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
    /// `hits[similar..]` are not matches but similar titles, listed after the matches.
    pub similar: usize,
    /// The highlighted hit.
    pub selected: usize,
    /// Typing into the query (the results list is open); otherwise `n`/`N` step through.
    pub editing: bool,
    /// What the last query found, for a query that narrows it.
    found: Found,
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

    /// Runs the query: the hits, ranked, then similar titles when there are few hits.
    fn refresh(&mut self, index: &SearchIndex) {
        self.selected = 0;
        let words = self.words();
        if words.is_empty() {
            self.hits.clear();
            self.similar = 0;
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
        let containing = index.containing(&words, narrows.then_some(&self.found.containing));
        let phrase = self
            .query
            .split_whitespace()
            .map(folded)
            .collect::<Vec<_>>()
            .join(" ");
        let mut hits = rank::ranked(index, &words, &phrase, &containing);
        let similar =
            (containing.len() < SIMILAR_BELOW && phrase.chars().count() >= 3).then(|| {
                let candidates = match (&self.found.similar, narrows) {
                    (Some(similar), true) => {
                        let mut candidates = [self.found.containing.as_slice(), similar].concat();
                        candidates.sort_unstable();
                        candidates
                    }
                    _ => (0..index.entries.len() as u32).collect(),
                };
                let candidates: Vec<u32> = candidates
                    .into_iter()
                    .filter(|entry| containing.binary_search(entry).is_err())
                    .collect();
                rank::similar(index, &phrase, &candidates)
            });
        self.similar = hits.len();
        if let Some(similar) = &similar {
            hits.extend_from_slice(similar);
        }
        self.hits = hits.into_iter().map(|entry| entry as usize).collect();
        self.found = Found {
            words,
            containing,
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
