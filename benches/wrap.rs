//! Wrapping: the dashboard's own wrapper (`bri_dash::ui::wrap`) beside `textwrap` with
//! UAX #14 line breaking, on every text of the built-in datasets, in Chinese and English,
//! at 40 and 100 columns. The equality of their outputs is tested in tests/dashboard/wrap.rs.
//!
//! `cargo bench --bench wrap`; the results are in docs/performance.md.

#[path = "support/texts.rs"]
mod texts;

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use textwrap::{Options, WordSeparator};

fn wrap(c: &mut Criterion) {
    let (zh, en) = texts::builtin_texts();
    for (lang, texts) in [("zh", &zh), ("en", &en)] {
        for width in [40, 100] {
            let mut group = c.benchmark_group(format!("wrap/{lang}/{width}"));
            group.bench_function("own", |b| {
                b.iter(|| {
                    for text in texts {
                        black_box(bri_dash::ui::wrap(black_box(text), width));
                    }
                })
            });
            let options = Options::new(width).word_separator(WordSeparator::UnicodeBreakProperties);
            group.bench_function("textwrap", |b| {
                b.iter(|| {
                    for text in texts {
                        black_box(textwrap::wrap(black_box(text), &options));
                    }
                })
            });
            group.finish();
        }
    }
}

criterion_group!(benches, wrap);
criterion_main!(benches);
