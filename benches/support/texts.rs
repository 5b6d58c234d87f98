//! Every paragraph and label of the built-in datasets, in Chinese and in English: what the
//! dashboard wraps.

use bri_dash::dataset::{self, Text};

pub fn builtin_texts() -> (Vec<String>, Vec<String>) {
    let mut all: Vec<&Text> = Vec::new();
    let datasets: Vec<_> = dataset::BUILTINS
        .iter()
        .map(|b| dataset::parse(b.name, b.toml).expect("a built-in is valid"))
        .collect();
    for d in &datasets {
        all.push(&d.meta.title);
        all.push(&d.meta.summary);
        for p in &d.panels {
            all.push(&p.title);
            all.push(&p.summary);
            all.extend(p.points.iter().flat_map(|point| {
                std::iter::once(&point.text)
                    .chain(&point.sub)
                    .chain(point.quote.as_ref())
            }));
        }
        for i in &d.indicators {
            all.push(&i.label);
            all.push(&i.quote);
            all.extend(i.note.as_ref());
        }
        for e in &d.events {
            all.push(&e.label);
            all.extend(e.quote.as_ref());
            all.extend(e.note.as_ref());
        }
        all.extend(d.sources.iter().map(|s| &s.title));
    }
    (
        all.iter().map(|t| t.zh.clone()).collect(),
        all.iter().map(|t| t.en.clone()).collect(),
    )
}
