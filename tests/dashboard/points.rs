//! Each point of a figure's series can be chosen in its detail, as a user does it: ←/→
//! step through the points, a click on a point of the chart or a line of the list picks
//! it; the chosen point is shown in full (date at its precision, figure, source, quote,
//! note) and marked on the chart and in the list.

use crate::common;

use bri_dash::app::{App, Item, Overlay};
use bri_dash::dataset::Lang;
use bri_dash::input::Event;
use common::{builtin_app, layout, press, send};

use common::screen;

/// The connectivity dataset with the detail of the Silk Road E-commerce count open.
fn partners_detail(lang: Lang) -> App {
    let mut app = builtin_app("bri-connectivity", lang, 100, 60);
    let index = app
        .dataset
        .indicators
        .iter()
        .position(|i| i.id == "silk-road-ecommerce-partners")
        .unwrap();
    app.overlay = Some(Overlay::Detail {
        item: Item::Indicator(index),
        scroll: 0,
        point: None,
    });
    app
}

fn chosen(app: &App) -> Option<usize> {
    match app.overlay {
        Some(Overlay::Detail { point, .. }) => point,
        other => panic!("the detail is open: {other:?}"),
    }
}

#[test]
fn arrows_step_through_the_points_and_stop_at_the_ends() {
    let mut app = partners_detail(Lang::En);
    let count = app.dataset.indicators[match app.overlay {
        Some(Overlay::Detail {
            item: Item::Indicator(index),
            ..
        }) => index,
        _ => unreachable!(),
    }]
    .series
    .len();
    press(&mut app, "Right");
    assert_eq!(chosen(&app), Some(0), "→ first picks the oldest point");
    press(&mut app, "Right l");
    assert_eq!(chosen(&app), Some(2));
    press(&mut app, "Left");
    assert_eq!(chosen(&app), Some(1));
    press(&mut app, "Left Left Left");
    assert_eq!(chosen(&app), Some(0), "no further than the first");
    press(&mut app, "Esc");
    app = partners_detail(Lang::En);
    press(&mut app, "Left");
    assert_eq!(
        chosen(&app),
        Some(count - 1),
        "← first picks the latest point"
    );
    press(&mut app, "Right");
    assert_eq!(chosen(&app), Some(count - 1), "no further than the last");
    assert_eq!(app.tab, 0, "←/→ in a detail never change the tab");
}

/// The 2019 "22" counts countries *and regions*: its own quote says so, which only the
/// chosen point shows.
#[test]
fn the_chosen_point_shows_its_date_figure_source_quote_and_note() {
    for lang in [Lang::En, Lang::Zh] {
        let mut app = partners_detail(lang);
        press(&mut app, "Right Right");
        let text = screen(&app);
        let expected = match lang {
            Lang::En => [
                "● Point 2 of 7",
                "2019-12 (date known to the month)",
                "22 countries",
                "22 countries and regions",
            ],
            Lang::Zh => [
                "● 数据点 2/7",
                "2019年12月（精确到月）",
                "22个国家",
                "22个国家和地区",
            ],
        };
        for part in expected {
            assert!(text.contains(part), "{part:?} in\n{text}");
        }
        assert!(text.contains('●'), "the chart marks the chosen point");
        assert!(
            text.contains("▶ 2019-12") || text.contains("▶ 2019年12月"),
            "{text}"
        );
        insta::assert_snapshot!(format!("chosen-point-{}-100x60", lang.code()), text);
    }
}

#[test]
fn a_click_on_a_point_of_the_chart_or_a_line_of_the_list_chooses_it() {
    let mut app = partners_detail(Lang::En);
    let popup = layout(&app).popup.expect("the detail is open");
    // The chart's marks are single cells; the list's lines span the popup.
    let (on_chart, cell) = popup
        .entries
        .iter()
        .find(|(index, rect)| *index == 0 && rect.width == 1)
        .copied()
        .expect("the first point is drawn on the chart");
    send(
        &mut app,
        Event::Click {
            column: cell.x,
            row: cell.y,
        },
    );
    assert_eq!(chosen(&app), Some(on_chart));
    let popup = layout(&app).popup.unwrap();
    let (in_list, line) = popup
        .entries
        .iter()
        .find(|(index, rect)| *index == 5 && rect.width > 1)
        .copied()
        .expect("the sixth point is a line of the list");
    send(
        &mut app,
        Event::Click {
            column: line.x + 2,
            row: line.y,
        },
    );
    assert_eq!(chosen(&app), Some(in_list));
    assert!(
        matches!(app.overlay, Some(Overlay::Detail { .. })),
        "a click inside keeps the detail open"
    );
}

/// The first Silk Road E-commerce partner (Chile, 2016) is one country, not "1 countries".
#[test]
fn a_figure_of_one_takes_the_singular_unit() {
    let mut app = partners_detail(Lang::En);
    press(&mut app, "Right");
    let text = screen(&app);
    assert!(text.contains("  1 country "), "{text}");
    assert!(!text.contains("1 countries"), "{text}");
    let mut app = partners_detail(Lang::Zh);
    press(&mut app, "Right");
    assert!(
        screen(&app).contains("1个国家"),
        "Chinese units do not change"
    );
}
