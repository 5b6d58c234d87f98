//! The update function: key sequences in, state out.

mod common;

use bri_dash::app::{Action, Command, Item, Overlay, update};
use bri_dash::dataset::Lang;
use bri_dash::ui::{Hit, hit_test};
use common::{main_app, press};

#[test]
fn tabs_cycle_forwards_and_backwards_and_jump_by_number() {
    let mut app = main_app(Lang::En, 100, 30);
    let tabs = app.dataset.tabs.len();
    assert_eq!(press(&mut app, "Tab"), Command::Redraw);
    assert_eq!(app.tab, 1);
    press(&mut app, "l Right");
    assert_eq!(app.tab, 3);
    press(&mut app, "BackTab h Left");
    assert_eq!(app.tab, 0);
    press(&mut app, "Left");
    assert_eq!(
        app.tab,
        tabs - 1,
        "Shift-Tab on the first tab wraps to the last"
    );
    press(&mut app, "5");
    assert_eq!(app.dataset.tabs[app.tab].id, "timeline");
    assert_eq!(
        press(&mut app, "9"),
        Command::None,
        "a tab that does not exist changes nothing"
    );
    assert_eq!(app.dataset.tabs[app.tab].id, "timeline");
}

#[test]
fn each_tab_keeps_its_own_selection() {
    let mut app = main_app(Lang::En, 100, 30);
    press(&mut app, "j j");
    assert_eq!(app.selected_index(), 2);
    press(&mut app, "Tab j Tab BackTab");
    assert_eq!(app.selected_index(), 1);
    press(&mut app, "BackTab");
    assert_eq!(app.selected_index(), 2);
}

#[test]
fn moving_stops_at_the_ends() {
    let mut app = main_app(Lang::En, 100, 30);
    press(&mut app, "2");
    let last = app.items().len() - 1;
    assert_eq!(press(&mut app, "k"), Command::None);
    press(&mut app, "End");
    assert_eq!(app.selected_index(), last);
    assert_eq!(press(&mut app, "Down"), Command::None);
    press(&mut app, "Home");
    assert_eq!(app.selected_index(), 0);
    press(&mut app, "PageDown");
    assert_eq!(app.selected_index(), 10, "a page is a third of 30 rows");
    press(&mut app, "PageUp");
    assert_eq!(app.selected_index(), 0);
}

#[test]
fn panel_keys_jump_between_panel_headers() {
    let mut app = main_app(Lang::En, 100, 30);
    press(&mut app, "4");
    let panels = app.dataset.tabs[app.tab].panels.clone();
    assert_eq!(panels.len(), 5, "five action areas");
    for &panel in &panels {
        assert_eq!(app.selected_item(), Some(Item::Panel(panel)));
        assert_eq!(app.current_panel(), Some(panel));
        press(&mut app, "]");
    }
    assert_eq!(
        app.current_panel(),
        panels.last().copied(),
        "] on the last panel stays"
    );
    press(&mut app, "j j [");
    assert_eq!(
        app.selected_item(),
        Some(Item::Panel(panels[4])),
        "[ inside a panel goes to its header"
    );
    press(&mut app, "[");
    assert_eq!(app.selected_item(), Some(Item::Panel(panels[3])));
}

#[test]
fn enter_opens_the_detail_and_esc_closes_it() {
    let mut app = main_app(Lang::En, 100, 30);
    press(&mut app, "j Enter");
    let second = app.navigation.tabs[0][1];
    assert_eq!(
        app.overlay,
        Some(Overlay::Detail {
            item: second,
            scroll: 0
        })
    );
    press(&mut app, "j");
    assert_eq!(
        app.selected_index(),
        1,
        "keys scroll the popup, not the list beneath"
    );
    press(&mut app, "Esc");
    assert_eq!(app.overlay, None);
    press(&mut app, "? Esc");
    assert_eq!(app.overlay, None);
    press(&mut app, "?");
    assert_eq!(app.overlay, Some(Overlay::Help));
}

#[test]
fn the_detail_scrolls_only_as_far_as_its_text() {
    let mut app = main_app(Lang::Zh, 40, 12);
    press(&mut app, "2 j Enter End");
    let Some(Overlay::Detail { scroll, .. }) = app.overlay else {
        panic!("detail open")
    };
    assert!(scroll > 0, "a long detail on a small screen scrolls");
    assert_eq!(
        press(&mut app, "Down"),
        Command::None,
        "and stops at its end"
    );
}

#[test]
fn language_switches_and_quit_is_a_command() {
    let mut app = main_app(Lang::En, 100, 30);
    press(&mut app, "L");
    assert_eq!(app.lang, Lang::Zh);
    press(&mut app, "L");
    assert_eq!(app.lang, Lang::En);
    assert_eq!(press(&mut app, "q"), Command::Quit);
    assert_eq!(press(&mut app, "C-c"), Command::Quit);
    assert_eq!(press(&mut app, "C-z"), Command::Suspend);
}

#[test]
fn clicks_select_tabs_and_items_and_open_the_selected_one() {
    let mut app = main_app(Lang::En, 100, 30);
    // Tab labels are on row 1: " 1 Overview  2 Achievements …".
    let column = (0..100)
        .find(|&x| hit_test(&app, x, 1) == Some(Hit::Tab(4)))
        .expect("tab 5 is on screen");
    update(&mut app, Action::Click { column, row: 1 });
    assert_eq!(app.tab, 4);
    update(&mut app, Action::GoToTab(0));
    let (x, y) = (0..100)
        .flat_map(|x| (3..29).map(move |y| (x, y)))
        .find(|&(x, y)| hit_test(&app, x, y) == Some(Hit::Item(2)))
        .expect("the third card is on screen");
    update(&mut app, Action::Click { column: x, row: y });
    assert_eq!(app.selected_index(), 2);
    assert_eq!(app.overlay, None);
    update(&mut app, Action::Click { column: x, row: y });
    assert!(
        matches!(app.overlay, Some(Overlay::Detail { .. })),
        "a click on the selected item opens it"
    );
    update(&mut app, Action::Click { column: 0, row: 0 });
    assert_eq!(app.overlay, None, "a click outside the popup closes it");
    update(&mut app, Action::ScrollDown { column: x, row: y });
    assert_eq!(app.selected_index(), 3);
}

#[test]
fn resizing_to_nothing_and_back_never_panics() {
    let mut app = main_app(Lang::Zh, 100, 30);
    press(&mut app, "2 End Enter");
    for (width, height) in [(0, 0), (1, 1), (3, 2), (1, 100), (20, 5), (80, 24)] {
        update(&mut app, Action::Resize { width, height });
        let text =
            bri_dash::ui::headless::to_text(&bri_dash::ui::headless::draw(&app, width, height));
        if (width, height) == (20, 5) {
            assert!(text.contains("终端窗口太小"), "{text}");
        }
        if (width, height) == (80, 24) {
            assert!(text.contains("2 发展成就"), "the dashboard is back: {text}");
        }
    }
}
