//! Charts as the dashboard draws them: the line chart in an indicator's detail (a gap, one
//! point, sources that disagree), the sparkline in a card, the bar chart of a panel whose
//! figures share a unit, the gauge toward a target. Small datasets in tests/fixtures/charts/
//! and the built-in bri-connectivity. Review changes with `cargo insta review`.

use crate::common;

use std::path::Path;
use std::sync::Arc;

use bri_dash::app::{Action, App, Overlay, update};
use bri_dash::dataset::{self, Lang};
use bri_dash::ui::headless::draw;
use common::{builtin_app, press, today};
use ratatui::layout::Size;

fn fixture_app(path: &str, lang: Lang, width: u16, height: u16) -> App {
    let dataset = dataset::load_file(Path::new(path), 1 << 20).expect("the fixture is valid");
    App::new(Arc::new(dataset), lang, today(), Size::new(width, height))
}

fn chart_fixture(name: &str, lang: Lang, width: u16, height: u16) -> App {
    fixture_app(
        &format!("tests/fixtures/charts/{name}.toml"),
        lang,
        width,
        height,
    )
}

use common::screen;

use common::open_indicator;

fn resize(app: &mut App, width: u16, height: u16) {
    update(app, Action::Resize { width, height });
}

#[test]
fn a_line_chart_with_a_gap_and_a_conflict() {
    for (lang, width, height) in [(Lang::En, 80, 24), (Lang::En, 120, 40), (Lang::Zh, 80, 24)] {
        let mut app = chart_fixture("series", lang, width, height);
        open_indicator(&mut app, "trains");
        let text = screen(&app);
        insta::assert_snapshot!(
            format!("line-gap-conflict-{}-{width}x{height}", lang.code()),
            text
        );
    }
}

#[test]
fn the_list_under_the_chart_keeps_qualifiers_and_marks_conflicts() {
    let mut app = chart_fixture("series", Lang::En, 80, 24);
    open_indicator(&mut app, "trains");
    press(&mut app, "End");
    let text = screen(&app);
    insta::assert_snapshot!("line-list-en-80x24", text);
    assert!(text.contains("2022 > 17,000"), "{text}");
    assert!(text.contains("2020 ≈ 12,400 ◆"), "{text}");
    assert!(text.contains("2020 12,406 ◆"), "{text}");

    let mut app = chart_fixture("series", Lang::Zh, 80, 24);
    open_indicator(&mut app, "trains");
    press(&mut app, "End");
    let text = screen(&app);
    assert!(text.contains("2022年 > 1.7万"), "{text}");
    assert!(text.contains("2020年 ≈ 1.24万 ◆"), "{text}");
    assert!(text.contains("2020年 12406 ◆"), "{text}");
}

#[test]
fn a_line_chart_of_one_point_and_of_a_flat_series() {
    let mut app = chart_fixture("series", Lang::En, 80, 24);
    open_indicator(&mut app, "one-point");
    insta::assert_snapshot!("line-one-point-en-80x24", screen(&app));
    open_indicator(&mut app, "flat");
    insta::assert_snapshot!("line-flat-en-80x24", screen(&app));
}

#[test]
fn cards_with_a_series_have_a_sparkline() {
    let app = chart_fixture("series", Lang::En, 80, 24);
    let text = screen(&app);
    insta::assert_snapshot!("sparkline-cards-en-80x24", text);
    // Oldest first, the missing 2019 a blank, the two 2020 figures one cell.
    assert!(text.contains("▁▂▃ ▅▆▇██"), "{text}");
    let app = chart_fixture("series", Lang::Zh, 80, 24);
    insta::assert_snapshot!("sparkline-cards-zh-80x24", screen(&app));
}

#[test]
fn the_connectivity_overview_keeps_its_cards_with_sparklines_at_80x24() {
    let app = builtin_app("bri-connectivity", Lang::En, 80, 24);
    let text = screen(&app);
    insta::assert_snapshot!("connectivity-sparklines-en-80x24", text);
    // Sparklines share the first line: the cards stay five rows high, all five fit.
    assert_eq!(text.matches('╭').count() + text.matches('┏').count(), 5);
    let app = builtin_app("bri-connectivity", Lang::Zh, 120, 40);
    insta::assert_snapshot!("connectivity-sparklines-zh-120x40", screen(&app));
}

