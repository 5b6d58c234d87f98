//! A source's detail: what it is, and the list of everything that cites it — as long as
//! the dataset when one report is the source of every figure, and then made a screen at a
//! time.

use std::sync::Arc;

use bri_dash::app::{App, Item, Overlay};
use bri_dash::dataset::{self, Lang};
use ratatui::layout::Size;

use crate::common::{main_app, press, screen, today};

fn open_source(app: &mut App, index: usize) {
    app.overlay = Some(Overlay::Detail {
        item: Item::Source(index),
        scroll: 0,
        point: None,
    });
}

#[test]
fn the_source_detail_in_both_languages_at_both_sizes() {
    for (width, height) in [(80, 24), (120, 40)] {
        for lang in [Lang::En, Lang::Zh] {
            let mut app = main_app(lang, width, height);
            open_source(&mut app, 0);
            let name = format!("detail-source-{}-{width}x{height}", lang.code());
            insta::assert_snapshot!(name, screen(&app));
        }
    }
}

/// The minimal fixture with `count` more figures, every one citing its one source.
fn cited_by_every_figure(count: usize) -> App {
    let mut text =
        std::fs::read_to_string(crate::common::repo("tests/fixtures/valid/minimal.toml"))
            .expect("the minimal fixture");
    for n in 0..count {
        text.push_str(&format!(
            "\n[[indicators]]\nid = \"figure-{n}\"\nlabel = {{ zh = \"数值 {n}\", en = \"Figure {n}\" }}\n\
             value = {n}\nunit = {{ zh = \"个\", en = \"things\" }}\nas_of = \"2023\"\nsource = \"seed\"\n\
             quote = {{ zh = \"{n}个\", en = \"{n} things\" }}\npanels = [\"policy\"]\n"
        ));
    }
    let dataset = dataset::parse("test", &text).expect("a valid dataset");
    App::new(Arc::new(dataset), Lang::En, today(), Size::new(80, 24))
}

#[test]
fn a_source_every_figure_cites_lists_them_all_and_scrolls_to_the_last() {
    let mut app = cited_by_every_figure(5_000);
    open_source(&mut app, 0);
    let first = screen(&app);
    // The minimal fixture's figure and its event, then the 5 000.
    assert!(first.contains("cited 5002 times"), "{first}");
    assert!(first.contains("• 20 countries — Countries"), "{first}");
    press(&mut app, "End");
    let last = screen(&app);
    assert!(last.contains("• 4,999 things — Figure 4999"), "{last}");
    assert!(!last.contains("cited 5002 times"), "{last}");
    // A page up from the end shows the rows just above: each made when it shows.
    press(&mut app, "PageUp");
    let page_up = screen(&app);
    assert!(page_up.contains("— Figure 4980"), "{page_up}");
    assert!(!page_up.contains("— Figure 4999"), "{page_up}");
}

#[test]
fn a_cited_line_too_long_for_the_popup_ends_in_an_ellipsis() {
    let mut app = main_app(Lang::En, 80, 24);
    open_source(&mut app, 0);
    let shown = screen(&app);
    let cut = shown
        .lines()
        .filter(|line| line.contains("• ") && line.contains('…'));
    assert!(cut.count() > 0, "{shown}");
}
