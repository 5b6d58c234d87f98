//! Export for readers: the HTML report of each built-in dataset in each language (target:
//! under 10 ms), beside the Markdown brief of the same dataset, which walks the same tabs,
//! panels and citations without charts or markup: the floor. And one standalone SVG chart.
//!
//! `cargo bench --bench export`; the results are in docs/performance.md.

use std::hint::black_box;

use bri_dash::dataset::{self, Lang};
use bri_dash::export::{self, Format};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn export(c: &mut Criterion) {
    for builtin in dataset::BUILTINS {
        let dataset = dataset::load_builtin(builtin).expect("valid");
        for lang in Lang::ALL {
            let mut group = c.benchmark_group(format!("export/{}/{}", builtin.name, lang.code()));
            for (name, format) in [("html", Format::Html), ("markdown", Format::Markdown)] {
                let mut size = Vec::new();
                export::write(&dataset, format, lang, &mut size).expect("written");
                group.throughput(Throughput::Bytes(size.len() as u64));
                group.bench_function(name, |b| {
                    b.iter_with_large_drop(|| {
                        let mut out = Vec::with_capacity(size.len());
                        export::write(black_box(&dataset), format, lang, &mut out)
                            .expect("written");
                        out
                    })
                });
            }
            group.finish();
        }
        let charted = dataset.indicators.iter().find(|i| !i.series.is_empty());
        if let Some(indicator) = charted {
            c.bench_function(
                &format!("export/{}/svg/{}", builtin.name, indicator.id),
                |b| {
                    b.iter_with_large_drop(|| {
                        export::chart_svg(black_box(&dataset), Some(&indicator.id), Lang::En)
                            .expect("drawn")
                    })
                },
            );
        }
    }
}

criterion_group!(benches, export);
criterion_main!(benches);
