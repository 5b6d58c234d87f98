//! The map and the country table of the third built-in dataset, as a reader uses them:
//! every view at 80×24 and 120×40 in both languages and at two zooms, the time slider,
//! region jumps, clicks on a country, sorting, filtering, grouping, and a country's
//! detail with every fact about it.

use crate::common;

use bri_dash::app::{Action, App, Command, Edit, Item, Overlay, update};
use bri_dash::dataset::Lang;
use bri_dash::input::Event;
use common::{builtin_app, layout, press, send};

fn partners(lang: Lang, width: u16, height: u16) -> App {
    builtin_app("silk-road-partners", lang, width, height)
}

fn go_to(app: &mut App, id: &str) {
    let tab = app
        .dataset
        .tabs
        .iter()
        .position(|tab| tab.id == id)
        .unwrap_or_else(|| panic!("a tab `{id}`"));
    update(app, Action::GoToTab(tab));
}

use common::screen;

fn select_country(app: &mut App, code: &str) {
    let index = app
        .items()
        .iter()
        .position(|item| matches!(item, Item::Country(c) if app.dataset.countries[*c].code == code))
        .unwrap_or_else(|| panic!("{code} is on this tab"));
    update(app, Action::Select(index));
}

#[test]
fn the_map_in_both_languages_at_both_sizes_and_two_zooms() {
    for lang in [Lang::En, Lang::Zh] {
        for (width, height) in [(80, 24), (120, 40)] {
            let mut app = partners(lang, width, height);
            go_to(&mut app, "map");
            select_country(&mut app, "PAK");
            let text = screen(&app);
            insta::assert_snapshot!(format!("map-{}-{width}x{height}", lang.code()), text);
            assert!(
                text.contains(match lang {
                    Lang::En => "Pakistan",
                    Lang::Zh => "巴基斯坦",
                }),
                "the selected country is named: {text}"
            );
            press(&mut app, "m");
            let asia = screen(&app);
            insta::assert_snapshot!(format!("map-asia-{}-{width}x{height}", lang.code()), asia);
            assert_ne!(asia, text, "the jump to Asia zooms in");
        }
    }
}

#[test]
fn the_legend_states_the_classes_and_the_year_of_the_slider() {
    let mut app = partners(Lang::En, 120, 40);
    go_to(&mut app, "map");
    let latest = screen(&app);
    assert!(latest.contains("everything known"), "{latest}");
    assert!(latest.contains("no data"), "{latest}");
    press(&mut app, ",");
    let earlier = screen(&app);
    assert!(
        earlier.contains("by the end of"),
        "the slider goes back a year: {earlier}"
    );
    assert_ne!(latest, earlier);
    for _ in 0..30 {
        press(&mut app, ",");
    }
    let first = screen(&app);
    assert!(first.contains("by the end of 2016"), "{first}");
    for _ in 0..30 {
        press(&mut app, ".");
    }
    assert_eq!(screen(&app), latest, "forward again to everything known");
}

#[test]
fn without_colour_classes_differ_by_the_density_of_their_dots() {
    let mut app = partners(Lang::En, 120, 40);
    app.theme = bri_dash::app::Theme::new(bri_dash::app::ThemeName::Mono, true);
    go_to(&mut app, "map");
    let text = screen(&app);
    // The swatches of the legend, beside the map: each class its own dots.
    let panel = layout(&app).map.unwrap().area.right() as usize;
    let swatches: Vec<char> = text
        .lines()
        .filter_map(|line| {
            let beside: String = line.chars().skip(panel).collect();
            let mut chars = beside.trim().chars();
            let (first, space) = (chars.next()?, chars.next()?);
            (('\u{2801}'..='\u{28ff}').contains(&first) && space == ' ').then_some(first)
        })
        .collect();
    let mut distinct = swatches.clone();
    distinct.sort();
    distinct.dedup();
    assert!(swatches.len() >= 3, "{text}");
    assert_eq!(distinct.len(), swatches.len(), "{swatches:?}");
}

