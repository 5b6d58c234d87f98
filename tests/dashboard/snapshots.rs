//! Every tab of the built-in dataset, at 80×24 and 120×40, in Chinese and English, drawn
//! exactly as the dashboard draws it. Review changes with `cargo insta review`.

use crate::common;

use bri_dash::app::{Action, App, update};
use bri_dash::dataset::Lang;
use bri_dash::ui::headless::{draw, to_text};
use common::{builtin_app, main_app, press};

use common::screen;

#[test]
fn every_tab_in_both_languages_at_both_sizes() {
    for (width, height) in [(80, 24), (120, 40)] {
        for lang in [Lang::En, Lang::Zh] {
            let mut app = main_app(lang, width, height);
            for tab in 0..app.dataset.tabs.len() {
                update(&mut app, Action::GoToTab(tab));
                let name = format!(
                    "{}-{}-{}x{}",
                    app.dataset.tabs[tab].id,
                    lang.code(),
                    width,
                    height
                );
                insta::assert_snapshot!(name, screen(&app));
            }
        }
    }
}

#[test]
fn the_second_dataset_has_its_own_tabs() {
    let mut app = builtin_app("bri-connectivity", Lang::En, 100, 30);
    insta::assert_snapshot!("connectivity-overview-en-100x30", screen(&app));
    press(&mut app, "2");
    insta::assert_snapshot!("connectivity-railway-en-100x30", screen(&app));
}

#[test]
fn popups_over_chinese_text_keep_their_borders() {
    let mut app = main_app(Lang::Zh, 80, 24);
    press(&mut app, "2 j Enter");
    insta::assert_snapshot!("detail-indicator-zh-80x24", screen(&app));
    press(&mut app, "Esc ?");
    insta::assert_snapshot!("help-zh-80x24", screen(&app));
    let mut app = main_app(Lang::En, 80, 24);
    press(&mut app, "Enter");
    insta::assert_snapshot!("detail-indicator-en-80x24", screen(&app));
}

#[test]
fn a_small_terminal_gets_a_notice() {
    let app = main_app(Lang::En, 30, 8);
    insta::assert_snapshot!("too-small-30x8", screen(&app));
}

/// The selection is shown by colour and, without colour, by reverse video and a marker:
/// this snapshot keeps the styles of the selected card and tab.
#[test]
fn the_selection_is_styled() {
    let mut app = main_app(Lang::En, 80, 24);
    press(&mut app, "l");
    let buffer = draw(&app, 80, 24);
    let styled: String = (0..80)
        .filter_map(|x| {
            let cell = &buffer[(x, 1)];
            (!cell.bg.eq(&ratatui::style::Color::Reset)).then(|| cell.symbol().to_owned())
        })
        .collect();
    assert_eq!(
        styled.trim(),
        "1 Overview",
        "only the current tab is highlighted"
    );
    // The second card (top right) is selected: a thick border in the selection colour.
    let corner = &buffer[(40, 8)];
    assert_eq!(corner.symbol(), "┏");
    insta::assert_debug_snapshot!("selected-card-corner-80x24", corner);
    assert_eq!(
        buffer[(0, 8)].symbol(),
        "╭",
        "the first card is not selected any more"
    );
}

/// The states a live dataset brings: stale figures marked in words, an error banner over
/// the last good data, the picker with a broken entry, a comparison.
#[test]
fn live_dataset_states() {
    use bri_dash::app::{Banner, CatalogEntry, CatalogStatus};
    let mut app = main_app(Lang::En, 100, 30);
    app.stale_after_months = Some(24);
    app.banner = Some(Banner::Error(bri_dash::dataset::Text {
        en: "/data/mine.toml:38:9: expected a number for the value".to_owned(),
        zh: "/data/mine.toml:38:9：值应为数字".to_owned(),
    }));
    insta::assert_snapshot!("stale-and-banner-en-100x30", screen(&app));

    let ok = CatalogStatus::Ok {
        title: app.dataset.meta.title.clone(),
        as_of: app.dataset.meta.as_of,
    };
    app.catalog = vec![
        CatalogEntry {
            name: "digital-silk-road-2023".into(),
            location: "builtin:digital-silk-road-2023".into(),
            status: ok,
        },
        CatalogEntry {
            name: "mine".into(),
            location: "/data/mine.toml".into(),
            status: CatalogStatus::Invalid("/data/mine.toml:38:9: expected a number".into()),
        },
    ];
    app.current = Some(0);
    app.banner = None;
    update(&mut app, Action::OpenPicker);
    press(&mut app, "j");
    insta::assert_snapshot!("picker-en-100x30", screen(&app));

    let other = builtin_app("bri-connectivity", Lang::En, 100, 30);
    app.comparison = Some(bri_dash::dataset::diff::diff(&other.dataset, &app.dataset));
    app.overlay = Some(bri_dash::app::Overlay::Compare { scroll: 0 });
    insta::assert_snapshot!("compare-en-100x30", screen(&app));
}

/// From 40 columns up, the header gives up the age, then the date, and cuts the title with
/// an ellipsis: the app's name and what is shown on the right are never drawn over.
#[test]
fn the_header_never_writes_over_itself() {
    for width in 40..=130 {
        let app = main_app(Lang::En, width, 24);
        let header: String = to_text(&draw(&app, width, 24))
            .lines()
            .next()
            .unwrap()
            .to_owned();
        assert!(header.starts_with(" bri-dash │ "), "{width}: {header}");
        let right = header.trim_end();
        assert!(
            right.ends_with("[L] English"),
            "{width}: the language key is whole: {header}"
        );
        if let Some(at) = header.find("as of ") {
            let date = &header[at + "as of ".len()..];
            assert!(date.starts_with("2023-10 "), "{width}: {header}");
            let title = &header[" bri-dash │ ".len()..at];
            assert!(
                title.trim_end().ends_with('…') || title.contains("Belt and Road digital economy"),
                "{width}: the title is whole or ends in an ellipsis: {header}"
            );
        }
    }
}

