//! `update` for a key press, as the runtime handles one: the input layer turns the key
//! into an action (through the keymap, against the last frame's layout) and `update`
//! applies it. Each iteration presses a pair of keys that undo each
//! other (↓ ↑, Tab Shift-Tab, Enter Esc), so every iteration starts from the same state;
//! the figures are per pair. Search: with "digital walle" typed, a `t` and a backspace,
//! each of which runs the query over the whole search index.
//!
//! `cargo bench --bench update`; the results are in docs/performance.md.

#[path = "support/generate.rs"]
mod generate;
#[path = "support/app.rs"]
mod support;

use std::hint::black_box;
use std::sync::Arc;

use bri_dash::app::{Action, Edit, Item, Key, KeyCode, Modifiers, Overlay, update};
use bri_dash::dataset::{Dataset, TabKind};
use bri_dash::input::{self, Event};
use bri_dash::ui::FrameLayout;
use bri_dash::ui::headless;
use criterion::{Criterion, criterion_group, criterion_main};

fn key(code: KeyCode) -> Event {
    let modifiers = if code == KeyCode::BackTab {
        Modifiers::SHIFT
    } else {
        Modifiers::NONE
    };
    Event::Key(Key::new(code, modifiers))
}

fn bench(c: &mut Criterion) {
    let datasets: [(&str, Arc<Dataset>); 2] = [
        ("builtin", support::builtin()),
        ("generated-100000", support::generated(100_000)),
    ];
    let pairs = [
        ("down-up", KeyCode::Down, KeyCode::Up),
        ("tab-backtab", KeyCode::Tab, KeyCode::BackTab),
        ("enter-esc", KeyCode::Enter, KeyCode::Esc),
    ];
    detail_scroll(c, &support::generated(1000));
    for (label, dataset) in &datasets {
        let mut app = support::app(dataset, 120, 40);
        // The timeline: the longest list of both datasets; start in its middle.
        app.tab = dataset
            .tabs
            .iter()
            .position(|t| t.kind == TabKind::Timeline)
            .unwrap_or(0);
        app.selected[app.tab] = app.items().len() / 2;
        let mut searching = app.clone();
        update(&mut searching, Action::Search);
        for c in "digital walle".chars() {
            update(&mut searching, Action::SearchEdit(Edit::Insert(c)));
        }
        // The keys handled here neither open a popup nor click: an empty layout is the
        // layout they are read against.
        let layout = FrameLayout::default();
        let keys = [key(KeyCode::Char('t')), key(KeyCode::Backspace)];
        c.bench_function(&format!("update/{label}/search-type-erase"), |b| {
            b.iter(|| {
                for key in &keys {
                    let action =
                        input::action(&searching, &layout, black_box(*key)).expect("bound");
                    black_box(update(&mut searching, action));
                }
            })
        });
        for (name, first, second) in pairs {
            let keys = [key(first), key(second)];
            c.bench_function(&format!("update/{label}/{name}"), |b| {
                b.iter(|| {
                    for key in &keys {
                        let action = input::action(&app, &layout, black_box(*key)).expect("bound");
                        black_box(update(&mut app, action));
                    }
                })
            });
        }
    }
}

/// ↓ ↑ in the detail of a figure with a chart, at 80×24 where it scrolls: the input layer
/// clamps the scroll with the last frame's layout, so a key lays nothing out.
fn detail_scroll(c: &mut Criterion, dataset: &Arc<Dataset>) {
    let mut app = support::app(dataset, 80, 24);
    let indicator = dataset
        .indicators
        .iter()
        .position(|indicator| !indicator.series.is_empty())
        .expect("one generated indicator in ten has a series");
    app.overlay = Some(Overlay::Detail {
        item: Item::Indicator(indicator),
        scroll: 1,
        point: None,
    });
    let layout = headless::draw_with_layout(&app, 80, 24).1;
    let max = layout.popup.as_ref().map_or(0, |popup| popup.max_scroll);
    assert!(max >= 2, "the detail scrolls at 80×24 ({max})");
    let keys = [key(KeyCode::Down), key(KeyCode::Up)];
    c.bench_function("update/generated-1000/detail-scroll-down-up", |b| {
        b.iter(|| {
            for key in &keys {
                let action = input::action(&app, &layout, black_box(*key)).expect("bound");
                black_box(update(&mut app, action));
            }
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
