//! Search: typed queries in either language, the hits, and jumping to them.

use crate::common;

use bri_dash::app::{App, Edit, Item, Overlay, Search, search};
use bri_dash::dataset::Lang;
use bri_dash::ui::headless::{draw, to_text};
use common::{main_app, press};

/// A new query: `/` starts from the last one, which Ctrl-U clears.
fn type_query(app: &mut bri_dash::app::App, text: &str) {
    press(app, "/ C-u");
    type_text(app, text);
}

fn type_text(app: &mut bri_dash::app::App, text: &str) {
    for c in text.chars() {
        bri_dash::app::update(app, bri_dash::app::Action::SearchEdit(Edit::Insert(c)));
    }
}

fn search(app: &App) -> &Search {
    app.search.as_ref().expect("a search")
}

/// The English title of a hit.
fn title_of(app: &App, hit: usize) -> String {
    let index = app.search_index.as_ref().expect("indexed");
    bri_dash::app::search::title(&app.dataset, index.entries[hit].of)
        .en
        .clone()
}

#[test]
fn a_chinese_query_finds_the_figure_and_enter_jumps_to_it() {
    let mut app = main_app(Lang::En, 100, 30);
    type_query(&mut app, "陆缆");
    assert!(search(&app).editing);
    let first = search(&app).hits[0];
    assert_eq!(
        title_of(&app, first),
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
        .map(|&hit| title_of(&app, hit))
        .collect();
    assert!(
        titles.contains(&"China–Europe Railway Express trains per year".to_owned()),
        "{titles:?}"
    );
}

/// Every entry that says every word, found the slow way: each of its fields, folded.
fn brute_force(app: &App, words: &[&str]) -> Vec<usize> {
    let index = app.search_index.as_ref().expect("indexed");
    let fold = |text: &str| text.chars().map(search::fold).collect::<String>();
    (0..index.entries.len())
        .filter(|&entry| {
            let text: String = search::fields(&app.dataset, index.entries[entry].of)
                .iter()
                .flat_map(|(_, text)| [fold(&text.zh), fold(&text.en)])
                .collect::<Vec<_>>()
                .join("\n");
            words.iter().all(|word| text.contains(&fold(word)))
        })
        .collect()
}

#[test]
fn the_count_is_every_hit_and_the_index_finds_what_a_plain_scan_finds() {
    for name in [
        "digital-silk-road-2023",
        "bri-connectivity",
        "silk-road-partners",
    ] {
        let mut app = common::builtin_app(name, Lang::En, 100, 30);
        for query in [
            "e",
            "数字",
            "digital cooperation",
            "2023",
            "China 中国",
            "PAK",
            "zzz",
        ] {
            type_query(&mut app, query);
            let words: Vec<&str> = query.split_whitespace().collect();
            let expected = brute_force(&app, &words);
            let search = search(&app);
            let mut found = search.hits[..search.similar_from].to_vec();
            found.sort_unstable();
            assert_eq!(found, expected, "{name}: {query}");
            let screen = to_text(&draw(&app, 100, 30));
            assert!(
                screen.contains(&format!("{} hit", expected.len())),
                "{name}: {query}: the real count\n{screen}"
            );
        }
    }
    // More than the old cap of 500: every entry of the partners dataset has an "e" or not.
    let mut app = common::builtin_app("silk-road-partners", Lang::En, 100, 30);
    type_query(&mut app, "a");
    assert!(search(&app).hits.len() > 100, "{}", search(&app).hits.len());
}

#[test]
fn a_title_that_is_the_query_comes_first_then_titles_that_begin_with_it() {
    let mut app = main_app(Lang::En, 100, 30);
    type_query(&mut app, "timeline");
    let first = search(&app).hits[0];
    assert_eq!(
        title_of(&app, first),
        "Timeline",
        "the tab whose title is the query"
    );
    type_query(&mut app, "digital");
    let titles: Vec<String> = search(&app)
        .hits
        .iter()
        .map(|&hit| title_of(&app, hit))
        .collect();
    let begins = |title: &str| title.to_lowercase().starts_with("digital");
    let first_other = titles.iter().position(|title| !begins(title)).unwrap();
    assert!(first_other > 0, "{titles:?}");
    assert!(
        titles[first_other..].iter().all(|title| !begins(title)),
        "titles that begin with the query come before the rest: {titles:?}"
    );
}

#[test]
fn a_hit_in_a_quote_says_so_and_shows_the_words_around_it() {
    let mut app = common::builtin_app("bri-connectivity", Lang::En, 120, 30);
    type_query(&mut app, "cargo value");
    let screen = to_text(&draw(&app, 120, 30));
    assert!(
        screen.contains("· quote: ") || screen.contains("· note: "),
        "where it matched:\n{screen}"
    );
    insta::assert_snapshot!("search-results-where-they-matched-en-120x30", screen);
}

#[test]
fn a_misspelt_query_lists_similar_titles_after_the_hits() {
    let mut app = main_app(Lang::En, 100, 30);
    type_query(&mut app, "infrastucture");
    let search = search(&app);
    assert_eq!(search.similar_from, 0, "no hit has the misspelling");
    let titles: Vec<String> = search.hits.iter().map(|&hit| title_of(&app, hit)).collect();
    assert!(
        titles.iter().any(|title| title == "Digital infrastructure"),
        "{titles:?}"
    );
    let screen = to_text(&draw(&app, 100, 30));
    assert!(screen.contains("0 hits · "), "{screen}");
    assert!(screen.contains(" similar"), "{screen}");
}

#[test]
fn the_query_line_edits_and_slash_starts_from_the_last_query() {
    let mut app = main_app(Lang::En, 100, 30);
    type_query(&mut app, "silk road");
    press(&mut app, "Left Left Left Left Left");
    type_text(&mut app, "X");
    assert_eq!(search(&app).query, "silkX road");
    press(&mut app, "Backspace End C-w");
    assert_eq!(search(&app).query, "silk ");
    let screen = to_text(&draw(&app, 100, 30));
    assert!(
        screen.contains("/ silk ▏"),
        "the cursor where typing goes\n{screen}"
    );
    press(&mut app, "Esc");
    assert_eq!(app.search, None);
    press(&mut app, "/");
    assert_eq!(search(&app).query, "silk ", "the last query is kept");
    assert!(!search(&app).hits.is_empty(), "and run again");
    press(&mut app, "C-u");
    assert_eq!(search(&app).query, "");
    assert!(search(&app).hits.is_empty());
}

#[test]
fn a_click_on_a_hit_goes_there() {
    let mut app = main_app(Lang::En, 100, 30);
    type_query(&mut app, "timeline");
    let layout = common::layout(&app);
    let (hit, row) = layout.popup.as_ref().expect("the results").entries[0];
    assert_eq!(hit, 0);
    common::send(
        &mut app,
        bri_dash::input::Event::Click {
            column: row.x + 3,
            row: row.y,
        },
    );
    assert!(!search(&app).editing);
    assert_eq!(app.dataset.tabs[app.tab].id, "timeline");
}

#[test]
fn the_index_arrives_after_the_first_frame_and_the_open_search_runs_then() {
    use bri_dash::app::{Action, IndexReady, Navigation, SearchIndex, update};
    let indexed = main_app(Lang::En, 100, 30);
    let mut app = App::new(
        std::sync::Arc::clone(&indexed.dataset),
        Lang::En,
        indexed.today,
        indexed.size,
    );
    type_query(&mut app, "cable");
    assert!(search(&app).hits.is_empty());
    let screen = to_text(&draw(&app, 100, 30));
    assert!(screen.contains("Indexing the dataset…"), "{screen}");
    let index = SearchIndex::new(&app.dataset, &Navigation::new(&app.dataset));
    let ready = IndexReady {
        dataset: std::sync::Arc::clone(&app.dataset),
        index: std::sync::Arc::new(index),
    };
    update(&mut app, Action::SearchIndexReady(ready));
    assert!(
        !search(&app).hits.is_empty(),
        "the query typed meanwhile runs"
    );
    assert_eq!(search(&app).query, "cable");
}

#[test]
fn a_hit_in_a_sorted_table_lands_on_its_row() {
    // The partners dataset without its map: a country is found in the table alone.
    let text = include_str!("../../assets/datasets/silk-road-partners.toml");
    let map = text.find("[[tabs]]\nid = \"map\"").expect("a map tab");
    let next = map + text[map + 1..].find("[[tabs]]").expect("a tab after it") + 1;
    let text = format!("{}{}", &text[..map], &text[next..]);
    let dataset = bri_dash::dataset::parse("partners-without-map.toml", &text).expect("valid");
    let today = main_app(Lang::En, 120, 40).today;
    let mut app = App::new(
        std::sync::Arc::new(dataset),
        Lang::En,
        today,
        ratatui::layout::Size::new(120, 40),
    )
    .with_search_index();
    let table = app
        .dataset
        .tabs
        .iter()
        .position(|tab| tab.kind == bri_dash::dataset::TabKind::Countries)
        .expect("a country table");
    bri_dash::app::update(&mut app, bri_dash::app::Action::GoToTab(table));
    let before = app.items().to_vec();
    // Sorted by another column, then reversed: the rows move.
    press(&mut app, "s S");
    assert_ne!(app.items(), &before[..], "the sort moved the rows");
    type_query(&mut app, "Pakistan");
    press(&mut app, "Enter");
    assert_eq!(app.tab, table);
    let shown = app.selected_item();
    assert_eq!(
        shown.map(|item| match item {
            Item::Country(c) => app.dataset.countries[c].code.clone(),
            other => format!("{other:?}"),
        }),
        Some("PAK".to_owned())
    );
}
