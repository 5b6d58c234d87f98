//! The order of hits: a title that is the query, then titles that begin with it, then
//! titles that contain every word, then things that say it elsewhere (a quote, a note);
//! within each, tabs, figures, panels, points, events, sources, in the dataset's order.
//! After them, when the query finds next to nothing, things whose title has the query's
//! letters in order ("dgtl silk" → "Digital Silk Road"), best first.

use memchr::memmem;
use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};

use super::index::{KINDS, SearchIndex};

/// How a hit's title matches the query, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Class {
    /// A title (in either language) is the query.
    Exact,
    /// A title begins with the query.
    Prefix,
    /// The title holds every word.
    Title,
    /// Only the rest of what it says does.
    Elsewhere,
}

const CLASSES: usize = 4;

/// Below this many hits, similar titles are listed after them.
pub const SIMILAR_BELOW: usize = 10;

/// Hits sorted as they are found: a bucket per class and kind, each filled in the entries'
/// order, so that ranking is linear in the hits and can go on a slice at a time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ranked(Vec<Vec<u32>>);

impl Default for Ranked {
    fn default() -> Ranked {
        Ranked(vec![Vec::new(); CLASSES * KINDS])
    }
}

impl Ranked {
    /// Files `hits` (entries in order, each holding every word) by how their titles match.
    pub fn add(&mut self, index: &SearchIndex, words: &[String], phrase: &str, hits: &[u32]) {
        let finders: Vec<memmem::Finder> = words.iter().map(memmem::Finder::new).collect();
        for &entry in hits {
            let title = index.title_of(entry as usize);
            let lines = || title.lines();
            let class = if lines().any(|line| line == phrase) {
                Class::Exact
            } else if lines().any(|line| line.starts_with(phrase)) {
                Class::Prefix
            } else if finders
                .iter()
                .all(|finder| finder.find(title.as_bytes()).is_some())
            {
                Class::Title
            } else {
                Class::Elsewhere
            };
            let kind = index.entries[entry as usize].kind();
            self.0[class as usize * KINDS + kind].push(entry);
        }
    }

    /// Every hit filed so far, in the order listed.
    pub fn hits(&self) -> impl Iterator<Item = u32> + '_ {
        self.0.iter().flatten().copied()
    }
}

/// Titles longer than this are not compared for similarity: the letters of a short query
/// are found in order in almost any sentence, so such a match means nothing, and matching
/// costs in proportion to the title's length.
const SIMILAR_MAX_CHARS: usize = 64;

/// Among `candidates`, the entries with a title (in either language, of at most
/// [`SIMILAR_MAX_CHARS`]) that has every word of `query` as a fuzzy match (its characters
/// in order), with their best score: nucleo's, the matcher of helix and television.
pub fn similar(index: &SearchIndex, query: &str, candidates: &[u32]) -> Vec<(u32, u32)> {
    let pattern = Pattern::parse(query, CaseMatching::Ignore, Normalization::Smart);
    let mut matcher = Matcher::new(Config::DEFAULT);
    let mut buffer = Vec::new();
    candidates
        .iter()
        .filter_map(|&entry| {
            let score = index
                .title_of(entry as usize)
                .lines()
                .filter(|line| {
                    line.len() <= SIMILAR_MAX_CHARS * 4 && line.chars().count() <= SIMILAR_MAX_CHARS
                })
                .filter_map(|line| pattern.score(Utf32Str::new(line, &mut buffer), &mut matcher))
                .max()?;
            Some((score, entry))
        })
        .collect()
}

/// Similar entries, best score first; equal scores in the entries' order.
pub fn best_first(mut scored: Vec<(u32, u32)>) -> Vec<u32> {
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    scored.into_iter().map(|(_, entry)| entry).collect()
}
