//! Search per keystroke on the 100 000-indicator dataset, as a user types: each query is
//! typed one character at a time into an open search, and the figures are per keystroke.
//! `key` is what a keystroke does before its frame (the query's first slice); `typed` is
//! everything a keystroke leads to when the user types slowly enough for each query to run
//! to the end (every slice, all hits ranked). `cold` is a whole query at once, run to the
//! end (a paste, or a query that does not narrow the last one).
//!
//! The floor, measured in the same run: one scan of all the text for the longest word.
//! Beside them, the same queries through nucleo-matcher (the matcher of helix and
//! television) as substring patterns over every entry's folded text, the alternative the
//! performance issue asks to weigh: the purpose-built index is kept only if it is faster.
//!
//! `cargo bench --bench search`; the results are in docs/performance.md.

#[path = "support/generate.rs"]
mod generate;

use std::hint::black_box;

use bri_dash::app::search::{fields, fold};
use bri_dash::app::{Edit, Navigation, Search, SearchIndex};
use bri_dash::dataset::{self, Dataset};
use criterion::{Criterion, criterion_group, criterion_main};
use nucleo_matcher::pattern::{AtomKind, CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};

/// Queries a reader types: English words, Chinese words, a figure's year, a typo.
const QUERIES: &[&str] = &["digital wallets", "数字钱包", "cable 2021", "satelite"];

fn generated() -> Dataset {
    dataset::parse("generated", &generate::dataset(100_000))
        .expect("the generated dataset is valid")
}

fn typing(c: &mut Criterion) {
    let dataset = generated();
    let index = SearchIndex::new(&dataset, &Navigation::new(&dataset));
    // What each entry says, folded, for nucleo: the same text the index scans.
    let haystacks: Vec<String> = index
        .entries
        .iter()
        .map(|entry| {
            let mut text = String::new();
            for (_, field) in fields(&dataset, entry.of) {
                for part in field.all() {
                    text.extend(part.chars().map(fold));
                    text.push('\n');
                }
            }
            text
        })
        .collect();
    let all_text = haystacks.join("\0");
    let mut group = c.benchmark_group("search/100000");
    for query in QUERIES {
        let keystrokes = query.chars().count() as u32;
        for (name, to_the_end) in [("key", false), ("typed", true)] {
            group.bench_function(format!("{name}/{query}"), |b| {
                b.iter_custom(|iterations| {
                    let mut total = std::time::Duration::ZERO;
                    for _ in 0..iterations {
                        let mut search = Search::typing("", &index);
                        for c in query.chars() {
                            let start = std::time::Instant::now();
                            search.edit(Edit::Insert(c), &index);
                            while to_the_end && search.counting {
                                search.go_on(&index);
                            }
                            total += start.elapsed();
                            // Between keys, the rest of a query runs after the frame.
                            while search.counting {
                                search.go_on(&index);
                            }
                        }
                        black_box(&search.hits);
                    }
                    // Per keystroke.
                    total / keystrokes
                })
            });
        }
        group.bench_function(format!("cold/{query}"), |b| {
            b.iter(|| {
                let mut search = Search::typing(black_box(query), &index);
                while search.counting {
                    search.go_on(&index);
                }
                black_box(search.hits.len())
            })
        });
        // The floor: one SIMD scan of all the text for the query's longest word, counting
        // matches, which is the least any search that reads the text can do.
        group.bench_function(format!("floor-scan/{query}"), |b| {
            let longest = query
                .split_whitespace()
                .map(|word| word.chars().map(fold).collect::<String>())
                .max_by_key(|word| word.len())
                .expect("a word");
            let finder = memchr::memmem::Finder::new(&longest);
            b.iter(|| finder.find_iter(all_text.as_bytes()).count())
        });
    }
    group.finish();
    // About 1.5 s an iteration: ten samples.
    let mut slow = c.benchmark_group("search/100000");
    slow.sample_size(10);
    for query in QUERIES {
        slow.bench_function(format!("nucleo-substring/{query}"), |b| {
            let pattern = Pattern::new(
                query,
                CaseMatching::Ignore,
                Normalization::Smart,
                AtomKind::Substring,
            );
            let mut matcher = Matcher::new(Config::DEFAULT);
            let mut buffer = Vec::new();
            b.iter(|| {
                haystacks
                    .iter()
                    .filter(|text| {
                        pattern
                            .score(Utf32Str::new(text, &mut buffer), &mut matcher)
                            .is_some()
                    })
                    .count()
            })
        });
    }
    slow.finish();
}

fn building(c: &mut Criterion) {
    let dataset = generated();
    let navigation = Navigation::new(&dataset);
    let mut group = c.benchmark_group("search/100000");
    group.sample_size(10);
    group.bench_function("build-index", |b| {
        b.iter(|| black_box(SearchIndex::new(&dataset, &navigation).entries.len()))
    });
    group.finish();
}

criterion_group!(benches, typing, building);
criterion_main!(benches);
