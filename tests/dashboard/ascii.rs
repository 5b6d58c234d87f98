//! The dashboard for a terminal that shows ASCII only (`LANG=C`, `--ascii`): every view of
//! every built-in dataset, popups included, is drawn in ASCII, and keeps its shape.

use crate::common;

use bri_dash::app::{Action, App, update};
use bri_dash::dataset::Lang;
use common::{builtin_app, open_indicator, press, screen};

const DATASETS: [&str; 3] = [
    "digital-silk-road-2023",
    "bri-connectivity",
    "silk-road-partners",
];

fn ascii_app(name: &str, lang: Lang, width: u16, height: u16) -> App {
    let mut app = builtin_app(name, lang, width, height);
    app.display.ascii = true;
    app
}

fn assert_ascii(app: &App, what: &str) {
    let text = screen(app);
    let stray: Vec<char> = text.chars().filter(|c| !c.is_ascii()).collect();
    assert!(stray.is_empty(), "{what}: {stray:?} in\n{text}");
}

#[test]
fn every_tab_and_popup_of_every_dataset_is_ascii() {
    for name in DATASETS {
        for lang in [Lang::En, Lang::Zh] {
            for (width, height) in [(80, 24), (120, 40)] {
                let mut app = ascii_app(name, lang, width, height);
                for tab in 0..app.dataset.tabs.len() {
                    update(&mut app, Action::GoToTab(tab));
                    assert_ascii(&app, &format!("{name} tab {tab} {lang:?} {width}x{height}"));
                    press(&mut app, "Enter");
                    assert_ascii(&app, &format!("{name} detail of tab {tab} {lang:?}"));
                    press(&mut app, "Esc");
                }
                for popup in ["?", "d", "/ r a i l"] {
                    press(&mut app, popup);
                    assert_ascii(&app, &format!("{name} popup {popup} {lang:?}"));
                    press(&mut app, "Esc");
                }
            }
        }
    }
}

#[test]
fn the_overview_keeps_its_cards_and_marks() {
    let app = ascii_app("digital-silk-road-2023", Lang::En, 80, 24);
    insta::assert_snapshot!("ascii-overview-en-80x24", screen(&app));
}

#[test]
fn the_legend_explains_each_mark_as_drawn() {
    let mut app = ascii_app("digital-silk-road-2023", Lang::En, 100, 60);
    press(&mut app, "? End");
    insta::assert_snapshot!("ascii-help-end-en-100x60", screen(&app));
}

#[test]
fn a_chart_keeps_its_outline() {
    let mut app = ascii_app("bri-connectivity", Lang::En, 100, 30);
    let id = app.dataset.indicators[0].id.clone();
    open_indicator(&mut app, &id);
    insta::assert_snapshot!("ascii-chart-detail-en-100x30", screen(&app));
}