#[test]
fn zoom_pan_and_a_click_on_a_country_open_its_detail() {
    let mut app = partners(Lang::En, 120, 40);
    go_to(&mut app, "map");
    let world = app.maps[app.tab].viewport;
    press(&mut app, "+");
    assert!(app.maps[app.tab].viewport.zoom > world.zoom);
    press(&mut app, "-");
    assert_eq!(app.maps[app.tab].viewport.zoom, world.zoom);
    send(&mut app, Event::ScrollUp);
    assert!(
        app.maps[app.tab].viewport.zoom > world.zoom,
        "the wheel zooms the map"
    );
    let zoomed = app.maps[app.tab].viewport;
    press(&mut app, "S-Right");
    assert!(app.maps[app.tab].viewport.center_lon > zoomed.center_lon);

    // A click where Pakistan is drawn selects it; a second click opens it.
    let mut app = partners(Lang::En, 120, 40);
    go_to(&mut app, "map");
    let frame = layout(&app);
    let map = frame.map.expect("the map reports its cells");
    let pakistan = app
        .items()
        .iter()
        .position(
            |item| matches!(item, Item::Country(c) if app.dataset.countries[*c].code == "PAK"),
        )
        .unwrap();
    let cell = map
        .cells
        .iter()
        .position(|item| *item == Some(pakistan as u32))
        .expect("Pakistan is drawn");
    let (column, row) = (
        map.area.x + (cell % map.area.width as usize) as u16,
        map.area.y + (cell / map.area.width as usize) as u16,
    );
    send(&mut app, Event::Click { column, row });
    assert_eq!(app.selected_item(), Some(app.items()[pakistan]));
    send(&mut app, Event::Click { column, row });
    assert!(matches!(
        app.overlay,
        Some(Overlay::Detail {
            item: Item::Country(_),
            ..
        })
    ));
    let detail = screen(&app);
    insta::assert_snapshot!("country-detail-en-120x40", detail);
    assert!(detail.contains("Pakistan (PAK)"), "{detail}");
    assert!(detail.contains("On the map"), "{detail}");
    assert!(detail.contains("Source"), "{detail}");
}

#[test]
fn a_drag_moves_the_map() {
    let mut app = partners(Lang::En, 120, 40);
    go_to(&mut app, "map");
    press(&mut app, "+ +");
    let before = app.maps[app.tab].viewport;
    send(
        &mut app,
        Event::Click {
            column: 40,
            row: 20,
        },
    );
    send(
        &mut app,
        Event::Drag {
            column: 30,
            row: 20,
        },
    );
    let after = app.maps[app.tab].viewport;
    assert!(
        after.center_lon > before.center_lon,
        "dragging left moves the view east: {before:?} → {after:?}"
    );
}

#[test]
fn the_table_in_both_languages_at_both_sizes() {
    for lang in [Lang::En, Lang::Zh] {
        for (width, height) in [(80, 24), (120, 40)] {
            let mut app = partners(lang, width, height);
            go_to(&mut app, "countries");
            insta::assert_snapshot!(
                format!("table-{}-{width}x{height}", lang.code()),
                screen(&app)
            );
        }
    }
}

#[test]
fn the_table_sorts_filters_and_groups() {
    let mut app = partners(Lang::En, 120, 40);
    go_to(&mut app, "countries");
    let names = |app: &App| -> Vec<String> {
        app.items()
            .iter()
            .map(|item| match item {
                Item::Country(c) => app.dataset.countries[*c].name.en.clone(),
                other => panic!("{other:?}"),
            })
            .collect()
    };
    let by_name = names(&app);
    let mut sorted = by_name.clone();
    sorted.sort_by_key(|name| name.to_lowercase());
    assert_eq!(by_name, sorted, "by name at first");
    press(&mut app, "S");
    let reversed = names(&app);
    assert_eq!(reversed.first(), by_name.last(), "S reverses");

    // Sort by the first fact column (a click on its header): the earliest signing first.
    let header = layout(&app).columns[2].1;
    send(
        &mut app,
        Event::Click {
            column: header.x,
            row: header.y,
        },
    );
    assert_eq!(app.tables[app.tab].sort, 2);
    let text = screen(&app);
    assert!(text.contains("▲"), "{text}");

    // f, then typing, narrows the rows at each key; Esc clears the filter.
    press(&mut app, "f p a k");
    assert_eq!(names(&app), ["Pakistan"]);
    let filtered = screen(&app);
    assert!(filtered.contains("Filter: pak"), "{filtered}");
    assert_eq!(press(&mut app, "Enter"), Command::Redraw);
    assert!(
        app.overlay.is_none(),
        "Enter ends the typing, keeps the filter"
    );
    press(&mut app, "Enter");
    assert!(
        matches!(
            app.overlay,
            Some(Overlay::Detail {
                item: Item::Country(_),
                ..
            })
        ),
        "Enter on a row opens the country"
    );
    press(&mut app, "Esc f Esc");
    assert_eq!(names(&app).len(), by_name.len(), "Esc clears the filter");

    press(&mut app, "b");
    let grouped = screen(&app);
    insta::assert_snapshot!("table-grouped-en-120x40", grouped);
    assert!(grouped.contains("Asia"), "{grouped}");
}

#[test]
fn search_finds_a_country_by_name_in_either_language_or_code() {
    for (query, lang) in [
        ("Pakistan", Lang::En),
        ("巴基斯坦", Lang::Zh),
        ("PAK", Lang::En),
    ] {
        let mut app = partners(lang, 120, 40);
        press(&mut app, "/");
        for c in query.chars() {
            update(&mut app, Action::SearchEdit(Edit::Insert(c)));
        }
        press(&mut app, "Enter");
        assert_eq!(
            app.selected_item().map(|item| match item {
                Item::Country(c) => app.dataset.countries[c].code.clone(),
                other => format!("{other:?}"),
            }),
            Some("PAK".to_owned()),
            "{query}"
        );
    }
}
