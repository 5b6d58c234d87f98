//! The world map's raster: every outline filled onto a terminal's Braille dots for one
//! viewport — what the map view computes on a resize, zoom, pan or year change (never per
//! frame). At world zoom and zoomed on a region, at 200×60 and 80×24 cells.
//!
//! `cargo bench --bench countries`; the results are in docs/performance.md.

use std::hint::black_box;

use bri_dash::countries::{Raster, Viewport, by_code, shape_of};
use criterion::{Criterion, criterion_group, criterion_main};

fn raster(c: &mut Criterion) {
    // Parsing the embedded outlines happens once per process, not per raster.
    let china = shape_of(by_code("CHN").expect("CHN").id)
        .expect("China's outline")
        .bounds;
    let mut group = c.benchmark_group("raster");
    for (width, height) in [(200, 60), (80, 24)] {
        let views = [
            ("world", Viewport::WORLD),
            ("china", Viewport::fit(china, width, height)),
        ];
        for (name, viewport) in views {
            group.bench_function(format!("{name}/{width}x{height}"), |b| {
                b.iter(|| Raster::new(black_box(viewport), width, height))
            });
        }
    }
    group.finish();
}

criterion_group!(benches, raster);
criterion_main!(benches);