/// At 40 columns a popup's title and key hints are cut inside its frame: both corners stay.
#[test]
fn popup_hints_stay_inside_the_frame_at_40_columns() {
    for keys in ["Enter", "?", "d"] {
        let mut app = main_app(Lang::Zh, 40, 20);
        press(&mut app, keys);
        let area = common::layout(&app).popup.expect("a popup").area;
        let buffer = draw(&app, 40, 20);
        let bottom = area.bottom() - 1;
        assert_eq!(buffer[(area.x, bottom)].symbol(), "┗", "{keys}");
        assert_eq!(
            buffer[(area.right() - 1, bottom)].symbol(),
            "┛",
            "{keys}: the hint runs over the corner: {}",
            to_text(&buffer)
        );
    }
    let mut app = main_app(Lang::Zh, 40, 20);
    press(&mut app, "Enter");
    insta::assert_snapshot!("detail-zh-40x20", screen(&app));
}

/// The help shows what each mark means, and scrolls to it at 80×24.
#[test]
fn the_help_scrolls_to_its_legend_of_marks() {
    let mut app = main_app(Lang::En, 80, 24);
    press(&mut app, "? End");
    let text = screen(&app);
    insta::assert_snapshot!("help-legend-en-80x24", text);
    for mark in ["◷", "◆", "⚠", "≈"] {
        assert!(text.contains(mark), "{mark} is explained: {text}");
    }
    let mut wide = main_app(Lang::En, 200, 60);
    press(&mut wide, "?");
    let text = screen(&wide);
    assert!(
        text.contains("previous / next tab; on a grid of cards, the card beside"),
        "at 200 columns no line of the help is cut: {text}"
    );
}

/// A broken reload: the banner names the first problem, the dataset still shown and the
/// key for the rest; `e` (or a click on the banner) lists every problem as `check` does.
#[test]
fn the_error_banner_opens_to_every_problem() {
    use bri_dash::app::{Banner, LoadReason, Loaded, Overlay};
    // Two references to a source that does not exist: two located problems.
    let broken = include_str!("../../assets/datasets/digital-silk-road-2023.toml").replacen(
        "source = \"seed\"",
        "source = \"sead\"",
        2,
    );
    let error = bri_dash::dataset::parse("/data/mine.toml", &broken).unwrap_err();
    let mut app = main_app(Lang::En, 140, 30);
    update(
        &mut app,
        Action::DatasetLoaded(Box::new(Loaded {
            entry: None,
            reason: LoadReason::Reload,
            result: Err(error.clone()),
            index: None,
            problem: None,
        })),
    );
    assert!(matches!(app.banner, Some(Banner::Error(_))));
    let text = screen(&app);
    let banner = text.lines().nth(2).unwrap();
    assert!(
        banner.starts_with(" ⚠ mine.toml:16:10: unknown source"),
        "the file's name, not its whole path: {banner}"
    );
    assert!(
        banner.contains("— still showing digital-silk-road-2023"),
        "{banner}"
    );
    assert!(banner.trim_end().ends_with("e all problems"), "{banner}");

    press(&mut app, "e");
    assert_eq!(app.overlay, Some(Overlay::Problems { scroll: 0 }));
    let text = screen(&app);
    insta::assert_snapshot!("problems-en-140x30", text);
    let report = error.to_string();
    let problems = report
        .lines()
        .filter(|line| line.contains("/data/mine.toml:"))
        .count();
    assert!(
        problems >= 2,
        "the fixture has more than one problem: {report}"
    );
    assert_eq!(
        text.matches("/data/mine.toml:").count(),
        problems,
        "every problem is listed, with its whole path: {text}"
    );
    press(&mut app, "Esc");
    let (column, row) = (10, 2);
    assert_eq!(
        common::send(&mut app, bri_dash::input::Event::Click { column, row }),
        Some(bri_dash::app::Command::Redraw)
    );
    assert_eq!(
        app.overlay,
        Some(Overlay::Problems { scroll: 0 }),
        "a click on the banner opens it"
    );
}

/// Prepended concatenation marks and other format characters in a label (Arabic number
/// signs, the end of ayah, a Kaithi number sign…) join the next character into a cluster
/// whose width terminals disagree on: they moved a card's border and left fragments after a
/// tab switch. They are dropped at load, so the overview is the overview of the clean label,
/// before and after a tab switch.
#[test]
fn format_characters_in_a_label_move_no_border() {
    let clean = include_str!("../../assets/datasets/digital-silk-road-2023.toml");
    let label = "en = \"Countries with a Digital Silk Road MoU\"";
    assert!(clean.contains(label));
    let marked = clean.replacen(
        label,
        "en = \"\u{0600}Countries \u{06DD}with a \u{110BD}Digital \u{0890}Silk \u{08E2}Road \u{070F}MoU\"",
        1,
    );
    let app_of = |text: &str| {
        let dataset = bri_dash::dataset::parse("marked.toml", text).expect("valid");
        let today = main_app(Lang::En, 100, 30).today;
        App::new(
            std::sync::Arc::new(dataset),
            Lang::En,
            today,
            ratatui::layout::Size::new(100, 30),
        )
    };
    let (clean_app, mut marked_app) = (app_of(clean), app_of(&marked));
    assert_eq!(screen(&marked_app), screen(&clean_app));
    press(&mut marked_app, "Tab BackTab");
    assert_eq!(
        screen(&marked_app),
        screen(&clean_app),
        "after a tab switch"
    );
}
