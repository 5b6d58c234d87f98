//! Search: typed queries in either language, the hits, and jumping to them.

use crate::common;

use bri_dash::app::{Item, Overlay, Search};
use bri_dash::dataset::Lang;
use bri_dash::ui::headless::{draw, to_text};
use common::{main_app, press};

fn type_query(app: &mut bri_dash::app::App, text: &str) {
    press(app, "/");
    type_text(app, text);
}

fn type_text(app: &mut bri_dash::app::App, text: &str) {
    for c in text.chars() {
        bri_dash::app::update(app, bri_dash::app::Action::SearchInput(c));
    }
}

fn search(app: &bri_dash::app::App) -> &Search {
    app.search.as_ref().expect("a search")
}

#[test]
fn a_chinese_query_finds_the_figure_and_enter_jumps_to_it() {
    let mut app = main_app(Lang::En, 100, 30);
    type_query(&mut app, "陆缆");
    assert!(search(&app).editing);
    let first = search(&app).hits[0];
    assert_eq!(
        app.search_index.entries[first].title.en,
        "Cross-border land cable systems built by China"
    );
    press(&mut app, "Enter");
    assert!(
        !search(&app).editing,
        "Enter leaves typing and keeps the hits for n/N"
    );
    assert_eq!(app.dataset.tabs[app.tab].id, "overview");
    let Some(Item::Indicator(indicator)) = app.selected_item() else {
        panic!("an indicator is selected")
    };
    assert_eq!(
        app.dataset.indicators[indicator].id,
        "cross-border-land-cables"
    );
}

#[test]
fn an_english_query_matches_points_in_both_languages_and_n_steps_through() {
    let mut app = main_app(Lang::Zh, 100, 30);
    type_query(&mut app, "wallet");
    let hits = search(&app).hits.clone();
    assert!(!hits.is_empty(), "digital wallets in South Africa");
    press(&mut app, "Enter");
    assert_eq!(app.dataset.tabs[app.tab].id, "achievements");
    assert!(matches!(app.selected_item(), Some(Item::Point { .. })));

    // Every word must match, whatever its language.
    type_query(&mut app, "silk 备忘录");
    let count = search(&app).hits.len();
    assert!(count >= 2, "{count}");
    press(&mut app, "Enter n");
    assert_eq!(search(&app).selected, 1);
    press(&mut app, "N N");
    assert_eq!(
        search(&app).selected,
        count - 1,
        "N wraps around to the last hit"
    );
}

#[test]
fn typing_edits_the_query_and_esc_leaves_the_search() {
    let mut app = main_app(Lang::En, 100, 30);
    type_query(&mut app, "qq");
    assert!(search(&app).hits.is_empty());
    press(&mut app, "Backspace Backspace");
    assert_eq!(search(&app).query, "");
    // Letters are text while typing: q does not quit, j does not move.
    type_text(&mut app, "outlook");
    assert_eq!(search(&app).query, "outlook");
    assert!(!search(&app).hits.is_empty());
    press(&mut app, "Down Up Esc");
    assert_eq!(app.search, None);
    assert_eq!(app.overlay, None);
}

#[test]
fn the_results_list_says_where_each_hit_is() {
    let mut app = main_app(Lang::En, 100, 30);
    type_query(&mut app, "infrastructure");
    let screen = to_text(&draw(&app, 100, 30));
    assert!(screen.contains("Search · "), "{screen}");
    assert!(
        screen.contains("Achievements › Digital infrastructure"),
        "{screen}"
    );
    assert!(screen.contains("/ infrastructure▏"), "{screen}");
    insta::assert_snapshot!("search-results-en-100x30", screen);
    let mut app = main_app(Lang::Zh, 80, 24);
    type_query(&mut app, "人才");
    insta::assert_snapshot!("search-results-zh-80x24", to_text(&draw(&app, 80, 24)));
}

#[test]
fn a_hit_inside_a_popup_closes_it() {
    let mut app = main_app(Lang::En, 100, 30);
    press(&mut app, "Enter");
    assert!(matches!(app.overlay, Some(Overlay::Detail { .. })));
    press(&mut app, "Esc");
    type_query(&mut app, "timeline");
    press(&mut app, "Enter");
    assert_eq!(
        app.dataset.tabs[app.tab].id, "timeline",
        "a tab title is a hit too"
    );
}

#[test]
fn a_year_of_a_series_finds_its_figure() {
    let mut app = common::builtin_app("bri-connectivity", Lang::Zh, 100, 30);
    type_query(&mut app, "班列 2020");
    let titles: Vec<String> = search(&app)
        .hits
        .iter()
        .map(|&hit| app.search_index.entries[hit].title.en.clone())
        .collect();
    assert!(
        titles.contains(&"China–Europe Railway Express trains per year".to_owned()),
        "{titles:?}"
    );
}