#[test]
fn a_panel_whose_figures_share_a_unit_has_a_bar_chart() {
    for (lang, width, height) in [
        (Lang::En, 80, 24),
        (Lang::Zh, 80, 24),
        (Lang::En, 120, 40),
        (Lang::Zh, 120, 40),
    ] {
        let mut app = chart_fixture("shared-unit", lang, width, height);
        press(&mut app, "2");
        let text = screen(&app);
        insta::assert_snapshot!(
            format!("bars-shared-unit-{}-{width}x{height}", lang.code()),
            text
        );
        let bars = text.lines().filter(|line| line.contains('█')).count();
        assert_eq!(bars, 3, "one bar per figure in countries:\n{text}");
    }
}

#[test]
fn the_bar_chart_scrolls_with_the_panel() {
    // With the first figure selected on a short screen, the list scrolls the heading and
    // the first bar away: the two bars left are drawn whole, in their own rows.
    let mut app = chart_fixture("shared-unit", Lang::En, 80, 13);
    press(&mut app, "2 j");
    let text = screen(&app);
    insta::assert_snapshot!("bars-scrolled-en-80x13", text);
    let rows: Vec<&str> = text.lines().collect();
    assert!(
        rows[3].contains("Countries with Silk Road… ██████ "),
        "{text}"
    );
    assert!(
        rows[4].contains("Countries with a Digital… ████ "),
        "{text}"
    );
    assert!(!text.contains("Compared"), "{text}");
}

#[test]
fn gauges_at_a_zero_target_above_the_target_and_below_zero() {
    for (id, expected) in [
        ("zero-target", "no percentage of the target"),
        ("above-target", "135% of the target ██"),
        ("negative", "-12.5% of the target ░░"),
    ] {
        let mut app = chart_fixture("targets", Lang::En, 80, 24);
        open_indicator(&mut app, id);
        let text = screen(&app);
        insta::assert_snapshot!(format!("gauge-{id}-en-80x24"), text);
        assert!(text.contains(expected), "{expected}:\n{text}");
    }
    let mut app = chart_fixture("targets", Lang::Zh, 80, 24);
    open_indicator(&mut app, "above-target");
    let text = screen(&app);
    insta::assert_snapshot!("gauge-above-target-zh-80x24", text);
    assert!(text.contains("达到目标的135%"), "{text}");
}

#[test]
fn connectivity_charts() {
    for (id, lang, width, height) in [
        ("cr-express-trains-per-year", Lang::En, 80, 24),
        ("cr-express-trains-per-year", Lang::Zh, 80, 24),
        ("cr-express-trains-per-year", Lang::En, 120, 40),
        ("cr-express-cumulative-trains", Lang::En, 120, 40),
        ("silk-road-ecommerce-partners", Lang::Zh, 120, 40),
        ("cross-border-ecommerce-value", Lang::En, 80, 24),
    ] {
        let mut app = builtin_app("bri-connectivity", lang, width, height);
        open_indicator(&mut app, id);
        insta::assert_snapshot!(
            format!("connectivity-{id}-{}-{width}x{height}", lang.code()),
            screen(&app)
        );
    }
}

/// Every indicator's detail at every scroll position, at sizes from the smallest the
/// dashboard draws: nothing panics, and the last line can be scrolled into view.
#[test]
fn details_draw_at_every_size_and_scroll() {
    let apps = || {
        let mut apps = vec![
            builtin_app("bri-connectivity", Lang::Zh, 80, 24),
            builtin_app(dataset::DEFAULT_BUILTIN, Lang::En, 80, 24),
            fixture_app(
                "tests/fixtures/hostile/extreme-numbers.toml",
                Lang::En,
                80,
                24,
            ),
        ];
        for name in ["series", "targets", "shared-unit"] {
            apps.push(chart_fixture(name, Lang::En, 80, 24));
        }
        apps
    };
    for (width, height) in [(40, 12), (57, 19), (80, 24), (120, 40), (200, 60)] {
        for mut app in apps() {
            resize(&mut app, width, height);
            for indicator in 0..app.dataset.indicators.len() {
                app.overlay = Some(Overlay::Detail {
                    item: bri_dash::app::Item::Indicator(indicator),
                    scroll: 0,
                    point: None,
                });
                let max = common::layout(&app)
                    .popup
                    .expect("the detail is open")
                    .max_scroll;
                for scroll in 0..=max {
                    app.overlay = Some(Overlay::Detail {
                        item: bri_dash::app::Item::Indicator(indicator),
                        scroll,
                        point: None,
                    });
                    draw(&app, width, height);
                }
            }
            for tab in 0..app.dataset.tabs.len() {
                update(&mut app, Action::GoToTab(tab));
                app.overlay = None;
                for _ in 0..app.items().len() {
                    draw(&app, width, height);
                    update(&mut app, Action::Down);
                }
            }
        }
    }
}
