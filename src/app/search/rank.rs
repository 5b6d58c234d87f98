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

/// `hits` (entries in order) in the order they are listed: a bucket per class and kind,
/// each filled in the entries' order, so ranking is linear in the hits.
pub fn ranked(index: &SearchIndex, words: &[String], phrase: &str, hits: &[u32]) -> Vec<u32> {
    let finders: Vec<memmem::Finder> = words.iter().map(memmem::Finder::new).collect();
    let mut buckets: Vec<Vec<u32>> = vec![Vec::new(); CLASSES * KINDS];
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
        let kind = usize::from(index.entries[entry as usize].kind);
        buckets[class as usize * KINDS + kind].push(entry);
    }
    buckets.concat()
}

/// Among `candidates`, the entries whose title has every word of `query` as a fuzzy match
/// (its characters in order), best score first. Scoring is nucleo's, the matcher of helix
/// and television.
pub fn similar(index: &SearchIndex, query: &str, candidates: &[u32]) -> Vec<u32> {
    let pattern = Pattern::parse(query, CaseMatching::Ignore, Normalization::Smart);
    let mut matcher = Matcher::new(Config::DEFAULT);
    let mut buffer = Vec::new();
    let mut scored: Vec<(u32, u32)> = candidates
        .iter()
        .filter_map(|&entry| {
            let title = index.title_of(entry as usize);
            let score = pattern.score(Utf32Str::new(title, &mut buffer), &mut matcher)?;
            Some((score, entry))
        })
        .collect();
    // Best first; equal scores in the entries' order.
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    scored.into_iter().map(|(_, entry)| entry).collect()
}
