//! Load and validate: the built-in datasets and generated ones of 1 000, 10 000 and
//! 100 000 indicators, each beside the floor — the same bytes parsed by bare
//! `toml::from_str::<toml::Table>`, which checks nothing and builds no model.
//!
//! `cargo bench --bench load`; the results are in docs/performance.md.

#[path = "support/generate.rs"]
mod generate;

use std::hint::black_box;
use std::time::Duration;

use bri_dash::dataset;
use criterion::{Criterion, SamplingMode, Throughput, criterion_group, criterion_main};

fn load(c: &mut Criterion) {
    let mut inputs: Vec<(String, String)> = dataset::BUILTINS
        .iter()
        .map(|b| (b.name.to_owned(), b.toml.to_owned()))
        .collect();
    for indicators in [1_000, 10_000, 100_000] {
        inputs.push((
            format!("generated-{indicators}"),
            generate::dataset(indicators),
        ));
    }
    for (name, text) in &inputs {
        let mut group = c.benchmark_group(format!("load/{name}"));
        group.throughput(Throughput::Bytes(text.len() as u64));
        if text.len() > 10_000_000 {
            // Seconds per iteration: ten single runs say enough.
            group.sampling_mode(SamplingMode::Flat);
            group.sample_size(10);
            group.warm_up_time(Duration::from_secs(1));
            group.measurement_time(Duration::from_secs(20));
        }
        // Dropping the result is not part of loading: the dashboard keeps it.
        group.bench_function("parse+validate", |b| {
            b.iter_with_large_drop(|| dataset::parse("bench", black_box(text)).expect("valid"))
        });
        group.bench_function("toml::Table", |b| {
            b.iter_with_large_drop(|| {
                toml::from_str::<toml::Table>(black_box(text)).expect("well formed")
            })
        });
        group.finish();
    }
}

criterion_group!(benches, load);
criterion_main!(benches);
