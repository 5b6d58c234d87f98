//! One frame of each tab at 80×24, 120×40 and 200×60, for the built-in datasets and
//! generated ones of 1 000 and 100 000 indicators and of every country with twenty kinds
//! of fact; the map zoomed in as well as whole; and the detail popups at 120×40.
//!
//! A frame is what the runtime does on a redraw: `Terminal::draw` of [`bri_dash::ui::view`]
//! (the view, then ratatui's diff against the previous frame) into a `TestBackend`. Each
//! tab is drawn with its middle item selected, so long lists are scrolled. The generated
//! dataset has ten tabs of panels built alike; the first stands for them all. Beside them,
//! the floor: what ratatui takes for an empty frame and for a frame of text in every cell.
//!
//! `cargo bench --bench render`; the results are in docs/performance.md.

#[path = "support/countries.rs"]
mod countries;
#[path = "support/generate.rs"]
mod generate;
#[path = "support/app.rs"]
mod support;

use std::sync::Arc;

use bri_dash::app::{Action, App, Item, Overlay, update};
use bri_dash::dataset::{Dataset, TabKind};
use bri_dash::ui;
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Size;
use ratatui::text::Line;

const SIZES: [(u16, u16); 3] = [(80, 24), (120, 40), (200, 60)];

/// Every tab, except that only the first tab of each kind is kept for generated data.
fn tabs(dataset: &Dataset, every: bool) -> Vec<usize> {
    let mut kinds: Vec<TabKind> = Vec::new();
    (0..dataset.tabs.len())
        .filter(|&tab| {
            let kind = dataset.tabs[tab].kind;
            let first = !kinds.contains(&kind);
            kinds.push(kind);
            every || first
        })
        .collect()
}

fn select_middle(app: &mut App, tab: usize) {
    app.tab = tab;
    app.selected[tab] = app.items().len() / 2;
}

fn frame(c: &mut Criterion, terminal: &mut Terminal<TestBackend>, name: &str, app: &App) {
    // Kept across frames, as a session keeps it: a frame like the one before it.
    let memory = ui::Memory::default();
    c.bench_function(name, |b| {
        b.iter(|| {
            terminal
                .draw(|frame| {
                    std::hint::black_box(ui::view(app, &memory, frame));
                })
                .map(|_| ())
                .expect("a test backend cannot fail")
        })
    });
}

/// What any frame costs with ratatui, whatever it shows: an empty frame (clearing the
/// buffer and diffing it against the last one), and every cell written with text.
fn floor(c: &mut Criterion) {
    for (width, height) in SIZES {
        let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a test backend");
        // Longer than a row: `set_line` cuts it at the edge.
        let row = Line::raw("Digital Silk Road 数字丝绸之路 ".repeat(width as usize / 20 + 1));
        c.bench_function(&format!("render/floor/empty/{width}x{height}"), |b| {
            b.iter(|| terminal.draw(|_| {}).map(|_| ()).expect("a test backend"))
        });
        c.bench_function(&format!("render/floor/full-text/{width}x{height}"), |b| {
            b.iter(|| {
                terminal
                    .draw(|frame| {
                        let area = frame.area();
                        let buffer = frame.buffer_mut();
                        for y in 0..area.height {
                            buffer.set_line(0, y, &row, area.width);
                        }
                    })
                    .map(|_| ())
                    .expect("a test backend")
            })
        });
    }
}

/// A dataset to draw, and which of its tabs.
struct Case {
    name: &'static str,
    dataset: Arc<Dataset>,
    /// Every tab, or the first of each kind.
    every_tab: bool,
}

fn render(c: &mut Criterion) {
    let cases = [
        Case {
            name: "builtin",
            dataset: support::builtin(),
            every_tab: true,
        },
        // The same shape a hundred times smaller: what a frame owes to the dataset's size
        // rather than to how much of the screen its text fills.
        Case {
            name: "generated-1000",
            dataset: support::generated(1_000),
            every_tab: false,
        },
        Case {
            name: "generated-100000",
            dataset: support::generated(100_000),
            every_tab: false,
        },
        // The map and the table: the third built-in, and every country of the reference
        // with twenty kinds of fact (the table at 250 rows × 20 columns).
        Case {
            name: "partners",
            dataset: support::builtin_named("silk-road-partners"),
            every_tab: true,
        },
        Case {
            name: "countries-250x20",
            dataset: Arc::new(
                bri_dash::dataset::parse("countries", &countries::dataset())
                    .expect("the generated country dataset is valid"),
            ),
            every_tab: true,
        },
    ];
    for case in &cases {
        let (label, dataset) = (case.name, &case.dataset);
        // Built once: what `App::new` derives from a large dataset takes a while.
        let base = support::app(dataset, 120, 40);
        let sized = |width, height| {
            let mut app = base.clone();
            app.size = Size::new(width, height);
            app
        };
        for tab in tabs(dataset, case.every_tab) {
            for (width, height) in SIZES {
                let mut app = sized(width, height);
                select_middle(&mut app, tab);
                let mut terminal =
                    Terminal::new(TestBackend::new(width, height)).expect("a test backend");
                let name = format!("render/{label}/{}/{width}x{height}", dataset.tabs[tab].id);
                frame(c, &mut terminal, &name, &app);
                // The map zoomed into a region: a frame costs the same whatever the zoom.
                if dataset.tabs[tab].kind == TabKind::Map {
                    for _ in 0..6 {
                        update(&mut app, Action::ZoomIn);
                    }
                    let name = format!("render/{label}/map-zoomed/{width}x{height}");
                    frame(c, &mut terminal, &name, &app);
                }
            }
        }
        // The detail popup of the middle item of each kind of list.
        for kind in [
            TabKind::Overview,
            TabKind::Timeline,
            TabKind::Sources,
            TabKind::Countries,
        ] {
            let Some(tab) = dataset.tabs.iter().position(|t| t.kind == kind) else {
                continue;
            };
            let mut app = sized(120, 40);
            select_middle(&mut app, tab);
            let Some(item) = app.selected_item() else {
                continue;
            };
            app.overlay = Some(Overlay::Detail {
                item,
                scroll: 0,
                point: None,
            });
            let what = match item {
                Item::Indicator(_) => "indicator",
                Item::Event(_) => "event",
                Item::Source(_) => "source",
                Item::Panel(_) | Item::Point { .. } => "panel",
                Item::Country(_) => "country",
            };
            let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("a test backend");
            frame(
                c,
                &mut terminal,
                &format!("render/{label}/detail-{what}/120x40"),
                &app,
            );
        }
    }
}

/// What the terminal's display costs on top of a frame: web addresses made links (every
/// cell looked at for `http`, the addresses wrapped), and every cell made ASCII. The same
/// frames as `render/bri-connectivity-plain/…`, drawn in the same run.
fn display(c: &mut Criterion) {
    let dataset = support::builtin_named("bri-connectivity");
    let sources = dataset
        .tabs
        .iter()
        .position(|t| t.kind == TabKind::Sources)
        .expect("a sources tab");
    let mut base = support::app(&dataset, 120, 40);
    base.tab = sources;
    for (name, links, ascii) in [
        ("plain", false, false),
        ("links", true, false),
        ("ascii", false, true),
    ] {
        let mut app = base.clone();
        app.display.links = links;
        app.display.ascii = ascii;
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("a test backend");
        frame(
            c,
            &mut terminal,
            &format!("render/bri-connectivity-{name}/sources/120x40"),
            &app,
        );
    }
}

criterion_group!(benches, floor, render, display);
criterion_main!(benches);
